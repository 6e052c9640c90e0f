import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { parseListQuery, Page } from '../../common/http/list-query';
import { AuditEvent } from './audit-event.entity';

export interface AuditFact {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  childId?: string | null;
  details?: Record<string, unknown>;
}

export const AUDIT_LIST = { sortable: ['at', 'id', 'action'], defaultSort: ['id', 'DESC'] as [string, 'DESC'], filters: ['action', 'subjectType', 'subjectId', 'actorUserId', 'childId'] };

@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** Writes the audit row inside the caller's transaction, so the act and its record commit together. */
  async record(manager: EntityManager, actor: Actor | null, fact: AuditFact): Promise<void> {
    await manager.insert(AuditEvent, {
      actorUserId: actor && actor.userId !== '00000000-0000-0000-0000-000000000000' ? actor.userId : null,
      actorRole: actor?.role ?? null,
      action: fact.action,
      subjectType: fact.subjectType,
      subjectId: fact.subjectId ?? null,
      childId: fact.childId ?? null,
      requestId: actor?.requestId ?? null,
      ip: actor?.ip ?? null,
      details: (fact.details ?? {}) as never,
    });
  }

  async list(_actor: Actor, query: Record<string, unknown>): Promise<{ page: Page<AuditEvent>; q: ReturnType<typeof parseListQuery> }> {
    const q = parseListQuery(query, AUDIT_LIST);
    const where: Record<string, unknown> = {};
    for (const key of AUDIT_LIST.filters) if (q.filter[key] !== undefined) where[key] = q.filter[key];
    const [rows, total] = await this.db.getRepository(AuditEvent).findAndCount({ where, order: { [q.sortField]: q.sortOrder }, skip: q.skip, take: q.take });
    return { page: { rows, total }, q };
  }
}
