import type { MessageKey } from './i18n/translate';

/**
 * The platform's roles (docs/api.md "Roles"). Admin roles work in the back office at /admin/; the
 * portal serves providers and families only. The API remains the authority on what each role may do.
 */
export type Role =
  | 'platform_admin'
  | 'ministry_analyst'
  | 'municipality_officer'
  | 'case_manager'
  | 'provider_admin'
  | 'specialist'
  | 'family'
  | 'participant';

export type PortalRole = 'provider_admin' | 'specialist' | 'family' | 'participant';

const PORTAL_ROLES: readonly string[] = ['provider_admin', 'specialist', 'family', 'participant'] satisfies PortalRole[];

export function isPortalRole(role: string): role is PortalRole {
  return PORTAL_ROLES.includes(role);
}

/** Which half of the portal a role belongs to: the provider's workplace or the family's. */
export type PortalSide = 'provider' | 'family';

export function sideOf(role: PortalRole): PortalSide {
  switch (role) {
    case 'provider_admin':
    case 'specialist':
      return 'provider';
    case 'family':
    case 'participant':
      return 'family';
  }
}

/** How each role is named to its holder, in plain words. */
export const ROLE_NAME_KEY = {
  provider_admin: 'role.provider_admin',
  specialist: 'role.specialist',
  family: 'role.family',
  participant: 'role.participant',
} as const satisfies Record<PortalRole, MessageKey>;
