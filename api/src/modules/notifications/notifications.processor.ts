import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { log } from '../../common/http/logger';
import { JobPayloads, QUEUES } from '../jobs/queues';
import { NotificationsService } from './notifications.service';

@Processor(QUEUES.notifications, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async process(job: Job<JobPayloads['send-email']>): Promise<string> {
    if (job.name !== 'send-email') throw new Error(`unknown job ${job.name}`);
    const outcome = await this.notifications.deliverEmail(job.data.emailId);
    log('info', 'email.delivery', { jobId: job.id, emailId: job.data.emailId, outcome, attempt: job.attemptsMade + 1 });
    return outcome;
  }
}
