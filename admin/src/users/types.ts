import type { RaRecord } from 'react-admin';
import type { Role } from '../roles';

/** A row of /api/users (docs/api.md, "Back-office resources"). */
export interface UserRecord extends RaRecord {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  organisationId: string;
  locale: 'lv' | 'en';
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

/** What POST /api/users accepts. */
export const USER_CREATE_FIELDS = ['email', 'fullName', 'role', 'organisationId', 'password', 'locale'] as const;
/** What PUT /api/users/{id} changes (a lockout is cleared by its own button). */
export const USER_EDIT_FIELDS = ['email', 'fullName', 'role', 'organisationId', 'locale', 'active'] as const;
