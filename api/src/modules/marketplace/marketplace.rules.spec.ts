import { CATALOGUE_SEED } from './catalogue.data';
import {
  accreditationCovers,
  apportionGroup,
  canTransition,
  cancellationFee,
  childUnitPrice,
  CONTRACT_STATUSES,
  CONTRACT_TRANSITIONS,
  ContractParty,
  ContractStatus,
  contractValue,
  ibanError,
  isWorkingDay,
  monthsInPeriod,
  offerPriceError,
  priceOn,
  priceVersionErrors,
  releaseOnEnd,
  workingDaysBetween,
} from './marketplace.rules';
import { SERVICE_CODES } from '@lidz/libs';

describe('IBAN', () => {
  it.each([
    ['LV80BANK0000435195001', null],
    ['LV80 BANK 0000 4351 9500 1', null],
    ['lv80bank0000435195001', null],
    ['DE89370400440532013000', null],
    ['GB82WEST12345698765432', null],
    ['LV81BANK0000435195001', 'ibanChecksum'],
    ['LV80BANK000043519500', 'ibanLength'],
    ['XX80BANK0000435195001', 'ibanCountry'],
    ['80LVBANK0000435195001', 'ibanFormat'],
    ['', 'ibanFormat'],
    ['LV80BANK00004351950%1', 'ibanFormat'],
  ])('%s → %s', (iban, expected) => expect(ibanError(iban)).toBe(expected));
});

describe('price cap', () => {
  it.each([
    [2500, 3200, null],
    [3200, 3200, null],
    [3201, 3200, 'aboveCatalogueMax'],
    [0, 3200, 'min'],
    [-1, 3200, 'min'],
    [12.5, 3200, 'min'],
    [1000, null, 'noCataloguePrice'],
  ])('offer %s with max %s → %s', (price, max, expected) => expect(offerPriceError(price, max)).toBe(expected));

  it.each([
    [{ referencePriceCents: 2500, maxPriceCents: 3200 }, {}],
    [{ referencePriceCents: 2500, maxPriceCents: 2500 }, {}],
    [{ referencePriceCents: 2500, maxPriceCents: 2400 }, { maxPriceCents: 'belowReference' }],
    [{ referencePriceCents: 0, maxPriceCents: 2400 }, { referencePriceCents: 'min' }],
    [{ referencePriceCents: 10, maxPriceCents: 0 }, { maxPriceCents: 'min' }],
  ])('price version %j → %j', (v, expected) => expect(priceVersionErrors(v)).toEqual(expected));

  const versions = [
    { validFrom: '2026-01-01', referencePriceCents: 2500, maxPriceCents: 3200 },
    { validFrom: '2027-01-01', referencePriceCents: 2600, maxPriceCents: 3400 },
  ];
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 3200],
    ['2026-12-31', 3200],
    ['2027-01-01', 3400],
    ['2030-06-01', 3400],
  ])('price on %s → max %s', (date, max) => expect(priceOn(versions, date)?.maxPriceCents ?? null).toBe(max));
});

describe('catalogue seed', () => {
  it('holds exactly the vocabulary service codes with their categories and sane prices', () => {
    expect(CATALOGUE_SEED.map((s) => s.code).sort()).toEqual(Object.keys(SERVICE_CODES).sort());
    for (const s of CATALOGUE_SEED) {
      expect(s.category).toBe(SERVICE_CODES[s.code]);
      expect(priceVersionErrors(s)).toEqual({});
    }
    const companion = CATALOGUE_SEED.find((s) => s.code === 'COMPANION')!;
    expect([companion.monthlyUnitCap, companion.carryOverMonths, companion.excludesRelatives]).toEqual([15, 6, true]);
    expect(CATALOGUE_SEED.find((s) => s.code === 'MENTOR')!.minAge).toBe(13);
  });
});

describe('period and contract value', () => {
  it.each([
    ['2027-01-01', '2027-06-30', 6],
    ['2026-12-15', '2027-06-14', 6],
    ['2026-12-15', '2027-06-20', 7],
    ['2027-01-01', '2027-01-31', 1],
    ['2027-01-01', '2027-01-10', 1],
    ['2027-01-01', '2027-12-31', 12],
    ['2027-02-01', '2027-01-31', 0],
  ])('%s..%s → %s months', (from, to, months) => expect(monthsInPeriod(from, to)).toBe(months));

  it.each([
    [{ unitPriceCents: 2500, groupSize: 1, unitsPerMonth: 8, validFrom: '2027-01-01', validTo: '2027-06-30' }, 2500 * 8 * 6],
    [{ unitPriceCents: 3000, groupSize: 4, unitsPerMonth: 4, validFrom: '2027-01-01', validTo: '2027-03-31' }, 750 * 4 * 3],
    [{ unitPriceCents: 1000, groupSize: 3, unitsPerMonth: 2, validFrom: '2027-01-01', validTo: '2027-01-31' }, 333 * 2],
  ])('%j → %s', (c, value) => expect(contractValue(c)).toBe(value));
});

describe('group apportionment', () => {
  it.each([
    [1000, 3, [334, 333, 333]],
    [1000, 1, [1000]],
    [1001, 2, [501, 500]],
    [7, 4, [2, 2, 2, 1]],
    [0, 3, [0, 0, 0]],
    [3000, 4, [750, 750, 750, 750]],
  ])('%s cents over %s participants → %j', (amount, n, parts) => {
    const got = apportionGroup(amount, n);
    expect(got).toEqual(parts);
    expect(got.reduce((s, p) => s + p, 0)).toBe(amount);
  });

  it('always adds up, for many prices and group sizes', () => {
    for (let price = 1; price < 5000; price += 37) for (let n = 1; n <= 12; n++) expect(apportionGroup(price, n).reduce((s, p) => s + p, 0)).toBe(price);
  });

  it.each([
    [1000, 3, 333],
    [1001, 2, 501],
    [2500, 1, 2500],
  ])('child unit price of %s with group %s → %s (half-up)', (price, n, share) => expect(childUnitPrice(price, n)).toBe(share));

  it('refuses an empty group', () => {
    expect(() => apportionGroup(1000, 0)).toThrow();
    expect(() => childUnitPrice(1000, 0)).toThrow();
  });
});

describe('release on end', () => {
  it.each([
    [120000, 0, 0, 120000],
    [120000, 40000, 0, 80000],
    [120000, 40000, 80000, 0],
    [120000, 130000, 0, 0],
  ])('committed %s, spent %s, released %s → release %s', (c, s, r, out) => expect(releaseOnEnd(c, s, r)).toBe(out));
});

describe('working days and cancellation fee', () => {
  it.each([
    ['2027-01-04', true], // Monday
    ['2027-01-02', false], // Saturday
    ['2027-01-01', false], // New Year
    ['2027-11-18', false], // Proclamation Day
    ['2027-03-26', false], // Good Friday 2027
    ['2027-03-29', false], // Easter Monday 2027
    ['2027-06-23', false], // Līgo
  ])('%s working day → %s', (d, w) => expect(isWorkingDay(d)).toBe(w));

  it.each([
    ['2027-01-04', '2027-01-07', 2], // Tue, Wed
    ['2027-01-08', '2027-01-11', 0], // Fri → Mon: weekend between
    ['2026-12-30', '2027-01-04', 0], // 31 Dec and 1 Jan are holidays, then weekend
  ])('between %s and %s → %s', (a, b, n) => expect(workingDaysBetween(a, b)).toBe(n));

  const base = { claimable: true, childUnitPriceCents: 2500, feePercent: 50, noticeWorkingDays: 2, visitDate: '2027-01-11' };
  it.each([
    ['no-show (no notice)', { noticeDate: null }, 1250],
    ['notice on Friday for Monday (0 working days)', { noticeDate: '2027-01-08' }, 1250],
    ['notice Thursday (1 working day)', { noticeDate: '2027-01-07' }, 1250],
    ['notice Wednesday (2 working days)', { noticeDate: '2027-01-06' }, 0],
    ['not claimable in the catalogue', { noticeDate: null, claimable: false }, 0],
    ['no agreed fee', { noticeDate: null, feePercent: 0 }, 0],
    ['share rounds half-up once', { noticeDate: null, childUnitPriceCents: 333, feePercent: 50 }, 167],
    ['share above 100% is capped', { noticeDate: null, feePercent: 150 }, 2500],
  ])('%s', (_name, over, fee) => expect(cancellationFee({ ...base, ...over } as Parameters<typeof cancellationFee>[0])).toBe(fee));
});

describe('accreditation', () => {
  const acc = [
    { serviceCode: 'SPEECH', validFrom: '2026-01-01', validTo: '2026-12-31' },
    { serviceCode: 'PHYSIO', validFrom: '2026-01-01', validTo: null },
  ];
  it.each([
    ['SPEECH', '2026-06-01', true],
    ['SPEECH', '2026-12-31', true],
    ['SPEECH', '2027-01-01', false],
    ['SPEECH', '2025-12-31', false],
    ['PHYSIO', '2040-01-01', true],
    ['PSYCHOLOGIST', '2026-06-01', false],
  ])('%s on %s → %s', (code, date, ok) => expect(accreditationCovers(acc, code, date)).toBe(ok));
});

describe('contract lifecycle', () => {
  const parties: ContractParty[] = ['family', 'provider', 'case_manager', 'system'];
  const allowed: [ContractStatus, ContractStatus, ContractParty][] = [
    ['proposed', 'accepted', 'provider'],
    ['proposed', 'cancelled', 'family'],
    ['proposed', 'cancelled', 'provider'],
    ['proposed', 'cancelled', 'case_manager'],
    ['accepted', 'approved', 'case_manager'],
    ['accepted', 'cancelled', 'family'],
    ['accepted', 'cancelled', 'provider'],
    ['accepted', 'cancelled', 'case_manager'],
    ['approved', 'active', 'system'],
    ['approved', 'active', 'case_manager'],
    ['approved', 'cancelled', 'case_manager'],
    ['active', 'ended', 'case_manager'],
    ['active', 'ended', 'provider'],
    ['active', 'ended', 'family'],
    ['active', 'ended', 'system'],
  ];
  const key = (f: string, t: string, p: string) => `${f}→${t} by ${p}`;
  const allowedKeys = new Set(allowed.map(([f, t, p]) => key(f, t, p)));

  it.each(allowed)('%s → %s by %s is allowed', (from, to, by) => expect(canTransition(from, to, by)).toBe(true));

  const forbidden: [ContractStatus, ContractStatus, ContractParty][] = [];
  for (const f of CONTRACT_STATUSES) for (const t of CONTRACT_STATUSES) for (const p of parties) if (!allowedKeys.has(key(f, t, p))) forbidden.push([f, t, p]);
  it('every other edge is forbidden (%s edges)', () => {
    expect(forbidden.length).toBe(CONTRACT_STATUSES.length ** 2 * parties.length - allowed.length);
    for (const [f, t, p] of forbidden) expect([key(f, t, p), canTransition(f, t, p)]).toEqual([key(f, t, p), false]);
  });

  it.each([
    ['accepted', 'approved', 'family'],
    ['accepted', 'approved', 'provider'],
    ['proposed', 'approved', 'case_manager'],
    ['proposed', 'active', 'system'],
    ['ended', 'active', 'case_manager'],
    ['cancelled', 'proposed', 'family'],
    ['active', 'cancelled', 'case_manager'],
  ] as [ContractStatus, ContractStatus, ContractParty][])('notably %s → %s by %s is forbidden', (f, t, p) => expect(canTransition(f, t, p)).toBe(false));

  it('terminal statuses have no way out', () => {
    expect(CONTRACT_TRANSITIONS.ended).toEqual({});
    expect(CONTRACT_TRANSITIONS.cancelled).toEqual({});
  });
});
