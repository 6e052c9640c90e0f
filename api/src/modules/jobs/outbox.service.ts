import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';
import type { JobName, JobPayloads, QueueName } from './queues';
import { OutboxDispatcher } from './outbox.dispatcher';

@Injectable()
export class OutboxService {
  constructor(private readonly dispatcher: OutboxDispatcher) {}

  /**
   * Records a job to run once the caller's transaction commits. `jobId` is the business key: the same
   * key never runs twice.
   */
  async enqueue<N extends JobName>(manager: EntityManager, queue: QueueName, name: N, jobId: string, payload: JobPayloads[N], delayMs?: number): Promise<void> {
    await manager.insert(OutboxMessage, { queue, jobName: name, jobId, payload: payload as never, delayMs: delayMs ?? null });
  }

  /** Call after commit: dispatches now instead of waiting for the next poll. */
  afterCommit(): void {
    this.dispatcher.poke();
  }
}
