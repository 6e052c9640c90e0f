import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { log } from '../../common/http/logger';
import { JobPayloads, QUEUES } from '../jobs/queues';
import { RollupService } from './rollup.service';

/** Refresh every 15 minutes for the recent months (late visits reach back 95 days), and nightly in full. */
@Processor(QUEUES.reports, { concurrency: 1 })
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly rollups: RollupService,
    @InjectQueue(QUEUES.reports) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('report-rollup-recent', { every: 15 * 60 * 1000 }, { name: 'report-rollup-refresh', data: { recentMonths: 4 } });
    await this.queue.upsertJobScheduler(
      'report-rollup-nightly',
      { pattern: '30 2 * * *', tz: 'Europe/Riga' },
      { name: 'report-rollup-refresh', data: { recentMonths: null } },
    );
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== 'report-rollup-refresh') throw new Error(`unknown reports job ${job.name}`);
    const data = job.data as JobPayloads['report-rollup-refresh'];
    const started = Date.now();
    const counts = await this.rollups.refresh(data.recentMonths === null ? null : this.rollups.monthsBack(data.recentMonths));
    log('info', 'report.rollup', { jobId: job.id, ...counts, ms: Date.now() - started });
    return counts;
  }
}
