import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from '../children/child-access.service';
import { proposeServices } from './allocation.rules';
import { levelsOf } from './assessment.rules';
import { AssessmentsService } from './assessments.service';
import { ageOn, budgetsRepository } from './budgets.repository';
import { CreateSupportPlanDto, UpdateSupportPlanDto } from './budgets.dto';
import { Assessment } from './entities/assessment.entity';
import { PlanService, SupportPlan } from './entities/support-plan.entity';

export const PLAN_LIST = { sortable: ['createdAt', 'updatedAt'], defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'], filters: ['childId', 'assessmentId', 'id'] };

@Injectable()
export class SupportPlansService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: ChildAccessService,
    private readonly assessments: AssessmentsService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: SupportPlan[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, PLAN_LIST);
    const vis = this.access.whereVisible(actor, 'c');
    const qb = this.db.getRepository(SupportPlan).createQueryBuilder('p').innerJoin('child', 'c', 'c.id = p.child_id').where(vis.where, vis.params);
    if (q.filter.childId !== undefined) qb.andWhere('p.child_id::text IN (:...childIds)', { childIds: [q.filter.childId].flat().map(String) });
    if (q.filter.assessmentId !== undefined) qb.andWhere('p.assessment_id::text IN (:...aids)', { aids: [q.filter.assessmentId].flat().map(String) });
    if (q.filter.id !== undefined) qb.andWhere('p.id::text IN (:...ids)', { ids: [q.filter.id].flat().map(String) });
    const [rows, total] = await qb.orderBy(`p.${q.sortField}`, q.sortOrder).addOrderBy('p.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    await this.db.transaction((m) => this.audit.record(m, actor, { action: 'support-plan.list', subjectType: 'support_plan', details: { count: rows.length, ids: rows.map((r) => r.id) } }));
    return { rows, total, q };
  }

  async get(actor: Actor, id: string): Promise<SupportPlan> {
    return this.db.transaction(async (m) => {
      const p = await m.getRepository(SupportPlan).findOneBy({ id });
      if (!p) throw notFound();
      await this.access.assertCanRead(m, actor, p.childId);
      await this.audit.record(m, actor, { action: 'support-plan.read', subjectType: 'support_plan', subjectId: id, childId: p.childId });
      return p;
    });
  }

  /** Drafts a plan from an assessment: the allocation table proposes the services, the family's goals come later. */
  async create(actor: Actor, dto: CreateSupportPlanDto): Promise<SupportPlan> {
    return this.db.transaction(async (m) => {
      const a = await m.getRepository(Assessment).findOneBy({ id: dto.assessmentId });
      if (!a) throw new AppError('VALIDATION_FAILED', { assessmentId: 'notFound' });
      await this.assessments.assertCaseManagerOf(m, actor, a.childId);
      const services = await this.proposal(m, a);
      const { identifiers } = await m.insert(SupportPlan, { childId: a.childId, assessmentId: a.id, goals: (dto.goals ?? []).map((g) => ({ text: g.text.trim() })), services, createdByUserId: actor.userId });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'support-plan.created', subjectType: 'support_plan', subjectId: id, childId: a.childId });
      return m.getRepository(SupportPlan).findOneByOrFail({ id });
    });
  }

  /** The case manager may change any service, but must say why wherever the units differ from the proposal. */
  async update(actor: Actor, id: string, dto: UpdateSupportPlanDto): Promise<SupportPlan> {
    return this.db.transaction(async (m) => {
      const p = await m.getRepository(SupportPlan).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw notFound();
      await this.assessments.assertCaseManagerOf(m, actor, p.childId);
      const locked: unknown[] = await m.query(`SELECT 1 FROM basket WHERE support_plan_id = $1 AND status IN ('submitted', 'approved', 'active')`, [id]);
      if (locked.length) throw new AppError('BUDGET_TRANSITION_INVALID');
      const proposed = new Map(p.services.map((s) => [s.serviceCode, s.proposedUnitsPerMonth]));
      const errors: Record<string, string> = {};
      const seen = new Set<string>();
      const services: PlanService[] = dto.services.map((s, i) => {
        if (seen.has(s.serviceCode)) errors[`services.${i}.serviceCode`] = 'unique';
        seen.add(s.serviceCode);
        const proposal = proposed.get(s.serviceCode) ?? 0;
        const reason = s.reason?.trim() || null;
        if (s.unitsPerMonth !== proposal && !reason) errors[`services.${i}.reason`] = 'reasonRequired';
        if (s.goal != null && s.goal >= dto.goals.length) errors[`services.${i}.goal`] = 'isGoal';
        return { serviceCode: s.serviceCode, proposedUnitsPerMonth: proposal, unitsPerMonth: s.unitsPerMonth, reason, continuitySpecialist: s.continuitySpecialist?.trim() || null, goal: s.goal ?? null };
      });
      // a proposed service left out is a change to 0 units and needs its reason too
      for (const old of p.services) if (old.proposedUnitsPerMonth > 0 && !seen.has(old.serviceCode)) errors[`services.${old.serviceCode}`] = 'reasonRequired';
      if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
      p.goals = dto.goals.map((g) => ({ text: g.text.trim() }));
      p.services = services;
      await m.save(SupportPlan, p);
      await this.audit.record(m, actor, { action: 'support-plan.updated', subjectType: 'support_plan', subjectId: id, childId: p.childId });
      return p;
    });
  }

  private async proposal(m: EntityManager, a: Assessment): Promise<PlanService[]> {
    const child = (await budgetsRepository.childFacts(m, a.childId))!;
    const table = await budgetsRepository.allocationTable(m, a.validFrom);
    return proposeServices(levelsOf(a.domains), ageOn(child.birthDate, a.validFrom), table).map((s) => ({
      serviceCode: s.serviceCode,
      proposedUnitsPerMonth: s.unitsPerMonth,
      unitsPerMonth: s.unitsPerMonth,
      reason: null,
      continuitySpecialist: null,
      goal: null,
    }));
  }
}
