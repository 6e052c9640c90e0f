import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, forbidden, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { LedgerService } from '../budgets/ledger.service';
import { ChildAccessService } from '../children/child-access.service';
import { CatalogueServiceService } from './catalogue.service';
import { AcceptContractDto, ApproveContractDto, CancelContractDto, EndContractDto, ProposeContractDto } from './contracts.dto';
import { CatalogueService } from './entities/catalogue-service.entity';
import { ContractSpecialist } from './entities/contract-specialist.entity';
import { Contract } from './entities/contract.entity';
import { Offer } from './entities/offer.entity';
import { ProviderSpecialist } from './entities/provider-specialist.entity';
import { canTransition, childUnitPrice, ContractParty, ContractStatus, contractValue, offerPriceError, releaseOnEnd, rigaDate } from './marketplace.rules';
import { contractPdf } from './contract-pdf';
import { centsToDecimalString } from '@lidz/libs';
import { OFFER_VISIBLE_SQL } from './offers.service';
import { ProvidersService } from './providers.service';

export const CONTRACT_LIST = {
  sortable: ['createdAt', 'validFrom', 'status', 'valueCents'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filters: ['status', 'childId', 'providerId', 'serviceCode', 'id'],
};

/** What a provider may know of the child: the name and card status — nothing of assessments or diagnoses. */
export interface ContractChild {
  id: string;
  firstName: string;
  lastName: string;
  cardStatus: string | null;
}

export interface BasketImpact {
  basketLineId: string;
  category: string;
  fundingSource: string;
  allocatedCents: number;
  committedCents: number;
  spentCents: number;
  availableCents: number;
  /** Available on the line after this contract is approved (negative: approval would be refused). */
  availableAfterCents: number;
}

export interface ContractView extends Omit<Contract, 'child' | 'basketLine'> {
  serviceNameLv: string;
  serviceNameEn: string;
  providerName: string;
  child: ContractChild;
  specialists: { id: string; fullName: string }[];
  basketImpact?: BasketImpact | null;
}

const PROVIDER_ROLES = ['provider_admin', 'specialist'];

/** The party of the contract lifecycle the actor acts as, or null for a role that takes no part. */
function partyOf(actor: Actor): ContractParty | null {
  switch (actor.role) {
    case 'family':
    case 'participant':
      return 'family';
    case 'provider_admin':
      return 'provider';
    case 'case_manager':
    case 'platform_admin':
      return 'case_manager';
    default:
      return null;
  }
}

@Injectable()
export class ContractsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly childAccess: ChildAccessService,
    private readonly providers: ProvidersService,
    private readonly catalogue: CatalogueServiceService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ContractView[]; total: number; q: ListQuery }> {
    if (actor.role === 'ministry_analyst') throw forbidden();
    const q = parseListQuery(query, CONTRACT_LIST);
    const f = q.filter;
    return this.db.transaction(async (m) => {
      const qb = m.getRepository(Contract).createQueryBuilder('k');
      if (PROVIDER_ROLES.includes(actor.role)) qb.andWhere('k.provider_organisation_id = :own', { own: actor.organisationId });
      else if (actor.role !== 'platform_admin') {
        const { sql, params } = this.childAccess.visibleChildIdsSql(actor);
        const named = Object.fromEntries(params.map((p, i) => [`ca${i}`, p]));
        qb.andWhere(`k.child_id IN (${sql.replace(/\$(\d+)/g, (_s, n: string) => `:ca${Number(n) - 1}`)})`, named);
      }
      if (f.status !== undefined) qb.andWhere('k.status IN (:...statuses)', { statuses: [f.status].flat().map(String) });
      if (f.childId !== undefined) qb.andWhere('k.child_id::text IN (:...childIds)', { childIds: [f.childId].flat().map(String) });
      if (f.providerId !== undefined) qb.andWhere('k.provider_organisation_id::text IN (:...pids)', { pids: [f.providerId].flat().map(String) });
      if (f.serviceCode !== undefined) qb.andWhere('k.service_code IN (:...codes)', { codes: [f.serviceCode].flat().map(String) });
      if (f.id !== undefined) qb.andWhere('k.id::text IN (:...ids)', { ids: [f.id].flat().map(String) });
      const [rows, total] = await qb.orderBy(`k.${q.sortField}`, q.sortOrder).addOrderBy('k.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
      const views = await this.views(m, actor, rows);
      for (const childId of new Set(rows.map((r) => r.childId))) await this.audit.record(m, actor, { action: 'contract.listed', subjectType: 'child', subjectId: childId, childId });
      return { rows: views, total, q };
    });
  }

  async get(actor: Actor, id: string): Promise<ContractView> {
    return this.db.transaction(async (m) => {
      const contract = await this.load(m, actor, id);
      await this.audit.record(m, actor, { action: 'contract.read', subjectType: 'contract', subjectId: id, childId: contract.childId });
      return (await this.views(m, actor, [contract]))[0];
    });
  }

  /** A family requests an offer for its child: a proposal at the offer's price, for the plan's units and period. */
  async propose(actor: Actor, dto: ProposeContractDto): Promise<ContractView> {
    if (partyOf(actor) !== 'family' && actor.role !== 'case_manager') throw forbidden();
    if (dto.validTo < dto.validFrom) throw new AppError('VALIDATION_FAILED', { validTo: 'beforeValidFrom' });
    const today = rigaDate();
    if (dto.validFrom < today) throw new AppError('VALIDATION_FAILED', { validFrom: 'inThePast' });
    const id = await this.db.transaction(async (m) => {
      await this.childAccess.assertCanRead(m, actor, dto.childId);
      const offer = await m.getRepository(Offer).findOne({ where: { id: dto.offerId } });
      if (!offer) throw new AppError('VALIDATION_FAILED', { offerId: 'notFound' });
      const visible: { v: boolean }[] = await m.query(`SELECT ${OFFER_VISIBLE_SQL(today)} AS v FROM offer o WHERE o.id = $1`, [offer.id]);
      // an expired accreditation or a provider no longer approved blocks every new contract
      await this.providers.assertMayContract(m, offer.providerOrganisationId, offer.serviceCode, today);
      await this.providers.assertMayContract(m, offer.providerOrganisationId, offer.serviceCode, dto.validFrom);
      if (!visible[0]?.v || offer.freeCapacity <= 0) throw new AppError('OFFER_UNAVAILABLE', { offerId: 'unavailable' });
      if (dto.validFrom < offer.earliestStart) throw new AppError('VALIDATION_FAILED', { validFrom: 'beforeEarliestStart' });
      const price = await this.catalogue.priceOn(m, offer.serviceCode, dto.validFrom);
      const priceError = offerPriceError(offer.priceCents, price?.maxPriceCents ?? null);
      if (priceError) throw new AppError('OFFER_UNAVAILABLE', { priceCents: priceError });
      const service = await m.getRepository(CatalogueService).findOneByOrFail({ code: offer.serviceCode });
      if (service.minAge !== null) {
        const [child]: { age: number }[] = await m.query(`SELECT date_part('year', age($2::date, birth_date))::int AS age FROM child WHERE id = $1`, [dto.childId, dto.validFrom]);
        if (child.age < service.minAge) throw new AppError('VALIDATION_FAILED', { childId: 'belowMinAge' });
      }
      const terms = { unitPriceCents: offer.priceCents, groupSize: offer.groupSize, unitsPerMonth: dto.unitsPerMonth, validFrom: dto.validFrom, validTo: dto.validTo };
      const { identifiers } = await m.insert(Contract, {
        childId: dto.childId,
        providerOrganisationId: offer.providerOrganisationId,
        offerId: offer.id,
        serviceCode: offer.serviceCode,
        unitMinutes: offer.unitMinutes,
        unitPriceCents: offer.priceCents,
        unitsPerMonth: dto.unitsPerMonth,
        deliveryMode: offer.deliveryMode,
        groupSize: offer.groupSize,
        validFrom: dto.validFrom,
        validTo: dto.validTo,
        status: 'proposed',
        cancellationFeePercent: service.cancellationClaimable ? 50 : 0,
        valueCents: contractValue(terms),
        proposedByUserId: actor.userId,
        note: dto.note ?? null,
      });
      const newId = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'contract.proposed', subjectType: 'contract', subjectId: newId, childId: dto.childId, details: { offerId: offer.id, valueCents: contractValue(terms) } });
      return newId;
    });
    return this.get(actor, id);
  }

  /** The provider accepts a proposal made to it, naming the specialist(s) who will deliver it. */
  async accept(actor: Actor, id: string, dto: AcceptContractDto): Promise<ContractView> {
    await this.db.transaction(async (m) => {
      const contract = await this.load(m, actor, id, true);
      this.assertTransition(actor, contract.status, 'accepted');
      await this.providers.assertMayContract(m, contract.providerOrganisationId, contract.serviceCode);
      const ids = [...new Set(dto.specialistIds)];
      const links = await m.getRepository(ProviderSpecialist).find({ where: { providerOrganisationId: contract.providerOrganisationId, specialistId: In(ids), active: true } });
      if (links.length !== ids.length) throw new AppError('VALIDATION_FAILED', { specialistIds: 'notOfProvider' });
      // who may deliver the service: every named specialist holds the catalogue's qualification
      const service = await m.getRepository(CatalogueService).findOneByOrFail({ code: contract.serviceCode });
      if (service.qualification) {
        const qualified: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM specialist WHERE id = ANY($1::uuid[]) AND $2 = ANY(qualifications)`, [ids, service.qualification]);
        if (qualified[0].n !== ids.length) throw new AppError('VALIDATION_FAILED', { specialistIds: 'notQualified' });
      }
      if (contract.offerId) {
        const [taken]: { n: number }[] = await m.query(`WITH t AS (UPDATE offer SET free_capacity = free_capacity - 1 WHERE id = $1 AND free_capacity > 0 RETURNING id) SELECT count(*)::int AS n FROM t`, [contract.offerId]);
        if (taken.n === 0) throw new AppError('OFFER_UNAVAILABLE', { offerId: 'noCapacity' });
      }
      await m.insert(ContractSpecialist, ids.map((specialistId) => ({ contractId: id, specialistId })));
      const terms: Partial<Contract> = { status: 'accepted', acceptedAt: new Date(), acceptedByUserId: actor.userId };
      if (dto.cancellationNoticeWorkingDays !== undefined) terms.cancellationNoticeWorkingDays = dto.cancellationNoticeWorkingDays;
      if (dto.cancellationFeePercent !== undefined) terms.cancellationFeePercent = dto.cancellationFeePercent;
      await m.update(Contract, { id }, terms);
      await this.audit.record(m, actor, { action: 'contract.accepted', subjectType: 'contract', subjectId: id, childId: contract.childId, details: { specialistIds: ids } });
    });
    return this.get(actor, id);
  }

  /**
   * The case manager approves: the whole contract value is committed on the basket line through the
   * ledger, which locks the line and refuses (BUDGET_INSUFFICIENT_FUNDS) rather than overspend — so of
   * two contracts that together exceed a line exactly one gets through.
   */
  async approve(actor: Actor, id: string, dto: ApproveContractDto): Promise<ContractView> {
    await this.db.transaction(async (m) => {
      const contract = await this.load(m, actor, id, true);
      this.assertTransition(actor, contract.status, 'approved');
      await this.providers.assertMayContract(m, contract.providerOrganisationId, contract.serviceCode);
      const line = await this.chooseLine(m, contract, dto.basketLineId);
      await this.ledger.commit(m, actor, { basketLineId: line.id, amountCents: contract.valueCents, refType: 'contract', refId: id, reason: 'contract.approved' });
      const today = rigaDate();
      const status: ContractStatus = contract.validFrom <= today ? 'active' : 'approved';
      await m.update(Contract, { id }, { status, basketLineId: line.id, committedCents: contract.valueCents, approvedAt: new Date(), approvedByUserId: actor.userId });
      await this.audit.record(m, actor, { action: 'contract.approved', subjectType: 'contract', subjectId: id, childId: contract.childId, details: { basketLineId: line.id, committedCents: contract.valueCents, status } });
    });
    return this.get(actor, id);
  }

  /** Ends a running contract early (or on its last day): what is committed and not spent goes back to the line. */
  async end(actor: Actor, id: string, dto: EndContractDto): Promise<ContractView> {
    await this.db.transaction(async (m) => {
      const contract = await this.load(m, actor, id, true);
      this.assertTransition(actor, contract.status, 'ended');
      const endDate = dto.endDate ?? rigaDate();
      if (endDate < contract.validFrom || endDate > contract.validTo) throw new AppError('VALIDATION_FAILED', { endDate: 'outsidePeriod' });
      const released = await this.releaseRest(m, actor, contract);
      // the place the contract took frees up for another child
      if (contract.offerId) await m.query(`UPDATE offer SET free_capacity = free_capacity + 1 WHERE id = $1`, [contract.offerId]);
      await m.update(Contract, { id }, { status: 'ended', validTo: endDate, endedAt: new Date(), endedByUserId: actor.userId, endReason: dto.reason ?? null, releasedCents: contract.releasedCents + released });
      await this.audit.record(m, actor, { action: 'contract.ended', subjectType: 'contract', subjectId: id, childId: contract.childId, details: { endDate, releasedCents: released } });
    });
    return this.get(actor, id);
  }

  /** Cancels a contract that has not started running; an approved one gives its whole commitment back. */
  async cancel(actor: Actor, id: string, dto: CancelContractDto): Promise<ContractView> {
    await this.db.transaction(async (m) => {
      const contract = await this.load(m, actor, id, true);
      this.assertTransition(actor, contract.status, 'cancelled');
      const released = contract.status === 'approved' ? await this.releaseRest(m, actor, contract) : 0;
      if (contract.offerId && contract.status !== 'proposed') await m.query(`UPDATE offer SET free_capacity = free_capacity + 1 WHERE id = $1`, [contract.offerId]);
      await m.update(Contract, { id }, { status: 'cancelled', endedAt: new Date(), endedByUserId: actor.userId, endReason: dto.reason ?? null, releasedCents: contract.releasedCents + released });
      await this.audit.record(m, actor, { action: 'contract.cancelled', subjectType: 'contract', subjectId: id, childId: contract.childId, details: { from: contract.status, releasedCents: released } });
    });
    return this.get(actor, id);
  }

  /** The printable contract: both parties, the terms and the approving case manager (approved and later only). */
  async pdf(actor: Actor, id: string): Promise<Buffer> {
    return this.db.transaction(async (m) => {
      const c = await this.load(m, actor, id);
      if (!['approved', 'active', 'ended'].includes(c.status)) throw new AppError('CONTRACT_TRANSITION_FORBIDDEN', { status: c.status });
      const [x]: { provider: string; reg: string | null; iban: string | null; service: string; first_name: string; last_name: string; proposer: string | null; approver: string | null }[] = await m.query(
        `SELECT o.name AS provider, o.code AS reg, pp.iban, s.name_lv AS service, ch.first_name, ch.last_name, pu.full_name AS proposer, au.full_name AS approver
           FROM contract k JOIN organisation o ON o.id = k.provider_organisation_id LEFT JOIN provider_profile pp ON pp.organisation_id = o.id
           JOIN catalogue_service s ON s.code = k.service_code JOIN child ch ON ch.id = k.child_id
           LEFT JOIN app_user pu ON pu.id = k.proposed_by_user_id LEFT JOIN app_user au ON au.id = k.approved_by_user_id WHERE k.id = $1`,
        [id],
      );
      const specialists: { full_name: string; registration_number: string }[] = await m.query(
        `SELECT sp.full_name, sp.registration_number FROM contract_specialist cs JOIN specialist sp ON sp.id = cs.specialist_id WHERE cs.contract_id = $1 ORDER BY sp.full_name`,
        [id],
      );
      const eur = (cents: number) => `EUR ${centsToDecimalString(cents)}`;
      await this.audit.record(m, actor, { action: 'contract.printed', subjectType: 'contract', subjectId: id, childId: c.childId });
      return contractPdf(`Pakalpojuma ligums / Service agreement`, [
        { label: 'Ligums / Contract', text: c.id },
        { label: 'Sniedzejs / Provider', text: `${x.provider} (${x.reg ?? ''}), IBAN ${x.iban ?? '-'}` },
        { label: 'Bernam / For the child', text: `${x.first_name} ${x.last_name}` },
        { label: 'Gimene / Family', text: x.proposer ?? '-' },
        { label: 'Pakalpojums / Service', text: `${x.service} (${c.serviceCode}), ${c.deliveryMode}${c.groupSize > 1 ? `, grupa ${c.groupSize}` : ''}` },
        { label: 'Specialisti / Specialists', text: specialists.map((s) => `${s.full_name} (${s.registration_number})`).join(', ') || '-' },
        { label: 'Vieniba / Unit', text: `${c.unitMinutes ?? '-'} min, ${eur(c.unitPriceCents)}${c.groupSize > 1 ? ` (${eur(childUnitPrice(c.unitPriceCents, c.groupSize))} bernam)` : ''}` },
        { label: 'Apjoms / Volume', text: `${c.unitsPerMonth} menesi / a month, ${c.validFrom} - ${c.validTo}` },
        { label: 'Vertiba / Value', text: eur(c.valueCents) },
        { label: 'Atcelsana / Cancellation', text: `${c.cancellationNoticeWorkingDays} darba dienas; maksa ${c.cancellationFeePercent}%` },
        { label: 'Apstiprinaja / Approved by', text: `${x.approver ?? '-'}${c.approvedAt ? `, ${c.approvedAt.toISOString().slice(0, 10)}` : ''}` },
      ]);
    });
  }

  /** Approved contracts whose start date has come become active (run daily and before reads that depend on it). */
  async activateDue(m: EntityManager, today = rigaDate()): Promise<number> {
    const [row]: { n: number }[] = await m.query(`WITH a AS (UPDATE contract SET status = 'active', updated_at = now() WHERE status = 'approved' AND valid_from <= $1::date RETURNING id) SELECT count(*)::int AS n FROM a`, [today]);
    return row.n;
  }

  // ------------------------------------------------------------------ helpers

  /** Loads a contract the actor may see (404 otherwise), optionally locking it for a transition. */
  private async load(m: EntityManager, actor: Actor, id: string, lock = false): Promise<Contract> {
    const contract = await m.getRepository(Contract).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!contract) throw notFound();
    if (PROVIDER_ROLES.includes(actor.role)) {
      if (contract.providerOrganisationId !== actor.organisationId) throw notFound();
    } else if (actor.role === 'ministry_analyst') throw notFound();
    else await this.childAccess.assertCanRead(m, actor, contract.childId);
    return contract;
  }

  private assertTransition(actor: Actor, from: ContractStatus, to: ContractStatus): void {
    const party = partyOf(actor);
    if (!party || !canTransition(from, to, party)) throw new AppError('CONTRACT_TRANSITION_FORBIDDEN', { status: from });
  }

  /** Committed on this contract and neither spent by billing nor released before. */
  private async releaseRest(m: EntityManager, actor: Actor, contract: Contract): Promise<number> {
    if (!contract.basketLineId || contract.committedCents === 0) return 0;
    const amount = releaseOnEnd(contract.committedCents, await this.spentOnContract(m, contract), contract.releasedCents);
    if (amount > 0) await this.ledger.release(m, actor, { basketLineId: contract.basketLineId, amountCents: amount, refType: 'contract', refId: contract.id, reason: 'contract.ended' });
    return amount;
  }

  /**
   * What billing has spent of this contract's commitment: spend minus reverse movements of the claim
   * lines that belong to the contract. Billing's claim_line table is read only if it exists.
   */
  private async spentOnContract(m: EntityManager, contract: Contract): Promise<number> {
    const has: { ok: boolean }[] = await m.query(`SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'claim_line' AND column_name = 'contract_id') AS ok`);
    if (!has[0]?.ok) return 0;
    const rows: { spent: string | null }[] = await m.query(
      `SELECT sum(CASE lm.kind WHEN 'spend' THEN lm.amount_cents WHEN 'reverse' THEN -lm.amount_cents ELSE 0 END)::text AS spent
         FROM ledger_movement lm WHERE lm.basket_line_id = $1 AND lm.ref_type = 'claim_line'
          AND lm.ref_id IN (SELECT cl.id::text FROM claim_line cl WHERE cl.contract_id = $2)`,
      [contract.basketLineId, contract.id],
    );
    return Number(rows[0]?.spent ?? 0);
  }

  /**
   * The basket line to commit on: the one named (it must be the child's, of the service's category, in
   * an approved or active basket), else the child's line of that category with the most money available.
   */
  private async chooseLine(m: EntityManager, contract: Contract, basketLineId?: string): Promise<{ id: string }> {
    const candidates = await this.candidateLines(m, contract);
    if (basketLineId) {
      const named = candidates.find((c) => c.id === basketLineId);
      if (!named) throw new AppError('VALIDATION_FAILED', { basketLineId: 'notALineOfThisContract' });
      return named;
    }
    if (candidates.length === 0) throw new AppError('CONTRACT_NO_BASKET_LINE');
    const balances = await this.ledger.balancesOfLines(m, candidates.map((c) => c.id));
    return [...candidates].sort((a, b) => (balances.get(b.id)?.availableCents ?? 0) - (balances.get(a.id)?.availableCents ?? 0))[0];
  }

  private async candidateLines(m: EntityManager, contract: Contract): Promise<{ id: string; category: string; funding_source: string }[]> {
    return m.query(
      `SELECT l.id, l.category, l.funding_source FROM basket_line l JOIN basket b ON b.id = l.basket_id
        WHERE l.child_id = $1 AND l.category = (SELECT s.category FROM catalogue_service s WHERE s.code = $2)
          AND b.status IN ('approved', 'active') AND b.period_start <= $4::date AND b.period_end >= $3::date
        ORDER BY l.funding_source, l.id`,
      [contract.childId, contract.serviceCode, contract.validFrom, contract.validTo],
    );
  }

  private async basketImpact(m: EntityManager, contract: Contract): Promise<BasketImpact | null> {
    let line: { id: string; category: string; funding_source: string } | undefined;
    if (contract.basketLineId) {
      const rows: { id: string; category: string; funding_source: string }[] = await m.query(`SELECT id, category, funding_source FROM basket_line WHERE id = $1`, [contract.basketLineId]);
      line = rows[0];
    } else {
      const candidates = await this.candidateLines(m, contract);
      const balances = await this.ledger.balancesOfLines(m, candidates.map((c) => c.id));
      line = [...candidates].sort((a, b) => (balances.get(b.id)?.availableCents ?? 0) - (balances.get(a.id)?.availableCents ?? 0))[0];
    }
    if (!line) return null;
    const b = await this.ledger.balances(m, line.id);
    const pending = contract.status === 'proposed' || contract.status === 'accepted';
    return { basketLineId: line.id, category: line.category, fundingSource: line.funding_source, ...b, availableAfterCents: pending ? b.availableCents - contract.valueCents : b.availableCents };
  }

  private async views(m: EntityManager, actor: Actor, contracts: Contract[]): Promise<ContractView[]> {
    if (contracts.length === 0) return [];
    const ids = contracts.map((c) => c.id);
    const meta: { id: string; name_lv: string; name_en: string; provider_name: string; first_name: string; last_name: string }[] = await m.query(
      `SELECT k.id, s.name_lv, s.name_en, o.name AS provider_name, c.first_name, c.last_name
         FROM contract k JOIN catalogue_service s ON s.code = k.service_code JOIN organisation o ON o.id = k.provider_organisation_id JOIN child c ON c.id = k.child_id
        WHERE k.id = ANY($1::uuid[])`,
      [ids],
    );
    const specialists: { contract_id: string; id: string; full_name: string }[] = await m.query(
      `SELECT cs.contract_id, sp.id, sp.full_name FROM contract_specialist cs JOIN specialist sp ON sp.id = cs.specialist_id WHERE cs.contract_id = ANY($1::uuid[]) ORDER BY sp.full_name`,
      [ids],
    );
    const cards = await this.cardStatuses(m, [...new Set(contracts.map((c) => c.childId))]);
    const showBudget = !PROVIDER_ROLES.includes(actor.role) && actor.role !== 'family' && actor.role !== 'participant';
    const out: ContractView[] = [];
    for (const c of contracts) {
      const x = meta.find((r) => r.id === c.id)!;
      const view: ContractView = {
        ...c,
        serviceNameLv: x.name_lv,
        serviceNameEn: x.name_en,
        providerName: x.provider_name,
        child: { id: c.childId, firstName: x.first_name, lastName: x.last_name, cardStatus: cards.get(c.childId) ?? null },
        specialists: specialists.filter((s) => s.contract_id === c.id).map((s) => ({ id: s.id, fullName: s.full_name })),
      };
      if (showBudget) view.basketImpact = await this.basketImpact(m, c);
      out.push(view);
    }
    return out;
  }

  /** The child's current card status from the visits context's card table, when it exists. */
  private async cardStatuses(m: EntityManager, childIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const has: { ok: boolean }[] = await m.query(`SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'card' AND column_name = 'status') AS ok`);
    if (!has[0]?.ok || childIds.length === 0) return out;
    const rows: { child_id: string; status: string }[] = await m.query(
      `SELECT DISTINCT ON (child_id) child_id, status FROM card WHERE child_id = ANY($1::uuid[]) ORDER BY child_id, (status = 'active') DESC, issued_at DESC`,
      [childIds],
    );
    for (const r of rows) out.set(r.child_id, r.status);
    return out;
  }
}
