import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { log } from '../../common/http/logger';
import { JobPayloads, QUEUES } from '../jobs/queues';
import { CaseDeadlinesService } from './case-deadlines.service';

/**
 * First-contact timers (one delayed job per case and kind), and a daily sweep at 07:00 Riga time that
 * opens due transition reviews and sends any deadline alert a lost timer missed. All idempotent.
 */
@Processor(QUEUES.cases, { concurrency: 4 })
export class CasesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly deadlines: CaseDeadlinesService,
    @InjectQueue(QUEUES.cases) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('cases-daily-sweep', { pattern: '0 7 * * *', tz: 'Europe/Riga' }, { name: 'transition-review-sweep', data: {} });
  }

  async process(job: Job): Promise<string | number> {
    if (job.name === 'case-deadline') {
      const data = job.data as JobPayloads['case-deadline'];
      const outcome = await this.deadlines.handle(data.caseId, data.kind);
      log('info', 'case.deadline', { jobId: job.id, caseId: data.caseId, kind: data.kind, outcome });
      return outcome;
    }
    if (job.name === 'transition-review-sweep') {
      const opened = await this.deadlines.openTransitionReviews();
      const alerts = await this.deadlines.sweepDeadlines();
      log('info', 'case.daily_sweep', { jobId: job.id, opened, alerts });
      return opened + alerts;
    }
    throw new Error(`unknown job ${job.name}`);
  }
}
