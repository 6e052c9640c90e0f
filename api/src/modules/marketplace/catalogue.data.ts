/**
 * The catalogue's reference data: every service the recommendations name, with its first price version.
 * Inserted by the migration, so it exists in every environment (tests included). Prices are the
 * platform's starting reference and maximum in cents; the platform admin adds dated versions later.
 */
import type { ServiceCategory, ServiceCode } from '@lidz/libs';
import type { CatalogueDeliveryMode, UnitKind } from './marketplace.rules';

export interface CatalogueSeedRow {
  code: ServiceCode;
  nameLv: string;
  nameEn: string;
  category: ServiceCategory;
  unitKind: UnitKind;
  unitMinutes: number | null;
  deliveryMode: CatalogueDeliveryMode;
  qualification: string | null;
  cancellationClaimable: boolean;
  travelClaimable: boolean;
  needsQuote: boolean;
  minAge: number | null;
  monthlyUnitCap: number | null;
  carryOverMonths: number | null;
  excludesRelatives: boolean;
  referencePriceCents: number;
  maxPriceCents: number;
}

export const CATALOGUE_FIRST_PRICE_DATE = '2026-01-01';

const row = (r: Partial<CatalogueSeedRow> & Pick<CatalogueSeedRow, 'code' | 'nameLv' | 'nameEn' | 'category' | 'unitKind' | 'referencePriceCents' | 'maxPriceCents'>): CatalogueSeedRow => ({
  unitMinutes: null,
  deliveryMode: 'individual',
  qualification: null,
  cancellationClaimable: false,
  travelClaimable: false,
  needsQuote: false,
  minAge: null,
  monthlyUnitCap: null,
  carryOverMonths: null,
  excludesRelatives: false,
  ...r,
});

export const CATALOGUE_SEED: CatalogueSeedRow[] = [
  row({ code: 'PHYSIO', nameLv: 'Fizioterapija', nameEn: 'Physiotherapy', category: 'therapy', unitKind: 'session', unitMinutes: 45, deliveryMode: 'either', qualification: 'physiotherapist', cancellationClaimable: true, referencePriceCents: 2800, maxPriceCents: 3600 }),
  row({ code: 'SPEECH', nameLv: 'Logopēds', nameEn: 'Speech therapy', category: 'therapy', unitKind: 'session', unitMinutes: 40, deliveryMode: 'either', qualification: 'speech_therapist', cancellationClaimable: true, referencePriceCents: 2500, maxPriceCents: 3200 }),
  row({ code: 'OCCUPATIONAL', nameLv: 'Ergoterapija', nameEn: 'Occupational therapy', category: 'therapy', unitKind: 'session', unitMinutes: 45, deliveryMode: 'either', qualification: 'occupational_therapist', cancellationClaimable: true, referencePriceCents: 2800, maxPriceCents: 3600 }),
  row({ code: 'MUSIC_THERAPY', nameLv: 'Mūzikas terapija', nameEn: 'Music therapy', category: 'therapy', unitKind: 'session', unitMinutes: 45, deliveryMode: 'either', qualification: 'music_therapist', cancellationClaimable: true, referencePriceCents: 2600, maxPriceCents: 3400 }),
  row({ code: 'PSYCHOLOGIST', nameLv: 'Psihologs', nameEn: 'Psychologist', category: 'psychological', unitKind: 'session', unitMinutes: 50, qualification: 'psychologist', cancellationClaimable: true, referencePriceCents: 3500, maxPriceCents: 4500 }),
  row({ code: 'SPECIAL_EDUCATOR', nameLv: 'Speciālais pedagogs', nameEn: 'Special educator', category: 'education_support', unitKind: 'session', unitMinutes: 40, deliveryMode: 'either', qualification: 'special_educator', cancellationClaimable: true, referencePriceCents: 2200, maxPriceCents: 2900 }),
  row({ code: 'TEACHER_ASSISTANT', nameLv: 'Pedagoga palīgs', nameEn: "Teacher's assistant", category: 'education_support', unitKind: 'hour', unitMinutes: 60, qualification: 'teacher_assistant', referencePriceCents: 1100, maxPriceCents: 1500 }),
  row({ code: 'SIGN_INTERPRETER', nameLv: 'Surdotulks', nameEn: 'Sign-language interpreter', category: 'assistance', unitKind: 'hour', unitMinutes: 60, qualification: 'sign_interpreter', cancellationClaimable: true, travelClaimable: true, referencePriceCents: 1800, maxPriceCents: 2400 }),
  row({ code: 'ASSISTANT', nameLv: 'Asistents', nameEn: 'Assistant', category: 'assistance', unitKind: 'hour', unitMinutes: 60, qualification: 'assistant', travelClaimable: true, referencePriceCents: 900, maxPriceCents: 1200 }),
  row({ code: 'COMPANION', nameLv: 'Pavadonis', nameEn: 'Companion', category: 'assistance', unitKind: 'hour', unitMinutes: 60, qualification: 'companion', travelClaimable: true, monthlyUnitCap: 15, carryOverMonths: 6, excludesRelatives: true, referencePriceCents: 900, maxPriceCents: 1200 }),
  row({ code: 'RESPITE', nameLv: 'Atelpas brīža pakalpojums', nameEn: 'Respite care', category: 'respite_day_care', unitKind: 'day', unitMinutes: 1440, qualification: 'care_worker', referencePriceCents: 6500, maxPriceCents: 8500 }),
  row({ code: 'DAY_CARE', nameLv: 'Dienas aprūpes centrs', nameEn: 'Day-care centre', category: 'respite_day_care', unitKind: 'day', unitMinutes: 480, deliveryMode: 'group', qualification: 'care_worker', referencePriceCents: 3800, maxPriceCents: 5000 }),
  row({ code: 'EARLY_INTERVENTION', nameLv: 'Agrīnā intervence (Portage)', nameEn: 'Early intervention (Portage)', category: 'early_intervention', unitKind: 'session', unitMinutes: 60, qualification: 'portage_consultant', cancellationClaimable: true, travelClaimable: true, referencePriceCents: 3000, maxPriceCents: 3900 }),
  row({ code: 'MENTOR', nameLv: 'Mentors (no 13 gadiem)', nameEn: 'Mentor (13+)', category: 'employment', unitKind: 'hour', unitMinutes: 60, qualification: 'mentor', minAge: 13, referencePriceCents: 1500, maxPriceCents: 2000 }),
  row({ code: 'JOB_COACH', nameLv: 'Darba trenera pakalpojums', nameEn: 'Job coach', category: 'employment', unitKind: 'hour', unitMinutes: 60, qualification: 'job_coach', minAge: 15, referencePriceCents: 1700, maxPriceCents: 2200 }),
  row({ code: 'TECH_AIDS', nameLv: 'Tehniskie palīglīdzekļi', nameEn: 'Technical aids', category: 'technical_aids', unitKind: 'item', needsQuote: true, referencePriceCents: 50000, maxPriceCents: 300000 }),
  row({ code: 'TRANSPORT', nameLv: 'Transporta pakalpojums', nameEn: 'Transport', category: 'transport', unitKind: 'item', referencePriceCents: 1500, maxPriceCents: 2500 }),
];
