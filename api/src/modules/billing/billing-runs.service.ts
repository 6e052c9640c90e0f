import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../jobs/outbox.service';
import { QUEUES } from '../jobs/queues';
import { StartRunDto } from './billing.dto';
import { BillingRun } from './entities/billing-run.entity';
import { canMove, RUN_TRANSITIONS } from './lifecycle.rules';

export const RUN_LIST = {
  sortable: ['createdAt', 'month', 'status'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filters: ['month', 'status', 'id'],
};

export function runView(r: BillingRun) {
  const percent = r.status === 'completed' ? 100 : r.providersTotal > 0 ? Math.floor((r.providersDone * 100) / r.providersTotal) : 0;
  return {
    id: r.id,
    month: r.month,
    municipalityCode: r.municipalityCode,
    providerOrganisationId: r.providerOrganisationId,
    status: r.status,
    startedByUserId: r.startedByUserId,
    providersTotal: r.providersTotal,
    providersDone: r.providersDone,
    percent,
    linesCreated: r.linesCreated,
    creditsCreated: r.creditsCreated,
    visitsSkipped: r.visitsSkipped,
    amountCents: r.amountCents,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

/** Starting, watching and resuming billing runs; the work itself is the job (BillingRunner). */
@Injectable()
export class BillingRunsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async start(actor: Actor, dto: StartRunDto) {
    const run = await this.db.transaction(async (m) => {
      let municipalityCode = dto.municipalityCode ?? null;
      if (actor.role === 'municipality_officer') {
        // an officer bills only their own municipality's children
        const own: { code: string | null }[] = await m.query(`SELECT code FROM organisation WHERE id = $1`, [actor.organisationId]);
        if (municipalityCode && municipalityCode !== own[0]?.code) throw new AppError('VALIDATION_FAILED', { municipalityCode: 'ownMunicipality' });
        municipalityCode = own[0]?.code ?? null;
      }
      if (municipalityCode && !(await m.query(`SELECT 1 FROM municipality WHERE code = $1`, [municipalityCode])).length)
        throw new AppError('VALIDATION_FAILED', { municipalityCode: 'exists' });
      if (
        dto.providerOrganisationId &&
        !(await m.query(`SELECT 1 FROM organisation WHERE id = $1 AND kind = 'provider'`, [dto.providerOrganisationId])).length
      ) {
        throw new AppError('VALIDATION_FAILED', { providerOrganisationId: 'exists' });
      }
      const { identifiers } = await m.insert(BillingRun, {
        month: dto.month,
        municipalityCode,
        providerOrganisationId: dto.providerOrganisationId ?? null,
        startedByUserId: actor.userId,
      });
      const id = String(identifiers[0].id);
      await this.outbox.enqueue(m, QUEUES.billing, 'billing-run', `billing-run-${id}-1`, { runId: id });
      await this.audit.record(m, actor, {
        action: 'billing.run_started',
        subjectType: 'billing_run',
        subjectId: id,
        details: { month: dto.month, municipalityCode, providerOrganisationId: dto.providerOrganisationId ?? null },
      });
      return m.getRepository(BillingRun).findOneByOrFail({ id });
    });
    this.outbox.afterCommit();
    return runView(run);
  }

  /** A run left failed or stuck after a crash is queued again; the job continues where it stopped. */
  async resume(actor: Actor, id: string) {
    const run = await this.db.transaction(async (m) => {
      const r = await m.getRepository(BillingRun).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw new AppError('NOT_FOUND');
      if (!canMove(RUN_TRANSITIONS, r.status, 'running')) throw new AppError('BILLING_INVALID_TRANSITION');
      await this.outbox.enqueue(m, QUEUES.billing, 'billing-run', `billing-run-${id}-${r.attempts + 1}`, { runId: id });
      await this.audit.record(m, actor, {
        action: 'billing.run_resumed',
        subjectType: 'billing_run',
        subjectId: id,
        details: { status: r.status, providersDone: r.providersDone },
      });
      return r;
    });
    this.outbox.afterCommit();
    return runView(run);
  }

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ReturnType<typeof runView>[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, RUN_LIST);
    const where: Record<string, unknown> = {};
    for (const k of RUN_LIST.filters) if (q.filter[k] !== undefined && !Array.isArray(q.filter[k])) where[k] = q.filter[k];
    const [rows, total] = await this.db
      .getRepository(BillingRun)
      .findAndCount({ where, order: { [q.sortField]: q.sortOrder, id: 'ASC' }, skip: q.skip, take: q.take });
    return { rows: rows.map(runView), total, q };
  }

  async get(_actor: Actor, id: string) {
    const r = await this.db.getRepository(BillingRun).findOne({ where: { id } });
    if (!r) throw new AppError('NOT_FOUND');
    return runView(r);
  }
}
