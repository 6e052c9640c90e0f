import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../jobs/outbox.service';
import { QUEUES } from '../jobs/queues';
import { NotificationsService } from '../notifications/notifications.service';
import { CaseAssignment } from './entities/case-assignment.entity';
import { ChildCase } from './entities/child-case.entity';
import { DEFAULT_CASELOAD_LIMIT, ManagerLoad, pickCaseManager } from './caseload.rules';
import { firstContactDeadline, reminderDate } from './working-days.rules';

export interface OpenCaseInput {
  childId: string;
  municipalityCode: string;
  decisionId: string | null;
  decisionDate: string;
}

/** Deadline timers fire at 08:00 Riga time (06:00 UTC is 08:00 in winter, 09:00 in summer). */
function delayUntil(date: string, now = Date.now()): number {
  return Math.max(0, new Date(`${date}T06:00:00Z`).getTime() - now);
}

@Injectable()
export class CaseOpeningService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Serialises every caseload change of one municipality inside the caller's transaction, so that
   * concurrent openings and reassignments can never take a manager over their limit.
   */
  async lockMunicipality(m: EntityManager, municipalityCode: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('caseload:' || $1))`, [municipalityCode]);
  }

  /** Each active case manager of the municipality with their open caseload and limit. */
  async managerLoads(m: EntityManager, municipalityCode: string, userId?: string): Promise<ManagerLoad[]> {
    const rows: { user_id: string; load: number; limit: number }[] = await m.query(
      `SELECT u.id AS user_id,
              (SELECT count(*)::int FROM child_case cc WHERE cc.case_manager_user_id = u.id AND cc.status = 'open') AS load,
              COALESCE(s.caseload_limit, $2)::int AS limit
         FROM app_user u
         JOIN organisation o ON o.id = u.organisation_id AND o.kind = 'municipality' AND o.code = $1
         LEFT JOIN case_manager_setting s ON s.user_id = u.id
        WHERE u.role = 'case_manager' AND u.active ${userId ? 'AND u.id = $3' : ''}`,
      userId ? [municipalityCode, DEFAULT_CASELOAD_LIMIT, userId] : [municipalityCode, DEFAULT_CASELOAD_LIMIT],
    );
    return rows.map((r) => ({ userId: r.user_id, load: r.load, limit: r.limit }));
  }

  /**
   * Opens the child's case (or returns the one already open) in the municipality, assigned to the case
   * manager with the most free capacity, or in the unassigned queue with the municipality officers
   * alerted. Starts the first-contact deadline timers. Runs in the caller's transaction.
   */
  async openForDecision(m: EntityManager, actor: Actor | null, input: OpenCaseInput): Promise<{ caseId: string; created: boolean }> {
    await this.lockMunicipality(m, input.municipalityCode);
    const existing: { id: string }[] = await m.query(`SELECT id FROM child_case WHERE child_id = $1 AND status <> 'closed'`, [input.childId]);
    if (existing.length) return { caseId: existing[0].id, created: false };
    const managerId = pickCaseManager(await this.managerLoads(m, input.municipalityCode));
    const deadline = firstContactDeadline(input.decisionDate);
    const { identifiers } = await m.insert(ChildCase, {
      childId: input.childId,
      municipalityCode: input.municipalityCode,
      caseManagerUserId: managerId,
      status: managerId ? 'open' : 'unassigned',
      decisionId: input.decisionId,
      firstContactDeadline: deadline,
    });
    const caseId = String(identifiers[0].id);
    await m.insert(CaseAssignment, { caseId, caseManagerUserId: managerId, assignedByUserId: null, reason: managerId ? 'auto' : 'queue' });
    if (managerId) await this.notifications.notify(m, managerId, 'case.assigned', 'notifications.caseAssigned', { caseId, deadline });
    else await this.alertOfficers(m, input.municipalityCode, 'case.unassigned', 'notifications.caseUnassigned', { caseId, deadline });
    await this.outbox.enqueue(m, QUEUES.cases, 'case-deadline', `case-reminder-${caseId}`, { caseId, kind: 'reminder' }, delayUntil(reminderDate(deadline)));
    await this.outbox.enqueue(m, QUEUES.cases, 'case-deadline', `case-overdue-${caseId}`, { caseId, kind: 'overdue' }, delayUntil(deadline));
    await this.audit.record(m, actor, { action: 'case.opened', subjectType: 'child_case', subjectId: caseId, childId: input.childId, details: { municipalityCode: input.municipalityCode, assigned: Boolean(managerId), deadline } });
    return { caseId, created: true };
  }

  async alertOfficers(m: EntityManager, municipalityCode: string, kind: string, titleKey: string, params: Record<string, string>): Promise<number> {
    const officers: { id: string }[] = await m.query(
      `SELECT u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE o.kind = 'municipality' AND o.code = $1 AND u.role = 'municipality_officer' AND u.active`,
      [municipalityCode],
    );
    for (const o of officers) await this.notifications.notify(m, o.id, kind, titleKey, params);
    return officers.length;
  }
}
