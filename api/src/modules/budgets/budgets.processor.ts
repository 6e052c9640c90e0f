import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { log } from '../../common/http/logger';
import { QUEUES } from '../jobs/queues';
import { AssessmentsService } from './assessments.service';
import { BasketsService } from './baskets.service';

/**
 * The assessment review reminder (60 days before expiry): one delayed job per signed assessment, and a
 * daily sweep that catches any reminder a lost job would have missed; and the nightly sweep that
 * activates and closes baskets by their period. All are idempotent.
 */
@Processor(QUEUES.budgets, { concurrency: 2 })
export class BudgetsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly baskets: BasketsService,
    @InjectQueue(QUEUES.budgets) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('assessment-review-sweep', { pattern: '0 7 * * *', tz: 'Europe/Riga' }, { name: 'assessment-review-sweep', data: {} });
    await this.queue.upsertJobScheduler('basket-period-sweep', { pattern: '5 0 * * *', tz: 'Europe/Riga' }, { name: 'basket-period-sweep', data: {} });
  }

  async process(job: Job): Promise<number | boolean | { activated: number; closed: number }> {
    switch (job.name) {
      case 'assessment-review-reminder': {
        const sent = await this.assessments.sendReviewReminder((job.data as { assessmentId: string }).assessmentId);
        log('info', 'assessment.review-reminder', { jobId: job.id, sent });
        return sent;
      }
      case 'assessment-review-sweep': {
        const n = await this.assessments.sendDueReviewReminders();
        log('info', 'assessment.review-sweep', { jobId: job.id, sent: n });
        return n;
      }
      case 'basket-period-sweep': {
        const moved = await this.baskets.advancePeriods();
        log('info', 'basket.period-sweep', { jobId: job.id, ...moved });
        return moved;
      }
      default:
        throw new Error(`unknown budgets job ${job.name}`);
    }
  }
}
