import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { log } from '../../common/http/logger';
import { AuditChainService } from '../audit/audit-chain.service';
import { QUEUES } from '../jobs/queues';

/** How often committed audit rows are sealed into the hash chain. */
const AUDIT_SEAL_EVERY_MS = 60_000;

/** Housekeeping jobs of the platform, run by the worker on a schedule. */
@Processor(QUEUES.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly chain: AuditChainService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // one schedule per name however many workers start: BullMQ keeps a single scheduler per id
    await this.queue.upsertJobScheduler('audit-seal', { every: AUDIT_SEAL_EVERY_MS }, { name: 'audit-seal', data: {} });
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case 'audit-seal': {
        const sealed = await this.chain.seal();
        if (sealed > 0) log('info', 'audit.sealed', { jobId: job.id, sealed });
        return sealed;
      }
      default:
        throw new Error(`unknown maintenance job ${job.name}`);
    }
  }
}
