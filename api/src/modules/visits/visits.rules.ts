/**
 * What a visit must satisfy before anyone is paid for it (DESIGN §3 step 5, §5). Pure functions over
 * plain facts — the service loads the facts, these decide — so each rule reads like the regulation and
 * is tested with tables of cases in visits.rules.spec.ts.
 */
import { divideRounded, parseQrPayload, sameCode, stepStart, timeStep, visitCode, type Cents, type QrToken } from '@lidz/libs';

export const VISIT_RULE_DEFAULTS = {
  /** A visit shorter than this share of the contracted unit is an exception (percent). */
  minDurationPercent: 90,
  /** The same specialist on two visits overlapping at least this long is an exception (ms). */
  overlapMs: 60_000,
  /** A QR code is accepted for its own 30 s time step ± this many steps. */
  tokenSkewSteps: 1,
  /** Nothing may be entered or changed more than this many days after the visit (Riga calendar days). */
  lateEntryDays: 95,
  /** The family may dispute a visit this many days after it. */
  disputeDays: 14,
  /** A check-in without check-out becomes NO_CHECK_OUT after this long. */
  noCheckOutAfterMs: 12 * 3600_000,
  /** A check-out pairs only with a check-in at most this long before it. */
  maxVisitMs: 12 * 3600_000,
};
export type VisitRuleConfig = typeof VISIT_RULE_DEFAULTS;

export const REASON_CODES = [
  'NO_CHECK_OUT',
  'CHECK_OUT_BEFORE_CHECK_IN',
  'SHORT_VISIT',
  'SPECIALIST_OVERLAP',
  'MONTHLY_UNITS_EXCEEDED',
  'FUNDS_EXCEEDED',
  'CONTRACT_INACTIVE',
  'SPECIALIST_NOT_ON_CONTRACT',
  'CARD_BLOCKED',
  'TOKEN_EXPIRED',
  'TOKEN_REUSED',
  'MANUAL_ENTRY',
  'FAMILY_DISPUTED',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const VISIT_STATUSES = ['open', 'verified', 'exception', 'rejected'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const SCAN_METHODS = ['qr', 'card', 'manual'] as const;
export type ScanMethod = (typeof SCAN_METHODS)[number];

export const MANUAL_REASONS = ['DEVICE_BROKEN', 'CARD_FORGOTTEN', 'NO_NETWORK_NO_QR', 'HOME_VISIT_NO_SIGNAL', 'OTHER'] as const;
export type ManualReason = (typeof MANUAL_REASONS)[number];

export const RESOLUTION_ACTIONS = ['accept', 'adjust_duration', 'convert_group', 'reject'] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/** Which resolution codes fit which action; the case manager picks one and writes a note. */
export const RESOLUTION_CODES: Record<ResolutionAction, readonly string[]> = {
  accept: ['EVIDENCE_SUFFICIENT', 'FAMILY_CONFIRMED', 'TECHNICAL_FAULT'],
  adjust_duration: ['DURATION_CORRECTED', 'PARTIAL_SERVICE'],
  convert_group: ['WAS_GROUP_SESSION'],
  reject: ['NOT_DELIVERED', 'DUPLICATE', 'SUSPECTED_FRAUD', 'OUTSIDE_CONTRACT'],
};

/**
 * The visit lifecycle. `open` waits for its second scan; `exception` waits for the case manager;
 * a family dispute takes a verified visit back to `exception`; `rejected` is final.
 */
export const VISIT_TRANSITIONS: Record<VisitStatus, readonly VisitStatus[]> = {
  open: ['open', 'verified', 'exception', 'rejected'],
  verified: ['exception'],
  exception: ['verified', 'rejected', 'exception'],
  rejected: [],
};

export function canTransition(from: VisitStatus, to: VisitStatus): boolean {
  return VISIT_TRANSITIONS[from].includes(to);
}

// ---------------------------------------------------------------------------------------------------
// Time in Europe/Riga: months and calendar days of visits are Latvian ones.

const rigaParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Riga calendar date of an instant, as YYYY-MM-DD. */
export function rigaDate(at: Date): string {
  return rigaParts.format(at);
}

/** The Riga calendar month of an instant, as YYYY-MM. */
export function rigaMonth(at: Date): string {
  return rigaDate(at).slice(0, 7);
}

function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

/** Whole Riga calendar days from one instant to another. */
export function rigaDaysBetween(from: Date, to: Date): number {
  return dayNumber(rigaDate(to)) - dayNumber(rigaDate(from));
}

/** A visit may be entered or changed up to 95 days after it happened (and never before it happens). */
export function withinLateEntryWindow(visitAt: Date, now: Date, cfg: Pick<VisitRuleConfig, 'lateEntryDays'> = VISIT_RULE_DEFAULTS): boolean {
  const days = rigaDaysBetween(visitAt, now);
  return days >= 0 && days <= cfg.lateEntryDays && visitAt.getTime() <= now.getTime() + 5 * 60_000;
}

/** The family may dispute a visit for 14 days after it. */
export function withinDisputeWindow(visitAt: Date, now: Date, cfg: Pick<VisitRuleConfig, 'disputeDays'> = VISIT_RULE_DEFAULTS): boolean {
  const days = rigaDaysBetween(visitAt, now);
  return days >= 0 && days <= cfg.disputeDays;
}

/** The Riga quarter of an instant, as `2026-Q4`, for the integrity score. */
export function quarterOf(at: Date): string {
  const m = Number(rigaMonth(at).slice(5, 7));
  return `${rigaMonth(at).slice(0, 4)}-Q${Math.ceil(m / 3)}`;
}

// ---------------------------------------------------------------------------------------------------
// Tokens

export type TokenVerdict = 'genuine' | 'forged' | 'expired' | 'reused' | 'unreadable';

export interface TokenJudgement {
  verdict: TokenVerdict;
  token: QrToken | null;
  /** The time the scan counts for: the token's, never the time it reached the server. */
  at: Date;
}

/**
 * Judges a scanned QR text against the secrets of the card's active devices. The code must be genuine
 * (HMAC of one of the secrets), its time step within ± 1 of the scan's own step, and not used before.
 * A genuine token is judged by the time it proves, so scans synced later from an offline phone keep
 * their real time.
 */
export function judgeToken(
  input: { text: string; secrets: string[]; scannedAt: Date; alreadyUsed: boolean },
  cfg: Pick<VisitRuleConfig, 'tokenSkewSteps'> = VISIT_RULE_DEFAULTS,
): TokenJudgement {
  const token = parseQrPayload(input.text);
  if (!token) return { verdict: 'unreadable', token: null, at: input.scannedAt };
  const genuine = input.secrets.some((s) => sameCode(visitCode(s, token.cardNumber, token.step), token.code));
  const tokenStart = stepStart(token.step);
  if (!genuine) return { verdict: 'forged', token, at: tokenStart };
  const skew = Math.abs(timeStep(input.scannedAt) - token.step);
  if (skew > cfg.tokenSkewSteps) return { verdict: 'expired', token, at: tokenStart };
  if (input.alreadyUsed) return { verdict: 'reused', token, at: input.scannedAt };
  return { verdict: 'genuine', token, at: input.scannedAt };
}

// ---------------------------------------------------------------------------------------------------
// Overlap and duration

export interface Interval {
  start: Date;
  end: Date;
}

export function overlapMs(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end.getTime(), b.end.getTime()) - Math.max(a.start.getTime(), b.start.getTime()));
}

export interface OtherVisit extends Interval {
  id: string;
  groupSessionId: string | null;
}

/** Visits of the same specialist (any provider, any funder) overlapping by ≥ 1 minute, unless one group session. */
export function findOverlaps(self: Interval & { groupSessionId: string | null }, others: OtherVisit[], cfg: Pick<VisitRuleConfig, 'overlapMs'> = VISIT_RULE_DEFAULTS): OtherVisit[] {
  return others.filter((o) => {
    if (self.groupSessionId && o.groupSessionId === self.groupSessionId) return false;
    return overlapMs(self, o) >= cfg.overlapMs;
  });
}

export function durationMinutes(checkInAt: Date, checkOutAt: Date): number {
  return Math.floor((checkOutAt.getTime() - checkInAt.getTime()) / 60_000);
}

/** Short when the whole minutes are under 90% of the unit (exactly 90% passes). */
export function isShortVisit(minutes: number, unitMinutes: number, cfg: Pick<VisitRuleConfig, 'minDurationPercent'> = VISIT_RULE_DEFAULTS): boolean {
  return minutes * 100 < unitMinutes * cfg.minDurationPercent;
}

/** Billable minutes never exceed the verified duration, nor the contracted unit. */
export function billableMinutes(verifiedMinutes: number, unitMinutes: number): number {
  return Math.max(0, Math.min(verifiedMinutes, unitMinutes));
}

/**
 * The price of one visit for one child: the unit price × billable share of the unit, divided by the
 * number of children in a group session; one rounding (half-up) through the money module.
 */
export function visitPriceCents(unitPriceCents: Cents, billable: number, unitMinutes: number, groupSize = 1): Cents {
  if (unitMinutes <= 0 || groupSize < 1) throw new Error('unit minutes and group size must be positive');
  return divideRounded(unitPriceCents * billable, unitMinutes * groupSize);
}

// ---------------------------------------------------------------------------------------------------
// The verdict over one visit

export interface ContractFacts {
  status: string;
  validFrom: string;
  validTo: string | null;
  unitMinutes: number;
  unitPriceCents: Cents;
  unitsPerMonth: number;
  specialistIds: string[];
}

export interface VisitFacts {
  checkInAt: Date | null;
  checkOutAt: Date | null;
  now: Date;
  manual: boolean;
  specialistId: string;
  groupSessionId: string | null;
  groupSize: number;
  contract: ContractFacts;
  /** false when a scan of this visit used a lost/blocked card. */
  cardActive: boolean;
  /** Reasons found while judging the scans (TOKEN_EXPIRED, TOKEN_REUSED). */
  scanReasons: ReasonCode[];
  /** A scan carried a forged code: the visit is rejected. */
  forged: boolean;
  /** Other visits of the same specialist that may overlap. */
  otherVisits: OtherVisit[];
  /** Units already counted on the contract in the visit's Riga month, this visit excluded. */
  unitsUsedThisMonth: number;
  /** Committed money left for this contract, this visit excluded; null when not tracked. */
  moneyLeftCents: Cents | null;
  disputed: boolean;
}

export interface VisitVerdict {
  status: VisitStatus;
  reasons: ReasonCode[];
  durationMinutes: number | null;
  billableMinutes: number;
  priceCents: Cents;
  overlapping: string[];
}

export function contractActiveOn(c: Pick<ContractFacts, 'status' | 'validFrom' | 'validTo'>, at: Date): boolean {
  const day = rigaDate(at);
  return c.status === 'active' && c.validFrom <= day && (c.validTo === null || day <= c.validTo);
}

export function verifyVisit(f: VisitFacts, cfg: VisitRuleConfig = VISIT_RULE_DEFAULTS): VisitVerdict {
  const reasons = new Set<ReasonCode>(f.scanReasons);
  const at = f.checkInAt ?? f.checkOutAt ?? f.now;
  const empty = { durationMinutes: null, billableMinutes: 0, priceCents: 0, overlapping: [] as string[] };
  if (f.forged) return { status: 'rejected', reasons: [...reasons], ...empty };

  if (!contractActiveOn(f.contract, at)) reasons.add('CONTRACT_INACTIVE');
  if (!f.contract.specialistIds.includes(f.specialistId)) reasons.add('SPECIALIST_NOT_ON_CONTRACT');
  if (!f.cardActive) reasons.add('CARD_BLOCKED');
  if (f.manual) reasons.add('MANUAL_ENTRY');
  if (f.disputed) reasons.add('FAMILY_DISPUTED');

  if (!f.checkInAt || !f.checkOutAt) {
    // one scan only: wait for the other (it may still arrive from an offline phone) unless it is long overdue
    const single = (f.checkInAt ?? f.checkOutAt ?? f.now).getTime();
    if (f.now.getTime() - single >= cfg.noCheckOutAfterMs) reasons.add('NO_CHECK_OUT');
    return { status: reasons.size ? 'exception' : 'open', reasons: [...reasons], ...empty };
  }

  if (f.checkOutAt.getTime() <= f.checkInAt.getTime()) {
    reasons.add('CHECK_OUT_BEFORE_CHECK_IN');
    return { status: 'exception', reasons: [...reasons], ...empty };
  }
  const minutes = durationMinutes(f.checkInAt, f.checkOutAt);
  if (isShortVisit(minutes, f.contract.unitMinutes, cfg)) reasons.add('SHORT_VISIT');
  const overlapping = findOverlaps({ start: f.checkInAt, end: f.checkOutAt, groupSessionId: f.groupSessionId }, f.otherVisits, cfg).map((o) => o.id);
  if (overlapping.length) reasons.add('SPECIALIST_OVERLAP');
  if (f.unitsUsedThisMonth + 1 > f.contract.unitsPerMonth) reasons.add('MONTHLY_UNITS_EXCEEDED');
  const billable = billableMinutes(minutes, f.contract.unitMinutes);
  const priceCents = visitPriceCents(f.contract.unitPriceCents, billable, f.contract.unitMinutes, f.groupSize);
  if (f.moneyLeftCents !== null && priceCents > f.moneyLeftCents) reasons.add('FUNDS_EXCEEDED');
  return { status: reasons.size ? 'exception' : 'verified', reasons: [...reasons], durationMinutes: minutes, billableMinutes: billable, priceCents, overlapping };
}

// ---------------------------------------------------------------------------------------------------
// Provider integrity

export interface IntegrityCounts {
  total: number;
  verified: number;
  verifiedScanned: number;
  rejected: number;
}

export interface IntegrityScore extends IntegrityCounts {
  /** Percent with one decimal, or null when the provider had no visits in the quarter. */
  score: number | null;
  scannedShare: number | null;
  notRejectedShare: number | null;
  flagged: boolean;
}

export const INTEGRITY_REVIEW_BELOW = 80;

/** 60% × share of accepted visits that were scanned + 40% × share of visits not rejected; review below 80%. */
export function integrityScore(c: IntegrityCounts): IntegrityScore {
  if (c.total === 0) return { ...c, score: null, scannedShare: null, notRejectedShare: null, flagged: false };
  const scanned = c.verified === 0 ? 1 : c.verifiedScanned / c.verified;
  const notRejected = (c.total - c.rejected) / c.total;
  // per-mille in integers, then one decimal of a percent
  const perMille = Math.round(600 * scanned + 400 * notRejected);
  const score = perMille / 10;
  return { ...c, score, scannedShare: Math.round(scanned * 1000) / 10, notRejectedShare: Math.round(notRejected * 1000) / 10, flagged: score < INTEGRITY_REVIEW_BELOW };
}

export function isValidResolution(action: ResolutionAction, code: string): boolean {
  return RESOLUTION_CODES[action]?.includes(code) ?? false;
}
