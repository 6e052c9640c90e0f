/** The roles of the platform (DESIGN §2). Admin roles use the back office, the others the portal. */
export const ROLES = [
  'platform_admin',
  'ministry_analyst',
  'municipality_officer',
  'case_manager',
  'provider_admin',
  'specialist',
  'family',
  'participant',
] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES: readonly Role[] = ['platform_admin', 'ministry_analyst', 'municipality_officer', 'case_manager'];
export const PORTAL_ROLES: readonly Role[] = ['provider_admin', 'specialist', 'family', 'participant'];

export const ORGANISATION_KINDS = ['platform', 'ministry', 'municipality', 'provider', 'household'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which organisation kind each role belongs to; a user's role must fit its organisation. */
export const ROLE_ORGANISATION_KIND: Record<Role, OrganisationKind> = {
  platform_admin: 'platform',
  ministry_analyst: 'ministry',
  municipality_officer: 'municipality',
  case_manager: 'municipality',
  provider_admin: 'provider',
  specialist: 'provider',
  family: 'household',
  participant: 'household',
};

export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  return ROLE_ORGANISATION_KIND[role] === kind;
}
