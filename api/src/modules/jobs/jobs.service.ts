import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { ALL_QUEUES } from './queues';

const STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;
type JobState = (typeof STATES)[number];

export interface JobView {
  id: string;
  queue: string;
  name: string;
  state: JobState;
  progress: unknown;
  attemptsMade: number;
  failedReason: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const JOB_LIST = { sortable: ['createdAt'], defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'], filters: ['state', 'queue', 'id'], maxPage: 200 };

@Injectable()
export class JobsService {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: string): Queue {
    if (!ALL_QUEUES.includes(name as never)) throw new AppError('NOT_FOUND');
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async list(_actor: Actor, query: Record<string, unknown>): Promise<{ rows: JobView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, JOB_LIST);
    const states = q.filter.state ? ([q.filter.state].flat() as string[]).filter((s): s is JobState => STATES.includes(s as JobState)) : [...STATES];
    const queues = q.filter.queue ? ([q.filter.queue].flat() as string[]).filter((n) => ALL_QUEUES.includes(n as never)) : ALL_QUEUES;
    const views: JobView[] = [];
    for (const name of queues) {
      const queue = this.queue(name);
      // the newest jobs of each state are enough for an operator's page; totals come from the counts
      const jobs = await queue.getJobs(states, 0, q.skip + q.take - 1, false);
      for (const job of jobs) views.push(await this.view(name, job));
    }
    let rows = views.sort((a, b) => (q.sortOrder === 'ASC' ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt)));
    if (q.filter.id) rows = rows.filter((r) => [q.filter.id].flat().includes(r.id));
    let total = 0;
    for (const name of queues) {
      const counts = await this.queue(name).getJobCounts(...states);
      total += Object.values(counts).reduce((s, n) => s + n, 0);
    }
    return { rows: rows.slice(q.skip, q.skip + q.take), total: Math.max(total, rows.length), q };
  }

  async get(_actor: Actor, id: string): Promise<JobView> {
    const [queueName, jobId] = splitId(id);
    const job = await this.queue(queueName).getJob(jobId);
    if (!job) throw new AppError('NOT_FOUND');
    return this.view(queueName, job);
  }

  async retry(_actor: Actor, id: string): Promise<JobView> {
    const [queueName, jobId] = splitId(id);
    const job = await this.queue(queueName).getJob(jobId);
    if (!job) throw new AppError('NOT_FOUND');
    if ((await job.getState()) !== 'failed') throw new AppError('JOB_NOT_RETRYABLE');
    await job.retry('failed');
    return this.view(queueName, (await this.queue(queueName).getJob(jobId))!);
  }

  private async view(queue: string, job: Job): Promise<JobView> {
    const state = (await job.getState()) as string;
    return {
      id: `${queue}:${job.id}`,
      queue,
      name: job.name,
      state: (STATES.includes(state as JobState) ? state : 'waiting') as JobState,
      progress: job.progress,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason ? job.failedReason.slice(0, 500) : null,
      createdAt: new Date(job.timestamp).toISOString(),
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }
}

function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  if (i <= 0 || i === id.length - 1) throw new AppError('NOT_FOUND');
  return [id.slice(0, i), id.slice(i + 1)];
}
