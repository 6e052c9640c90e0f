import { randomBytes } from 'node:crypto';
import { qrPayloadAt, timeStep, visitCode, formatQrPayload } from '@lidz/libs';
import {
  billableMinutes,
  canTransition,
  contractActiveOn,
  ContractFacts,
  findOverlaps,
  integrityScore,
  isShortVisit,
  isValidResolution,
  judgeToken,
  quarterOf,
  REASON_CODES,
  ReasonCode,
  rigaDate,
  rigaMonth,
  VISIT_STATUSES,
  VISIT_TRANSITIONS,
  VisitFacts,
  visitPriceCents,
  verifyVisit,
  withinDisputeWindow,
  withinLateEntryWindow,
} from './visits.rules';

const T = (iso: string) => new Date(iso);

describe('Riga calendar', () => {
  it.each([
    ['2026-11-30T21:59:59Z', '2026-11-30', '2026-11'],
    ['2026-11-30T22:00:00Z', '2026-12-01', '2026-12'], // winter: UTC+2, so midnight in Riga
    ['2026-03-31T20:59:59Z', '2026-03-31', '2026-03'], // summer: UTC+3
    ['2026-03-31T21:00:00Z', '2026-04-01', '2026-04'],
    ['2026-12-31T22:30:00Z', '2027-01-01', '2027-01'],
  ])('%s is %s in Riga (month %s)', (iso, day, month) => {
    expect(rigaDate(T(iso))).toBe(day);
    expect(rigaMonth(T(iso))).toBe(month);
  });
  it('quarters follow Riga months', () => {
    expect(quarterOf(T('2026-09-30T21:30:00Z'))).toBe('2026-Q4');
    expect(quarterOf(T('2026-09-30T20:30:00Z'))).toBe('2026-Q3');
  });
  it.each([
    ['2026-08-28T10:00:00Z', '2026-12-01T10:00:00Z', true], // 95 days
    ['2026-08-27T10:00:00Z', '2026-12-01T10:00:00Z', false], // 96 days
    ['2026-12-01T10:00:00Z', '2026-12-01T10:04:00Z', true],
    ['2026-12-01T11:00:00Z', '2026-12-01T10:00:00Z', false], // in the future
  ])('late entry of a visit at %s on %s allowed: %s', (visit, now, ok) => expect(withinLateEntryWindow(T(visit), T(now))).toBe(ok));
  it.each([
    ['2026-11-17T10:00:00Z', '2026-12-01T21:00:00Z', true], // 14 Riga days
    ['2026-11-16T10:00:00Z', '2026-12-01T09:00:00Z', false],
    ['2026-11-17T10:00:00Z', '2026-12-01T22:30:00Z', false], // already 2 December in Riga
  ])('dispute of a visit at %s on %s allowed: %s', (visit, now, ok) => expect(withinDisputeWindow(T(visit), T(now))).toBe(ok));
});

describe('QR token', () => {
  const secret = randomBytes(32).toString('base64url');
  const other = randomBytes(32).toString('base64url');
  const card = '940000000012';
  const at = T('2026-12-01T10:00:10Z');
  const step = timeStep(at);
  const tokenAt = (s: number, key = secret) => formatQrPayload({ cardNumber: card, step: s, code: visitCode(key, card, s) });

  it.each([
    ['own step', 0, 'genuine'],
    ['step − 1', -1, 'genuine'],
    ['step + 1', 1, 'genuine'],
    ['step − 2', -2, 'expired'],
    ['step + 2', 2, 'expired'],
  ])('a token of the %s is %s', (_label, delta, verdict) => {
    expect(judgeToken({ text: tokenAt(step + (delta as number)), secrets: [secret], scannedAt: at, alreadyUsed: false }).verdict).toBe(verdict);
  });
  it('judges a late-synced scan by the token, not by arrival', () => {
    const text = qrPayloadAt(secret, card, at);
    const j = judgeToken({ text, secrets: [secret], scannedAt: at, alreadyUsed: false });
    expect(j).toMatchObject({ verdict: 'genuine', at });
  });
  it('reused, forged, foreign key and unreadable tokens', () => {
    expect(judgeToken({ text: tokenAt(step), secrets: [secret], scannedAt: at, alreadyUsed: true }).verdict).toBe('reused');
    const forged = tokenAt(step).replace(/\d{8}$/, (c) => String((Number(c) + 1) % 1e8).padStart(8, '0'));
    expect(judgeToken({ text: forged, secrets: [secret], scannedAt: at, alreadyUsed: false }).verdict).toBe('forged');
    expect(judgeToken({ text: tokenAt(step, other), secrets: [secret], scannedAt: at, alreadyUsed: false }).verdict).toBe('forged');
    expect(judgeToken({ text: tokenAt(step, other), secrets: [secret, other], scannedAt: at, alreadyUsed: false }).verdict).toBe('genuine');
    expect(judgeToken({ text: tokenAt(step), secrets: [], scannedAt: at, alreadyUsed: false }).verdict).toBe('forged');
    expect(judgeToken({ text: 'hello', secrets: [secret], scannedAt: at, alreadyUsed: false }).verdict).toBe('unreadable');
  });
  it('a forged or expired token counts at the time it claims', () => {
    const j = judgeToken({ text: tokenAt(step - 5), secrets: [secret], scannedAt: at, alreadyUsed: false });
    expect(j.verdict).toBe('expired');
    expect(j.at.getTime()).toBe((step - 5) * 30_000);
  });
});

describe('duration, overlap, price', () => {
  it.each([
    [36, 40, false], // exactly 90%
    [35, 40, true],
    [54, 60, false],
    [53, 60, true],
    [40, 40, false],
    [0, 40, true],
  ])('%i minutes of a %i-minute unit short: %s', (m, unit, short) => expect(isShortVisit(m, unit)).toBe(short));

  const a = { start: T('2026-12-01T10:00:00Z'), end: T('2026-12-01T10:40:00Z'), groupSessionId: null };
  it.each([
    ['overlap of exactly 1 minute', '2026-12-01T10:39:00Z', '2026-12-01T11:19:00Z', null, 1],
    ['overlap of 59 seconds', '2026-12-01T10:39:01Z', '2026-12-01T11:19:00Z', null, 0],
    ['touching ends', '2026-12-01T10:40:00Z', '2026-12-01T11:20:00Z', null, 0],
    ['inside', '2026-12-01T10:10:00Z', '2026-12-01T10:20:00Z', null, 1],
    ['same group session', '2026-12-01T10:00:00Z', '2026-12-01T10:40:00Z', 'g1', 0],
  ])('%s', (_l, s, e, g, n) => {
    const self = g ? { ...a, groupSessionId: 'g1' } : a;
    expect(findOverlaps(self, [{ id: 'x', start: T(s), end: T(e), groupSessionId: g }])).toHaveLength(n as number);
  });
  it('an overlap with a different group session still counts', () => {
    expect(findOverlaps({ ...a, groupSessionId: 'g1' }, [{ id: 'x', ...a, groupSessionId: 'g2' }])).toHaveLength(1);
  });
  it.each([
    [36, 40, 36],
    [55, 40, 40],
    [-3, 40, 0],
  ])('billable minutes of %i verified with a %i unit: %i', (v, u, b) => expect(billableMinutes(v, u)).toBe(b));
  it.each([
    [3000, 40, 40, 1, 3000],
    [3000, 40, 40, 3, 1000], // group of three, per child
    [2000, 40, 40, 3, 667], // 666.67 → half-up once
    [3000, 36, 40, 1, 2700],
    [1001, 1, 2, 1, 501],
  ])('price of unit %i, %i of %i min, group %i → %i', (p, b, u, g, cents) => expect(visitPriceCents(p, b, u, g)).toBe(cents));
});

describe('verifyVisit: every reason code', () => {
  const contract: ContractFacts = { status: 'active', validFrom: '2026-09-01', validTo: '2027-08-31', unitMinutes: 40, unitPriceCents: 3000, unitsPerMonth: 8, specialistIds: ['s1'] };
  const base: VisitFacts = {
    checkInAt: T('2026-12-01T10:00:00Z'),
    checkOutAt: T('2026-12-01T10:40:00Z'),
    now: T('2026-12-01T11:00:00Z'),
    manual: false,
    specialistId: 's1',
    groupSessionId: null,
    groupSize: 1,
    contract,
    cardActive: true,
    scanReasons: [],
    forged: false,
    otherVisits: [],
    unitsUsedThisMonth: 3,
    moneyLeftCents: 100_000,
    disputed: false,
  };
  const covered = new Set<ReasonCode>();
  const cases: [string, Partial<VisitFacts>, string, ReasonCode[]][] = [
    ['a clean visit', {}, 'verified', []],
    ['exactly 90% of the unit', { checkOutAt: T('2026-12-01T10:36:00Z') }, 'verified', []],
    ['under 90% of the unit', { checkOutAt: T('2026-12-01T10:35:59Z') }, 'exception', ['SHORT_VISIT']],
    ['check-in only, soon after', { checkOutAt: null }, 'open', []],
    ['check-in only, 12 hours later', { checkOutAt: null, now: T('2026-12-01T22:00:00Z') }, 'exception', ['NO_CHECK_OUT']],
    ['check-out only (synced first), soon after', { checkInAt: null }, 'open', []],
    ['check-in only with a reused token', { checkOutAt: null, scanReasons: ['TOKEN_REUSED'] }, 'exception', ['TOKEN_REUSED']],
    ['check-out before check-in', { checkOutAt: T('2026-12-01T09:00:00Z') }, 'exception', ['CHECK_OUT_BEFORE_CHECK_IN']],
    ['overlap of exactly 1 minute', { otherVisits: [{ id: 'v2', start: T('2026-12-01T10:39:00Z'), end: T('2026-12-01T11:20:00Z'), groupSessionId: null }] }, 'exception', ['SPECIALIST_OVERLAP']],
    ['overlap in one group session', { groupSessionId: 'g', groupSize: 3, otherVisits: [{ id: 'v2', start: T('2026-12-01T10:00:00Z'), end: T('2026-12-01T10:40:00Z'), groupSessionId: 'g' }] }, 'verified', []],
    ['the last unit of the month', { unitsUsedThisMonth: 7 }, 'verified', []],
    ['units of the month used up', { unitsUsedThisMonth: 8 }, 'exception', ['MONTHLY_UNITS_EXCEEDED']],
    ['money just enough', { moneyLeftCents: 3000 }, 'verified', []],
    ['money not enough', { moneyLeftCents: 2999 }, 'exception', ['FUNDS_EXCEEDED']],
    ['contract not active', { contract: { ...contract, status: 'ended' } }, 'exception', ['CONTRACT_INACTIVE']],
    ['contract not yet valid', { contract: { ...contract, validFrom: '2026-12-02' } }, 'exception', ['CONTRACT_INACTIVE']],
    ['contract ended the day before (Riga)', { contract: { ...contract, validTo: '2026-11-30' }, checkInAt: T('2026-11-30T22:10:00Z'), checkOutAt: T('2026-11-30T22:50:00Z') }, 'exception', ['CONTRACT_INACTIVE']],
    ['specialist not on contract', { specialistId: 's2' }, 'exception', ['SPECIALIST_NOT_ON_CONTRACT']],
    ['card blocked', { cardActive: false }, 'exception', ['CARD_BLOCKED']],
    ['token expired', { scanReasons: ['TOKEN_EXPIRED'] }, 'exception', ['TOKEN_EXPIRED']],
    ['token reused', { scanReasons: ['TOKEN_REUSED'] }, 'exception', ['TOKEN_REUSED']],
    ['manual entry', { manual: true }, 'exception', ['MANUAL_ENTRY']],
    ['family disputed', { disputed: true }, 'exception', ['FAMILY_DISPUTED']],
    ['forged code', { forged: true }, 'rejected', []],
    ['several at once', { manual: true, checkOutAt: T('2026-12-01T10:20:00Z'), unitsUsedThisMonth: 9 }, 'exception', ['MANUAL_ENTRY', 'SHORT_VISIT', 'MONTHLY_UNITS_EXCEEDED']],
  ];
  it.each(cases)('%s', (_label, patch, status, reasons) => {
    const v = verifyVisit({ ...base, ...patch });
    expect(v.status).toBe(status);
    expect([...v.reasons].sort()).toEqual([...reasons].sort());
    reasons.forEach((r) => covered.add(r));
  });
  it('covers every reason code', () => {
    expect([...covered].sort()).toEqual([...REASON_CODES].sort());
  });
  it('never bills more than the verified duration, and a group child pays a third', () => {
    expect(verifyVisit({ ...base, checkOutAt: T('2026-12-01T11:30:00Z') })).toMatchObject({ durationMinutes: 90, billableMinutes: 40, priceCents: 3000 });
    expect(verifyVisit({ ...base, checkOutAt: T('2026-12-01T10:37:30Z') })).toMatchObject({ durationMinutes: 37, billableMinutes: 37, priceCents: 2775 });
    expect(verifyVisit({ ...base, groupSessionId: 'g', groupSize: 3 })).toMatchObject({ status: 'verified', priceCents: 1000 });
  });
  it('names the overlapping visit as evidence', () => {
    const v = verifyVisit({ ...base, otherVisits: [{ id: 'v9', start: T('2026-12-01T10:30:00Z'), end: T('2026-12-01T11:00:00Z'), groupSessionId: null }] });
    expect(v.overlapping).toEqual(['v9']);
  });
  it('contract activity on a date', () => {
    expect(contractActiveOn(contract, T('2027-08-31T20:00:00Z'))).toBe(true);
    expect(contractActiveOn(contract, T('2027-08-31T21:00:00Z'))).toBe(false); // 1 Sept in Riga
  });
});

describe('visit lifecycle', () => {
  const allowed: [string, string][] = [
    ['open', 'verified'], ['open', 'exception'], ['open', 'rejected'], ['open', 'open'],
    ['verified', 'exception'],
    ['exception', 'verified'], ['exception', 'rejected'], ['exception', 'exception'],
  ];
  it.each(VISIT_STATUSES.flatMap((f) => VISIT_STATUSES.map((t) => [f, t] as const)))('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.some(([f, t]) => f === from && t === to));
  });
  it('rejected is final', () => expect(VISIT_TRANSITIONS.rejected).toEqual([]));
  it.each([
    ['accept', 'EVIDENCE_SUFFICIENT', true],
    ['accept', 'NOT_DELIVERED', false],
    ['reject', 'SUSPECTED_FRAUD', true],
    ['adjust_duration', 'DURATION_CORRECTED', true],
    ['convert_group', 'WAS_GROUP_SESSION', true],
    ['convert_group', 'DUPLICATE', false],
  ] as const)('%s with %s valid: %s', (a, c, ok) => expect(isValidResolution(a, c)).toBe(ok));
});

describe('provider integrity score', () => {
  it.each([
    [{ total: 0, verified: 0, verifiedScanned: 0, rejected: 0 }, null, false],
    [{ total: 10, verified: 10, verifiedScanned: 10, rejected: 0 }, 100, false],
    [{ total: 10, verified: 8, verifiedScanned: 6, rejected: 2 }, 77, true], // 0.6×0.75 + 0.4×0.8
    [{ total: 10, verified: 10, verifiedScanned: 7, rejected: 1 }, 78, true],
    [{ total: 10, verified: 10, verifiedScanned: 8, rejected: 2 }, 80, false], // exactly 80 is not flagged
    [{ total: 3, verified: 3, verifiedScanned: 2, rejected: 0 }, 80, false], // 0.6×⅔ + 0.4 = 80.0
    [{ total: 4, verified: 0, verifiedScanned: 0, rejected: 4 }, 60, true],
  ])('%j → %s (flagged %s)', (counts, score, flagged) => {
    const s = integrityScore(counts);
    expect(s.score).toBe(score);
    expect(s.flagged).toBe(flagged);
  });
});
