import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { JobsService } from '../jobs/jobs.service';
import { QUEUE_BACKEND } from '../jobs/jobs.module';
import { QUEUES } from '../jobs/queues';

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    @Inject(QUEUE_BACKEND) private readonly backend: string,
  ) {}

  @Public()
  @Get()
  async health() {
    const database = await within(2000, this.db.query('SELECT 1'))
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const queue = await within(2000, this.jobs.queue(QUEUES.maintenance).getJobCounts('waiting'))
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    return { status: database === 'up' && queue === 'up' ? 'ok' : 'degraded', database, queue, queueBackend: this.backend };
  }
}
