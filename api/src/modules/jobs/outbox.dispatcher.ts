import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { log } from '../../common/http/logger';
import { DEFAULT_JOB_OPTIONS } from './queues';

interface PendingRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
  delay_ms: number | null;
}

/**
 * Moves committed outbox rows to BullMQ. Several processes may run it at once: rows are claimed with
 * SKIP LOCKED, and BullMQ's job id dedupes a row dispatched twice after a crash. When the queue is down
 * (Redis stopped), rows simply stay pending and go out on a later pass.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.poke(), this.config.outboxPollMs);
    this.timer.unref();
    this.poke();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e: unknown) => log('warn', 'outbox.dispatch_failed', { error: e instanceof Error ? e.message.slice(0, 200) : 'unknown' }))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Dispatches everything pending; resolves when the outbox is empty (used by tests and shutdown). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const sent = await this.db.transaction(async (m) => {
        const rows: PendingRow[] = await m.query(
          `SELECT id, queue, job_name, job_id, payload, delay_ms FROM outbox_message WHERE dispatched_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`,
        );
        const done: string[] = [];
        for (const row of rows) {
          try {
            const queue = this.moduleRef.get<Queue>(getQueueToken(row.queue), { strict: false });
            await queue.add(row.job_name, row.payload, { ...DEFAULT_JOB_OPTIONS, jobId: row.job_id, delay: row.delay_ms ?? undefined });
            done.push(row.id);
          } catch (e) {
            await m.query(`UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, e instanceof Error ? e.message.slice(0, 500) : 'unknown']);
            // this row stays pending and is tried again on the next pass; the others still go out, so one
            // row the queue refuses (a malformed job id) cannot hold back every job behind it
            continue;
          }
        }
        if (done.length) await m.query(`UPDATE outbox_message SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [done]);
        return { claimed: rows.length, done: done.length };
      });
      if (sent.claimed < 100 || sent.done < sent.claimed) return;
    }
  }
}
