import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { log } from '../../common/http/logger';
import { AuditChainService } from '../audit/audit-chain.service';
import { QUEUES } from '../jobs/queues';
import { PrivacyService } from '../privacy/privacy.service';

/** How often committed audit rows are sealed into the hash chain. */
const AUDIT_SEAL_EVERY_MS = 60_000;

/** Housekeeping jobs of the platform, run by the worker on a schedule. */
@Processor(QUEUES.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly chain: AuditChainService,
    private readonly privacy: PrivacyService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // one schedule per name however many workers start: BullMQ keeps a single scheduler per id
    await this.queue.upsertJobScheduler('audit-seal', { every: AUDIT_SEAL_EVERY_MS }, { name: 'audit-seal', data: {} });
    // nightly, in Riga's night
    await this.queue.upsertJobScheduler('retention-anonymise', { pattern: '30 2 * * *', tz: 'Europe/Riga' }, { name: 'retention-anonymise', data: {} });
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case 'audit-seal': {
        const sealed = await this.chain.seal();
        if (sealed > 0) log('info', 'audit.sealed', { jobId: job.id, sealed });
        return sealed;
      }
      case 'retention-anonymise': {
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());
        const anonymised = await this.privacy.anonymiseExpired(today);
        log('info', 'retention.anonymised', { jobId: job.id, count: anonymised.length });
        return anonymised.length;
      }
      default:
        throw new Error(`unknown maintenance job ${job.name}`);
    }
  }
}
