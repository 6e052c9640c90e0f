import { ageOn, birthdayAt, currentConsents, isAdultOn, representativeMaySee } from './children.rules';

describe('children rules', () => {
  it.each([
    ['2008-12-01', '2026-11-30', 17],
    ['2008-12-01', '2026-12-01', 18],
    ['2008-12-02', '2026-12-01', 17],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2017-05-10', '2026-12-01', 9],
  ])('born %s is %i on %s', (birth, today, age) => expect(ageOn(birth, today)).toBe(age));

  it.each([
    ['2008-12-01', '2026-11-30', false],
    ['2008-12-01', '2026-12-01', true],
  ])('born %s is an adult on %s: %p', (birth, today, adult) => expect(isAdultOn(birth, today)).toBe(adult));

  it.each([
    ['2008-12-01', 18, '2026-12-01'],
    ['2008-02-29', 18, '2026-03-01'],
    ['2008-02-29', 16, '2024-02-29'],
  ])('born %s turns %i on %s', (birth, years, date) => expect(birthdayAt(birth, years)).toBe(date));

  it.each([
    ['2008-12-02', '2026-12-01', false, true, 'a minor: the representative sees the child'],
    ['2008-12-01', '2026-12-01', false, false, 'the 18th birthday: access ends'],
    ['2008-12-01', '2026-12-01', true, true, 'unless the young person granted it'],
    ['2000-01-01', '2026-12-01', false, false, 'a 26-year-old without a grant'],
  ])('born %s on %s, granted %p → %p (%s)', (birth, today, granted, expected) => {
    expect(representativeMaySee(birth, today, granted)).toBe(expected);
  });

  it.each([
    [[], { contact_by_social_service: false, share_with_providers: false }],
    [[{ id: 1, purpose: 'contact_by_social_service', granted: true }], { contact_by_social_service: true, share_with_providers: false }],
    [
      [
        { id: 1, purpose: 'contact_by_social_service', granted: true },
        { id: 3, purpose: 'contact_by_social_service', granted: false },
        { id: 2, purpose: 'share_with_providers', granted: true },
      ],
      { contact_by_social_service: false, share_with_providers: true },
    ],
    [
      [
        { id: '10', purpose: 'share_with_providers', granted: true },
        { id: '9', purpose: 'share_with_providers', granted: false },
      ],
      { contact_by_social_service: false, share_with_providers: true },
    ],
  ])('current consents of %j', (history, expected) => {
    expect(currentConsents(['contact_by_social_service', 'share_with_providers'] as const, history)).toEqual(expected);
  });
});
