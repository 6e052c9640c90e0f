import { addDays, addMonths, ageOn, birthdayOf, Condition, conditionProblems, evaluateCondition, Facts, factsOf, parseDate } from './conditions.rules';

const facts = (over: Partial<Facts> = {}): Facts => ({
  age: 7,
  decisionKind: 'child',
  specialCare: true,
  municipality: 'RIGA',
  livesAtHome: true,
  firstDecision: false,
  attendsSchool: true,
  ...over,
});

describe('ageOn: exact birthday boundaries', () => {
  it.each([
    ['2008-06-15', '2026-06-14', 17], // the day before the 18th birthday
    ['2008-06-15', '2026-06-15', 18], // the birthday itself
    ['2008-06-15', '2026-06-16', 18],
    ['2001-12-31', '2026-12-30', 24],
    ['2001-12-31', '2026-12-31', 25],
    ['2019-01-01', '2025-12-31', 6],
    ['2019-01-01', '2026-01-01', 7],
    ['2025-03-10', '2025-03-10', 0],
    ['2025-03-10', '2026-03-09', 0],
    ['2025-03-10', '2026-03-10', 1],
    // born on a leap day: the birthday is 1 March in common years, 29 February in leap years
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
    ['2004-02-29', '2029-02-28', 24],
    ['2004-02-29', '2029-03-01', 25],
    // on a leap day, someone born on 1 March is not yet older; someone born on 28 February is
    ['2010-03-01', '2028-02-29', 17],
    ['2010-02-28', '2028-02-29', 18],
  ])('born %s, on %s → %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each([
    ['2008-06-15', 18, '2026-06-15'],
    ['2008-02-29', 18, '2026-03-01'],
    ['2008-02-29', 20, '2028-02-29'],
    ['2004-02-29', 25, '2029-03-01'],
  ])('birthdayOf(%s, %i) = %s and the age turns exactly then', (birth, years, day) => {
    expect(birthdayOf(birth, years)).toBe(day);
    expect(ageOn(birth, day)).toBe(years);
    expect(ageOn(birth, addDays(day, -1))).toBe(years - 1);
  });

  it('refuses dates that do not exist', () => {
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('26-01-01')).toBeNull();
    expect(() => ageOn('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  it.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (d, n, r) => expect(addDays(d, n)).toBe(r));

  it.each([
    ['2026-08-31', -6, '2026-02-28'],
    ['2028-08-31', -6, '2028-02-29'],
    ['2026-06-15', -6, '2025-12-15'],
    ['2026-01-15', 12, '2027-01-15'],
  ])('addMonths(%s, %i) = %s', (d, n, r) => expect(addMonths(d, n)).toBe(r));
});

describe('evaluateCondition: every operator', () => {
  it.each<[string, Condition, Partial<Facts>, boolean | null]>([
    ['eq true', { fact: 'decisionKind', op: 'eq', value: 'child' }, {}, true],
    ['eq false', { fact: 'decisionKind', op: 'eq', value: 'group_1' }, {}, false],
    ['eq boolean', { fact: 'specialCare', op: 'eq', value: true }, {}, true],
    ['eq boolean false', { fact: 'specialCare', op: 'eq', value: true }, { specialCare: false }, false],
    ['ne true', { fact: 'municipality', op: 'ne', value: 'VALMIERA' }, {}, true],
    ['ne false', { fact: 'municipality', op: 'ne', value: 'RIGA' }, {}, false],
    ['lt below', { fact: 'age', op: 'lt', value: 18 }, { age: 17 }, true],
    ['lt at', { fact: 'age', op: 'lt', value: 18 }, { age: 18 }, false],
    ['lte at', { fact: 'age', op: 'lte', value: 18 }, { age: 18 }, true],
    ['lte above', { fact: 'age', op: 'lte', value: 18 }, { age: 19 }, false],
    ['gt at', { fact: 'age', op: 'gt', value: 1 }, { age: 1 }, false],
    ['gt above', { fact: 'age', op: 'gt', value: 1 }, { age: 2 }, true],
    ['gte at', { fact: 'age', op: 'gte', value: 1 }, { age: 1 }, true],
    ['gte below', { fact: 'age', op: 'gte', value: 1 }, { age: 0 }, false],
    ['in member', { fact: 'decisionKind', op: 'in', value: ['group_1', 'child'] }, {}, true],
    ['in not member', { fact: 'decisionKind', op: 'in', value: ['group_1', 'group_2'] }, {}, false],
    ['notIn member', { fact: 'municipality', op: 'notIn', value: ['RIGA'] }, {}, false],
    ['notIn not member', { fact: 'municipality', op: 'notIn', value: ['VALMIERA'] }, {}, true],
    ['unknown fact → unknown', { fact: 'attendsSchool', op: 'eq', value: true }, { attendsSchool: null }, null],
    ['true always', true, {}, true],
    [
      'all true',
      {
        all: [
          { fact: 'age', op: 'lt', value: 18 },
          { fact: 'livesAtHome', op: 'eq', value: true },
        ],
      },
      {},
      true,
    ],
    [
      'all one false',
      {
        all: [
          { fact: 'age', op: 'lt', value: 18 },
          { fact: 'livesAtHome', op: 'eq', value: false },
        ],
      },
      {},
      false,
    ],
    [
      'all false beats unknown',
      {
        all: [
          { fact: 'age', op: 'gt', value: 50 },
          { fact: 'attendsSchool', op: 'eq', value: true },
        ],
      },
      { attendsSchool: null },
      false,
    ],
    [
      'all unknown',
      {
        all: [
          { fact: 'age', op: 'lt', value: 18 },
          { fact: 'attendsSchool', op: 'eq', value: true },
        ],
      },
      { attendsSchool: null },
      null,
    ],
    [
      'any one true',
      {
        any: [
          { fact: 'age', op: 'gt', value: 50 },
          { fact: 'livesAtHome', op: 'eq', value: true },
        ],
      },
      {},
      true,
    ],
    [
      'any true beats unknown',
      {
        any: [
          { fact: 'attendsSchool', op: 'eq', value: true },
          { fact: 'livesAtHome', op: 'eq', value: true },
        ],
      },
      { attendsSchool: null },
      true,
    ],
    [
      'any none',
      {
        any: [
          { fact: 'age', op: 'gt', value: 50 },
          { fact: 'livesAtHome', op: 'eq', value: false },
        ],
      },
      {},
      false,
    ],
    [
      'any unknown',
      {
        any: [
          { fact: 'age', op: 'gt', value: 50 },
          { fact: 'attendsSchool', op: 'eq', value: true },
        ],
      },
      { attendsSchool: null },
      null,
    ],
    ['not true', { not: { fact: 'livesAtHome', op: 'eq', value: false } }, {}, true],
    ['not false', { not: { fact: 'livesAtHome', op: 'eq', value: true } }, {}, false],
    ['not unknown', { not: { fact: 'attendsSchool', op: 'eq', value: true } }, { attendsSchool: null }, null],
  ])('%s', (_name, condition, over, expected) => {
    expect(evaluateCondition(condition, facts(over)).met).toBe(expected);
  });

  it('reports every check with what was required and what the situation says', () => {
    const { checks } = evaluateCondition({ all: [{ fact: 'age', op: 'lt', value: 18 }, { not: { fact: 'municipality', op: 'eq', value: 'RIGA' } }] }, facts());
    expect(checks).toEqual([
      { fact: 'age', op: 'lt', value: 18, actual: 7, met: true },
      { fact: 'municipality', op: 'eq', value: 'RIGA', actual: 'RIGA', met: true },
    ]);
  });

  it('computes age from the birth date on the day asked, across the birthday', () => {
    const c: Condition = { fact: 'age', op: 'lt', value: 18 };
    expect(evaluateCondition(c, factsOf({ birthDate: '2008-06-15' }, '2026-06-14')).met).toBe(true);
    expect(evaluateCondition(c, factsOf({ birthDate: '2008-06-15' }, '2026-06-15')).met).toBe(false);
    expect(evaluateCondition(c, factsOf({ birthDate: '2008-02-29' }, '2026-02-28')).met).toBe(true);
    expect(evaluateCondition(c, factsOf({ birthDate: '2008-02-29' }, '2026-03-01')).met).toBe(false);
    expect(factsOf({ age: 7 }, '2026-12-01').age).toBe(7);
    expect(factsOf({}, '2026-12-01')).toEqual({
      age: null,
      decisionKind: null,
      specialCare: null,
      municipality: null,
      livesAtHome: null,
      firstDecision: null,
      attendsSchool: null,
    });
  });
});

describe('conditionProblems: the expression form is checked before it is stored', () => {
  it.each<[unknown, Record<string, string>]>([
    [true, {}],
    [{ fact: 'age', op: 'lt', value: 18 }, {}],
    [{ all: [{ fact: 'decisionKind', op: 'in', value: ['child', 'none'] }, { not: { fact: 'livesAtHome', op: 'eq', value: false } }] }, {}],
    [false, { condition: 'isCondition' }],
    ['age < 18', { condition: 'isCondition' }],
    [{ all: [] }, { 'condition.all': 'isNonEmptyArray' }],
    [{ any: 'x' }, { 'condition.any': 'isNonEmptyArray' }],
    [{ fact: 'height', op: 'lt', value: 1 }, { 'condition.fact': 'isIn' }],
    [{ fact: 'age', op: 'between', value: 1 }, { 'condition.op': 'isIn' }],
    [{ fact: 'specialCare', op: 'lt', value: 1 }, { 'condition.op': 'notForFact' }],
    [{ fact: 'age', op: 'lt', value: '18' }, { 'condition.value': 'isFactValue' }],
    [{ fact: 'age', op: 'lt', value: 1.5 }, { 'condition.value': 'isFactValue' }],
    [{ fact: 'decisionKind', op: 'eq', value: 'group_4' }, { 'condition.value': 'isFactValue' }],
    [{ fact: 'municipality', op: 'in', value: [] }, { 'condition.value': 'isNonEmptyArray' }],
    [{ fact: 'municipality', op: 'eq', value: 'riga' }, { 'condition.value': 'isFactValue' }],
    [
      {
        all: [
          { fact: 'age', op: 'lt', value: 18 },
          { fact: 'age', op: 'lt' },
        ],
      },
      { 'condition.all.1': 'isCondition' },
    ],
    [{ fact: 'age', op: 'lt', value: 18, extra: 1 }, { condition: 'isCondition' }],
    [
      { not: { not: { not: { not: { not: { not: { not: { not: { not: { not: true } } } } } } } } } },
      { 'condition.not.not.not.not.not.not.not.not.not': 'tooDeep' },
    ],
  ])('%j → %j', (input, problems) => {
    expect(conditionProblems(input)).toEqual(problems);
  });
});
