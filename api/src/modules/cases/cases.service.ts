import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, fieldError, forbidden, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ConsentService } from '../children/consent.service';
import { NotificationsService } from '../notifications/notifications.service';
import { canTakeCase } from './caseload.rules';
import { CaseOpeningService } from './case-opening.service';
import { CaseloadLimitDto, CreateDeputyDto, FirstContactDto, ReassignDto } from './cases.dto';
import { CaseAssignment } from './entities/case-assignment.entity';
import { CaseDeputy } from './entities/case-deputy.entity';
import { CaseManagerSetting } from './entities/case-manager-setting.entity';
import { ChildCase } from './entities/child-case.entity';
import { rigaToday } from './working-days.rules';

export const CASE_LIST = {
  sortable: ['urgency', 'firstContactDeadline', 'openedAt', 'status', 'childName'],
  defaultSort: ['urgency', 'ASC'] as [string, 'ASC'],
  filters: ['q', 'status', 'caseManagerUserId', 'municipalityCode', 'overdue', 'mine', 'childId', 'id'],
};

const SORT_SQL: Record<string, string> = {
  firstContactDeadline: 'cc.first_contact_deadline',
  openedAt: 'cc.opened_at',
  status: 'cc.status',
  childName: 'c.last_name',
};

export interface CaseView {
  id: string;
  childId: string;
  childName: string;
  municipalityCode: string;
  caseManagerUserId: string | null;
  caseManagerName: string | null;
  status: string;
  openedAt: string;
  firstContactDeadline: string | null;
  firstContactAt: string | null;
  firstContactChannel: string | null;
  firstContactOutcome: string | null;
  overdue: boolean;
}

interface CaseRow {
  id: string;
  child_id: string;
  child_name: string;
  municipality_code: string;
  case_manager_user_id: string | null;
  case_manager_name: string | null;
  status: string;
  opened_at: Date;
  first_contact_deadline: string | null;
  first_contact_at: string | null;
  first_contact_channel: string | null;
  first_contact_outcome: string | null;
  overdue: boolean;
}

function view(r: CaseRow): CaseView {
  return {
    id: r.id,
    childId: r.child_id,
    childName: r.child_name,
    municipalityCode: r.municipality_code,
    caseManagerUserId: r.case_manager_user_id,
    caseManagerName: r.case_manager_name,
    status: r.status,
    openedAt: new Date(r.opened_at).toISOString(),
    firstContactDeadline: r.first_contact_deadline,
    firstContactAt: r.first_contact_at,
    firstContactChannel: r.first_contact_channel,
    firstContactOutcome: r.first_contact_outcome,
    overdue: r.overdue,
  };
}

const CASE_SELECT = `SELECT cc.id, cc.child_id, c.first_name || ' ' || c.last_name AS child_name, cc.municipality_code, cc.case_manager_user_id,
       u.full_name AS case_manager_name, cc.status, cc.opened_at, to_char(cc.first_contact_deadline, 'YYYY-MM-DD') AS first_contact_deadline,
       to_char(cc.first_contact_at, 'YYYY-MM-DD') AS first_contact_at, cc.first_contact_channel, cc.first_contact_outcome,
       (cc.status <> 'closed' AND cc.first_contact_at IS NULL AND cc.first_contact_deadline < $1::date) AS overdue
  FROM child_case cc JOIN child c ON c.id = cc.child_id LEFT JOIN app_user u ON u.id = cc.case_manager_user_id`;

/** Cases of a caseload: the manager's own, and those of colleagues they deputise for today. */
const CASELOAD_OF = (p: string, today: string) =>
  `(cc.case_manager_user_id = ${p} OR cc.case_manager_user_id IN (SELECT d.case_manager_user_id FROM case_deputy d WHERE d.deputy_user_id = ${p} AND ${today}::date BETWEEN d.valid_from AND d.valid_to))`;

@Injectable()
export class CasesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly opening: CaseOpeningService,
    private readonly consents: ConsentService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Row-level scope of cases: platform admin all; officer the own municipality; case manager own caseload (+deputy). */
  private async scope(m: EntityManager, actor: Actor, params: unknown[]): Promise<string> {
    if (actor.role === 'platform_admin') return 'TRUE';
    if (actor.role === 'municipality_officer') {
      params.push(await this.municipalityOf(m, actor));
      return `cc.municipality_code = $${params.length}`;
    }
    if (actor.role === 'case_manager') {
      params.push(actor.userId);
      return CASELOAD_OF(`$${params.length}`, '$1');
    }
    return 'FALSE';
  }

  async municipalityOf(m: EntityManager, actor: Actor): Promise<string> {
    const rows: { code: string }[] = await m.query(`SELECT code FROM organisation WHERE id = $1 AND kind = 'municipality'`, [actor.organisationId]);
    if (!rows.length) throw forbidden();
    return rows[0].code;
  }

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: CaseView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, CASE_LIST);
    return this.db.transaction(async (m) => {
      const params: unknown[] = [rigaToday()];
      const where = [await this.scope(m, actor, params)];
      const f = q.filter;
      const add = (sql: (p: string) => string, value: unknown) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (typeof f.q === 'string' && f.q.trim()) add((p) => `(c.first_name || ' ' || c.last_name ILIKE ${p} OR c.personal_code LIKE ${p})`, `%${f.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      if (f.status !== undefined) add((p) => `cc.status = ANY(${p}::text[])`, [f.status].flat().map(String));
      if (f.caseManagerUserId !== undefined) add((p) => `cc.case_manager_user_id::text = ANY(${p}::text[])`, [f.caseManagerUserId].flat().map(String));
      if (f.municipalityCode !== undefined) add((p) => `cc.municipality_code = ANY(${p}::text[])`, [f.municipalityCode].flat().map(String));
      if (f.childId !== undefined) add((p) => `cc.child_id::text = ANY(${p}::text[])`, [f.childId].flat().map(String));
      if (f.id !== undefined) add((p) => `cc.id::text = ANY(${p}::text[])`, [f.id].flat().map(String));
      if (f.overdue === true || f.overdue === 'true') where.push(`cc.status <> 'closed' AND cc.first_contact_at IS NULL AND cc.first_contact_deadline < $1::date`);
      if (f.mine === true || f.mine === 'true') add((p) => CASELOAD_OF(p, '$1'), actor.userId);
      const order =
        q.sortField === 'urgency'
          ? `(cc.status <> 'closed' AND cc.first_contact_at IS NULL AND cc.first_contact_deadline < $1::date) DESC, (cc.first_contact_at IS NULL) DESC, cc.first_contact_deadline ${q.sortOrder} NULLS LAST, cc.id`
          : `${SORT_SQL[q.sortField]} ${q.sortOrder}, cc.id`;
      const sqlWhere = where.join(' AND ');
      const rows: CaseRow[] = await m.query(`${CASE_SELECT} WHERE ${sqlWhere} ORDER BY ${order} OFFSET ${q.skip} LIMIT ${q.take}`, params);
      // $1 (today) is typed here even when no condition uses it
      const total: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM child_case cc JOIN child c ON c.id = cc.child_id WHERE $1::date IS NOT NULL AND ${sqlWhere}`, params);
      await this.audit.record(m, actor, { action: 'case.list', subjectType: 'child_case', details: { count: rows.length, childIds: rows.map((r) => r.child_id) } });
      return { rows: rows.map(view), total: total[0].n, q };
    });
  }

  private async findVisible(m: EntityManager, actor: Actor, id: string): Promise<CaseView> {
    const params: unknown[] = [rigaToday(), id];
    const scope = await this.scope(m, actor, params);
    const rows: CaseRow[] = await m.query(`${CASE_SELECT} WHERE cc.id = $2 AND ${scope}`, params);
    if (!rows.length) throw notFound();
    return view(rows[0]);
  }

  async get(actor: Actor, id: string): Promise<CaseView & { assignments: unknown[]; reviews: unknown[] }> {
    return this.db.transaction(async (m) => {
      const c = await this.findVisible(m, actor, id);
      const assignments = await m.query(
        `SELECT a.id, a.case_manager_user_id AS "caseManagerUserId", u.full_name AS "caseManagerName", a.reason, a.at FROM case_assignment a LEFT JOIN app_user u ON u.id = a.case_manager_user_id WHERE a.case_id = $1 ORDER BY a.id`,
        [id],
      );
      const reviews = await m.query(`SELECT id, kind, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status, opened_at AS "openedAt" FROM case_review WHERE case_id = $1 ORDER BY due_date`, [id]);
      await this.audit.record(m, actor, { action: 'case.read', subjectType: 'child_case', subjectId: id, childId: c.childId });
      return { ...c, assignments, reviews };
    });
  }

  /** Recording the first contact stops the reminder and overdue timers. Needs the contact consent. */
  async recordFirstContact(actor: Actor, id: string, dto: FirstContactDto): Promise<CaseView> {
    return this.db.transaction(async (m) => {
      const c = await this.findVisible(m, actor, id);
      if (actor.role !== 'case_manager') throw forbidden();
      if (c.status === 'closed') throw new AppError('CASE_CLOSED');
      if (dto.date > rigaToday()) throw fieldError('date', 'notInFuture');
      await this.consents.assertConsent(m, c.childId, 'contact_by_social_service');
      await m.update(ChildCase, { id }, { firstContactAt: dto.date, firstContactChannel: dto.channel, firstContactOutcome: dto.outcome.trim() });
      await this.audit.record(m, actor, { action: 'case.first_contact', subjectType: 'child_case', subjectId: id, childId: c.childId, details: { channel: dto.channel, date: dto.date } });
      return this.findVisible(m, actor, id);
    });
  }

  /** Moves a case to another case manager of its municipality, never over their limit; history is kept. */
  async reassign(actor: Actor, id: string, dto: ReassignDto): Promise<CaseView> {
    return this.db.transaction(async (m) => {
      const c = await this.findVisible(m, actor, id);
      if (actor.role !== 'municipality_officer' && actor.role !== 'platform_admin') throw forbidden();
      if (c.status === 'closed') throw new AppError('CASE_CLOSED');
      await this.opening.lockMunicipality(m, c.municipalityCode);
      if (dto.caseManagerUserId === c.caseManagerUserId) return c;
      const [target] = await this.opening.managerLoads(m, c.municipalityCode, dto.caseManagerUserId);
      if (!target) throw fieldError('caseManagerUserId', 'caseManagerOfMunicipality');
      if (!canTakeCase(target)) throw new AppError('CASELOAD_FULL', { caseManagerUserId: 'caseloadFull' });
      await m.update(ChildCase, { id }, { caseManagerUserId: target.userId, status: 'open' });
      await m.insert(CaseAssignment, { caseId: id, caseManagerUserId: target.userId, assignedByUserId: actor.userId, reason: 'reassign' });
      await this.notifications.notify(m, target.userId, 'case.assigned', 'notifications.caseAssigned', { caseId: id, deadline: c.firstContactDeadline ?? '' });
      await this.audit.record(m, actor, { action: 'case.reassigned', subjectType: 'child_case', subjectId: id, childId: c.childId, details: { from: c.caseManagerUserId, to: target.userId } });
      return this.findVisible(m, actor, id);
    });
  }

  /** Each case manager's load against their limit, and the unassigned queue, of the officer's municipality. */
  async balance(actor: Actor, municipalityCode?: string) {
    return this.db.transaction(async (m) => {
      const code = actor.role === 'platform_admin' ? municipalityCode : await this.municipalityOf(m, actor);
      if (!code) throw fieldError('municipalityCode', 'required');
      if (actor.role !== 'platform_admin' && actor.role !== 'municipality_officer') throw forbidden();
      const loads = await this.opening.managerLoads(m, code);
      const names: { id: string; full_name: string }[] = loads.length ? await m.query(`SELECT id, full_name FROM app_user WHERE id = ANY($1::uuid[])`, [loads.map((l) => l.userId)]) : [];
      const unassigned: CaseRow[] = await m.query(`${CASE_SELECT} WHERE cc.municipality_code = $2 AND cc.status = 'unassigned' ORDER BY cc.first_contact_deadline, cc.id`, [rigaToday(), code]);
      await this.audit.record(m, actor, { action: 'caseload.balance', subjectType: 'municipality', subjectId: code });
      return {
        municipalityCode: code,
        managers: loads.map((l) => ({ ...l, fullName: names.find((n) => n.id === l.userId)?.full_name ?? '' })).sort((a, b) => a.fullName.localeCompare(b.fullName)),
        unassigned: unassigned.map(view),
      };
    });
  }

  /** The case managers of the actor's municipality with load and limit (to pick a deputy or a new holder). */
  async colleagues(actor: Actor, municipalityCode?: string): Promise<{ id: string; fullName: string; load: number; limit: number }[]> {
    return this.db.transaction(async (m) => {
      const code = actor.role === 'platform_admin' ? municipalityCode : await this.municipalityOf(m, actor);
      if (!code) throw fieldError('municipalityCode', 'required');
      const loads = await this.opening.managerLoads(m, code);
      const names: { id: string; full_name: string }[] = loads.length ? await m.query(`SELECT id, full_name FROM app_user WHERE id = ANY($1::uuid[])`, [loads.map((l) => l.userId)]) : [];
      return loads.map((l) => ({ id: l.userId, fullName: names.find((n) => n.id === l.userId)?.full_name ?? '', load: l.load, limit: l.limit })).sort((a, b) => a.fullName.localeCompare(b.fullName));
    });
  }

  async setLimit(actor: Actor, userId: string, dto: CaseloadLimitDto): Promise<{ userId: string; caseloadLimit: number }> {
    return this.db.transaction(async (m) => {
      await this.assertManagerInScope(m, actor, userId);
      await m.upsert(CaseManagerSetting, { userId, caseloadLimit: dto.caseloadLimit }, ['userId']);
      await this.audit.record(m, actor, { action: 'caseload.limit_set', subjectType: 'user', subjectId: userId, details: { caseloadLimit: dto.caseloadLimit } });
      return { userId, caseloadLimit: dto.caseloadLimit };
    });
  }

  /** The case manager's municipality code; officers may act only on managers of their own municipality. */
  private async assertManagerInScope(m: EntityManager, actor: Actor, userId: string, field = 'caseManagerUserId'): Promise<string> {
    const rows: { code: string; organisation_id: string }[] = await m.query(
      `SELECT o.code, u.organisation_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1 AND u.role = 'case_manager' AND u.active AND o.kind = 'municipality'`,
      [userId],
    );
    if (!rows.length) throw fieldError(field, 'caseManager');
    if (actor.role === 'platform_admin') return rows[0].code;
    if (rows[0].organisation_id !== actor.organisationId) throw fieldError(field, 'caseManagerOfMunicipality');
    return rows[0].code;
  }

  async createDeputy(actor: Actor, dto: CreateDeputyDto): Promise<CaseDeputy> {
    return this.db.transaction(async (m) => {
      const managerId = actor.role === 'case_manager' ? (dto.caseManagerUserId ?? actor.userId) : dto.caseManagerUserId;
      if (!managerId) throw fieldError('caseManagerUserId', 'required');
      if (actor.role === 'case_manager' && managerId !== actor.userId) throw fieldError('caseManagerUserId', 'self');
      const code = await this.assertManagerInScope(m, actor, managerId);
      const deputyCode = await this.assertManagerInScope(m, { ...actor, role: 'platform_admin' }, dto.deputyUserId, 'deputyUserId');
      if (deputyCode !== code) throw fieldError('deputyUserId', 'caseManagerOfMunicipality');
      if (dto.deputyUserId === managerId) throw fieldError('deputyUserId', 'notSelf');
      if (dto.validTo < dto.validFrom) throw fieldError('validTo', 'afterValidFrom');
      const { identifiers } = await m.insert(CaseDeputy, { caseManagerUserId: managerId, deputyUserId: dto.deputyUserId, validFrom: dto.validFrom, validTo: dto.validTo });
      const id = String(identifiers[0].id);
      await this.notifications.notify(m, dto.deputyUserId, 'case.deputy', 'notifications.caseDeputy', { validFrom: dto.validFrom, validTo: dto.validTo });
      await this.audit.record(m, actor, { action: 'case.deputy_named', subjectType: 'case_deputy', subjectId: id, details: { caseManagerUserId: managerId, deputyUserId: dto.deputyUserId, validFrom: dto.validFrom, validTo: dto.validTo } });
      return m.getRepository(CaseDeputy).findOneByOrFail({ id });
    });
  }

  async listDeputies(actor: Actor): Promise<CaseDeputy[]> {
    const qb = this.db.getRepository(CaseDeputy).createQueryBuilder('d').orderBy('d.valid_from', 'DESC');
    if (actor.role === 'case_manager') qb.where('(d.case_manager_user_id = :u OR d.deputy_user_id = :u)', { u: actor.userId });
    else if (actor.role === 'municipality_officer') qb.where('d.case_manager_user_id IN (SELECT id FROM app_user WHERE organisation_id = :org)', { org: actor.organisationId });
    else if (actor.role !== 'platform_admin') qb.where('FALSE');
    return qb.getMany();
  }

  async removeDeputy(actor: Actor, id: string): Promise<{ id: string }> {
    return this.db.transaction(async (m) => {
      const d = await m.getRepository(CaseDeputy).findOneBy({ id });
      if (!d) throw notFound();
      if (actor.role === 'case_manager' && d.caseManagerUserId !== actor.userId) throw notFound();
      if (actor.role === 'municipality_officer') await this.assertManagerInScope(m, actor, d.caseManagerUserId).catch(() => Promise.reject(notFound()));
      await m.delete(CaseDeputy, { id });
      await this.audit.record(m, actor, { action: 'case.deputy_removed', subjectType: 'case_deputy', subjectId: id });
      return { id };
    });
  }
}
