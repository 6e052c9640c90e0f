/**
 * Roles and organisation kinds as the API knows them. The source of truth is libs/src/roles.ts; the
 * admin keeps its own copy because it is bundled for the browser and does not depend on the libs
 * workspace (a mismatch shows up as an untranslated role name, never as a wrong permission: the API
 * decides).
 */
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

/** The roles that work in this back office; the others use the portal at /portal/. */
export const ADMIN_ROLES = ['platform_admin', 'ministry_analyst', 'municipality_officer', 'case_manager'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const ORGANISATION_KINDS = ['platform', 'ministry', 'municipality', 'provider', 'household'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which organisation kind each role belongs to; used to offer only fitting organisations. */
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

export const LOCALES = ['lv', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

export function isAdminRole(role: unknown): role is AdminRole {
  return typeof role === 'string' && (ADMIN_ROLES as readonly string[]).includes(role);
}

export function isRole(role: unknown): role is Role {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role);
}

/** Choices for a SelectInput; react-admin translates the `name` keys. */
export const roleChoices = ROLES.map((id) => ({ id, name: `roles.${id}` }));
export const organisationKindChoices = ORGANISATION_KINDS.map((id) => ({ id, name: `organisation_kinds.${id}` }));
export const localeChoices = LOCALES.map((id) => ({ id, name: `languages.${id}` }));
