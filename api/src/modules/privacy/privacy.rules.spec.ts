import { addYears, anonymousCode, isPastRetention, lastRelevantDate } from './privacy.rules';

describe('retention rules', () => {
  it.each([
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2026-12-01', 5, '2031-12-01'],
  ])('%s + %i years = %s', (d, y, out) => expect(addYears(d, y)).toBe(out));

  const base = { birthDate: '2005-06-15', lastBasketEnd: null, lastVisit: null, createdAt: '2019-01-10' };
  it.each([
    // a decision that ended in 2020, nothing since: kept until 2025-03-31, anonymised after
    [{ ...base, lastDecisionEnd: '2020-03-31' }, '2025-03-31', false],
    [{ ...base, lastDecisionEnd: '2020-03-31' }, '2025-04-01', true],
    // a basket period or a visit after the decision keeps the record longer
    [{ ...base, lastDecisionEnd: '2020-03-31', lastBasketEnd: '2022-12-31' }, '2026-01-01', false],
    [{ ...base, lastDecisionEnd: '2020-03-31', lastVisit: '2024-05-02' }, '2029-05-02', false],
    [{ ...base, lastDecisionEnd: '2020-03-31', lastVisit: '2024-05-02' }, '2029-05-03', true],
    // lifelong: served until 26 (2031-06-15), kept 5 more years
    [{ ...base, lastDecisionEnd: null }, '2036-06-15', false],
    [{ ...base, lastDecisionEnd: null }, '2036-06-16', true],
    // no decision at all: counted from when the record was made
    [{ ...base, lastDecisionEnd: undefined }, '2024-01-11', true],
  ])('%o on %s is past retention: %s', (activity, today, past) => {
    expect(isPastRetention(activity, today)).toBe(past);
  });

  it('takes the latest of all dates', () => {
    expect(lastRelevantDate({ ...base, lastDecisionEnd: '2020-03-31', lastBasketEnd: '2021-01-01', lastVisit: '2020-12-31' })).toBe('2021-01-01');
  });

  it('makes a unique, recognisable stand-in code that is never a valid personal code', () => {
    expect(anonymousCode('3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60')).toBe('ANON3F1C2A9E');
    expect(anonymousCode('3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60')).not.toMatch(/^\d{6}-\d{5}$/);
  });
});
