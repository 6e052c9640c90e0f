/**
 * The shared vocabulary of the budget's life (DESIGN §4): funding sources, service categories, the
 * catalogue's service codes and the assessment's domains. Every context refers to these codes, so a
 * ministry's report, a funding rule and a contract line all speak of the same things.
 */

/** Who pays: the three ministries, the child's municipality, an EU (ESF+) project. */
export const FUNDING_SOURCES = ['LM', 'VM', 'IZM', 'MUNICIPALITY', 'EU'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Service categories: the basket's lines are category × funding source. */
export const SERVICE_CATEGORIES = [
  'therapy',
  'psychological',
  'education_support',
  'assistance',
  'respite_day_care',
  'early_intervention',
  'employment',
  'technical_aids',
  'transport',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** The services the recommendations name; the catalogue is seeded with exactly these codes. */
export const SERVICE_CODES = {
  PHYSIO: 'therapy',
  SPEECH: 'therapy',
  OCCUPATIONAL: 'therapy',
  MUSIC_THERAPY: 'therapy',
  PSYCHOLOGIST: 'psychological',
  SPECIAL_EDUCATOR: 'education_support',
  TEACHER_ASSISTANT: 'education_support',
  SIGN_INTERPRETER: 'assistance',
  ASSISTANT: 'assistance',
  COMPANION: 'assistance',
  RESPITE: 'respite_day_care',
  DAY_CARE: 'respite_day_care',
  EARLY_INTERVENTION: 'early_intervention',
  MENTOR: 'employment',
  JOB_COACH: 'employment',
  TECH_AIDS: 'technical_aids',
  TRANSPORT: 'transport',
} as const satisfies Record<string, ServiceCategory>;
export type ServiceCode = keyof typeof SERVICE_CODES;

/** The needs assessment's domains (DESIGN §3 step 2); work readiness is assessed from age 14. */
export const ASSESSMENT_DOMAINS = [
  'mobility',
  'self_care',
  'communication',
  'vision',
  'hearing',
  'learning',
  'behaviour_mental_health',
  'social_participation',
  'education',
  'work_readiness',
  'family_situation',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

/** 0 none … 4 complete difficulty. */
export const DOMAIN_LEVELS = [0, 1, 2, 3, 4] as const;
export type DomainLevel = (typeof DOMAIN_LEVELS)[number];

/** Disability decision kinds: "child" under 18, groups I–III from 18. */
export const DECISION_KINDS = ['child', 'group_1', 'group_2', 'group_3'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
