import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from '../children/child-access.service';
import { Child } from '../children/entities/child.entity';
import { DisabilityDecision } from '../children/entities/disability-decision.entity';
import { DecisionRecord, situationOfChild, transitions } from './benefits.rules';
import { BenefitFactsDto, BenefitReceiptDto } from './entitlements.dto';
import { BenefitResult, CatalogueService, rigaToday, toRule } from './catalogue.service';
import { Benefit } from './entities/benefit.entity';
import { BenefitReceipt } from './entities/benefit-receipt.entity';
import { BenefitVersion } from './entities/benefit-version.entity';
import { ChildBenefitFacts } from './entities/child-benefit-facts.entity';
import type { Situation } from './conditions.rules';

export const GAP_LIST = {
  sortable: ['missingCount', 'lastName', 'birthDate'],
  defaultSort: ['missingCount', 'DESC'] as [string, 'DESC'],
  filters: ['q', 'missing', 'id'],
};

/** An entitlement of a known child: the finder's result, and whether the child already receives it. */
export type Entitlement = BenefitResult & { received: boolean; missing: boolean };

interface ChildRow {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  municipalityCode: string;
}

@Injectable()
export class EntitlementsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: ChildAccessService,
    private readonly catalogue: CatalogueService,
  ) {}

  /** What the child is entitled to today, with what the child already receives marked. */
  async entitlements(actor: Actor, childId: string) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      const today = rigaToday();
      const [child] = await this.loadChildren(m, [childId]);
      const { situations, receipts } = await this.loadSituations(m, [child], today);
      const versions = await this.catalogue.inForceOn(m, today);
      const results = this.entitlementsOf(versions, situations.get(child.id)!, receipts.get(child.id) ?? new Set(), today);
      await this.audit.record(m, actor, { action: 'child.entitlements.read', subjectType: 'child', subjectId: child.id, childId: child.id });
      return {
        child: { id: child.id, firstName: child.firstName, lastName: child.lastName, birthDate: child.birthDate },
        onDate: today,
        situation: situations.get(child.id)!,
        missingCount: results.filter((r) => r.missing).length,
        results,
      };
    });
  }

  /** What changes at 18 and at 25, with the transition review (from case management) when one is open. */
  async transitions(actor: Actor, childId: string) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      const today = rigaToday();
      const [child] = await this.loadChildren(m, [childId]);
      const { situations } = await this.loadSituations(m, [child], today);
      const versions = await this.catalogue.inForceOn(m, today);
      const names = new Map(versions.map((v) => [v.benefitCode, { nameLv: v.nameLv, nameEn: v.nameEn }]));
      const reviews: { id: string; kind: string; dueDate: string; status: string }[] = await m.query(
        `SELECT id, kind, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status FROM case_review WHERE child_id = $1`,
        [childId],
      );
      const list = transitions(versions.map(toRule), situations.get(child.id)!, today).map((t) => ({
        ...t,
        review: reviews.find((r) => r.kind === `transition_${t.age}`) ?? null,
        changes: t.changes.map((c) => ({ ...c, ...names.get(c.code)! })),
      }));
      await this.audit.record(m, actor, { action: 'child.transitions.read', subjectType: 'child', subjectId: child.id, childId: child.id });
      return { child: { id: child.id, firstName: child.firstName, birthDate: child.birthDate }, transitions: list };
    });
  }

  /**
   * The children the actor may see, each with the entitlements they do not yet receive — the case
   * manager's list for proactive contact. One audit row names every child listed.
   */
  async gaps(actor: Actor, query: Record<string, unknown>) {
    const q: ListQuery = parseListQuery(query, GAP_LIST);
    return this.db.transaction(async (m) => {
      const { where, params } = this.access.whereVisible(actor, 'c');
      const qb = m
        .createQueryBuilder()
        .select([
          'c.id AS id',
          'c.first_name AS "firstName"',
          'c.last_name AS "lastName"',
          `to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate"`,
          'c.municipality_code AS "municipalityCode"',
        ])
        .from('child', 'c')
        .where(where, params);
      if (typeof q.filter.q === 'string' && q.filter.q.trim())
        qb.andWhere(`(c.first_name || ' ' || c.last_name) ILIKE :like`, { like: `%${q.filter.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` });
      if (q.filter.id !== undefined) qb.andWhere('c.id::text IN (:...ids)', { ids: [q.filter.id].flat().map(String) });
      const children: ChildRow[] = await qb.getRawMany();
      const today = rigaToday();
      const { situations, receipts } = await this.loadSituations(m, children, today);
      const versions = await this.catalogue.inForceOn(m, today);
      let rows = children.map((c) => {
        const results = this.entitlementsOf(versions, situations.get(c.id)!, receipts.get(c.id) ?? new Set(), today);
        const missing = results.filter((r) => r.missing);
        return {
          ...c,
          eligibleCount: results.filter((r) => r.eligibility === 'eligible').length,
          receivedCount: results.filter((r) => r.received).length,
          missingCount: missing.length,
          missing: missing.map((r) => ({ code: r.code, nameLv: r.nameLv, nameEn: r.nameEn, amountCents: r.amountCents })),
        };
      });
      if (q.filter.missing === true || q.filter.missing === 'true') rows = rows.filter((r) => r.missingCount > 0);
      const dir = q.sortOrder === 'ASC' ? 1 : -1;
      const key = q.sortField as 'missingCount' | 'lastName' | 'birthDate';
      rows.sort(
        (a, b) =>
          dir * (key === 'missingCount' ? a.missingCount - b.missingCount : String(a[key]).localeCompare(String(b[key]), 'lv')) ||
          a.lastName.localeCompare(b.lastName, 'lv') ||
          a.id.localeCompare(b.id),
      );
      const page = rows.slice(q.skip, q.skip + q.take);
      await this.audit.record(m, actor, {
        action: 'child.entitlements.list',
        subjectType: 'child',
        details: { count: page.length, ids: page.map((r) => r.id) },
      });
      return { rows: page, total: rows.length, q };
    });
  }

  /** Records whether the child lives at home and attends school (null = not known). */
  async setFacts(actor: Actor, childId: string, dto: BenefitFactsDto) {
    await this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      const current = await m.getRepository(ChildBenefitFacts).findOne({ where: { childId } });
      const next = {
        childId,
        livesAtHome: dto.livesAtHome !== undefined ? dto.livesAtHome : (current?.livesAtHome ?? null),
        attendsSchool: dto.attendsSchool !== undefined ? dto.attendsSchool : (current?.attendsSchool ?? null),
        updatedByUserId: actor.userId,
      };
      await m.getRepository(ChildBenefitFacts).upsert(next, ['childId']);
      await this.audit.record(m, actor, {
        action: 'child.benefit_facts.updated',
        subjectType: 'child',
        subjectId: childId,
        childId,
        details: { fields: Object.keys(dto) },
      });
    });
    return this.entitlements(actor, childId);
  }

  /** Marks a benefit as already received; repeating it changes nothing. */
  async addReceipt(actor: Actor, childId: string, dto: BenefitReceiptDto) {
    await this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      if (!(await m.getRepository(Benefit).exists({ where: { code: dto.benefitCode } }))) throw new AppError('VALIDATION_FAILED', { benefitCode: 'exists' });
      if (dto.since && dto.since > rigaToday()) throw new AppError('VALIDATION_FAILED', { since: 'notInFuture' });
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(BenefitReceipt)
        .values({ childId, benefitCode: dto.benefitCode, since: dto.since ?? null, recordedByUserId: actor.userId })
        .orIgnore()
        .execute();
      if (result.identifiers.length > 0 && result.identifiers[0]) {
        await this.audit.record(m, actor, {
          action: 'child.benefit_receipt.added',
          subjectType: 'child',
          subjectId: childId,
          childId,
          details: { benefitCode: dto.benefitCode },
        });
      }
    });
    return this.entitlements(actor, childId);
  }

  async removeReceipt(actor: Actor, childId: string, benefitCode: string) {
    await this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      const { affected } = await m.delete(BenefitReceipt, { childId, benefitCode });
      if (!affected) throw notFound();
      await this.audit.record(m, actor, {
        action: 'child.benefit_receipt.removed',
        subjectType: 'child',
        subjectId: childId,
        childId,
        details: { benefitCode },
      });
    });
    return this.entitlements(actor, childId);
  }

  // ------------------------------------------------------------ loading

  private async loadChildren(m: EntityManager, ids: string[]): Promise<ChildRow[]> {
    const rows = await m.getRepository(Child).find({ where: { id: In(ids) } });
    if (rows.length !== ids.length) throw notFound();
    return rows.map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate, municipalityCode: c.municipalityCode }));
  }

  /** Situations and received benefits for many children in three queries (not one per child). */
  private async loadSituations(m: EntityManager, children: ChildRow[], on: string) {
    const ids = children.map((c) => c.id);
    const situations = new Map<string, Situation & { birthDate: string }>();
    const receipts = new Map<string, Set<string>>();
    if (ids.length === 0) return { situations, receipts };
    const decisions = await m.getRepository(DisabilityDecision).find({ where: { childId: In(ids) } });
    const facts = await m.getRepository(ChildBenefitFacts).find({ where: { childId: In(ids) } });
    const received = await m.getRepository(BenefitReceipt).find({ where: { childId: In(ids) } });
    for (const r of received) receipts.set(r.childId, (receipts.get(r.childId) ?? new Set()).add(r.benefitCode));
    for (const c of children) {
      const own: DecisionRecord[] = decisions
        .filter((d) => d.childId === c.id)
        .map((d) => ({ kind: d.kind, specialCare: d.specialCare, validFrom: d.validFrom, validTo: d.validTo }));
      situations.set(c.id, situationOfChild(c, own, facts.find((f) => f.childId === c.id) ?? null, on));
    }
    return { situations, receipts };
  }

  private entitlementsOf(versions: BenefitVersion[], situation: Situation, received: Set<string>, on: string): Entitlement[] {
    return this.catalogue
      .results(versions, situation, on)
      .map((r) => ({ ...r, received: received.has(r.code), missing: r.eligibility === 'eligible' && !received.has(r.code) }));
  }
}
