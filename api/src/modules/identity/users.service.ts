import { Injectable } from '@nestjs/common';
import { roleFitsOrganisation } from '@lidz/libs';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { Organisation } from './entities/organisation.entity';
import { RefreshSession } from './entities/refresh-session.entity';
import { User } from './entities/user.entity';
import { hashPassword } from './password';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { userView } from './user.view';

export const USER_LIST = {
  sortable: ['email', 'fullName', 'role', 'createdAt', 'lastLoginAt'],
  defaultSort: ['email', 'ASC'] as [string, 'ASC'],
  filters: ['q', 'role', 'organisationId', 'active', 'id'],
};

type UserView = ReturnType<typeof userView>;

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: UserView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, USER_LIST);
    const qb = this.visibleTo(actor, this.db.getRepository(User).createQueryBuilder('u'));
    const f = q.filter;
    if (typeof f.q === 'string' && f.q.trim()) {
      const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where('u.email ILIKE :like', { like }).orWhere('u.full_name ILIKE :like', { like })));
    }
    if (f.role !== undefined) qb.andWhere('u.role IN (:...roles)', { roles: [f.role].flat() });
    if (f.organisationId !== undefined) qb.andWhere('u.organisation_id::text IN (:...orgs)', { orgs: [f.organisationId].flat().map(String) });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active === true || f.active === 'true' });
    if (f.id !== undefined) qb.andWhere('u.id::text IN (:...ids)', { ids: [f.id].flat().map(String) });
    const [rows, total] = await qb.orderBy(`u.${q.sortField}`, q.sortOrder).addOrderBy('u.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    await this.db.transaction((m) => this.audit.record(m, actor, { action: 'user.list', subjectType: 'user', details: { count: rows.length, ids: rows.map((r) => r.id) } }));
    return { rows: rows.map(userView), total, q };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    return this.db.transaction(async (m) => {
      const user = await this.visibleTo(actor, m.getRepository(User).createQueryBuilder('u')).andWhere('u.id = :id', { id }).getOne();
      if (!user) throw new AppError('NOT_FOUND');
      await this.audit.record(m, actor, { action: 'user.read', subjectType: 'user', subjectId: user.id });
      return userView(user);
    });
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (m) => {
      await this.checkRoleFits(m, dto.role, dto.organisationId);
      const email = dto.email.trim().toLowerCase();
      if (await m.getRepository(User).exists({ where: { email } })) throw new AppError('USER_EMAIL_TAKEN', { email: 'unique' });
      const { identifiers } = await m.insert(User, { email, fullName: dto.fullName.trim(), role: dto.role, organisationId: dto.organisationId, passwordHash, locale: dto.locale ?? 'lv' });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'user.created', subjectType: 'user', subjectId: id, details: { role: dto.role, organisationId: dto.organisationId } });
      return userView(await m.getRepository(User).findOneByOrFail({ id }));
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.db.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AppError('NOT_FOUND');
      const role = dto.role ?? user.role;
      const organisationId = dto.organisationId ?? user.organisationId;
      if (role !== user.role || organisationId !== user.organisationId) await this.checkRoleFits(m, role, organisationId);
      const email = dto.email?.trim().toLowerCase();
      if (email && email !== user.email && (await m.getRepository(User).exists({ where: { email } }))) throw new AppError('USER_EMAIL_TAKEN', { email: 'unique' });
      const patch: Partial<User> = {};
      if (email) patch.email = email;
      if (dto.fullName) patch.fullName = dto.fullName.trim();
      if (dto.locale) patch.locale = dto.locale;
      if (dto.active !== undefined) patch.active = dto.active;
      if (dto.lockedUntil === null && user.lockedUntil) Object.assign(patch, { lockedUntil: null, failedLoginCount: 0 });
      patch.role = role;
      patch.organisationId = organisationId;
      await m.update(User, { id }, patch);
      if (role !== user.role || organisationId !== user.organisationId || patch.active === false) {
        // a changed role or a deactivation ends every session, so old tokens cannot keep old rights
        await m.createQueryBuilder().update(RefreshSession).set({ revokedAt: () => 'now()', revokedReason: 'role_change' }).where('user_id = :id AND revoked_at IS NULL', { id }).execute();
        await this.audit.record(m, actor, { action: 'user.role_changed', subjectType: 'user', subjectId: id, details: { from: user.role, to: role, active: patch.active ?? user.active } });
      }
      await this.audit.record(m, actor, { action: 'user.updated', subjectType: 'user', subjectId: id, details: { fields: Object.keys(dto).filter((k) => !['id', 'createdAt', 'lastLoginAt'].includes(k)) } });
      return userView(await m.getRepository(User).findOneByOrFail({ id }));
    });
  }

  /** DELETE deactivates: users stay for the audit trail. */
  deactivate(actor: Actor, id: string): Promise<UserView> {
    return this.update(actor, id, { active: false });
  }

  /** Platform admins see everyone; municipality officers and provider admins see their own organisation. */
  private visibleTo(actor: Actor, qb: SelectQueryBuilder<User>): SelectQueryBuilder<User> {
    if (actor.role === 'platform_admin') return qb.where('1=1');
    if (actor.role === 'municipality_officer' || actor.role === 'provider_admin') return qb.where('u.organisation_id = :org', { org: actor.organisationId });
    return qb.where('u.id = :self', { self: actor.userId });
  }

  private async checkRoleFits(m: EntityManager, role: User['role'], organisationId: string): Promise<void> {
    const org = await m.getRepository(Organisation).findOne({ where: { id: organisationId } });
    if (!org) throw new AppError('VALIDATION_FAILED', { organisationId: 'exists' });
    if (!roleFitsOrganisation(role, org.kind)) throw new AppError('USER_ROLE_ORGANISATION_MISMATCH', { role: 'fitsOrganisation' });
  }
}
