import { creditFor, isFullUnit, monthBounds, priceClaim, PricingContract, PricingError, quarterHoursDown } from './claim.rules';

const session = (unitPriceCents: number, unitMinutes = 40, deliveryMode: 'individual' | 'group' = 'individual'): PricingContract => ({
  unitKind: 'session',
  unitMinutes,
  unitPriceCents,
  deliveryMode,
});
const hourly = (unitPriceCents: number, deliveryMode: 'individual' | 'group' = 'individual'): PricingContract => ({
  unitKind: 'hour',
  unitMinutes: 60,
  unitPriceCents,
  deliveryMode,
});

describe('claim pricing', () => {
  it.each([
    [0, 0],
    [14, 0],
    [15, 15],
    [29, 15],
    [44, 30],
    [45, 45],
    [59, 45],
    [60, 60],
    [61, 60],
    [119, 105],
  ])('quarterHoursDown(%i) = %i', (minutes, expected) => expect(quarterHoursDown(minutes)).toBe(expected));

  it.each([
    // [case, contract, duration, groupSize, billedMinutes, quantityMilli, amountCents, basis]
    ['session, full length', session(3500), 40, 1, 40, 1000, 3500, 'unit'],
    ['session, longer than the unit pays one unit', session(3500), 75, 1, 40, 1000, 3500, 'unit'],
    ['session at 90 % verifies but is paid only for the verified minutes', session(3500), 36, 1, 36, 900, 3150, 'pro_rata_short'],
    ['session under 90 % (accepted exception) is paid pro rata, never above verified time', session(3500), 30, 1, 30, 750, 2625, 'pro_rata_short'],
    ['session pro rata rounds half-up once', session(1000, 45), 20, 1, 20, 444, 444, 'pro_rata_short'],
    ['session of 0 minutes pays nothing', session(3500), 0, 1, 0, 0, 0, 'none'],
    ['hourly, whole hours', hourly(2000), 120, 1, 120, 2000, 4000, 'quarter_hours'],
    ['hourly, rounded down to quarter hours', hourly(2000), 74, 1, 60, 1000, 2000, 'quarter_hours'],
    ['hourly, 1 h 15', hourly(2000), 89, 1, 75, 1250, 2500, 'quarter_hours'],
    ['hourly, under a quarter hour pays nothing', hourly(2000), 14, 1, 0, 0, 0, 'none'],
    ['hourly, odd price pro rata half-up', hourly(1999), 45, 1, 45, 750, 1499, 'quarter_hours'],
    ['group session: unit price ÷ participants', session(3000, 45, 'group'), 45, 3, 45, 1000, 1000, 'unit'],
    ['group share rounds half-up (4000 ÷ 3)', session(4000, 45, 'group'), 45, 3, 45, 1000, 1333, 'unit'],
    ['group share rounds half-up (5000 ÷ 3)', session(5000, 45, 'group'), 45, 3, 45, 1000, 1667, 'unit'],
    ['group short visit: share of the pro-rata unit, rounded once', session(4000, 40, 'group'), 20, 3, 20, 500, 667, 'pro_rata_short'],
    ['session one minute short', session(3500), 39, 1, 39, 975, 3413, 'pro_rata_short'],
    ['hourly group: quarter hours then share, rounded once', hourly(3000, 'group'), 100, 4, 90, 1500, 1125, 'quarter_hours'],
    ['individual delivery ignores a recorded group size', session(3500), 40, 3, 40, 1000, 3500, 'unit'],
    ['group of one pays the unit', session(3500, 40, 'group'), 40, 1, 40, 1000, 3500, 'unit'],
    ['day unit like a session', { unitKind: 'day', unitMinutes: 480, unitPriceCents: 6000, deliveryMode: 'individual' }, 480, 1, 480, 1000, 6000, 'unit'],
    ['short day pro rata', { unitKind: 'day', unitMinutes: 480, unitPriceCents: 6000, deliveryMode: 'individual' }, 240, 1, 240, 500, 3000, 'pro_rata_short'],
    ['item is untimed: one per visit', { unitKind: 'item', unitMinutes: 1, unitPriceCents: 1500, deliveryMode: 'individual' }, 0, 1, 1, 1000, 1500, 'unit'],
  ] as const)('%s', (_name, contract, durationMinutes, groupSize, billedMinutes, quantityMilli, amountCents, basis) => {
    const price = priceClaim(contract as PricingContract, { durationMinutes, groupSize });
    expect(price).toMatchObject({ billedMinutes, quantityMilli, amountCents, basis });
    expect(price.billedMinutes).toBeLessThanOrEqual(Math.max(durationMinutes, contract.unitKind === 'item' ? contract.unitMinutes : durationMinutes));
  });

  it('never bills more minutes than verified for timed units', () => {
    for (let d = 0; d <= 200; d++) {
      for (const c of [session(3500), hourly(2000), session(3000, 45, 'group')]) {
        const p = priceClaim(c, { durationMinutes: d, groupSize: 3 });
        expect(p.billedMinutes).toBeLessThanOrEqual(d);
        expect(Number.isSafeInteger(p.amountCents)).toBe(true);
      }
    }
  });

  it('group shares of a session add up to the unit price within one cent per participant', () => {
    for (let price = 1; price < 5000; price += 37) {
      for (const n of [2, 3, 4, 5, 6, 7]) {
        const share = priceClaim(session(price, 45, 'group'), { durationMinutes: 45, groupSize: n }).amountCents;
        expect(Math.abs(share * n - price)).toBeLessThanOrEqual(Math.ceil(n / 2));
      }
    }
  });

  it.each([
    [36, 40, true],
    [35, 40, false],
    [41, 45, true],
    [40, 45, false],
  ])('isFullUnit(%i of %i) = %s', (d, u, expected) => expect(isFullUnit(d, u)).toBe(expected));

  it.each([
    ['negative duration', session(100), -1],
    ['fractional minutes', session(100), 1.5],
  ])('refuses %s', (_n, c, d) => expect(() => priceClaim(c, { durationMinutes: d, groupSize: 1 })).toThrow(PricingError));

  it('refuses a zero unit length and a fractional price', () => {
    expect(() => priceClaim(session(100, 0), { durationMinutes: 10, groupSize: 1 })).toThrow(PricingError);
    expect(() => priceClaim(session(10.5), { durationMinutes: 40, groupSize: 1 })).toThrow();
  });

  it('credits are the exact negative', () => {
    expect(creditFor(2625)).toBe(-2625);
    expect(() => creditFor(0.5)).toThrow();
  });

  it.each([
    ['2026-11', '2026-11-01', '2026-12-01'],
    ['2026-12', '2026-12-01', '2027-01-01'],
    ['2027-01', '2027-01-01', '2027-02-01'],
  ])('monthBounds(%s)', (m, from, to) => expect(monthBounds(m)).toEqual({ from, to }));

  it.each(['2026-13', '2026-1', 'nov', ''])('monthBounds refuses %j', (m) => expect(() => monthBounds(m)).toThrow(PricingError));
});
