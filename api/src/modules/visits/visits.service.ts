import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, fieldError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { Scan } from './entities/scan.entity';
import { Visit } from './entities/visit.entity';
import { VisitException } from './entities/visit-exception.entity';
import { VisitVerifier } from './visit-verifier.service';
import { VisitsAccess } from './visits.access';
import type { DisputeDto, ManualVisitDto } from './visits.dto';
import { visitsRepository } from './visits.repository';
import { canTransition, withinDisputeWindow, withinLateEntryWindow } from './visits.rules';

export const VISIT_LIST = {
  sortable: ['checkInAt', 'checkOutAt', 'status', 'createdAt', 'durationMinutes'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filters: ['id', 'status', 'childId', 'contractId', 'specialistId', 'providerOrganisationId', 'manual', 'groupSessionId'],
};

const FAMILY_ROLES = ['family', 'participant'];

export function visitView(v: Visit) {
  return {
    id: v.id,
    contractId: v.contractId,
    childId: v.childId,
    specialistId: v.specialistId,
    providerOrganisationId: v.providerOrganisationId,
    serviceCode: v.serviceCode,
    checkInAt: v.checkInAt,
    checkOutAt: v.checkOutAt,
    durationMinutes: v.durationMinutes,
    billableMinutes: v.billableMinutes,
    priceCents: v.priceCents,
    status: v.status,
    method: v.method,
    groupSessionId: v.groupSessionId,
    groupSize: v.groupSize,
    manual: v.manual,
    manualReason: v.manualReason,
    reasons: v.reasons,
    overlappingVisitIds: v.overlappingVisitIds,
    confirmedAt: v.confirmedAt,
    disputedAt: v.disputedAt,
    billed: v.billed,
    createdAt: v.createdAt,
  };
}

@Injectable()
export class VisitsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: VisitsAccess,
    private readonly verifier: VisitVerifier,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ReturnType<typeof visitView>[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, VISIT_LIST);
    return this.db.transaction(async (m) => {
      const qb = await this.access.scope(m, actor, m.getRepository(Visit).createQueryBuilder('v').where('1=1'), 'v');
      const columns: Record<string, string> = { id: 'id', status: 'status', childId: 'child_id', contractId: 'contract_id', specialistId: 'specialist_id', providerOrganisationId: 'provider_organisation_id', groupSessionId: 'group_session_id' };
      for (const [key, column] of Object.entries(columns)) {
        if (q.filter[key] !== undefined) qb.andWhere(`v.${column}::text IN (:...f_${key})`, { [`f_${key}`]: [q.filter[key]].flat().map(String) });
      }
      if (q.filter.manual !== undefined) qb.andWhere('v.manual = :manual', { manual: q.filter.manual === true || q.filter.manual === 'true' });
      const sortColumn: Record<string, string> = { checkInAt: 'check_in_at', checkOutAt: 'check_out_at', status: 'status', createdAt: 'created_at', durationMinutes: 'duration_minutes' };
      const [rows, total] = await qb.orderBy(`v.${sortColumn[q.sortField]}`, q.sortOrder, 'NULLS LAST').addOrderBy('v.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
      const childIds = [...new Set(rows.map((r) => r.childId))];
      await this.audit.record(m, actor, { action: 'visit.list', subjectType: 'visit', childId: childIds.length === 1 ? childIds[0] : null, details: { count: rows.length, childIds } });
      return { rows: rows.map(visitView), total, q };
    });
  }

  /** One visit with its evidence: both scans, the exception(s), the overlapping visits. */
  async get(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const qb = await this.access.scope(m, actor, m.getRepository(Visit).createQueryBuilder('v').where('v.id = :id', { id }), 'v');
      const v = await qb.getOne();
      if (!v) throw notFound();
      const family = FAMILY_ROLES.includes(actor.role);
      const scans = await m.getRepository(Scan).find({ where: { visitId: v.id }, order: { effectiveAt: 'ASC' } });
      const exceptions = await m.getRepository(VisitException).find({ where: { visitId: v.id }, order: { openedAt: 'ASC' } });
      const overlapping = v.overlappingVisitIds.length && !family ? (await m.getRepository(Visit).findBy({ id: In(v.overlappingVisitIds) })).map((o) => ({ id: o.id, providerOrganisationId: actor.role === 'provider_admin' || actor.role === 'specialist' ? undefined : o.providerOrganisationId, checkInAt: o.checkInAt, checkOutAt: o.checkOutAt, status: o.status })) : [];
      await this.audit.record(m, actor, { action: 'visit.read', subjectType: 'visit', subjectId: v.id, childId: v.childId });
      return {
        ...visitView(v),
        manualNote: family ? undefined : v.manualNote,
        disputeNote: v.disputeNote,
        scans: scans.map((s) => ({ id: s.id, kind: s.kind, method: s.method, verdict: s.verdict, scannedAt: s.scannedAt, effectiveAt: s.effectiveAt, receivedAt: s.receivedAt, location: family ? undefined : s.location })),
        exceptions: exceptions.map((e) => ({ id: e.id, reasonCode: e.reasonCode, reasonCodes: e.reasonCodes, status: e.status, openedAt: e.openedAt, resolutionAction: e.resolutionAction, resolutionCode: e.resolutionCode, note: family ? undefined : e.note, decidedAt: e.decidedAt })),
        overlapping,
      };
    });
  }

  /** A visit entered by hand (device broken, card forgotten): always an exception with MANUAL_ENTRY. */
  async manual(actor: Actor, dto: ManualVisitDto, now = new Date()) {
    const checkInAt = new Date(dto.checkInAt);
    const checkOutAt = new Date(dto.checkOutAt);
    if (checkOutAt <= checkInAt) throw fieldError('checkOutAt', 'afterCheckIn');
    // no visit is longer than a check-out may be from its check-in; this also bounds the overlap lookups
    if (checkOutAt.getTime() - checkInAt.getTime() > this.verifier.config.maxVisitMs) throw fieldError('checkOutAt', 'tooLong');
    if (!withinLateEntryWindow(checkInAt, now, this.verifier.config)) throw new AppError('VISIT_LATE_ENTRY', { checkInAt: 'lateEntry' });
    return this.db.transaction(async (m) => {
      const contract = await visitsRepository.findContract(m, dto.contractId);
      if (!contract || contract.providerOrganisationId !== actor.organisationId) throw notFound();
      let specialistId: string | null;
      if (actor.role === 'specialist') {
        specialistId = await visitsRepository.findSpecialistIdOfUser(m, actor.userId);
        if (!specialistId) throw new AppError('VISIT_NOT_A_SPECIALIST');
        if (!contract.specialistIds.includes(specialistId)) throw notFound();
      } else {
        if (!dto.specialistId) throw fieldError('specialistId', 'required');
        specialistId = dto.specialistId;
      }
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('visit-specialist:' || $1))`, [specialistId]);
      const { identifiers } = await m.insert(Visit, {
        contractId: contract.id, childId: contract.childId, specialistId, providerOrganisationId: contract.providerOrganisationId, serviceCode: contract.serviceCode,
        checkInAt, checkOutAt, method: 'manual', manual: true, manualReason: dto.reason, manualNote: dto.note ?? null, createdByUserId: actor.userId,
      });
      const id = String(identifiers[0].id);
      const v = await this.verifier.reverify(m, id, now);
      await this.audit.record(m, actor, { action: 'visit.manual_entry', subjectType: 'visit', subjectId: id, childId: contract.childId, details: { reason: dto.reason, status: v.status } });
      return visitView(v);
    });
  }

  /** The family confirms a visit took place (kept as evidence for the case manager). */
  async confirm(actor: Actor, id: string, now = new Date()) {
    return this.db.transaction(async (m) => {
      const v = await this.familyVisit(m, actor, id);
      await m.update(Visit, { id }, { confirmedAt: now });
      await this.audit.record(m, actor, { action: 'visit.confirmed_by_family', subjectType: 'visit', subjectId: id, childId: v.childId });
      return visitView(await m.getRepository(Visit).findOneByOrFail({ id }));
    });
  }

  /** A dispute within 14 days reopens the visit as an exception for the case manager. */
  async dispute(actor: Actor, id: string, dto: DisputeDto, now = new Date()) {
    return this.db.transaction(async (m) => {
      const v = await this.familyVisit(m, actor, id);
      const at = v.checkInAt ?? v.checkOutAt ?? v.createdAt;
      if (!withinDisputeWindow(at, now, this.verifier.config)) throw new AppError('VISIT_DISPUTE_CLOSED');
      if (v.status === 'rejected' || (v.status !== 'open' && !canTransition(v.status, 'exception'))) throw new AppError('VISIT_TRANSITION_FORBIDDEN');
      const reasons = [...new Set([...v.reasons, 'FAMILY_DISPUTED' as const])];
      await m.update(Visit, { id }, { disputedAt: now, disputeNote: dto.note, status: 'exception', reasons, resolution: null, confirmedAt: null });
      await this.verifier.syncException(m, v, 'exception', reasons);
      await this.audit.record(m, actor, { action: 'visit.disputed_by_family', subjectType: 'visit', subjectId: id, childId: v.childId });
      return visitView(await m.getRepository(Visit).findOneByOrFail({ id }));
    });
  }

  /**
   * Visits still waiting for their second scan 12 hours after the first become NO_CHECK_OUT exceptions.
   * Each visit in its own short transaction; run by the worker on a schedule.
   */
  async sweepOpenVisits(now = new Date(), limit = 500): Promise<number> {
    const cutoff = new Date(now.getTime() - this.verifier.config.noCheckOutAfterMs);
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM visit WHERE status = 'open' AND COALESCE(check_in_at, check_out_at) <= $1 ORDER BY COALESCE(check_in_at, check_out_at) LIMIT $2`,
      [cutoff, limit],
    );
    for (const r of rows) {
      await this.db.transaction(async (m) => {
        const v = await m.getRepository(Visit).findOne({ where: { id: r.id }, lock: { mode: 'pessimistic_write' } });
        if (v?.status === 'open') await this.verifier.reverify(m, v.id, now);
      });
    }
    return rows.length;
  }

  private async familyVisit(m: import('typeorm').EntityManager, actor: Actor, id: string): Promise<Visit> {
    const qb = await this.access.scope(m, actor, m.getRepository(Visit).createQueryBuilder('v').where('v.id = :id', { id }).setLock('pessimistic_write'), 'v');
    const v = await qb.getOne();
    if (!v) throw notFound();
    return v;
  }
}
