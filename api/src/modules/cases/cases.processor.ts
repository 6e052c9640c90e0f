import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { log } from '../../common/http/logger';
import { JobPayloads, QUEUES } from '../jobs/queues';
import { CaseDeadlinesService } from './case-deadlines.service';

@Processor(QUEUES.cases, { concurrency: 4 })
export class CasesProcessor extends WorkerHost {
  constructor(private readonly deadlines: CaseDeadlinesService) {
    super();
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
      log('info', 'case.transition_reviews', { jobId: job.id, opened });
      return opened;
    }
    throw new Error(`unknown job ${job.name}`);
  }
}
