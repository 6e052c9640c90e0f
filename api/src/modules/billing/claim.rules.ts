/**
 * How one verified visit is priced (DESIGN §3 step 6, §5). One visit → one claim line; the amount is
 * rounded once, half-up, through the money module.
 *
 * - session / day units: one unit per verified visit, but billing never exceeds the verified duration:
 *   a visit shorter than the unit (under 90 % it was an exception the case manager accepted; from
 *   90 % it verified on its own) is paid pro rata to its verified minutes. Items are untimed.
 * - hour units: the verified minutes rounded DOWN to quarter hours, priced pro rata to the unit.
 * - group delivery: the child's share is the unit price ÷ participants.
 *
 * All three are one formula: unitPrice × billedMinutes ÷ (unitMinutes × participants), rounded once.
 */
import { assertCents, multiplyRatio, type Cents } from '@lidz/libs';

export type UnitKind = 'session' | 'hour' | 'day' | 'item';
export type DeliveryMode = 'individual' | 'group';

export interface PricingContract {
  unitKind: UnitKind;
  /** Length of one contracted unit (e.g. 40 for a 40-minute session, 60 for an hour). */
  unitMinutes: number;
  /** Price of one unit for one child delivered individually. */
  unitPriceCents: Cents;
  deliveryMode: DeliveryMode;
}

export interface PricingVisit {
  /** Verified minutes between check-in and check-out. */
  durationMinutes: number;
  /** Children in the group session (1 when individual). */
  groupSize: number;
}

export interface ClaimPrice {
  /** Minutes paid for (never more than verified). */
  billedMinutes: number;
  /** Quantity in units, in thousandths (1000 = one unit), for invoices and e-invoices. */
  quantityMilli: number;
  /** Participants the unit price was shared between. */
  participants: number;
  amountCents: Cents;
  /** Why the amount is not a plain unit price (for the line's description and audits). */
  basis: 'unit' | 'pro_rata_short' | 'quarter_hours' | 'none';
}

export class PricingError extends Error {}

export const QUARTER_HOUR = 15;
/** A visit shorter than this share of the unit is an exception (DESIGN §5). */
export const SHORT_VISIT_PERCENT = 90;

/** Minutes rounded down to whole quarter hours. */
export function quarterHoursDown(minutes: number): number {
  return Math.floor(minutes / QUARTER_HOUR) * QUARTER_HOUR;
}

/** True when the verified duration reaches 90 % of the unit (the check uses whole minutes, no floats). */
export function isFullUnit(durationMinutes: number, unitMinutes: number): boolean {
  return durationMinutes * 100 >= unitMinutes * SHORT_VISIT_PERCENT;
}

export function priceClaim(contract: PricingContract, visit: PricingVisit): ClaimPrice {
  const { unitMinutes, unitKind } = contract;
  assertCents(contract.unitPriceCents, 'unit price');
  if (!Number.isSafeInteger(unitMinutes) || unitMinutes <= 0) throw new PricingError('unit minutes must be a positive whole number');
  if (!Number.isSafeInteger(visit.durationMinutes) || visit.durationMinutes < 0) throw new PricingError('duration must be a non-negative whole number');
  if (contract.unitPriceCents < 0) throw new PricingError('unit price must not be negative');
  const participants = contract.deliveryMode === 'group' ? Math.max(1, visit.groupSize) : 1;
  if (!Number.isSafeInteger(participants)) throw new PricingError('group size must be a whole number');

  let billedMinutes: number;
  let basis: ClaimPrice['basis'];
  if (unitKind === 'hour') {
    billedMinutes = quarterHoursDown(visit.durationMinutes);
    basis = 'quarter_hours';
  } else if (unitKind === 'item') {
    // an item (a technical aid, a transport trip) is not timed: one per verified visit
    billedMinutes = unitMinutes;
    basis = 'unit';
  } else if (visit.durationMinutes >= unitMinutes) {
    billedMinutes = unitMinutes;
    basis = 'unit';
  } else {
    billedMinutes = Math.min(visit.durationMinutes, unitMinutes);
    basis = 'pro_rata_short';
  }
  if (billedMinutes === 0) basis = 'none';
  const amountCents = multiplyRatio(contract.unitPriceCents, billedMinutes, unitMinutes * participants);
  const quantityMilli = Math.round((billedMinutes * 1000) / unitMinutes);
  return { billedMinutes, quantityMilli, participants, amountCents, basis };
}

/** The credit for a billed line that was later rejected: the exact negative of what was billed. */
export function creditFor(amountCents: Cents): Cents {
  assertCents(amountCents);
  return -amountCents;
}

/** "2026-11" → the month's first day and the next month's first day (business dates, Europe/Riga). */
export function monthBounds(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new PricingError('month must look like 2026-11');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
