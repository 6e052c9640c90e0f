/**
 * The marketplace's pure rules: IBAN check, the catalogue price cap and dated prices, the contract's
 * value and group apportionment, the cancellation fee and the contract lifecycle. No framework imports.
 */
import { addCents, allocateByWeights, assertCents, divideRounded, multiplyRatio, type Cents } from '@lidz/libs';

export const UNIT_KINDS = ['session', 'hour', 'day', 'item'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const CATALOGUE_DELIVERY_MODES = ['individual', 'group', 'either'] as const;
export type CatalogueDeliveryMode = (typeof CATALOGUE_DELIVERY_MODES)[number];
export const DELIVERY_MODES = ['individual', 'group'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const PROVIDER_KINDS = ['municipal', 'state', 'private', 'ngo'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const PROVIDER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];
export const CONTRACT_STATUSES = ['proposed', 'accepted', 'approved', 'active', 'ended', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

// ---------------------------------------------------------------- IBAN (ISO 13616)

/** Lengths of the IBANs of SEPA countries the platform pays into. */
const IBAN_LENGTHS: Record<string, number> = {
  LV: 21, LT: 20, EE: 20, FI: 18, SE: 24, DE: 22, PL: 28, NO: 15, DK: 18, AT: 20, BE: 16, FR: 27, NL: 18,
  IE: 22, ES: 24, IT: 27, PT: 25, LU: 20, CZ: 24, SK: 24, GB: 22, CH: 21,
};

export function normaliseIban(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** The field error key for a bad IBAN, or null when it is valid (country length and mod-97 = 1). */
export function ibanError(input: string): 'ibanFormat' | 'ibanCountry' | 'ibanLength' | 'ibanChecksum' | null {
  const iban = normaliseIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return 'ibanFormat';
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (!length) return 'ibanCountry';
  if (iban.length !== length) return 'ibanLength';
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1 ? null : 'ibanChecksum';
}

// ---------------------------------------------------------------- catalogue prices

export interface PriceVersion {
  validFrom: string; // YYYY-MM-DD
  referencePriceCents: Cents;
  maxPriceCents: Cents;
}

/** The price version in force on `date`: the latest one that started on or before it. */
export function priceOn<T extends PriceVersion>(versions: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const v of versions) if (v.validFrom <= date && (!best || v.validFrom > best.validFrom)) best = v;
  return best;
}

/** A new price version must be sane: positive reference, maximum not below reference. */
export function priceVersionErrors(v: { referencePriceCents: Cents; maxPriceCents: Cents }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Number.isSafeInteger(v.referencePriceCents) || v.referencePriceCents <= 0) errors.referencePriceCents = 'min';
  if (!Number.isSafeInteger(v.maxPriceCents) || v.maxPriceCents <= 0) errors.maxPriceCents = 'min';
  else if (v.maxPriceCents < v.referencePriceCents) errors.maxPriceCents = 'belowReference';
  return errors;
}

/** An offer's price must be positive and at most the catalogue maximum in force. */
export function offerPriceError(priceCents: Cents, maxPriceCents: Cents | null): 'min' | 'noCataloguePrice' | 'aboveCatalogueMax' | null {
  if (!Number.isSafeInteger(priceCents) || priceCents <= 0) return 'min';
  if (maxPriceCents === null) return 'noCataloguePrice';
  return priceCents > maxPriceCents ? 'aboveCatalogueMax' : null;
}

// ---------------------------------------------------------------- dates

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => iso(new Date(toDate(date).getTime() + days * 86_400_000));

/**
 * Months a contract runs: whole calendar months from `validFrom`, a started month counting as a whole
 * (2027-01-01..2027-06-30 → 6; 2026-12-15..2027-06-14 → 6; 2026-12-15..2027-06-20 → 7).
 */
export function monthsInPeriod(validFrom: string, validTo: string): number {
  if (validTo < validFrom) return 0;
  const from = toDate(validFrom);
  const endExclusive = toDate(addDays(validTo, 1));
  let months = (endExclusive.getUTCFullYear() - from.getUTCFullYear()) * 12 + (endExclusive.getUTCMonth() - from.getUTCMonth());
  // the day of month decides whether the last month is whole or started
  if (endExclusive.getUTCDate() > from.getUTCDate()) months += 1;
  return Math.max(months, 1);
}

/** Accreditation covers `date` for the service. */
export function accreditationCovers(accreditations: readonly { serviceCode: string; validFrom: string; validTo: string | null }[], serviceCode: string, date: string): boolean {
  return accreditations.some((a) => a.serviceCode === serviceCode && a.validFrom <= date && (a.validTo === null || a.validTo >= date));
}

// ---------------------------------------------------------------- contract money

/** What one child pays per unit: the unit price, or for a group session unit price ÷ participants (half-up). */
export function childUnitPrice(unitPriceCents: Cents, groupSize: number): Cents {
  assertCents(unitPriceCents);
  if (!Number.isSafeInteger(groupSize) || groupSize < 1) throw new RangeError('group size must be a positive integer');
  return groupSize === 1 ? unitPriceCents : divideRounded(unitPriceCents, groupSize);
}

/** A group session's price split over its participants so the parts add up to the unit price exactly. */
export function apportionGroup(unitPriceCents: Cents, participants: number): Cents[] {
  if (!Number.isSafeInteger(participants) || participants < 1) throw new RangeError('participants must be a positive integer');
  return allocateByWeights(unitPriceCents, Array.from({ length: participants }, () => 1));
}

/** The whole contract value committed at approval: child's unit price × units per month × months. */
export function contractValue(c: { unitPriceCents: Cents; groupSize: number; unitsPerMonth: number; validFrom: string; validTo: string }): Cents {
  const months = monthsInPeriod(c.validFrom, c.validTo);
  return assertCents(childUnitPrice(c.unitPriceCents, c.groupSize) * c.unitsPerMonth * months);
}

/** Ending early releases what was committed and neither spent nor released before. */
export function releaseOnEnd(committedCents: Cents, spentCents: Cents, releasedCents: Cents): Cents {
  return Math.max(0, committedCents - addCents(spentCents, releasedCents));
}

// ---------------------------------------------------------------- cancellation fee

/** Latvian public holidays (fixed dates and the Easter days) of a year, as YYYY-MM-DD. */
export function latvianHolidays(year: number): Set<string> {
  const fixed = ['01-01', '05-01', '05-04', '06-23', '06-24', '11-18', '12-24', '12-25', '12-26', '12-31'];
  const days = fixed.map((md) => `${year}-${md}`);
  // Anonymous Gregorian algorithm for Easter Sunday
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  const easter = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  days.push(addDays(easter, -2), easter, addDays(easter, 1));
  return new Set(days);
}

export function isWorkingDay(date: string): boolean {
  const dow = toDate(date).getUTCDay();
  return dow !== 0 && dow !== 6 && !latvianHolidays(Number(date.slice(0, 4))).has(date);
}

/** Working days strictly after the notice date and before the visit date. */
export function workingDaysBetween(noticeDate: string, visitDate: string): number {
  let n = 0;
  for (let d = addDays(noticeDate, 1); d < visitDate; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return n;
}

/**
 * The fee a provider may claim for a cancelled visit: only if the catalogue allows it, and only when
 * the family gave less notice than agreed (a no-show is no notice at all); then the agreed share of the
 * child's unit price, rounded half-up once.
 */
export function cancellationFee(input: { claimable: boolean; childUnitPriceCents: Cents; feePercent: number; noticeWorkingDays: number; noticeDate: string | null; visitDate: string }): Cents {
  if (!input.claimable || input.feePercent <= 0) return 0;
  if (input.noticeDate !== null && workingDaysBetween(input.noticeDate, input.visitDate) >= input.noticeWorkingDays) return 0;
  return multiplyRatio(input.childUnitPriceCents, Math.min(input.feePercent, 100), 100);
}

// ---------------------------------------------------------------- contract lifecycle

export type ContractParty = 'family' | 'provider' | 'case_manager' | 'system';

/**
 * Every allowed edge and who may take it. Anything not listed is forbidden:
 * proposed (family) → accepted (provider, naming specialists) → approved (case manager, commits money)
 * → active (on the start date) → ended; cancelled before it runs.
 */
export const CONTRACT_TRANSITIONS: Record<ContractStatus, Partial<Record<ContractStatus, readonly ContractParty[]>>> = {
  proposed: { accepted: ['provider'], cancelled: ['family', 'provider', 'case_manager'] },
  accepted: { approved: ['case_manager'], cancelled: ['family', 'provider', 'case_manager'] },
  approved: { active: ['system', 'case_manager'], cancelled: ['case_manager'] },
  active: { ended: ['case_manager', 'provider', 'family', 'system'] },
  ended: {},
  cancelled: {},
};

export function canTransition(from: ContractStatus, to: ContractStatus, by: ContractParty): boolean {
  return CONTRACT_TRANSITIONS[from][to]?.includes(by) ?? false;
}

/** Statuses whose money is committed on the basket line. */
export const COMMITTED_STATUSES: readonly ContractStatus[] = ['approved', 'active'];

/** Today's date in Europe/Riga (business dates are Riga dates). */
export function rigaDate(at: Date = new Date()): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' });
}
