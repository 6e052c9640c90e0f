import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { log } from '../../common/http/logger';
import { JobPayloads, QUEUES } from '../jobs/queues';
import { DecisionImportService } from './decision-import.service';

@Processor(QUEUES.decisions, { concurrency: 2 })
export class DecisionsProcessor extends WorkerHost {
  constructor(private readonly imports: DecisionImportService) {
    super();
  }

  async process(job: Job<JobPayloads['decision-import']>): Promise<string> {
    if (job.name !== 'decision-import') throw new Error(`unknown job ${job.name}`);
    const started = Date.now();
    const result = await this.imports.process(job.data.importId, (p) => job.updateProgress(p));
    log('info', 'decision.import', { jobId: job.id, importId: job.data.importId, imported: result?.importedRows, unchanged: result?.unchangedRows, errors: result?.errorRows, ms: Date.now() - started });
    return result ? 'completed' : 'missing';
  }
}
