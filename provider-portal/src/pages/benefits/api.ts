import { apiRequest } from '../../api/client';

export type Eligibility = 'eligible' | 'maybe' | 'not_eligible';
export type AmountKind = 'exact' | 'from' | 'about' | 'up_to' | 'none';
export type Frequency = 'monthly' | 'twice_yearly' | 'yearly' | 'once' | 'service';
export type DecisionKind = 'none' | 'child' | 'group_1' | 'group_2' | 'group_3';

/** One benefit as the API's finder answers it (texts in both languages). */
export interface BenefitResult {
  code: string;
  version: number;
  providerKind: 'state' | 'municipality' | 'platform';
  municipalityCode: string | null;
  payerLv: string;
  payerEn: string;
  nameLv: string;
  nameEn: string;
  summaryLv: string;
  summaryEn: string;
  amountCents: number | null;
  amountKind: AmountKind;
  frequency: Frequency;
  amountNoteLv: string | null;
  amountNoteEn: string | null;
  howToApplyLv: string;
  howToApplyEn: string;
  legalBasis: string;
  officialUrl: string;
  eligibility: Eligibility;
  /** Set for a known child: whether the child already receives it. */
  received?: boolean;
}

export interface Situation {
  age?: number;
  decisionKind?: DecisionKind;
  specialCare?: boolean;
  livesAtHome?: boolean;
  firstDecision?: boolean;
  attendsSchool?: boolean;
  municipality?: string;
}

export interface Municipality {
  code: string;
  nameLv: string;
  nameEn: string;
}

export type ChangeKind = 'ends' | 'may_end' | 'starts' | 'may_start' | 'amount_changes';
export interface Transition {
  age: 18 | 25;
  birthday: string;
  reviewFrom: string;
  past: boolean;
  changes: { code: string; change: ChangeKind; amountBeforeCents: number | null; amountAfterCents: number | null; nameLv: string; nameEn: string }[];
}

export interface ChildEntitlements {
  child: { id: string; firstName: string; birthDate: string };
  onDate: string;
  results: BenefitResult[];
}

/** Public: no token is sent and nothing is stored. */
export function evaluate(situation: Situation): Promise<{ onDate: string; results: BenefitResult[] }> {
  return apiRequest('/api/benefits/evaluate', { method: 'POST', body: situation, auth: false });
}

export function fetchMunicipalities(): Promise<Municipality[]> {
  return apiRequest('/api/benefits/municipalities', { auth: false });
}

export function fetchChildEntitlements(childId: string): Promise<ChildEntitlements> {
  return apiRequest(`/api/children/${encodeURIComponent(childId)}/entitlements`);
}

export function fetchChildTransitions(childId: string): Promise<{ transitions: Transition[] }> {
  return apiRequest(`/api/children/${encodeURIComponent(childId)}/transitions`);
}
