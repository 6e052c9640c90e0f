import type { RaRecord } from 'react-admin';

export const PROVIDER_KINDS = ['state', 'municipality', 'platform'] as const;
export const AMOUNT_KINDS = ['exact', 'from', 'about', 'up_to', 'none'] as const;
export const FREQUENCIES = ['monthly', 'twice_yearly', 'yearly', 'once', 'service'] as const;

export interface BenefitRecord extends RaRecord {
  id: string;
  code: string;
  version: number;
  validFrom: string;
  active: boolean;
  inForce: boolean;
  latestVersion: number;
  providerKind: (typeof PROVIDER_KINDS)[number];
  municipalityCode: string | null;
  nameLv: string;
  nameEn: string;
  amountCents: number | null;
  amountKind: (typeof AMOUNT_KINDS)[number];
  frequency: (typeof FREQUENCIES)[number];
  condition: unknown;
  amountVariants: unknown[];
  changeNote: string | null;
}

/** What the API accepts for a new version (everything else on the record is read-only). */
export const BENEFIT_EDIT_FIELDS = [
  'providerKind',
  'municipalityCode',
  'payerLv',
  'payerEn',
  'nameLv',
  'nameEn',
  'summaryLv',
  'summaryEn',
  'amountCents',
  'amountKind',
  'frequency',
  'amountNoteLv',
  'amountNoteEn',
  'amountVariants',
  'condition',
  'howToApplyLv',
  'howToApplyEn',
  'legalBasis',
  'officialUrl',
  'validFrom',
  'changeNote',
] as const;

export interface GapRecord extends RaRecord {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  municipalityCode: string;
  eligibleCount: number;
  receivedCount: number;
  missingCount: number;
  missing: { code: string; nameLv: string; nameEn: string; amountCents: number | null }[];
}

export interface EntitlementRow {
  code: string;
  nameLv: string;
  nameEn: string;
  amountCents: number | null;
  amountKind: string;
  frequency: string;
  eligibility: 'eligible' | 'maybe' | 'not_eligible';
  received: boolean;
  missing: boolean;
}

export interface ChildEntitlements {
  child: { id: string; firstName: string; lastName: string; birthDate: string };
  onDate: string;
  situation: { decisionKind: string; specialCare: boolean; livesAtHome: boolean | null; attendsSchool: boolean | null; municipality: string };
  missingCount: number;
  results: EntitlementRow[];
}

export interface TransitionsAnswer {
  transitions: {
    age: number;
    birthday: string;
    reviewFrom: string;
    past: boolean;
    changes: { code: string; change: string; nameLv: string; nameEn: string; amountBeforeCents: number | null; amountAfterCents: number | null }[];
  }[];
}
