import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { AccessTokenClaims, Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../jobs/outbox.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Organisation } from './entities/organisation.entity';
import { PasswordReset } from './entities/password-reset.entity';
import { RefreshSession } from './entities/refresh-session.entity';
import { User } from './entities/user.entity';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { newSecret, parseOpaqueToken, secretMatches, sha256 } from './tokens';
import { SessionUser, sessionUser } from './user.view';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** A request's origin, for audit rows written before anyone is logged in. */
export interface Caller {
  requestId: string;
  ip?: string;
}

const RESET_TTL_MS = 60 * 60 * 1000;

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(caller: Caller, emailInput: string, password: string): Promise<TokenPair> {
    const email = emailInput.trim().toLowerCase();
    let failure: AppError | null = null;
    const result = await this.db.transaction(async (m) => {
      const user = await m.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).setLock('pessimistic_write').getOne();
      const asActor = (u: User | null): Actor | null => (u ? { userId: u.id, role: u.role, organisationId: u.organisationId, organisationKind: 'platform', requestId: caller.requestId, ip: caller.ip } : { userId: '00000000-0000-0000-0000-000000000000', role: 'platform_admin', organisationId: '', organisationKind: 'platform', requestId: caller.requestId, ip: caller.ip });
      if (!user || !user.active) {
        await verifyAgainstDummy(password);
        await this.audit.record(m, user ? asActor(user) : null, { action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id ?? null, details: { reason: user ? 'inactive' : 'unknown_account', requestId: caller.requestId } });
        failure = new AppError('AUTH_INVALID_CREDENTIALS');
        return null;
      }
      const now = new Date();
      if (user.lockedUntil && user.lockedUntil > now) {
        await this.audit.record(m, asActor(user), { action: 'auth.login_locked', subjectType: 'user', subjectId: user.id });
        failure = new AppError('AUTH_LOCKED');
        return null;
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const count = user.failedLoginCount + 1;
        const lock = count >= this.config.lockoutThreshold;
        await m.update(User, { id: user.id }, lock ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + this.config.lockoutMinutes * 60_000) } : { failedLoginCount: count });
        await this.audit.record(m, asActor(user), { action: lock ? 'auth.locked_out' : 'auth.login_failed', subjectType: 'user', subjectId: user.id, details: { reason: 'wrong_password', failures: count } });
        failure = new AppError(lock ? 'AUTH_LOCKED' : 'AUTH_INVALID_CREDENTIALS');
        return null;
      }
      await m.update(User, { id: user.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
      await this.audit.record(m, asActor(user), { action: 'auth.login', subjectType: 'user', subjectId: user.id });
      return this.issue(m, user, randomUUID());
    });
    if (failure) throw failure;
    return result!;
  }

  async refresh(caller: Caller, token: string): Promise<TokenPair> {
    const parsed = parseOpaqueToken(token);
    if (!parsed) throw new AppError('AUTH_REFRESH_INVALID');
    let failure: AppError | null = null;
    const result = await this.db.transaction(async (m) => {
      const session = await m.getRepository(RefreshSession).findOne({ where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!session || !secretMatches(parsed.secret, session.tokenHash)) {
        failure = new AppError('AUTH_REFRESH_INVALID');
        return null;
      }
      const actor: Actor = { userId: session.userId, role: 'family', organisationId: '', organisationKind: 'household', requestId: caller.requestId, ip: caller.ip };
      if (session.usedAt && !session.revokedAt) {
        // A rotated token came back: someone holds a copy. End the whole session family.
        await this.revokeFamily(m, session.familyId, 'reuse');
        await this.audit.record(m, { ...actor, role: (await this.roleOf(m, session.userId)) ?? 'family' }, { action: 'auth.refresh_reused', subjectType: 'user', subjectId: session.userId, details: { familyId: session.familyId } });
        failure = new AppError('AUTH_REFRESH_REUSED');
        return null;
      }
      if (session.revokedAt || session.usedAt || session.expiresAt <= new Date()) {
        failure = new AppError(session.revokedReason === 'reuse' ? 'AUTH_REFRESH_REUSED' : 'AUTH_REFRESH_INVALID');
        return null;
      }
      const user = await m.getRepository(User).findOne({ where: { id: session.userId } });
      if (!user || !user.active) {
        await this.revokeFamily(m, session.familyId, 'inactive');
        failure = new AppError('AUTH_REFRESH_INVALID');
        return null;
      }
      await m.update(RefreshSession, { id: session.id }, { usedAt: new Date() });
      return this.issue(m, user, session.familyId);
    });
    if (failure) throw failure;
    return result!;
  }

  async logout(caller: Caller, token: string): Promise<void> {
    const parsed = parseOpaqueToken(token);
    if (!parsed) return;
    await this.db.transaction(async (m) => {
      const session = await m.getRepository(RefreshSession).findOne({ where: { id: parsed.id } });
      if (!session || !secretMatches(parsed.secret, session.tokenHash)) return;
      await this.revokeFamily(m, session.familyId, 'logout');
      const role = (await this.roleOf(m, session.userId)) ?? 'family';
      await this.audit.record(m, { userId: session.userId, role, organisationId: '', organisationKind: 'platform', requestId: caller.requestId, ip: caller.ip }, { action: 'auth.logout', subjectType: 'user', subjectId: session.userId });
    });
  }

  async requestPasswordReset(caller: Caller, emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    await this.db.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { email, active: true } });
      if (!user) return; // same answer either way: no account probing
      const secret = newSecret();
      const { identifiers } = await m.insert(PasswordReset, { userId: user.id, tokenHash: sha256(secret), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
      const token = `${String(identifiers[0].id)}.${secret}`;
      const link = `${this.config.publicUrl.replace(/\/$/, '')}/portal/reset-password?token=${encodeURIComponent(token)}`;
      await this.notifications.queueEmail(m, user.email, 'password-reset', user.locale, { link });
      await this.audit.record(m, { userId: user.id, role: user.role, organisationId: user.organisationId, organisationKind: 'platform', requestId: caller.requestId, ip: caller.ip }, { action: 'auth.password_reset_requested', subjectType: 'user', subjectId: user.id });
    });
    this.outbox.afterCommit();
  }

  async confirmPasswordReset(caller: Caller, token: string, password: string): Promise<void> {
    const parsed = parseOpaqueToken(token);
    if (!parsed) throw new AppError('AUTH_RESET_INVALID', { token: 'invalid' });
    const passwordHash = await hashPassword(password);
    const ok = await this.db.transaction(async (m) => {
      const reset = await m.getRepository(PasswordReset).findOne({ where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!reset || reset.usedAt || reset.expiresAt <= new Date() || !secretMatches(parsed.secret, reset.tokenHash)) return false;
      await m.update(PasswordReset, { id: reset.id }, { usedAt: new Date() });
      await m.update(User, { id: reset.userId }, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      await m.update(RefreshSession, { userId: reset.userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: 'password_reset' });
      const role = (await this.roleOf(m, reset.userId)) ?? 'family';
      await this.audit.record(m, { userId: reset.userId, role, organisationId: '', organisationKind: 'platform', requestId: caller.requestId, ip: caller.ip }, { action: 'auth.password_reset', subjectType: 'user', subjectId: reset.userId });
      return true;
    });
    if (!ok) throw new AppError('AUTH_RESET_INVALID', { token: 'invalid' });
  }

  async me(actor: Actor): Promise<SessionUser> {
    const user = await this.db.getRepository(User).findOne({ where: { id: actor.userId }, relations: { organisation: true } });
    if (!user || !user.organisation) throw new AppError('UNAUTHENTICATED');
    return sessionUser(user, user.organisation);
  }

  async updateMe(actor: Actor, locale: 'lv' | 'en'): Promise<SessionUser> {
    await this.db.getRepository(User).update({ id: actor.userId }, { locale });
    return this.me(actor);
  }

  private async issue(m: EntityManager, user: User, familyId: string): Promise<TokenPair> {
    const org = await m.getRepository(Organisation).findOneOrFail({ where: { id: user.organisationId } });
    const secret = newSecret();
    const { identifiers } = await m.insert(RefreshSession, { userId: user.id, familyId, tokenHash: sha256(secret), expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000) });
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, org: org.id, orgKind: org.kind, fam: familyId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
    return { accessToken, refreshToken: `${String(identifiers[0].id)}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds, user: sessionUser(user, org) };
  }

  private async revokeFamily(m: EntityManager, familyId: string, reason: string): Promise<void> {
    await m.update(RefreshSession, { familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  private async roleOf(m: EntityManager, userId: string): Promise<User['role'] | null> {
    return (await m.getRepository(User).findOne({ where: { id: userId }, select: { id: true, role: true } }))?.role ?? null;
  }
}
