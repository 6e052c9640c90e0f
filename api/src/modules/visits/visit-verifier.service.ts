import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Scan } from './entities/scan.entity';
import { Visit } from './entities/visit.entity';
import { VisitException } from './entities/visit-exception.entity';
import { visitsRepository } from './visits.repository';
import { findOverlaps, ReasonCode, rigaMonth, verifyVisit, VISIT_RULE_DEFAULTS, visitPriceCents, billableMinutes } from './visits.rules';

/**
 * Loads the facts of one visit, lets the pure rules decide, and writes the verdict: status, reasons,
 * billable minutes, price, and an open exception for the case manager when a rule failed.
 */
@Injectable()
export class VisitVerifier {
  readonly config = VISIT_RULE_DEFAULTS;

  async reverify(m: EntityManager, visitId: string, now: Date, cascade = true): Promise<Visit> {
    const visit = await m.getRepository(Visit).findOneByOrFail({ id: visitId });
    // a case manager's decision and a billed visit are not re-judged by later scans
    if (visit.resolution || visit.billed || visit.status === 'rejected') return visit;
    const contract = await visitsRepository.findContract(m, visit.contractId);
    if (!contract) throw new Error(`contract ${visit.contractId} of visit ${visit.id} is missing`);

    const scanIds = [visit.checkInScanId, visit.checkOutScanId].filter((x): x is string => !!x);
    const scans = scanIds.length ? await m.getRepository(Scan).findBy({ id: In(scanIds) }) : [];
    const scanReasons = new Set<ReasonCode>();
    for (const s of scans) {
      if (s.verdict === 'expired') scanReasons.add('TOKEN_EXPIRED');
      if (s.verdict === 'reused') scanReasons.add('TOKEN_REUSED');
    }
    const forged = scans.some((s) => s.verdict === 'forged');
    const cardBlocked = scans.some((s) => s.verdict === 'card_blocked');

    const at = visit.checkInAt ?? visit.checkOutAt ?? now;
    let others: Awaited<ReturnType<typeof visitsRepository.findVisitsOfSpecialistAround>> = [];
    if (visit.checkInAt && visit.checkOutAt) {
      others = await visitsRepository.findVisitsOfSpecialistAround(m, visit.specialistId, visit.id, visit.checkInAt, visit.checkOutAt);
      // group contracts: the specialist's overlapping group visits of the same service form one session
      if (contract.deliveryMode === 'group') await this.joinGroupSession(m, visit, others);
    }
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
        unitsUsedThisMonth: await visitsRepository.countVerifiedInMonth(m, visit.contractId, rigaMonth(at), visit.id),
        moneyLeftCents: contract.committedCents - (await visitsRepository.sumVerifiedPrice(m, visit.contractId, visit.id)),
        disputed: visit.disputedAt !== null && visit.status !== 'verified',
      },
      this.config,
    );
    await m.update(Visit, { id: visit.id }, {
      status: verdict.status,
      reasons: verdict.reasons,
      durationMinutes: verdict.durationMinutes,
      billableMinutes: verdict.billableMinutes,
      priceCents: verdict.priceCents,
      overlappingVisitIds: verdict.overlapping,
      scanReasons: [...scanReasons],
      forged,
      cardBlocked,
    });
    await this.syncException(m, visit, verdict.status, verdict.reasons);
    if (cascade) {
      // the earlier visit of an overlap is an exception too, unless already decided or billed
      for (const id of verdict.overlapping) await this.reverify(m, id, now, false);
    }
    return m.getRepository(Visit).findOneByOrFail({ id: visit.id });
  }

  /** Opens (or updates) the visit's exception when a rule failed; closes it if a later scan fixed the visit. */
  async syncException(m: EntityManager, visit: Pick<Visit, 'id' | 'childId' | 'providerOrganisationId'>, status: string, reasons: ReasonCode[]): Promise<void> {
    const open = await m.getRepository(VisitException).findOneBy({ visitId: visit.id, status: 'open' });
    if (status === 'exception') {
      if (open) await m.update(VisitException, { id: open.id }, { reasonCode: reasons[0], reasonCodes: reasons });
      else await m.insert(VisitException, { visitId: visit.id, childId: visit.childId, providerOrganisationId: visit.providerOrganisationId, reasonCode: reasons[0], reasonCodes: reasons });
    } else if (open && status !== 'open') {
      await m.update(VisitException, { id: open.id }, { status: 'resolved', resolutionCode: status === 'rejected' ? 'AUTO_REJECTED' : 'AUTO_REVERIFIED', decidedAt: new Date() });
    }
  }

  private async joinGroupSession(m: EntityManager, visit: Visit, others: Awaited<ReturnType<typeof visitsRepository.findVisitsOfSpecialistAround>>): Promise<void> {
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
