import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemActor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { CaseOpeningService } from './case-opening.service';
import { ChildCase } from './entities/child-case.entity';
import { reminderDate, rigaToday } from './working-days.rules';

export type DeadlineOutcome = 'missing' | 'stopped' | 'not-due' | 'already-sent' | 'sent';

/** The first-contact reminder and overdue alert, and the transition reviews; run by jobs. */
@Injectable()
export class CaseDeadlinesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly opening: CaseOpeningService,
  ) {}

  /**
   * Sends the reminder (2 working days before the deadline) or the overdue alert (from the deadline on),
   * at most once. A recorded first contact or a closed case stops both.
   */
  async handle(caseId: string, kind: 'reminder' | 'overdue', today = rigaToday()): Promise<DeadlineOutcome> {
    return this.db.transaction(async (m) => {
      const c = await m.getRepository(ChildCase).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c) return 'missing';
      if (c.firstContactAt || c.status === 'closed' || !c.firstContactDeadline) return 'stopped';
      const due = kind === 'reminder' ? reminderDate(c.firstContactDeadline) : c.firstContactDeadline;
      if (today < due) return 'not-due';
      if ((kind === 'reminder' ? c.reminderSentAt : c.overdueAlertedAt) !== null) return 'already-sent';
      const params = { caseId, deadline: c.firstContactDeadline };
      if (kind === 'reminder') {
        await m.update(ChildCase, { id: caseId }, { reminderSentAt: new Date() });
        if (c.caseManagerUserId) await this.notifications.notify(m, c.caseManagerUserId, 'case.deadline_reminder', 'notifications.caseDeadlineReminder', params);
        else await this.opening.alertOfficers(m, c.municipalityCode, 'case.deadline_reminder', 'notifications.caseDeadlineReminder', params);
      } else {
        await m.update(ChildCase, { id: caseId }, { overdueAlertedAt: new Date() });
        if (c.caseManagerUserId) await this.notifications.notify(m, c.caseManagerUserId, 'case.overdue', 'notifications.caseOverdue', params);
        await this.opening.alertOfficers(m, c.municipalityCode, 'case.overdue', 'notifications.caseOverdue', params);
      }
      await this.audit.record(m, systemActor(), { action: kind === 'reminder' ? 'case.deadline_reminder' : 'case.overdue', subjectType: 'child_case', subjectId: caseId, childId: c.childId });
      return 'sent';
    });
  }

  /**
   * Sends every reminder or overdue alert that is due and not yet sent (a safety net for lost timers).
   * 2 working days before a deadline are never more than 10 calendar days before it.
   */
  async sweepDeadlines(today = rigaToday()): Promise<number> {
    const due: { id: string }[] = await this.db.query(
      `SELECT id FROM child_case WHERE status <> 'closed' AND first_contact_at IS NULL AND first_contact_deadline IS NOT NULL AND first_contact_deadline <= $1::date + 10 AND (reminder_sent_at IS NULL OR (overdue_alerted_at IS NULL AND first_contact_deadline <= $1::date))`,
      [today],
    );
    let sent = 0;
    for (const c of due) {
      if ((await this.handle(c.id, 'reminder', today)) === 'sent') sent++;
      if ((await this.handle(c.id, 'overdue', today)) === 'sent') sent++;
    }
    return sent;
  }

  /**
   * Opens a transition review for every non-closed case whose child is within 6 months before the 18th
   * (transition to adulthood) or the 25th birthday (ageing out). Idempotent: one review per child and kind.
   */
  async openTransitionReviews(today = rigaToday()): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: { id: string; case_id: string; child_id: string; kind: string; case_manager_user_id: string | null }[] = await m.query(
        `INSERT INTO case_review (case_id, child_id, kind, due_date)
         SELECT cc.id, c.id, k.kind, (c.birth_date + make_interval(years => k.years))::date
           FROM child_case cc JOIN child c ON c.id = cc.child_id
           CROSS JOIN (VALUES ('transition_18', 18), ('transition_25', 25)) AS k(kind, years)
          WHERE cc.status <> 'closed'
            AND $1::date >= (c.birth_date + make_interval(years => k.years) - interval '6 months')::date
            AND $1::date < (c.birth_date + make_interval(years => k.years))::date
         ON CONFLICT (child_id, kind) DO NOTHING
         RETURNING id, case_id, child_id, kind, (SELECT case_manager_user_id FROM child_case WHERE id = case_id) AS case_manager_user_id`,
        [today],
      );
      for (const r of rows) {
        if (r.case_manager_user_id) await this.notifications.notify(m, r.case_manager_user_id, 'case.review_opened', 'notifications.caseReviewOpened', { caseId: r.case_id, kind: r.kind });
        await this.audit.record(m, systemActor(), { action: 'case.review_opened', subjectType: 'case_review', subjectId: r.id, childId: r.child_id, details: { kind: r.kind } });
      }
      return rows.length;
    });
  }
}
