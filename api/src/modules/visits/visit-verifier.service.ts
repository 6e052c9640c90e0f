import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityNotFoundError, In } from 'typeorm';
import { hydrate, preparedQuery } from '../../database/prepared';
import { Visit } from './entities/visit.entity';
import { VisitException } from './entities/visit-exception.entity';
import type { ScanVerdict } from './entities/scan.entity';
import { visitsRepository, type ContractRow, type SpecialistVisit } from './visits.repository';
import { findOverlaps, ReasonCode, verifyVisit, VISIT_RULE_DEFAULTS, visitPriceCents, billableMinutes } from './visits.rules';

/**
 * One visit with what its verification reads: its scans' verdicts, the contract's verified visits this
 * Riga month and their price, the specialist's visits overlapping it (a visit lasts at most the longest
 * pairing window, $3 seconds, so only those starting that long before it can overlap — this keeps the
 * lookup to a short index range however long the specialist's history), and its open exception.
 */
const VISIT_FACTS_SQL = `
  SELECT v.*,
    (SELECT COALESCE(json_agg(s.verdict), '[]') FROM scan s WHERE s.id IN (v.check_in_scan_id, v.check_out_scan_id)) AS scan_verdicts,
    (SELECT count(*)::int FROM visit o WHERE o.contract_id = v.contract_id AND o.id <> v.id AND o.status = 'verified'
        AND to_char(COALESCE(o.check_in_at, o.check_out_at) AT TIME ZONE 'Europe/Riga', 'YYYY-MM')
          = to_char(COALESCE(v.check_in_at, v.check_out_at, $2::timestamptz) AT TIME ZONE 'Europe/Riga', 'YYYY-MM')) AS units_used,
    (SELECT COALESCE(sum(o.price_cents), 0)::text FROM visit o WHERE o.contract_id = v.contract_id AND o.id <> v.id AND o.status = 'verified') AS verified_price,
    CASE WHEN v.check_in_at IS NOT NULL AND v.check_out_at IS NOT NULL THEN (
      SELECT COALESCE(json_agg(json_build_object('id', o.id, 'start', o.check_in_at, 'end', o.check_out_at, 'group_session_id', o.group_session_id,
               'contract_id', o.contract_id, 'service_code', o.service_code, 'status', o.status, 'delivery_mode', COALESCE(c.delivery_mode, 'individual'))), '[]')
        FROM visit o LEFT JOIN contract c ON c.id = o.contract_id
       WHERE o.specialist_id = v.specialist_id AND o.id <> v.id AND o.status <> 'rejected'
         AND o.check_in_at > v.check_in_at - make_interval(secs => $3) AND o.check_in_at < v.check_out_at
         AND o.check_out_at IS NOT NULL AND o.check_out_at > v.check_in_at) END AS others,
    (SELECT e.id FROM visit_exception e WHERE e.visit_id = v.id AND e.status = 'open' ORDER BY e.id LIMIT 1) AS open_exception_id
  FROM visit v WHERE v.id = $1`;

export interface ReverifyOptions {
  /** Re-judge the visits it overlaps too (default true). */
  cascade?: boolean;
  /** The visit's contract, when the caller has it. */
  contract?: ContractRow;
  /** A scan of this visit not yet written (its verdict counts). */
  pendingScan?: { id: string; verdict: ScanVerdict };
}

/**
 * Loads the facts of one visit, lets the pure rules decide, and writes the verdict: status, reasons,
 * billable minutes, price, and an open exception for the case manager when a rule failed.
 */
@Injectable()
export class VisitVerifier {
  readonly config = VISIT_RULE_DEFAULTS;

  /**
   * Re-judges one visit. Its facts come in ONE query (the visit with its scans' verdicts, the
   * specialist's overlapping visits, the contract's verified units this month and money used, its open
   * exception); the verdict is one UPDATE. `contract` saves reading a contract the caller has, and
   * `pendingScan` is a scan of this visit that the caller writes after verification.
   */
  async reverify(m: EntityManager, visitId: string, now: Date, opts: ReverifyOptions = {}): Promise<Visit> {
    const cascade = opts.cascade ?? true;
    const facts = await this.loadFacts(m, visitId, now);
    const visit = facts.visit;
    // a case manager's decision and a billed visit are not re-judged by later scans
    if (visit.resolution || visit.billed || visit.status === 'rejected') return visit;
    const contract = opts.contract?.id === visit.contractId ? opts.contract : await visitsRepository.findContract(m, visit.contractId);
    if (!contract) throw new Error(`contract ${visit.contractId} of visit ${visit.id} is missing`);

    const verdicts = [...facts.scanVerdicts];
    if (opts.pendingScan && (opts.pendingScan.id === visit.checkInScanId || opts.pendingScan.id === visit.checkOutScanId)) verdicts.push(opts.pendingScan.verdict);
    const scanReasons = new Set<ReasonCode>();
    for (const v of verdicts) {
      if (v === 'expired') scanReasons.add('TOKEN_EXPIRED');
      if (v === 'reused') scanReasons.add('TOKEN_REUSED');
    }
    const forged = verdicts.includes('forged');
    const cardBlocked = verdicts.includes('card_blocked');

    const others = facts.others;
    // group contracts: the specialist's overlapping group visits of the same service form one session
    if (visit.checkInAt && visit.checkOutAt && contract.deliveryMode === 'group') await this.joinGroupSession(m, visit, others);
    const verdict = verifyVisit(
      {
        checkInAt: visit.checkInAt,
        checkOutAt: visit.checkOutAt,
        now,
        manual: visit.manual,
        specialistId: visit.specialistId,
        groupSessionId: visit.groupSessionId,
        groupSize: visit.groupSize,
        contract,
        cardActive: !cardBlocked,
        scanReasons: [...scanReasons],
        forged,
        otherVisits: others,
        unitsUsedThisMonth: facts.unitsUsedThisMonth,
        moneyLeftCents: contract.committedCents - facts.verifiedPriceCents,
        disputed: visit.disputedAt !== null && visit.status !== 'verified',
      },
      this.config,
    );
    const patch = {
      status: verdict.status,
      reasons: verdict.reasons,
      durationMinutes: verdict.durationMinutes,
      billableMinutes: verdict.billableMinutes,
      priceCents: verdict.priceCents,
      overlappingVisitIds: verdict.overlapping,
      scanReasons: [...scanReasons],
      forged,
      cardBlocked,
    };
    await m.update(Visit, { id: visit.id }, patch);
    await this.syncException(m, visit, verdict.status, verdict.reasons, facts.openExceptionId);
    if (cascade) {
      // the earlier visit of an overlap is an exception too, unless already decided or billed
      for (const id of verdict.overlapping) await this.reverify(m, id, now, { cascade: false });
    }
    return Object.assign(visit, patch, { updatedAt: new Date() });
  }

  /** The visit and everything its verification reads, in one (prepared) statement. */
  private async loadFacts(m: EntityManager, visitId: string, now: Date) {
    const [r] = await preparedQuery<{ scan_verdicts: string[]; units_used: number; verified_price: string; others: Record<string, string | null>[] | null; open_exception_id: string | null } & Record<string, unknown>>(
      m,
      'visit-facts-v1',
      VISIT_FACTS_SQL,
      [visitId, now, Math.round(this.config.maxVisitMs / 1000)],
    );
    if (!r) throw new EntityNotFoundError(Visit, { id: visitId });
    return {
      visit: hydrate(m, Visit, r),
      scanVerdicts: r.scan_verdicts ?? [],
      unitsUsedThisMonth: Number(r.units_used),
      verifiedPriceCents: Number(r.verified_price),
      others: (r.others ?? []).map(
        (o): SpecialistVisit => ({
          id: String(o.id),
          start: new Date(String(o.start)),
          end: new Date(String(o.end)),
          groupSessionId: o.group_session_id ?? null,
          contractId: String(o.contract_id),
          serviceCode: String(o.service_code),
          deliveryMode: String(o.delivery_mode),
          status: String(o.status),
        }),
      ),
      openExceptionId: r.open_exception_id,
    };
  }

  /** Opens (or updates) the visit's exception when a rule failed; closes it if a later scan fixed the visit. */
  async syncException(m: EntityManager, visit: Pick<Visit, 'id' | 'childId' | 'providerOrganisationId'>, status: string, reasons: ReasonCode[], openId?: string | null): Promise<void> {
    // the caller may already know the open exception (null: none); otherwise it is read
    const open = openId !== undefined ? (openId ? { id: openId } : null) : await m.getRepository(VisitException).findOneBy({ visitId: visit.id, status: 'open' });
    if (status === 'exception') {
      if (open) await m.update(VisitException, { id: open.id }, { reasonCode: reasons[0], reasonCodes: reasons });
      else await m.insert(VisitException, { visitId: visit.id, childId: visit.childId, providerOrganisationId: visit.providerOrganisationId, reasonCode: reasons[0], reasonCodes: reasons });
    } else if (open && status !== 'open') {
      await m.update(VisitException, { id: open.id }, { status: 'resolved', resolutionCode: status === 'rejected' ? 'AUTO_REJECTED' : 'AUTO_REVERIFIED', decidedAt: new Date() });
    }
  }

  private async joinGroupSession(m: EntityManager, visit: Visit, others: SpecialistVisit[]): Promise<void> {
    const self = { start: visit.checkInAt!, end: visit.checkOutAt!, groupSessionId: null };
    const mates = findOverlaps(self, others.filter((o) => o.deliveryMode === 'group' && o.serviceCode === visit.serviceCode), this.config);
    if (!mates.length) return;
    const sessionId = visit.groupSessionId ?? mates.find((o) => o.groupSessionId)?.groupSessionId ?? randomUUID();
    const ids = [visit.id, ...mates.map((o) => o.id)];
    await m.update(Visit, { id: In(ids) }, { groupSessionId: sessionId });
    await this.repriceSession(m, sessionId);
    Object.assign(visit, await m.getRepository(Visit).findOneByOrFail({ id: visit.id }));
    for (const o of others) if (ids.includes(o.id)) o.groupSessionId = sessionId;
  }

  /** Every child of a group session pays unit price ÷ participants. */
  async repriceSession(m: EntityManager, sessionId: string): Promise<void> {
    const members = await m.getRepository(Visit).findBy({ groupSessionId: sessionId });
    const size = members.filter((v) => v.status !== 'rejected').length || 1;
    for (const v of members) {
      const contract = await visitsRepository.findContract(m, v.contractId);
      const billable = v.durationMinutes === null ? 0 : billableMinutes(v.durationMinutes, contract!.unitMinutes);
      await m.update(Visit, { id: v.id }, { groupSize: size, priceCents: v.durationMinutes === null ? 0 : visitPriceCents(contract!.unitPriceCents, v.resolution === 'adjust_duration' ? v.billableMinutes : billable, contract!.unitMinutes, size) });
    }
  }
}
