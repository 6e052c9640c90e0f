import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { Organisation } from './entities/organisation.entity';
import { CreateOrganisationDto, UpdateOrganisationDto } from './organisations.dto';

export const ORGANISATION_LIST = { sortable: ['name', 'kind', 'code', 'createdAt'], defaultSort: ['name', 'ASC'] as [string, 'ASC'], filters: ['q', 'kind', 'active', 'id'] };

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: Organisation[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, ORGANISATION_LIST);
    const qb = this.visibleTo(actor, this.db.getRepository(Organisation).createQueryBuilder('o'));
    const f = q.filter;
    if (typeof f.q === 'string' && f.q.trim()) qb.andWhere('(o.name ILIKE :like OR o.code ILIKE :like)', { like: `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (f.kind !== undefined) qb.andWhere('o.kind IN (:...kinds)', { kinds: [f.kind].flat() });
    if (f.active !== undefined) qb.andWhere('o.active = :active', { active: f.active === true || f.active === 'true' });
    if (f.id !== undefined) qb.andWhere('o.id::text IN (:...ids)', { ids: [f.id].flat().map(String) });
    const [rows, total] = await qb.orderBy(`o.${q.sortField}`, q.sortOrder).addOrderBy('o.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    return { rows, total, q };
  }

  async get(actor: Actor, id: string): Promise<Organisation> {
    const org = await this.visibleTo(actor, this.db.getRepository(Organisation).createQueryBuilder('o')).andWhere('o.id = :id', { id }).getOne();
    if (!org) throw new AppError('NOT_FOUND');
    return org;
  }

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<Organisation> {
    return this.db.transaction(async (m) => {
      if (dto.code && (await m.getRepository(Organisation).exists({ where: { code: dto.code } }))) throw new AppError('ORGANISATION_CODE_TAKEN', { code: 'unique' });
      const { identifiers } = await m.insert(Organisation, { name: dto.name.trim(), kind: dto.kind, code: dto.code ?? null });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'organisation.created', subjectType: 'organisation', subjectId: id });
      return m.getRepository(Organisation).findOneByOrFail({ id });
    });
  }

  async update(actor: Actor, id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    return this.db.transaction(async (m) => {
      const org = await m.getRepository(Organisation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new AppError('NOT_FOUND');
      if (dto.code && dto.code !== org.code && (await m.getRepository(Organisation).exists({ where: { code: dto.code } }))) throw new AppError('ORGANISATION_CODE_TAKEN', { code: 'unique' });
      const patch: Partial<Organisation> = {};
      if (dto.name) patch.name = dto.name.trim();
      if (dto.code !== undefined) patch.code = dto.code;
      if (dto.active !== undefined) patch.active = dto.active;
      if (Object.keys(patch).length) await m.update(Organisation, { id }, patch);
      await this.audit.record(m, actor, { action: 'organisation.updated', subjectType: 'organisation', subjectId: id, details: { fields: Object.keys(patch) } });
      return m.getRepository(Organisation).findOneByOrFail({ id });
    });
  }

  private visibleTo(actor: Actor, qb: SelectQueryBuilder<Organisation>): SelectQueryBuilder<Organisation> {
    return actor.role === 'platform_admin' ? qb.where('1=1') : qb.where('o.id = :own', { own: actor.organisationId });
  }
}
