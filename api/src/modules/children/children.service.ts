import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, fieldError, forbidden, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { CaseOpeningService } from '../cases/case-opening.service';
import { rigaToday } from '../cases/working-days.rules';
import { ChildAccessService } from './child-access.service';
import { AdultAccessDto, ConsentDto, CreateChildDto, CreateRepresentativeDto } from './children.dto';
import { ageOn, isAdultOn } from './children.rules';
import { ConsentService } from './consent.service';
import { ChildRepresentative } from './entities/child-representative.entity';
import { Child } from './entities/child.entity';
import { ConsentPurpose } from './entities/consent.entity';
import { checkCodeAndBirthDate } from './personal-code.rules';

export const CHILD_LIST = {
  sortable: ['lastName', 'firstName', 'birthDate', 'createdAt', 'municipalityCode'],
  defaultSort: ['lastName', 'ASC'] as [string, 'ASC'],
  filters: ['q', 'municipalityCode', 'id', 'hasCase'],
};

export function childView(c: Child, today = rigaToday()) {
  return {
    id: c.id,
    personalCode: c.personalCode,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: c.birthDate,
    age: ageOn(c.birthDate, today),
    municipalityCode: c.municipalityCode,
    languages: c.languages,
    householdOrganisationId: c.householdOrganisationId,
  };
}
export type ChildView = ReturnType<typeof childView>;

const STAFF = ['platform_admin', 'municipality_officer', 'case_manager'];
const PROVIDER_ROLES = ['provider_admin', 'specialist'];

/** A provider sees only what its contract needs: the child's name (card and services come with the contract). */
function providerChildView(c: Child) {
  return { id: c.id, firstName: c.firstName, lastName: c.lastName };
}

@Injectable()
export class ChildrenService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: ChildAccessService,
    private readonly consents: ConsentService,
    private readonly opening: CaseOpeningService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ChildView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, CHILD_LIST);
    return this.db.transaction(async (m) => {
      const { where, params } = this.access.whereVisible(actor, 'c');
      const qb = m.getRepository(Child).createQueryBuilder('c').where(where, params);
      const f = q.filter;
      if (typeof f.q === 'string' && f.q.trim()) {
        const text = f.q.trim();
        const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        const code = text.replace(/\s/g, '');
        qb.andWhere(`(c.first_name || ' ' || c.last_name ILIKE :like OR replace(c.personal_code, '-', '') LIKE :code)`, { like, code: `${code.replace('-', '').replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` });
      }
      if (f.municipalityCode !== undefined) qb.andWhere('c.municipality_code IN (:...munis)', { munis: [f.municipalityCode].flat().map(String) });
      if (f.id !== undefined) qb.andWhere('c.id::text IN (:...ids)', { ids: [f.id].flat().map(String) });
      if (f.hasCase !== undefined) qb.andWhere(`${f.hasCase === true || f.hasCase === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM child_case x WHERE x.child_id = c.id AND x.status <> 'closed')`);
      const [rows, total] = await qb.orderBy(`c.${q.sortField}`, q.sortOrder).addOrderBy('c.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
      await this.audit.record(m, actor, { action: 'child.list', subjectType: 'child', details: { count: rows.length, ids: rows.map((r) => r.id) } });
      const today = rigaToday();
      if (PROVIDER_ROLES.includes(actor.role)) return { rows: rows.map(providerChildView) as ChildView[], total, q };
      return { rows: rows.map((r) => childView(r, today)), total, q };
    });
  }

  async get(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, id);
      const child = await m.getRepository(Child).findOneByOrFail({ id });
      if (PROVIDER_ROLES.includes(actor.role)) {
        await this.audit.record(m, actor, { action: 'child.read', subjectType: 'child', subjectId: id, childId: id });
        return providerChildView(child);
      }
      const consents = await this.consents.current(m, id);
      const decisions = await m.query(
        `SELECT id, number, to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", kind, special_care AS "specialCare", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", consent_to_contact AS "consentToContact" FROM disability_decision WHERE child_id = $1 ORDER BY decision_date DESC`,
        [id],
      );
      const representatives = await m.getRepository(ChildRepresentative).find({ where: { childId: id, active: true }, order: { createdAt: 'ASC' } });
      const cases = STAFF.includes(actor.role)
        ? await m.query(`SELECT cc.id, cc.status, cc.case_manager_user_id AS "caseManagerUserId", u.full_name AS "caseManagerName", to_char(cc.first_contact_deadline, 'YYYY-MM-DD') AS "firstContactDeadline", to_char(cc.first_contact_at, 'YYYY-MM-DD') AS "firstContactAt" FROM child_case cc LEFT JOIN app_user u ON u.id = cc.case_manager_user_id WHERE cc.child_id = $1 ORDER BY cc.opened_at DESC`, [id])
        : [];
      await this.audit.record(m, actor, { action: 'child.read', subjectType: 'child', subjectId: id, childId: id });
      return {
        ...childView(child),
        consents,
        decisions,
        cases,
        representatives: representatives.map((r) => ({ id: r.id, fullName: r.fullName, relation: r.relation, phone: r.phone, email: r.email, userId: r.userId, adultAccessGranted: r.adultAccessGrantedAt !== null })),
      };
    });
  }

  async create(actor: Actor, dto: CreateChildDto): Promise<ChildView> {
    return this.db.transaction(async (m) => {
      const code = checkCodeAndBirthDate(dto.personalCode, dto.birthDate);
      if (!code.ok) throw fieldError(code.field, code.error);
      const municipalityCode = dto.municipalityCode.trim().toUpperCase();
      if (!(await m.query(`SELECT 1 FROM municipality WHERE code = $1`, [municipalityCode])).length) throw fieldError('municipalityCode', 'exists');
      if (actor.role === 'municipality_officer') {
        const own: { code: string }[] = await m.query(`SELECT code FROM organisation WHERE id = $1`, [actor.organisationId]);
        if (own[0]?.code !== municipalityCode) throw fieldError('municipalityCode', 'ownMunicipality');
      }
      if (dto.householdOrganisationId && !(await m.query(`SELECT 1 FROM organisation WHERE id = $1 AND kind = 'household'`, [dto.householdOrganisationId])).length) throw fieldError('householdOrganisationId', 'exists');
      if (await m.getRepository(Child).exists({ where: { personalCode: code.normalised } })) throw new AppError('CHILD_PERSONAL_CODE_TAKEN', { personalCode: 'unique' });
      const { identifiers } = await m.insert(Child, {
        personalCode: code.normalised,
        firstName: dto.firstName.trim(),
        lastName: dto.lastName.trim(),
        birthDate: code.birthDate,
        municipalityCode,
        languages: dto.languages ?? ['lv'],
        householdOrganisationId: dto.householdOrganisationId ?? null,
      });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'child.created', subjectType: 'child', subjectId: id, childId: id });
      return childView(await m.getRepository(Child).findOneByOrFail({ id }));
    });
  }

  async consentHistory(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, id);
      const rows = await m.query(
        `SELECT k.id, k.purpose, k.granted, k.source, k.at, k.given_by_user_id AS "givenByUserId", COALESCE(u.full_name, k.given_by_name) AS "givenBy" FROM consent k LEFT JOIN app_user u ON u.id = k.given_by_user_id WHERE k.child_id = $1 ORDER BY k.id DESC`,
        [id],
      );
      await this.audit.record(m, actor, { action: 'consent.read', subjectType: 'consent', childId: id });
      return rows;
    });
  }

  /**
   * Gives or withdraws a consent. A family gives it for a minor of their household, the young person
   * for themself; staff record a consent given on paper. Consent to contact with a decision already on
   * file opens the case.
   */
  async setConsent(actor: Actor, id: string, dto: ConsentDto) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, id);
      const child = await m.getRepository(Child).findOneByOrFail({ id });
      if (actor.role === 'family' && isAdultOn(child.birthDate, rigaToday())) throw forbidden();
      if (!['family', 'participant', 'municipality_officer', 'case_manager', 'platform_admin'].includes(actor.role)) throw forbidden();
      const source = actor.role === 'family' || actor.role === 'participant' ? 'portal' : 'admin';
      await this.consents.record(m, actor, id, dto.purpose, dto.granted, source);
      if (dto.purpose === 'contact_by_social_service' && dto.granted) await this.openCaseIfDecision(m, actor, child);
      return this.consents.current(m, id);
    });
  }

  private async openCaseIfDecision(m: EntityManager, actor: Actor, child: Child): Promise<void> {
    const decisions: { id: string; decision_date: string }[] = await m.query(
      `SELECT id, to_char(decision_date, 'YYYY-MM-DD') AS decision_date FROM disability_decision WHERE child_id = $1 AND (valid_to IS NULL OR valid_to >= $2::date) ORDER BY decision_date DESC LIMIT 1`,
      [child.id, rigaToday()],
    );
    if (decisions.length) await this.opening.openForDecision(m, actor, { childId: child.id, municipalityCode: child.municipalityCode, decisionId: decisions[0].id, decisionDate: decisions[0].decision_date });
  }

  async addRepresentative(actor: Actor, id: string, dto: CreateRepresentativeDto) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, id);
      if (!STAFF.includes(actor.role)) throw forbidden();
      const { identifiers } = await m.insert(ChildRepresentative, { childId: id, fullName: dto.fullName.trim(), relation: dto.relation, phone: dto.phone ?? null, email: dto.email?.toLowerCase() ?? null, userId: dto.userId ?? null });
      await this.audit.record(m, actor, { action: 'child.representative_added', subjectType: 'child_representative', subjectId: String(identifiers[0].id), childId: id });
      return m.getRepository(ChildRepresentative).findOneByOrFail({ id: String(identifiers[0].id) });
    });
  }

  /** A young person of 18+ lets a former representative keep (or stops them keeping) access. */
  async setAdultAccess(actor: Actor, id: string, representativeId: string, dto: AdultAccessDto) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, id);
      if (actor.role !== 'participant') throw forbidden();
      const child = await m.getRepository(Child).findOneByOrFail({ id });
      if (!isAdultOn(child.birthDate, rigaToday())) throw new AppError('CHILD_NOT_ADULT');
      const rep = await m.getRepository(ChildRepresentative).findOneBy({ id: representativeId, childId: id });
      if (!rep) throw notFound();
      await m.update(ChildRepresentative, { id: rep.id }, { adultAccessGrantedAt: dto.granted ? new Date() : null });
      await this.audit.record(m, actor, { action: dto.granted ? 'child.adult_access_granted' : 'child.adult_access_revoked', subjectType: 'child_representative', subjectId: rep.id, childId: id });
      return { id: rep.id, adultAccessGranted: dto.granted };
    });
  }

  async municipalities() {
    return this.db.query(`SELECT code AS id, code, name_lv AS "nameLv", name_en AS "nameEn" FROM municipality ORDER BY name_lv`);
  }

  /** For other contexts' use cases: fail closed unless the purpose's latest consent is a grant. */
  assertConsent(m: EntityManager, childId: string, purpose: ConsentPurpose): Promise<void> {
    return this.consents.assertConsent(m, childId, purpose);
  }
}
