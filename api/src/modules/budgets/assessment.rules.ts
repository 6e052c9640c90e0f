/**
 * Needs-assessment rules (DESIGN §3.2, §5; no framework imports). An assessment counts only when the
 * case manager, a health specialist and the family — the parent, or the young person once 18 — have all
 * signed. It is valid 6 months to 3 years; the review reminder fires 60 days before it expires.
 * Assessments are versioned: a change is a new version, the old one stays as it was.
 */
import { ASSESSMENT_DOMAINS, type AssessmentDomain } from '@lidz/libs';
import { addDays, addMonths, WORK_READINESS_MIN_AGE } from './allocation.rules';

export const MIN_VALIDITY_MONTHS = 6;
export const MAX_VALIDITY_MONTHS = 36;
export const REVIEW_REMINDER_DAYS_BEFORE = 60;
export const ADULT_AGE = 18;

export const ASSESSMENT_STATUSES = ['awaiting_signatures', 'signed', 'superseded'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const SIGNOFF_ROLES = ['case_manager', 'health_specialist', 'family'] as const;
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

export interface DomainScore {
  level: number;
  note?: string | null;
}

/** Field-keyed problems of a set of domain scores for a child of `age`; empty when valid. */
export function domainErrors(domains: Partial<Record<string, DomainScore>>, age: number): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of Object.keys(domains)) if (!(ASSESSMENT_DOMAINS as readonly string[]).includes(key)) errors[`domains.${key}`] = 'whitelistValidation';
  for (const d of ASSESSMENT_DOMAINS) {
    const score = domains[d];
    const assessed = d !== 'work_readiness' || age >= WORK_READINESS_MIN_AGE;
    if (!assessed) {
      if (score !== undefined) errors[`domains.${d}`] = 'notAssessedUnder14';
      continue;
    }
    if (score === undefined || score === null) errors[`domains.${d}`] = 'isDefined';
    else if (!Number.isInteger(score.level) || score.level < 0 || score.level > 4) errors[`domains.${d}.level`] = 'isLevel';
    else if (score.note != null && (typeof score.note !== 'string' || score.note.length > 2000)) errors[`domains.${d}.note`] = 'maxLength';
  }
  return errors;
}

/** null when [validFrom, validTo] is between 6 months and 3 years long (both ends inclusive), else the field error key. */
export function validityError(validFrom: string, validTo: string): string | null {
  if (validTo < addDays(addMonths(validFrom, MIN_VALIDITY_MONTHS), -1)) return 'validityTooShort';
  if (validTo > addDays(addMonths(validFrom, MAX_VALIDITY_MONTHS), -1)) return 'validityTooLong';
  return null;
}

export function reviewReminderDate(validTo: string): string {
  return addDays(validTo, -REVIEW_REMINDER_DAYS_BEFORE);
}

/** Who signs for the family: the parent (family user) for a child, the young person (participant) from 18. */
export function familySignerRole(age: number): 'family' | 'participant' {
  return age >= ADULT_AGE ? 'participant' : 'family';
}

export interface Signatures {
  caseManagerSignedAt: unknown;
  healthSpecialistSignedAt: unknown;
  familySignedAt: unknown;
}

export function missingSignoffs(s: Signatures): SignoffRole[] {
  const out: SignoffRole[] = [];
  if (!s.caseManagerSignedAt) out.push('case_manager');
  if (!s.healthSpecialistSignedAt) out.push('health_specialist');
  if (!s.familySignedAt) out.push('family');
  return out;
}

/** Can this assessment back a basket submitted on `today`: fully signed, not superseded, valid that day. */
export function backsBasket(a: Signatures & { status: AssessmentStatus; validFrom: string; validTo: string }, today: string): boolean {
  return a.status === 'signed' && missingSignoffs(a).length === 0 && today <= a.validTo;
}

export function levelsOf(domains: Partial<Record<AssessmentDomain, DomainScore>>): Partial<Record<AssessmentDomain, number>> {
  const out: Partial<Record<AssessmentDomain, number>> = {};
  for (const [k, v] of Object.entries(domains) as [AssessmentDomain, DomainScore][]) if (v) out[k] = v.level;
  return out;
}
