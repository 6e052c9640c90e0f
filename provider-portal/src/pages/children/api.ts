import { apiRequest } from '../../api/client';

export type ConsentPurpose = 'contact_by_social_service' | 'share_with_providers' | 'share_with_school';
export const CONSENT_PURPOSES: ConsentPurpose[] = ['contact_by_social_service', 'share_with_providers', 'share_with_school'];

export interface MyChild {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  age: number;
  municipalityCode: string;
}

export interface MyChildDetail extends MyChild {
  consents: Record<ConsentPurpose, boolean>;
  decisions: { id: string; number: string; decisionDate: string; kind: string; specialCare: boolean; validTo: string | null }[];
}

export function fetchMyChildren(): Promise<MyChild[]> {
  return apiRequest(`/api/children?range=${encodeURIComponent('[0,49]')}`);
}

export function fetchMyChild(id: string): Promise<MyChildDetail> {
  return apiRequest(`/api/children/${encodeURIComponent(id)}`);
}

export function setConsent(id: string, purpose: ConsentPurpose, granted: boolean): Promise<Record<ConsentPurpose, boolean>> {
  return apiRequest(`/api/children/${encodeURIComponent(id)}/consents`, { method: 'POST', body: { purpose, granted } });
}
