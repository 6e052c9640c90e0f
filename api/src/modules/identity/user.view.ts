import type { Organisation } from './entities/organisation.entity';
import type { User } from './entities/user.entity';

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: User['role'];
  organisationId: string;
  organisationName: string;
  organisationKind: Organisation['kind'];
  locale: 'lv' | 'en';
}

export function sessionUser(user: User, org: Organisation): SessionUser {
  return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, organisationId: org.id, organisationName: org.name, organisationKind: org.kind, locale: user.locale };
}

/** What the users resource shows: never the password hash or lockout counters' internals. */
export function userView(u: User) {
  return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, organisationId: u.organisationId, locale: u.locale, active: u.active, lockedUntil: u.lockedUntil, lastLoginAt: u.lastLoginAt, createdAt: u.createdAt };
}
