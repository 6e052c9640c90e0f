import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { log } from '../../common/http/logger';
import { QUEUES } from '../jobs/queues';
import { ContractsService } from './contracts.service';

/** Every morning (Riga time) approved contracts whose start date has come become active; idempotent. */
@Processor(QUEUES.marketplace, { concurrency: 1 })
export class MarketplaceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly db: DataSource,
    private readonly contracts: ContractsService,
    @InjectQueue(QUEUES.marketplace) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('contract-activation-sweep', { pattern: '5 0 * * *', tz: 'Europe/Riga' }, { name: 'contract-activation-sweep', data: {} });
    // and once at start, so a platform that was down at midnight catches up
    await this.queue.add('contract-activation-sweep', {}, { jobId: `contract-activation-${new Date().toISOString().slice(0, 10)}` });
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case 'contract-activation-sweep': {
        const n = await this.contracts.activateDue(this.db.manager);
        log('info', 'contract.activation-sweep', { jobId: job.id, activated: n });
        return n;
      }
      default:
        throw new Error(`unknown marketplace job ${job.name}`);
    }
  }
}
