import type { RaRecord } from 'react-admin';
import type { OrganisationKind } from '../roles';

/** A row of /api/organisations. */
export interface OrganisationRecord extends RaRecord {
  id: string;
  name: string;
  kind: OrganisationKind;
  code: string | null;
  active: boolean;
  createdAt: string;
}

/** What POST /api/organisations accepts. */
export const ORGANISATION_CREATE_FIELDS = ['name', 'kind', 'code'] as const;
/** What PUT /api/organisations/{id} changes; the kind is fixed once created. */
export const ORGANISATION_EDIT_FIELDS = ['name', 'code', 'active'] as const;

/** An empty code means "none": the API refuses an empty string. */
export function withoutEmptyCode<T extends { code?: string | null }>(data: T): T {
  const { code, ...rest } = data;
  return (code == null || code.trim() === '' ? rest : { ...rest, code: code.trim() }) as T;
}
