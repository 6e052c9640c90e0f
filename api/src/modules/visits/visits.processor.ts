import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { log } from '../../common/http/logger';
import { QUEUES } from '../jobs/queues';
import { VisitsService } from './visits.service';

const SWEEP_EVERY_MS = 15 * 60_000;

/** Turns visits that never got their second scan into NO_CHECK_OUT exceptions. */
@Processor(QUEUES.visits, { concurrency: 1 })
export class VisitsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly visits: VisitsService,
    @InjectQueue(QUEUES.visits) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('visit-no-check-out-sweep', { every: SWEEP_EVERY_MS }, { name: 'visit-no-check-out-sweep', data: {} });
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case 'visit-no-check-out-sweep': {
        const n = await this.visits.sweepOpenVisits();
        if (n > 0) log('info', 'visits.no_check_out_swept', { jobId: job.id, visits: n });
        return n;
      }
      default:
        throw new Error(`unknown visits job ${job.name}`);
    }
  }
}
