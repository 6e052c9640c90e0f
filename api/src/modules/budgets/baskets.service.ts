import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Cents, SERVICE_CODES, type ServiceCode } from '@lidz/libs';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, fieldError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from '../children/child-access.service';
import { addDays, addMonths, monthsInPeriod, priceServices, splitByFundingRules, sumByCategory, transferRefusal } from './allocation.rules';
import { backsBasket } from './assessment.rules';
import { AssessmentsService } from './assessments.service';
import { BasketAction, linesEditable, nextBasketStatus } from './basket.rules';
import { budgetsRepository, rigaDate } from './budgets.repository';
import { AddBasketLineDto, CreateBasketDto, TransferDto, UpdateBasketLineDto } from './budgets.dto';
import { Assessment } from './entities/assessment.entity';
import { BasketLine } from './entities/basket-line.entity';
import { BasketVersion, VersionLine } from './entities/basket-version.entity';
import { Basket } from './entities/basket.entity';
import { LedgerMovement } from './entities/ledger-movement.entity';
import { SupportPlan } from './entities/support-plan.entity';
import { Balances } from './ledger.rules';
import { LedgerService } from './ledger.service';

export const BASKET_LIST = { sortable: ['createdAt', 'updatedAt', 'periodStart', 'status'], defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'], filters: ['childId', 'status', 'municipalityCode', 'id'] };
export const MOVEMENT_LIST = { sortable: ['id', 'at'], defaultSort: ['id', 'DESC'] as [string, 'DESC'], filters: ['basketLineId', 'kind'] };
export const MAX_PERIOD_MONTHS = 36;

export type LineView = BasketLine & Balances;

@Injectable()
export class BasketsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: ChildAccessService,
    private readonly assessments: AssessmentsService,
    private readonly ledger: LedgerService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: (Basket & { totalCents: Cents; childName: string })[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, BASKET_LIST);
    const vis = this.access.whereVisible(actor, 'c');
    const qb = this.db.getRepository(Basket).createQueryBuilder('b').innerJoin('child', 'c', 'c.id = b.child_id').where(vis.where, vis.params);
    const f = q.filter;
    if (f.childId !== undefined) qb.andWhere('b.child_id::text IN (:...childIds)', { childIds: [f.childId].flat().map(String) });
    if (f.status !== undefined) qb.andWhere('b.status IN (:...statuses)', { statuses: [f.status].flat().map(String) });
    if (f.municipalityCode !== undefined) qb.andWhere('b.municipality_code IN (:...codes)', { codes: [f.municipalityCode].flat().map(String) });
    if (f.id !== undefined) qb.andWhere('b.id::text IN (:...ids)', { ids: [f.id].flat().map(String) });
    const [rows, total] = await qb.orderBy(`b.${q.sortField}`, q.sortOrder).addOrderBy('b.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    const extra = new Map<string, { total: number; name: string }>();
    if (rows.length) {
      const r: { id: string; total: string; name: string }[] = await this.db.query(
        `SELECT b.id, COALESCE((SELECT sum(l.planned_cents) FROM basket_line l WHERE l.basket_id = b.id), 0)::text AS total, c.first_name || ' ' || c.last_name AS name FROM basket b JOIN child c ON c.id = b.child_id WHERE b.id = ANY($1::uuid[])`,
        [rows.map((x) => x.id)],
      );
      for (const x of r) extra.set(x.id, { total: Number(x.total), name: x.name });
    }
    await this.db.transaction((m) => this.audit.record(m, actor, { action: 'basket.list', subjectType: 'basket', details: { count: rows.length, ids: rows.map((x) => x.id) } }));
    return { rows: rows.map((b) => ({ ...b, totalCents: extra.get(b.id)?.total ?? 0, childName: extra.get(b.id)?.name ?? '' })), total, q };
  }

  async get(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const b = await this.load(m, actor, id);
      await this.audit.record(m, actor, { action: 'basket.read', subjectType: 'basket', subjectId: id, childId: b.childId });
      return this.view(m, b);
    });
  }

  async lines(actor: Actor, id: string): Promise<LineView[]> {
    return this.db.transaction(async (m) => {
      const b = await this.load(m, actor, id);
      await this.audit.record(m, actor, { action: 'basket.lines.read', subjectType: 'basket', subjectId: id, childId: b.childId });
      return this.lineViews(m, id);
    });
  }

  async movements(actor: Actor, id: string, query: Record<string, unknown>): Promise<{ rows: LedgerMovement[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, MOVEMENT_LIST);
    return this.db.transaction(async (m) => {
      const b = await this.load(m, actor, id);
      const qb = m.getRepository(LedgerMovement).createQueryBuilder('mv').innerJoin(BasketLine, 'l', 'l.id = mv.basket_line_id').where('l.basket_id = :id', { id });
      if (q.filter.basketLineId !== undefined) qb.andWhere('mv.basket_line_id::text IN (:...lines)', { lines: [q.filter.basketLineId].flat().map(String) });
      if (q.filter.kind !== undefined) qb.andWhere('mv.kind IN (:...kinds)', { kinds: [q.filter.kind].flat().map(String) });
      const [rows, total] = await qb.orderBy(`mv.${q.sortField}`, q.sortOrder).skip(q.skip).take(q.take).getManyAndCount();
      await this.audit.record(m, actor, { action: 'basket.movements.read', subjectType: 'basket', subjectId: id, childId: b.childId, details: { count: rows.length } });
      return { rows, total, q };
    });
  }

  /** Drafts version 1 from a support plan: indicative amounts from the allocation table, planned amounts from the plan. */
  async create(actor: Actor, dto: CreateBasketDto) {
    return this.db.transaction(async (m) => {
      const plan = await m.getRepository(SupportPlan).findOneBy({ id: dto.supportPlanId });
      if (!plan) throw fieldError('supportPlanId', 'notFound');
      await this.assessments.assertCaseManagerOf(m, actor, plan.childId);
      const assessment = await m.getRepository(Assessment).findOneByOrFail({ id: plan.assessmentId });
      const child = (await budgetsRepository.childFacts(m, plan.childId))!;
      const periodStart = dto.periodStart ?? assessment.validFrom;
      const periodEnd = dto.periodEnd ?? assessment.validTo;
      if (periodEnd < periodStart) throw fieldError('periodEnd', 'beforeStart');
      if (periodEnd > addDays(addMonths(periodStart, MAX_PERIOD_MONTHS), -1)) throw fieldError('periodEnd', 'periodTooLong');
      if (periodStart < assessment.validFrom || periodEnd > assessment.validTo) throw fieldError('periodEnd', 'outsideAssessment');
      const lines = await this.computeLines(m, plan, periodStart, periodEnd);
      const { identifiers } = await m.insert(Basket, {
        childId: plan.childId,
        caseId: child.caseId,
        municipalityCode: child.municipalityCode,
        assessmentId: assessment.id,
        supportPlanId: plan.id,
        periodStart,
        periodEnd,
        indicativeCents: lines.reduce((s, l) => s + l.indicativeCents, 0),
        createdByUserId: actor.userId,
      });
      const id = String(identifiers[0].id);
      for (const l of lines) await m.insert(BasketLine, { ...l, basketId: id, childId: plan.childId } as never);
      await m.insert(BasketVersion, { basketId: id, version: 1, status: 'draft' });
      await this.audit.record(m, actor, { action: 'basket.created', subjectType: 'basket', subjectId: id, childId: plan.childId });
      return this.view(m, await m.getRepository(Basket).findOneByOrFail({ id }));
    });
  }

  async updateLine(actor: Actor, basketId: string, lineId: string, dto: UpdateBasketLineDto): Promise<LineView> {
    return this.db.transaction(async (m) => {
      const b = await this.loadDraftForCaseManager(m, actor, basketId);
      const line = await m.getRepository(BasketLine).findOne({ where: { id: lineId, basketId: b.id }, lock: { mode: 'pessimistic_write' } });
      if (!line) throw notFound();
      const reason = dto.reason?.trim() || null;
      if (dto.plannedCents !== line.indicativeCents && !reason) throw fieldError('reason', 'reasonRequired');
      const used = await this.ledger.balances(m, line.id);
      if (dto.plannedCents < used.committedCents + used.spentCents) throw new AppError('BUDGET_ALLOCATION_BELOW_USE', { plannedCents: 'belowUse' });
      line.plannedCents = dto.plannedCents;
      line.reason = reason;
      if (dto.transferable !== undefined) line.transferable = dto.transferable;
      await m.save(BasketLine, line);
      await this.audit.record(m, actor, { action: 'basket.line.updated', subjectType: 'basket', subjectId: b.id, childId: b.childId, details: { lineId, plannedCents: dto.plannedCents } });
      return (await this.lineViews(m, b.id)).find((l) => l.id === lineId)!;
    });
  }

  async addLine(actor: Actor, basketId: string, dto: AddBasketLineDto): Promise<LineView> {
    return this.db.transaction(async (m) => {
      const b = await this.loadDraftForCaseManager(m, actor, basketId);
      if (await m.getRepository(BasketLine).exists({ where: { basketId, category: dto.category as never, fundingSource: dto.fundingSource as never } })) throw fieldError('category', 'unique');
      const reason = dto.reason?.trim() || null;
      if (dto.plannedCents !== 0 && !reason) throw fieldError('reason', 'reasonRequired');
      const { identifiers } = await m.insert(BasketLine, { basketId, childId: b.childId, category: dto.category as never, fundingSource: dto.fundingSource as never, plannedCents: dto.plannedCents, indicativeCents: 0, reason, transferable: dto.transferable ?? false });
      await this.audit.record(m, actor, { action: 'basket.line.added', subjectType: 'basket', subjectId: b.id, childId: b.childId });
      return (await this.lineViews(m, b.id)).find((l) => l.id === String(identifiers[0].id))!;
    });
  }

  /** Only the child's case manager submits; the assessment must be fully signed and still valid. */
  async submit(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const b = await this.lockAndLoad(m, actor, id);
      await this.assessments.assertCaseManagerOf(m, actor, b.childId);
      this.transition(b, 'submit');
      const assessment = b.assessmentId ? await m.getRepository(Assessment).findOneBy({ id: b.assessmentId }) : null;
      if (!assessment || !backsBasket(assessment, rigaDate())) throw new AppError('BUDGET_ASSESSMENT_NOT_SIGNED');
      const lines = await m.getRepository(BasketLine).find({ where: { basketId: id }, order: { category: 'ASC', fundingSource: 'ASC' } });
      const missing = lines.findIndex((l) => l.plannedCents !== l.indicativeCents && !l.reason);
      if (missing >= 0) throw fieldError(`lines.${lines[missing].id}.reason`, 'reasonRequired');
      const snapshot: VersionLine[] = lines.map((l) => ({ category: l.category, fundingSource: l.fundingSource, plannedCents: l.plannedCents, indicativeCents: l.indicativeCents, transferable: l.transferable, reason: l.reason }));
      await m.update(BasketVersion, { basketId: id, version: b.version }, { status: 'submitted', lines: snapshot as never, totalCents: snapshot.reduce((s, l) => s + l.plannedCents, 0), submittedByUserId: actor.userId, submittedAt: new Date(), comment: null });
      b.returnComment = null;
      return this.saveAndView(m, actor, b, 'basket.submitted');
    });
  }

  /** Only a municipality officer of the basket's municipality approves; the ledger records only the difference to the last approved version. */
  async approve(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const b = await this.lockAndLoad(m, actor, id);
      this.assertOfficerOf(actor, b, await this.orgCode(m, actor));
      this.transition(b, 'approve');
      const version = await m.getRepository(BasketVersion).findOneByOrFail({ basketId: id, version: b.version });
      const lines = await m.getRepository(BasketLine).find({ where: { basketId: id } });
      for (const l of lines) {
        const diff = l.plannedCents - l.allocatedCents;
        if (diff !== 0) await this.ledger.allocate(m, actor, { basketLineId: l.id, amountCents: diff, refType: 'basket_version', refId: version.id, reason: `v${b.version}` });
      }
      await m.update(BasketVersion, { id: version.id }, { status: 'approved', decidedByUserId: actor.userId, decidedAt: new Date() });
      b.approvedByUserId = actor.userId;
      b.approvedAt = new Date();
      if (b.periodStart <= rigaDate()) this.transition(b, 'activate');
      return this.saveAndView(m, actor, b, 'basket.approved');
    });
  }

  async return(actor: Actor, id: string, comment: string) {
    return this.db.transaction(async (m) => {
      const b = await this.lockAndLoad(m, actor, id);
      this.assertOfficerOf(actor, b, await this.orgCode(m, actor));
      this.transition(b, 'return');
      await m.update(BasketVersion, { basketId: id, version: b.version }, { status: 'returned', decidedByUserId: actor.userId, decidedAt: new Date(), comment: comment.trim() });
      b.returnComment = comment.trim();
      return this.saveAndView(m, actor, b, 'basket.returned');
    });
  }

  /** An amendment: a new draft version; the approved money stays live until the amendment is approved. */
  async amend(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const b = await this.lockAndLoad(m, actor, id);
      await this.assessments.assertCaseManagerOf(m, actor, b.childId);
      this.transition(b, 'amend');
      b.version += 1;
      await m.insert(BasketVersion, { basketId: id, version: b.version, status: 'draft' });
      return this.saveAndView(m, actor, b, 'basket.amended');
    });
  }

  /** Moves available money between two flexible lines of the same source, as a pair of transfer movements. */
  async transfer(actor: Actor, id: string, dto: TransferDto) {
    return this.db.transaction(async (m) => {
      const b = await this.lockAndLoad(m, actor, id);
      await this.assessments.assertCaseManagerOf(m, actor, b.childId);
      // money exists once a version was approved; it stays movable during an amendment, not after closing
      if (b.status === 'closed' || b.approvedAt === null) throw new AppError('BUDGET_TRANSITION_INVALID');
      // lock both lines in a fixed order so two opposite transfers cannot deadlock
      const ids = [dto.fromLineId, dto.toLineId].sort();
      const rows = await m.getRepository(BasketLine).createQueryBuilder('l').setLock('pessimistic_write').where('l.id IN (:...ids)', { ids }).orderBy('l.id').getMany();
      const from = rows.find((r) => r.id === dto.fromLineId);
      const to = rows.find((r) => r.id === dto.toLineId);
      if (!from || !to || from.basketId !== id) throw fieldError(!from || from.basketId !== id ? 'fromLineId' : 'toLineId', 'notFound');
      const available = (await this.ledger.balances(m, from.id)).availableCents;
      const refusal = transferRefusal({ ...from, availableCents: available }, to, dto.amountCents);
      if (refusal) throw new AppError(refusal);
      const ref = randomUUID();
      await this.ledger.transfer(m, actor, { basketLineId: from.id, amountCents: -dto.amountCents, refType: 'transfer', refId: ref, reason: dto.reason.trim() });
      await this.ledger.transfer(m, actor, { basketLineId: to.id, amountCents: dto.amountCents, refType: 'transfer', refId: ref, reason: dto.reason.trim() });
      // the draft amounts follow the money, so a later amendment starts from what is really there
      await m.query(`UPDATE basket_line SET planned_cents = planned_cents + $2 WHERE id = $1`, [to.id, dto.amountCents]);
      await m.query(`UPDATE basket_line SET planned_cents = planned_cents - $2 WHERE id = $1`, [from.id, dto.amountCents]);
      await this.audit.record(m, actor, { action: 'basket.transfer', subjectType: 'basket', subjectId: id, childId: b.childId, details: { from: from.id, to: to.id, amountCents: dto.amountCents, ref } });
      return { transferId: ref, lines: await this.lineViews(m, id) };
    });
  }

  /**
   * The calendar moves baskets on: an approved basket becomes active when its period starts, an active
   * one closes the day after its period ends (no new commitments; money already committed can still be spent).
   */
  async advancePeriods(today = rigaDate()): Promise<{ activated: number; closed: number }> {
    return this.db.transaction(async (m) => {
      const activated: { id: string; child_id: string }[] = await m.query(
        `UPDATE basket SET status = 'active', updated_at = now() WHERE status = 'approved' AND period_start <= $1 AND period_end >= $1 RETURNING id, child_id`,
        [today],
      );
      const closed: { id: string; child_id: string }[] = await m.query(
        `UPDATE basket SET status = 'closed', updated_at = now() WHERE status IN ('approved', 'active') AND period_end < $1 RETURNING id, child_id`,
        [today],
      );
      for (const b of activated) await this.audit.record(m, null, { action: 'basket.activated', subjectType: 'basket', subjectId: b.id, childId: b.child_id });
      for (const b of closed) await this.audit.record(m, null, { action: 'basket.closed', subjectType: 'basket', subjectId: b.id, childId: b.child_id });
      return { activated: activated.length, closed: closed.length };
    });
  }

  // ---- helpers

  private async computeLines(m: EntityManager, plan: SupportPlan, periodStart: string, periodEnd: string) {
    const months = monthsInPeriod(periodStart, periodEnd);
    const prices = await budgetsRepository.referencePrices(m, periodStart);
    const rules = await budgetsRepository.fundingRules(m, periodStart);
    const indicative = splitByFundingRules(sumByCategory(priceServices(plan.services.map((s) => ({ serviceCode: s.serviceCode as ServiceCode, unitsPerMonth: s.proposedUnitsPerMonth })), prices, months)), rules);
    const planned = splitByFundingRules(sumByCategory(priceServices(plan.services.map((s) => ({ serviceCode: s.serviceCode as ServiceCode, unitsPerMonth: s.unitsPerMonth })), prices, months)), rules);
    const keys = new Map<string, { category: string; fundingSource: string; indicativeCents: number; plannedCents: number; transferable: boolean; reason: string | null }>();
    for (const l of [...indicative, ...planned]) keys.set(`${l.category}|${l.fundingSource}`, { category: l.category, fundingSource: l.fundingSource, indicativeCents: 0, plannedCents: 0, transferable: l.transferable, reason: null });
    for (const l of indicative) keys.get(`${l.category}|${l.fundingSource}`)!.indicativeCents = l.amountCents;
    for (const l of planned) keys.get(`${l.category}|${l.fundingSource}`)!.plannedCents = l.amountCents;
    for (const line of keys.values()) {
      if (line.plannedCents === line.indicativeCents) continue;
      const reasons = plan.services.filter((s) => SERVICE_CODES[s.serviceCode as ServiceCode] === line.category && s.reason).map((s) => `${s.serviceCode}: ${s.reason}`);
      line.reason = reasons.join('; ') || null;
    }
    return [...keys.values()].filter((l) => l.plannedCents !== 0 || l.indicativeCents !== 0);
  }

  private async view(m: EntityManager, b: Basket) {
    const lines = await this.lineViews(m, b.id);
    const versions = await m.getRepository(BasketVersion).find({ where: { basketId: b.id }, order: { version: 'DESC' } });
    const plan = b.supportPlanId ? await m.getRepository(SupportPlan).findOneBy({ id: b.supportPlanId }) : null;
    const sum = (k: keyof Balances | 'plannedCents' | 'indicativeCents') => lines.reduce((s, l) => s + (l[k] as number), 0);
    return {
      ...b,
      totals: { indicativeCents: sum('indicativeCents'), plannedCents: sum('plannedCents'), allocatedCents: sum('allocatedCents'), committedCents: sum('committedCents'), spentCents: sum('spentCents'), availableCents: sum('availableCents') },
      lines,
      versions,
      plan: plan ? { id: plan.id, goals: plan.goals, services: plan.services } : null,
    };
  }

  private async lineViews(m: EntityManager, basketId: string): Promise<LineView[]> {
    const lines = await m.getRepository(BasketLine).find({ where: { basketId }, order: { category: 'ASC', fundingSource: 'ASC' } });
    const balances = await this.ledger.balancesOfLines(m, lines.map((l) => l.id));
    return lines.map((l) => ({ ...l, ...balances.get(l.id)! }));
  }

  private transition(b: Basket, action: BasketAction): void {
    const next = nextBasketStatus(b.status, action);
    if (!next) throw new AppError('BUDGET_TRANSITION_INVALID', { status: b.status });
    b.status = next;
  }

  private async saveAndView(m: EntityManager, actor: Actor, b: Basket, action: string) {
    await m.save(Basket, b);
    await this.audit.record(m, actor, { action, subjectType: 'basket', subjectId: b.id, childId: b.childId, details: { version: b.version, status: b.status } });
    return this.view(m, b);
  }

  private async orgCode(m: EntityManager, actor: Actor): Promise<string | null> {
    const r: { code: string | null }[] = await m.query(`SELECT code FROM organisation WHERE id = $1`, [actor.organisationId]);
    return r[0]?.code ?? null;
  }

  private assertOfficerOf(actor: Actor, b: Basket, code: string | null): void {
    if (actor.role !== 'municipality_officer' || !code || code !== b.municipalityCode) throw new AppError('FORBIDDEN');
  }

  private async load(m: EntityManager, actor: Actor, id: string): Promise<Basket> {
    const b = await m.getRepository(Basket).findOneBy({ id });
    if (!b) throw notFound();
    await this.access.assertCanRead(m, actor, b.childId);
    return b;
  }

  private async lockAndLoad(m: EntityManager, actor: Actor, id: string): Promise<Basket> {
    const b = await m.getRepository(Basket).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!b) throw notFound();
    await this.access.assertCanRead(m, actor, b.childId);
    return b;
  }

  private async loadDraftForCaseManager(m: EntityManager, actor: Actor, id: string): Promise<Basket> {
    const b = await this.lockAndLoad(m, actor, id);
    await this.assessments.assertCaseManagerOf(m, actor, b.childId);
    if (!linesEditable(b.status)) throw new AppError('BUDGET_TRANSITION_INVALID', { status: b.status });
    return b;
  }
}
