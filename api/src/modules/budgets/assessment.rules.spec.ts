import { ASSESSMENT_DOMAINS } from '@lidz/libs';
import { backsBasket, domainErrors, familySignerRole, missingSignoffs, reviewReminderDate, validityError } from './assessment.rules';

const all = (level = 2, withWork = false) => Object.fromEntries(ASSESSMENT_DOMAINS.filter((d) => withWork || d !== 'work_readiness').map((d) => [d, { level, note: null }]));

describe('assessment rules', () => {
  it.each<[string, Record<string, unknown>, number, Record<string, string>]>([
    ['all domains under 14, no work readiness', all(), 9, {}],
    ['work readiness under 14 is refused', all(2, true), 13, { 'domains.work_readiness': 'notAssessedUnder14' }],
    ['work readiness required from 14', all(), 14, { 'domains.work_readiness': 'isDefined' }],
    ['complete from 14', all(2, true), 16, {}],
    ['a missing domain', { ...all(), mobility: undefined }, 9, { 'domains.mobility': 'isDefined' }],
    ['level above 4', { ...all(), hearing: { level: 5 } }, 9, { 'domains.hearing.level': 'isLevel' }],
    ['negative level', { ...all(), hearing: { level: -1 } }, 9, { 'domains.hearing.level': 'isLevel' }],
    ['fractional level', { ...all(), hearing: { level: 1.5 } }, 9, { 'domains.hearing.level': 'isLevel' }],
    ['unknown domain', { ...all(), cooking: { level: 1 } }, 9, { 'domains.cooking': 'whitelistValidation' }],
  ])('%s', (_, domains, age, errors) => expect(domainErrors(domains as never, age)).toEqual(errors));

  it.each([
    ['2026-01-01', '2026-06-30', null],
    ['2026-01-01', '2026-06-29', 'validityTooShort'],
    ['2026-01-01', '2028-12-31', null],
    ['2026-01-01', '2029-01-01', 'validityTooLong'],
    ['2026-03-15', '2027-03-14', null],
    ['2026-03-15', '2026-03-14', 'validityTooShort'],
  ])('validity %s – %s → %s', (from, to, err) => expect(validityError(from, to)).toBe(err));

  it.each([
    ['2027-12-31', '2027-11-01'],
    ['2027-03-01', '2026-12-31'],
  ])('review reminder for %s is on %s (60 days before)', (to, reminder) => expect(reviewReminderDate(to)).toBe(reminder));

  it.each([
    [9, 'family'],
    [17, 'family'],
    [18, 'participant'],
    [24, 'participant'],
  ])('at %i the family sign-off is given by %s', (age, role) => expect(familySignerRole(age)).toBe(role));

  const signed = { caseManagerSignedAt: 'x', healthSpecialistSignedAt: 'x', familySignedAt: 'x' };
  it.each<[string, Record<string, unknown>, string[]]>([
    ['none', { caseManagerSignedAt: null, healthSpecialistSignedAt: null, familySignedAt: null }, ['case_manager', 'health_specialist', 'family']],
    ['only family missing', { ...signed, familySignedAt: null }, ['family']],
    ['all', signed, []],
  ])('missing sign-offs: %s', (_, s, missing) => expect(missingSignoffs(s as never)).toEqual(missing));

  it.each<[string, Record<string, unknown>, string, boolean]>([
    ['signed and valid', { ...signed, status: 'signed', validFrom: '2026-01-01', validTo: '2026-12-31' }, '2026-06-01', true],
    ['awaiting signatures', { ...signed, familySignedAt: null, status: 'awaiting_signatures', validFrom: '2026-01-01', validTo: '2026-12-31' }, '2026-06-01', false],
    ['superseded', { ...signed, status: 'superseded', validFrom: '2026-01-01', validTo: '2026-12-31' }, '2026-06-01', false],
    ['expired', { ...signed, status: 'signed', validFrom: '2026-01-01', validTo: '2026-12-31' }, '2027-01-01', false],
  ])('backs a basket: %s', (_, a, today, ok) => expect(backsBasket(a as never, today)).toBe(ok));
});
