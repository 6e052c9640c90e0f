import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, fieldError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { Visit } from './entities/visit.entity';
import { VisitException } from './entities/visit-exception.entity';
import { VisitVerifier } from './visit-verifier.service';
import { VisitsAccess } from './visits.access';
import type { ResolveExceptionDto } from './visits.dto';
import { visitsRepository } from './visits.repository';
import { billableMinutes, canTransition, isValidResolution, visitPriceCents } from './visits.rules';
import { visitView } from './visits.service';

export const EXCEPTION_LIST = {
  sortable: ['openedAt', 'reasonCode', 'status', 'decidedAt'],
  defaultSort: ['openedAt', 'ASC'] as [string, 'ASC'],
  filters: ['id', 'status', 'reasonCode', 'childId', 'providerOrganisationId', 'visitId'],
};

function exceptionView(e: VisitException, v?: Visit) {
  return {
    id: e.id,
    visitId: e.visitId,
    childId: e.childId,
    providerOrganisationId: e.providerOrganisationId,
    reasonCode: e.reasonCode,
    reasonCodes: e.reasonCodes,
    status: e.status,
    openedAt: e.openedAt,
    resolutionAction: e.resolutionAction,
    resolutionCode: e.resolutionCode,
    note: e.note,
    adjustedMinutes: e.adjustedMinutes,
    decidedByUserId: e.decidedByUserId,
    decidedAt: e.decidedAt,
    visit: v ? visitView(v) : undefined,
  };
}

/** The case manager's queue of visits that failed a rule, and the decisions on them. */
@Injectable()
export class ExceptionsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: VisitsAccess,
    private readonly verifier: VisitVerifier,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ReturnType<typeof exceptionView>[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, EXCEPTION_LIST);
    return this.db.transaction(async (m) => {
      const qb = await this.access.scope(m, actor, m.getRepository(VisitException).createQueryBuilder('e').where('1=1'), 'e');
      const columns: Record<string, string> = { id: 'id', status: 'status', reasonCode: 'reason_code', childId: 'child_id', providerOrganisationId: 'provider_organisation_id', visitId: 'visit_id' };
      for (const [key, column] of Object.entries(columns)) {
        if (q.filter[key] !== undefined) qb.andWhere(`e.${column}::text IN (:...f_${key})`, { [`f_${key}`]: [q.filter[key]].flat().map(String) });
      }
      const sortColumn: Record<string, string> = { openedAt: 'opened_at', reasonCode: 'reason_code', status: 'status', decidedAt: 'decided_at' };
      const [rows, total] = await qb.orderBy(`e.${sortColumn[q.sortField]}`, q.sortOrder).addOrderBy('e.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
      const visits = rows.length ? await m.getRepository(Visit).findBy({ id: In(rows.map((r) => r.visitId)) }) : [];
      const byId = new Map(visits.map((v) => [v.id, v]));
      await this.audit.record(m, actor, { action: 'visit_exception.list', subjectType: 'visit_exception', details: { count: rows.length, childIds: [...new Set(rows.map((r) => r.childId))] } });
      return { rows: rows.map((e) => exceptionView(e, byId.get(e.visitId))), total, q };
    });
  }

  async get(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const qb = await this.access.scope(m, actor, m.getRepository(VisitException).createQueryBuilder('e').where('e.id = :id', { id }), 'e');
      const e = await qb.getOne();
      if (!e) throw notFound();
      const v = await m.getRepository(Visit).findOneByOrFail({ id: e.visitId });
      await this.audit.record(m, actor, { action: 'visit_exception.read', subjectType: 'visit_exception', subjectId: e.id, childId: e.childId });
      return exceptionView(e, v);
    });
  }

  /** accept / adjust duration / convert to group session / reject, each with a resolution code and a note. */
  async resolve(actor: Actor, id: string, dto: ResolveExceptionDto, now = new Date()) {
    if (!isValidResolution(dto.action, dto.resolutionCode)) throw fieldError('resolutionCode', 'isIn');
    return this.db.transaction(async (m) => {
      const qb = await this.access.scope(m, actor, m.getRepository(VisitException).createQueryBuilder('e').where('e.id = :id', { id }).setLock('pessimistic_write'), 'e');
      const e = await qb.getOne();
      if (!e) throw notFound();
      const v = await m.getRepository(Visit).findOne({ where: { id: e.visitId }, lock: { mode: 'pessimistic_write' } });
      if (!v) throw notFound();
      if (e.status !== 'open' || v.status !== 'exception') throw new AppError('VISIT_TRANSITION_FORBIDDEN');
      const to = dto.action === 'reject' ? 'rejected' : 'verified';
      if (!canTransition(v.status, to)) throw new AppError('VISIT_TRANSITION_FORBIDDEN');
      const contract = (await visitsRepository.findContract(m, v.contractId))!;
      const patch: Partial<Visit> = { status: to, resolution: dto.action };
      let adjusted: number | null = null;
      switch (dto.action) {
        case 'reject':
          Object.assign(patch, { billableMinutes: 0, priceCents: 0 });
          break;
        case 'accept': {
          const billable = v.durationMinutes === null ? 0 : billableMinutes(v.durationMinutes, contract.unitMinutes);
          Object.assign(patch, { billableMinutes: billable, priceCents: visitPriceCents(contract.unitPriceCents, billable, contract.unitMinutes, v.groupSize) });
          break;
        }
        case 'adjust_duration': {
          if (!dto.minutes) throw fieldError('minutes', 'required');
          // billing never exceeds the verified duration (or, with no check-out, the contracted unit)
          const cap = v.durationMinutes ?? contract.unitMinutes;
          if (dto.minutes > cap || dto.minutes > contract.unitMinutes) throw fieldError('minutes', 'exceedsDuration');
          adjusted = dto.minutes;
          Object.assign(patch, { billableMinutes: dto.minutes, priceCents: visitPriceCents(contract.unitPriceCents, dto.minutes, contract.unitMinutes, v.groupSize) });
          break;
        }
        case 'convert_group': {
          const mateIds = dto.groupVisitIds?.length ? dto.groupVisitIds : v.overlappingVisitIds;
          const mates = mateIds.length ? await m.getRepository(Visit).findBy({ id: In(mateIds), specialistId: v.specialistId }) : [];
          if (!mates.length || mates.length !== mateIds.length) throw fieldError('groupVisitIds', 'sameSpecialist');
          const sessionId = v.groupSessionId ?? mates.find((x) => x.groupSessionId)?.groupSessionId ?? randomUUID();
          await m.update(Visit, { id: In([v.id, ...mates.map((x) => x.id)]) }, { groupSessionId: sessionId });
          const billable = v.durationMinutes === null ? 0 : billableMinutes(v.durationMinutes, contract.unitMinutes);
          await m.update(Visit, { id: v.id }, { ...patch, billableMinutes: billable, reasons: v.reasons.filter((r) => r !== 'SPECIALIST_OVERLAP') });
          await this.verifier.repriceSession(m, sessionId);
          // mates held only for the overlap are now clean
          for (const mate of mates) if (mate.status === 'exception' && !mate.resolution) await this.verifier.reverify(m, mate.id, now, { cascade: false });
          break;
        }
      }
      if (dto.action !== 'convert_group') await m.update(Visit, { id: v.id }, patch);
      await m.update(VisitException, { id: e.id }, { status: 'resolved', resolutionAction: dto.action, resolutionCode: dto.resolutionCode, note: dto.note, adjustedMinutes: adjusted, decidedByUserId: actor.userId, decidedAt: now });
      await this.audit.record(m, actor, { action: 'visit_exception.resolved', subjectType: 'visit_exception', subjectId: e.id, childId: e.childId, details: { visitId: v.id, action: dto.action, resolutionCode: dto.resolutionCode, status: to } });
      return exceptionView((await m.getRepository(VisitException).findOneByOrFail({ id: e.id })), await m.getRepository(Visit).findOneByOrFail({ id: v.id }));
    });
  }
}
