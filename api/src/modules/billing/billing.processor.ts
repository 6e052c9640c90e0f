import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { log } from '../../common/http/logger';
import { JobPayloads, QUEUES } from '../jobs/queues';
import { BillingRunner } from './billing-runner';
import { PaymentsService } from './payments.service';

/** Billing runs and Stripe batch dispatch. Both are idempotent, so BullMQ's retries are safe. */
@Processor(QUEUES.billing, { concurrency: 1 })
export class BillingProcessor extends WorkerHost {
  constructor(
    private readonly runner: BillingRunner,
    private readonly payments: PaymentsService,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['billing-run'] | JobPayloads['payment-batch-dispatch']>): Promise<unknown> {
    if (job.name === 'billing-run') {
      const { runId } = job.data as JobPayloads['billing-run'];
      const run = await this.runner.execute(runId, {
        afterProvider: (done, total) => job.updateProgress({ done, total, percent: total ? Math.floor((done * 100) / total) : 100 }),
      });
      log('info', 'billing.run_job', { jobId: job.id, runId, status: run.status, attempt: job.attemptsMade + 1 });
      return { status: run.status, lines: run.linesCreated };
    }
    if (job.name === 'payment-batch-dispatch') {
      await this.payments.dispatchStripeBatch((job.data as JobPayloads['payment-batch-dispatch']).batchId);
      return 'sent';
    }
    throw new Error(`unknown job ${job.name}`);
  }
}
