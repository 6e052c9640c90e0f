import { BenefitRule, evaluateBenefit, evaluateCatalogue, situationOfChild, transitionAt, transitions, versionInForce } from './benefits.rules';
import { CATALOGUE_2025, CATALOGUE_2025_VALID_FROM } from './catalogue-2025';
import { conditionProblems, Situation } from './conditions.rules';

const ON = '2026-12-01';
const RULES: BenefitRule[] = CATALOGUE_2025.map((b) => ({ ...b, version: 1, validFrom: CATALOGUE_2025_VALID_FROM, active: true }));
const rule = (code: string) => RULES.find((r) => r.code === code)!;

/** A 7-year-old with a first child decision and severe functional impairment, at home in Rīga, at school. */
const child7: Situation = {
  age: 7,
  decisionKind: 'child',
  specialCare: true,
  municipality: 'RIGA',
  livesAtHome: true,
  firstDecision: true,
  attendsSchool: true,
};
const adult20: Situation = {
  age: 20,
  decisionKind: 'group_2',
  specialCare: false,
  municipality: 'VALMIERA',
  livesAtHome: true,
  firstDecision: false,
  attendsSchool: false,
};

describe('the seeded 2025 catalogue', () => {
  it('has every condition in the documented expression form and unique codes', () => {
    for (const b of CATALOGUE_2025) expect([b.code, conditionProblems(b.condition)]).toEqual([b.code, {}]);
    expect(new Set(CATALOGUE_2025.map((b) => b.code)).size).toBe(CATALOGUE_2025.length);
  });

  it('carries the 2025 amounts the recommendations name', () => {
    expect(rule('FAMILY_BENEFIT_SUPPLEMENT')).toMatchObject({ amountCents: 16000, frequency: 'monthly', amountKind: 'exact' });
    expect(rule('CHILD_CARE_BENEFIT')).toMatchObject({ amountCents: 41343, frequency: 'monthly', amountKind: 'exact' });
    expect(rule('TRANSPORT_COMPENSATION')).toMatchObject({ amountCents: 10500, frequency: 'twice_yearly', amountKind: 'about' });
    expect(rule('STATE_SOCIAL_SECURITY_BENEFIT')).toMatchObject({ amountCents: 16600, frequency: 'monthly', amountKind: 'from' });
    expect(rule('PSYCHOLOGIST_FIRST_DECISION')).toMatchObject({ amountKind: 'up_to', amountNoteEn: 'Up to about 10 consultations.' });
    expect(CATALOGUE_2025.filter((b) => b.providerKind === 'municipality').map((b) => b.municipalityCode)).toEqual(['RIGA', 'VALMIERA']);
    expect(CATALOGUE_2025.filter((b) => b.providerKind === 'platform').map((b) => b.code)).toEqual(['INDIVIDUAL_BUDGET', 'CASE_MANAGER']);
  });

  // each seeded benefit: who qualifies, who does not, and who is "maybe" (a fact missing)
  it.each<[string, Situation, 'eligible' | 'maybe' | 'not_eligible']>([
    ['FAMILY_BENEFIT_SUPPLEMENT', child7, 'eligible'],
    ['FAMILY_BENEFIT_SUPPLEMENT', { ...child7, age: 0 }, 'not_eligible'],
    ['FAMILY_BENEFIT_SUPPLEMENT', { ...child7, age: 1 }, 'eligible'],
    ['FAMILY_BENEFIT_SUPPLEMENT', { ...child7, age: 17 }, 'eligible'],
    ['FAMILY_BENEFIT_SUPPLEMENT', { ...child7, age: 18 }, 'not_eligible'],
    ['FAMILY_BENEFIT_SUPPLEMENT', { ...child7, decisionKind: 'none' }, 'not_eligible'],
    ['FAMILY_BENEFIT_SUPPLEMENT', { ...child7, birthDate: '2025-12-02', age: null }, 'not_eligible'], // 0 on 2026-12-01
    ['FAMILY_BENEFIT_SUPPLEMENT', { ...child7, birthDate: '2025-12-01', age: null }, 'eligible'], // 1st birthday today
    ['CHILD_CARE_BENEFIT', child7, 'eligible'],
    ['CHILD_CARE_BENEFIT', { ...child7, specialCare: false }, 'not_eligible'],
    ['CHILD_CARE_BENEFIT', { ...child7, livesAtHome: false }, 'not_eligible'],
    ['CHILD_CARE_BENEFIT', { ...child7, livesAtHome: null }, 'maybe'],
    ['CHILD_CARE_BENEFIT', { ...child7, birthDate: '2008-12-02', age: null }, 'eligible'], // 17, 18 tomorrow
    ['CHILD_CARE_BENEFIT', { ...child7, birthDate: '2008-12-01', age: null }, 'not_eligible'], // 18 today
    ['TRANSPORT_COMPENSATION', child7, 'eligible'],
    ['TRANSPORT_COMPENSATION', adult20, 'eligible'],
    ['TRANSPORT_COMPENSATION', { ...child7, decisionKind: 'none' }, 'not_eligible'],
    ['STATE_SOCIAL_SECURITY_BENEFIT', adult20, 'eligible'],
    ['STATE_SOCIAL_SECURITY_BENEFIT', child7, 'not_eligible'],
    ['STATE_SOCIAL_SECURITY_BENEFIT', { ...adult20, decisionKind: null }, 'maybe'],
    ['ADULT_SPECIAL_CARE_BENEFIT', { ...adult20, specialCare: true }, 'eligible'],
    ['ADULT_SPECIAL_CARE_BENEFIT', adult20, 'not_eligible'],
    ['ADULT_SPECIAL_CARE_BENEFIT', child7, 'not_eligible'],
    ['EDUCATION_ASSISTANT', child7, 'eligible'],
    ['EDUCATION_ASSISTANT', { ...child7, attendsSchool: false }, 'not_eligible'],
    ['EDUCATION_ASSISTANT', { ...child7, attendsSchool: null }, 'maybe'],
    ['PSYCHOLOGIST_FIRST_DECISION', child7, 'eligible'],
    ['PSYCHOLOGIST_FIRST_DECISION', { ...child7, firstDecision: false }, 'not_eligible'],
    ['PSYCHOLOGIST_FIRST_DECISION', adult20, 'not_eligible'],
    ['TECHNICAL_AIDS', child7, 'eligible'],
    ['TECHNICAL_AIDS', { decisionKind: 'none' }, 'not_eligible'],
    ['FREE_PUBLIC_TRANSPORT', child7, 'eligible'],
    ['FREE_PUBLIC_TRANSPORT', adult20, 'eligible'],
    ['FREE_PUBLIC_TRANSPORT', { ...adult20, decisionKind: 'group_3' }, 'not_eligible'],
    ['PIT_RELIEF_PARENT', child7, 'eligible'],
    ['PIT_RELIEF_PARENT', adult20, 'not_eligible'],
    ['PARKING_CARD', child7, 'eligible'],
    ['PARKING_CARD', {}, 'maybe'],
    ['VEHICLE_TAX_EXEMPTION', adult20, 'eligible'],
    ['VEHICLE_TAX_EXEMPTION', { decisionKind: 'none' }, 'not_eligible'],
    ['INDIVIDUAL_BUDGET', child7, 'eligible'],
    ['INDIVIDUAL_BUDGET', { ...adult20, age: 24 }, 'eligible'],
    ['INDIVIDUAL_BUDGET', { ...adult20, age: 25 }, 'not_eligible'],
    ['CASE_MANAGER', adult20, 'eligible'],
    ['CASE_MANAGER', { ...adult20, decisionKind: 'none' }, 'not_eligible'],
    ['RIGA_RESPITE', child7, 'eligible'],
    ['RIGA_RESPITE', { ...child7, municipality: 'VALMIERA' }, 'not_eligible'],
    ['RIGA_RESPITE', { ...child7, municipality: null }, 'maybe'],
    ['VALMIERA_YOUTH_DAY_CENTRE', adult20, 'eligible'],
    ['VALMIERA_YOUTH_DAY_CENTRE', { ...adult20, municipality: 'RIGA' }, 'not_eligible'],
    ['VALMIERA_YOUTH_DAY_CENTRE', { ...adult20, age: 25 }, 'not_eligible'],
  ])('%s for %j → %s', (code, situation, expected) => {
    expect(evaluateBenefit(rule(code), situation, ON).eligibility).toBe(expected);
  });

  it('finds, for a 7-year-old with severe functional impairment living at home, EUR 160 and EUR 413.43 a month', () => {
    const out = evaluateCatalogue(RULES, { age: 7, decisionKind: 'child', specialCare: true, livesAtHome: true }, ON);
    const eligible = out.filter((o) => o.eligibility === 'eligible');
    expect(eligible.find((o) => o.code === 'FAMILY_BENEFIT_SUPPLEMENT')?.amountCents).toBe(16000);
    expect(eligible.find((o) => o.code === 'CHILD_CARE_BENEFIT')?.amountCents).toBe(41343);
    // eligible first, then maybe, then not eligible
    const ranks = out.map((o) => ['eligible', 'maybe', 'not_eligible'].indexOf(o.eligibility));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(out.find((o) => o.code === 'RIGA_RESPITE')?.eligibility).toBe('maybe'); // municipality not given
    expect(out.find((o) => o.code === 'STATE_SOCIAL_SECURITY_BENEFIT')?.eligibility).toBe('not_eligible');
  });
});

describe('amount variants and versions', () => {
  const bySgroup: BenefitRule = {
    code: 'X',
    version: 1,
    validFrom: '2025-01-01',
    active: true,
    condition: { fact: 'decisionKind', op: 'in', value: ['group_1', 'group_2', 'group_3'] },
    amountCents: 16600,
    amountKind: 'from',
    amountVariants: [
      { when: { fact: 'decisionKind', op: 'eq', value: 'group_1' }, amountCents: 23240 },
      { when: { fact: 'decisionKind', op: 'eq', value: 'group_2' }, amountCents: 19920 },
    ],
  };
  it.each([
    ['group_1', 23240],
    ['group_2', 19920],
    ['group_3', 16600],
  ] as const)('%s gets %i cents (the first variant that holds, else the base)', (kind, cents) => {
    expect(evaluateBenefit(bySgroup, { decisionKind: kind }, ON).amountCents).toBe(cents);
  });

  const versions = [
    { version: 1, validFrom: '2025-01-01', active: true },
    { version: 2, validFrom: '2026-01-01', active: true },
    { version: 3, validFrom: '2027-01-01', active: true },
    { version: 4, validFrom: '2026-01-01', active: true },
  ];
  it.each([
    ['2024-12-31', null],
    ['2025-01-01', 1],
    ['2025-12-31', 1],
    ['2026-01-01', 4], // same day: the later version wins
    ['2026-12-31', 4],
    ['2027-01-01', 3],
  ])('on %s version %s is in force', (on, expected) => {
    expect(versionInForce(versions, on)?.version ?? null).toBe(expected);
  });
  it('a retiring version ends the benefit from its date', () => {
    const withRetire = [...versions, { version: 5, validFrom: '2026-06-01', active: false }];
    expect(versionInForce(withRetire, '2026-05-31')?.version).toBe(4);
    expect(versionInForce(withRetire, '2026-06-01')).toBeNull();
  });
});

describe('transitions at 18 and 25', () => {
  const teen = {
    birthDate: '2009-05-20',
    decisionKind: 'child',
    specialCare: true,
    municipality: 'RIGA',
    livesAtHome: true,
    firstDecision: false,
    attendsSchool: true,
  } as const;

  it('at 18: child benefits end, adult benefits may start with a group decision; the review opens 6 months before', () => {
    const t = transitionAt(RULES, teen, 18, ON);
    expect(t).toMatchObject({ age: 18, birthday: '2027-05-20', reviewFrom: '2026-11-20', past: false });
    const by = Object.fromEntries(t.changes.map((c) => [c.code, c.change]));
    expect(by).toMatchObject({
      FAMILY_BENEFIT_SUPPLEMENT: 'ends',
      CHILD_CARE_BENEFIT: 'ends',
      PIT_RELIEF_PARENT: 'ends',
      RIGA_RESPITE: 'ends',
      STATE_SOCIAL_SECURITY_BENEFIT: 'may_start',
      ADULT_SPECIAL_CARE_BENEFIT: 'may_start',
      FREE_PUBLIC_TRANSPORT: 'may_end',
      INDIVIDUAL_BUDGET: 'may_end',
    });
    expect(t.changes.find((c) => c.code === 'CHILD_CARE_BENEFIT')).toEqual({
      code: 'CHILD_CARE_BENEFIT',
      change: 'ends',
      amountBeforeCents: 41343,
      amountAfterCents: null,
    });
  });

  it('at 25: the individual budget, the case manager and the youth day centre end', () => {
    const young = {
      birthDate: '2002-02-28',
      decisionKind: 'group_2',
      specialCare: false,
      municipality: 'VALMIERA',
      livesAtHome: true,
      firstDecision: false,
      attendsSchool: false,
    } as const;
    const t = transitionAt(RULES, young, 25, ON);
    expect(t).toMatchObject({ birthday: '2027-02-28', reviewFrom: '2026-08-28', past: false });
    expect(t.changes.map((c) => [c.code, c.change]).sort()).toEqual([
      ['CASE_MANAGER', 'ends'],
      ['INDIVIDUAL_BUDGET', 'ends'],
      ['VALMIERA_YOUTH_DAY_CENTRE', 'ends'],
    ]);
  });

  it('a leap-day birth turns 18 on 1 March in a common year; a passed birthday is marked past', () => {
    const [at18, at25] = transitions(RULES, { ...teen, birthDate: '2008-02-29' }, ON);
    expect(at18).toMatchObject({ birthday: '2026-03-01', reviewFrom: '2025-09-01', past: true });
    expect(at25).toMatchObject({ birthday: '2033-03-01', past: false });
  });

  it('a benefit that may apply now (a fact unknown) and cannot after the birthday is listed as ending', () => {
    const t = transitionAt(RULES, { ...teen, livesAtHome: null }, 18, ON);
    expect(t.changes.find((c) => c.code === 'CHILD_CARE_BENEFIT')).toEqual({
      code: 'CHILD_CARE_BENEFIT',
      change: 'ends',
      amountBeforeCents: 41343,
      amountAfterCents: null,
    });
  });

  it('an amount that changes at the birthday is reported with both amounts', () => {
    const r: BenefitRule = {
      code: 'Y',
      version: 1,
      validFrom: '2025-01-01',
      active: true,
      condition: true,
      amountCents: 1000,
      amountKind: 'exact',
      amountVariants: [{ when: { fact: 'age', op: 'gte', value: 18 }, amountCents: 2000 }],
    };
    expect(transitionAt([r], teen, 18, ON).changes).toEqual([{ code: 'Y', change: 'amount_changes', amountBeforeCents: 1000, amountAfterCents: 2000 }]);
  });
});

describe("a known child's situation from the record", () => {
  const child = { birthDate: '2017-04-10', municipalityCode: 'RIGA' };
  const d = (validFrom: string, validTo: string | null, kind: 'child' | 'group_2' = 'child', specialCare = false) => ({
    kind,
    specialCare,
    validFrom,
    validTo,
  });

  it.each([
    ['no decision', [], { decisionKind: 'none', specialCare: false, firstDecision: false }],
    ['one decision in force: the first', [d('2026-01-01', '2028-01-01', 'child', true)], { decisionKind: 'child', specialCare: true, firstDecision: true }],
    ['a renewed decision is not the first', [d('2024-01-01', '2025-12-31'), d('2026-01-01', null)], { decisionKind: 'child', firstDecision: false }],
    ['an expired decision is not in force', [d('2022-01-01', '2026-11-30')], { decisionKind: 'none', firstDecision: false }],
    ['valid to today inclusive', [d('2022-01-01', '2026-12-01')], { decisionKind: 'child', firstDecision: true }],
    ['a future decision is not yet in force', [d('2026-12-02', null)], { decisionKind: 'none' }],
  ] as const)('%s', (_name, decisions, expected) => {
    expect(situationOfChild(child, [...decisions], null, ON)).toMatchObject({
      birthDate: '2017-04-10',
      municipality: 'RIGA',
      livesAtHome: null,
      attendsSchool: null,
      ...expected,
    });
  });

  it('takes the recorded facts', () => {
    expect(situationOfChild(child, [], { livesAtHome: true, attendsSchool: false }, ON)).toMatchObject({ livesAtHome: true, attendsSchool: false });
  });
});
