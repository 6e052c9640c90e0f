import type { OrganisationKind, Role } from '@lidz/libs';

/** Who is asking. Every service method takes it first and checks row-level access itself. */
export interface Actor {
  userId: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  requestId: string;
  ip?: string;
}

/** The actor for work the platform does by itself (jobs, seeding); audit rows name it as the system. */
export function systemActor(requestId = 'system'): Actor {
  return { userId: '00000000-0000-0000-0000-000000000000', role: 'platform_admin', organisationId: '00000000-0000-0000-0000-000000000000', organisationKind: 'platform', requestId };
}

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  org: string;
  orgKind: OrganisationKind;
  fam: string;
}
