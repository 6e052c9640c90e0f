import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from '../children/child-access.service';
import { OutboxService } from '../jobs/outbox.service';
import { QUEUES } from '../jobs/queues';
import { NotificationsService } from '../notifications/notifications.service';
import { domainErrors, familySignerRole, missingSignoffs, reviewReminderDate, validityError } from './assessment.rules';
import { ageOn, budgetsRepository, rigaDate } from './budgets.repository';
import { CreateAssessmentDto, HealthSignoffDto } from './budgets.dto';
import { Assessment } from './entities/assessment.entity';

/** The longest delay given to a single reminder job (the daily sweep sends the rest). */
const MAX_REMINDER_DELAY_MS = 14 * 24 * 3600 * 1000;

export const ASSESSMENT_LIST = { sortable: ['createdAt', 'validTo', 'version'], defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'], filters: ['childId', 'status', 'id'] };

export function assessmentView(a: Assessment) {
  return { ...a, missingSignoffs: missingSignoffs(a), counts: a.status === 'signed' };
}
export type AssessmentView = ReturnType<typeof assessmentView>;

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: ChildAccessService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: AssessmentView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, ASSESSMENT_LIST);
    const vis = this.access.whereVisible(actor, 'c');
    const qb = this.db.getRepository(Assessment).createQueryBuilder('a').innerJoin('child', 'c', 'c.id = a.child_id').where(vis.where, vis.params);
    if (q.filter.childId !== undefined) qb.andWhere('a.child_id::text IN (:...childIds)', { childIds: [q.filter.childId].flat().map(String) });
    if (q.filter.status !== undefined) qb.andWhere('a.status IN (:...statuses)', { statuses: [q.filter.status].flat().map(String) });
    if (q.filter.id !== undefined) qb.andWhere('a.id::text IN (:...ids)', { ids: [q.filter.id].flat().map(String) });
    const [rows, total] = await qb.orderBy(`a.${q.sortField}`, q.sortOrder).addOrderBy('a.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    await this.db.transaction((m) => this.audit.record(m, actor, { action: 'assessment.list', subjectType: 'assessment', details: { count: rows.length, ids: rows.map((r) => r.id) } }));
    return { rows: rows.map(assessmentView), total, q };
  }

  async get(actor: Actor, id: string): Promise<AssessmentView> {
    return this.db.transaction(async (m) => {
      const a = await this.load(m, actor, id);
      await this.audit.record(m, actor, { action: 'assessment.read', subjectType: 'assessment', subjectId: id, childId: a.childId });
      return assessmentView(a);
    });
  }

  /** A new version: only the child's case manager (own caseload or deputising) drafts. */
  async create(actor: Actor, dto: CreateAssessmentDto): Promise<AssessmentView> {
    return this.db.transaction(async (m) => {
      await this.assertCaseManagerOf(m, actor, dto.childId);
      const child = (await budgetsRepository.childFacts(m, dto.childId))!;
      const errors = domainErrors(dto.domains, ageOn(child.birthDate, dto.validFrom));
      const validity = validityError(dto.validFrom, dto.validTo);
      if (validity) errors.validTo = validity;
      if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
      // serialise versions of one child
      await m.query(`SELECT id FROM child WHERE id = $1 FOR UPDATE`, [dto.childId]);
      const prev = await m.getRepository(Assessment).findOne({ where: { childId: dto.childId }, order: { version: 'DESC' } });
      const domains = Object.fromEntries(Object.entries(dto.domains).map(([k, v]) => [k, { level: v.level, note: v.note ?? null }]));
      const { identifiers } = await m.insert(Assessment, {
        childId: dto.childId,
        caseId: child.caseId,
        version: (prev?.version ?? 0) + 1,
        previousId: prev?.id ?? null,
        domains,
        validFrom: dto.validFrom,
        validTo: dto.validTo,
        reviewReminderOn: reviewReminderDate(dto.validTo),
        createdByUserId: actor.userId,
      });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'assessment.created', subjectType: 'assessment', subjectId: id, childId: dto.childId, details: { version: (prev?.version ?? 0) + 1 } });
      return assessmentView(await m.getRepository(Assessment).findOneByOrFail({ id }));
    });
  }

  /** The case manager signs as such; the family user (under 18) or the young person (18+) signs for the family. */
  async sign(actor: Actor, id: string): Promise<AssessmentView> {
    const out = await this.db.transaction(async (m) => {
      const a = await this.loadForUpdate(m, actor, id);
      if (actor.role === 'case_manager') {
        await this.assertCaseManagerOf(m, actor, a.childId);
        if (a.caseManagerSignedAt) throw new AppError('ASSESSMENT_ALREADY_SIGNED');
        a.caseManagerSignedAt = new Date();
        a.caseManagerUserId = actor.userId;
      } else if (actor.role === 'family' || actor.role === 'participant') {
        const child = (await budgetsRepository.childFacts(m, a.childId))!;
        if (familySignerRole(ageOn(child.birthDate, rigaDate())) !== actor.role) throw new AppError('FORBIDDEN');
        if (a.familySignedAt) throw new AppError('ASSESSMENT_ALREADY_SIGNED');
        a.familySignedAt = new Date();
        a.familyUserId = actor.userId;
        a.familySignerRole = actor.role;
      } else throw new AppError('FORBIDDEN');
      return this.afterSignature(m, actor, a, actor.role === 'case_manager' ? 'case_manager' : 'family');
    });
    this.outbox.afterCommit();
    return out;
  }

  /** The health specialist's sign-off, recorded by the case manager with name and professional registration number. */
  async healthSignoff(actor: Actor, id: string, dto: HealthSignoffDto): Promise<AssessmentView> {
    const out = await this.db.transaction(async (m) => {
      const a = await this.loadForUpdate(m, actor, id);
      await this.assertCaseManagerOf(m, actor, a.childId);
      if (a.healthSpecialistSignedAt) throw new AppError('ASSESSMENT_ALREADY_SIGNED');
      a.healthSpecialistSignedAt = new Date();
      a.healthSpecialistName = dto.name.trim();
      a.healthSpecialistRegistrationNumber = dto.registrationNumber.trim();
      return this.afterSignature(m, actor, a, 'health_specialist');
    });
    this.outbox.afterCommit();
    return out;
  }

  /** Sends the review reminders due on `today` (idempotent: each assessment once). Returns how many were sent. */
  async sendDueReviewReminders(today = rigaDate()): Promise<number> {
    return this.db.transaction(async (m) => {
      const due: { id: string }[] = await m.query(
        `SELECT id FROM assessment WHERE status = 'signed' AND review_reminder_on <= $1 AND review_reminder_sent_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED`,
        [today],
      );
      for (const { id } of due) await this.remind(m, id);
      return due.length;
    });
  }

  async sendReviewReminder(id: string, today = rigaDate()): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const rows: { id: string }[] = await m.query(`SELECT id FROM assessment WHERE id = $1 AND status = 'signed' AND review_reminder_on <= $2 AND review_reminder_sent_at IS NULL FOR UPDATE`, [id, today]);
      if (rows.length === 0) return false;
      await this.remind(m, id);
      return true;
    });
  }

  private async remind(m: EntityManager, id: string): Promise<void> {
    const a = await m.getRepository(Assessment).findOneByOrFail({ id });
    const child = await budgetsRepository.childFacts(m, a.childId);
    const to = child?.caseManagerUserId ?? a.caseManagerUserId;
    if (to) await this.notifications.notify(m, to, 'assessment-review', 'notifications.assessmentReview', { assessmentId: a.id, validTo: a.validTo });
    await m.update(Assessment, { id }, { reviewReminderSentAt: new Date() });
    await this.audit.record(m, null, { action: 'assessment.review-reminder', subjectType: 'assessment', subjectId: id, childId: a.childId });
  }

  private async afterSignature(m: EntityManager, actor: Actor, a: Assessment, who: string): Promise<AssessmentView> {
    if (missingSignoffs(a).length === 0) {
      a.status = 'signed';
      // the newest fully signed version is the one that counts
      await m.query(`UPDATE assessment SET status = 'superseded' WHERE child_id = $1 AND id <> $2 AND version < $3 AND status <> 'superseded'`, [a.childId, a.id, a.version]);
      // a reminder due within the next weeks gets its own delayed job; later ones are sent by the daily sweep
      // (a delay of months would not fit the outbox's delay column, and a sweep survives a lost job anyway)
      const delayMs = Math.max(0, Date.parse(`${a.reviewReminderOn}T05:00:00Z`) - Date.now());
      if (delayMs <= MAX_REMINDER_DELAY_MS) await this.outbox.enqueue(m, QUEUES.budgets, 'assessment-review-reminder', `assessment-review-${a.id}`, { assessmentId: a.id }, delayMs);
    }
    await m.save(Assessment, a);
    await this.audit.record(m, actor, { action: 'assessment.signed', subjectType: 'assessment', subjectId: a.id, childId: a.childId, details: { as: who, complete: a.status === 'signed' } });
    return assessmentView(a);
  }

  async assertCaseManagerOf(m: EntityManager, actor: Actor, childId: string): Promise<void> {
    if (actor.role !== 'case_manager') throw new AppError('FORBIDDEN');
    await this.access.assertCanRead(m, actor, childId);
  }

  private async load(m: EntityManager, actor: Actor, id: string): Promise<Assessment> {
    const a = await m.getRepository(Assessment).findOneBy({ id });
    if (!a) throw notFound();
    await this.access.assertCanRead(m, actor, a.childId);
    return a;
  }

  private async loadForUpdate(m: EntityManager, actor: Actor, id: string): Promise<Assessment> {
    const a = await m.getRepository(Assessment).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw notFound();
    await this.access.assertCanRead(m, actor, a.childId);
    if (a.status === 'superseded') throw new AppError('ASSESSMENT_TRANSITION_INVALID');
    return a;
  }
}
