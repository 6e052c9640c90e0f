import type { AssessmentDomain } from '@lidz/libs';
import {
  addMonths, AllocationRow, DEFAULT_ALLOCATION_TABLE, DEFAULT_FUNDING_RULES, FALLBACK_REFERENCE_PRICES, FundingRuleRow, indicativeBasket, invalidShareCategories,
  monthsInPeriod, priceServices, proposeServices, splitByFundingRules, transferRefusal,
} from './allocation.rules';

const table: AllocationRow[] = [
  { domain: 'communication', minLevel: 1, serviceCode: 'SPEECH', unitsPerMonth: 2 },
  { domain: 'communication', minLevel: 3, serviceCode: 'SPEECH', unitsPerMonth: 6 },
  { domain: 'learning', minLevel: 2, serviceCode: 'SPEECH', unitsPerMonth: 4 },
  { domain: 'learning', minLevel: 2, serviceCode: 'EARLY_INTERVENTION', unitsPerMonth: 4, ageFrom: 0, ageTo: 6 },
  { domain: 'work_readiness', minLevel: 2, serviceCode: 'MENTOR', unitsPerMonth: 4 },
  { domain: 'mobility', minLevel: 2, serviceCode: 'NO_SUCH', unitsPerMonth: 4 },
];

describe('allocation table → proposed services', () => {
  it.each<[string, Partial<Record<AssessmentDomain, number>>, number, { serviceCode: string; unitsPerMonth: number }[]]>([
    ['nothing below the lowest level', { communication: 0 }, 9, []],
    ['lowest row reached', { communication: 1 }, 9, [{ serviceCode: 'SPEECH', unitsPerMonth: 2 }]],
    ['highest reached row of a domain wins', { communication: 4 }, 9, [{ serviceCode: 'SPEECH', unitsPerMonth: 6 }]],
    ['two domains, same service: the larger units win, not the sum', { communication: 3, learning: 2 }, 9, [{ serviceCode: 'SPEECH', unitsPerMonth: 6 }]],
    ['two domains, same service, other order', { communication: 1, learning: 3 }, 9, [{ serviceCode: 'SPEECH', unitsPerMonth: 4 }]],
    ['age-limited row applies inside the range', { learning: 2 }, 5, [{ serviceCode: 'EARLY_INTERVENTION', unitsPerMonth: 4 }, { serviceCode: 'SPEECH', unitsPerMonth: 4 }]],
    ['age-limited row skipped outside the range', { learning: 2 }, 7, [{ serviceCode: 'SPEECH', unitsPerMonth: 4 }]],
    ['work readiness ignored under 14', { work_readiness: 4 }, 13, []],
    ['work readiness from 14', { work_readiness: 2 }, 14, [{ serviceCode: 'MENTOR', unitsPerMonth: 4 }]],
    ['unknown service codes are ignored', { mobility: 4 }, 9, []],
  ])('%s', (_, levels, age, expected) => {
    expect(proposeServices(levels, age, table).map(({ serviceCode, unitsPerMonth }) => ({ serviceCode, unitsPerMonth }))).toEqual(expected);
  });

  it('says which domains asked for a service', () => {
    expect(proposeServices({ communication: 3, learning: 2 }, 9, table)[0].because).toEqual([{ domain: 'communication', level: 3 }, { domain: 'learning', level: 2 }]);
  });
});

describe('periods', () => {
  it.each([
    ['2026-01-01', '2026-12-31', 12],
    ['2026-01-01', '2026-06-30', 6],
    ['2026-01-15', '2026-07-14', 6],
    ['2026-01-15', '2026-07-20', 7],
    ['2026-01-01', '2028-12-31', 36],
    ['2026-03-01', '2026-03-01', 1],
  ])('%s – %s has %i months', (a, b, n) => expect(monthsInPeriod(a, b)).toBe(n));

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-01-01', 36, '2029-01-01'],
  ])('%s + %i months = %s', (d, n, out) => expect(addMonths(d, n)).toBe(out));
});

describe('funding rules with shares', () => {
  const rules: FundingRuleRow[] = [
    { category: 'therapy', fundingSource: 'VM', sharePercent: 100, transferable: true },
    { category: 'assistance', fundingSource: 'LM', sharePercent: 70, transferable: true },
    { category: 'assistance', fundingSource: 'MUNICIPALITY', sharePercent: 30, transferable: false },
    { category: 'employment', fundingSource: 'LM', sharePercent: 33, transferable: true },
    { category: 'employment', fundingSource: 'EU', sharePercent: 33, transferable: false },
    { category: 'employment', fundingSource: 'MUNICIPALITY', sharePercent: 34, transferable: false },
  ];
  it.each<[string, Record<string, number>, [string, string, number][]]>([
    ['one source takes the whole', { therapy: 144_000 }, [['therapy', 'VM', 144_000]]],
    ['70/30 exact', { assistance: 100_000 }, [['assistance', 'LM', 70_000], ['assistance', 'MUNICIPALITY', 30_000]]],
    ['70/30 of an odd cent: parts still add up', { assistance: 1 }, [['assistance', 'LM', 1], ['assistance', 'MUNICIPALITY', 0]]],
    ['70/30 of 999 cents', { assistance: 999 }, [['assistance', 'LM', 699], ['assistance', 'MUNICIPALITY', 300]]],
    ['three-way 33/33/34 of 100 cents', { employment: 100 }, [['employment', 'EU', 33], ['employment', 'LM', 33], ['employment', 'MUNICIPALITY', 34]]],
    ['three-way of 1 cent goes to the largest remainder', { employment: 1 }, [['employment', 'EU', 0], ['employment', 'LM', 0], ['employment', 'MUNICIPALITY', 1]]],
    ['zero stays zero', { therapy: 0 }, [['therapy', 'VM', 0]]],
  ])('%s', (_, amounts, expected) => {
    const lines = splitByFundingRules(amounts, rules);
    expect(lines.map((l) => [l.category, l.fundingSource, l.amountCents])).toEqual(expected);
    for (const [category, amount] of Object.entries(amounts)) expect(lines.filter((l) => l.category === category).reduce((s, l) => s + l.amountCents, 0)).toBe(amount);
  });

  it('shares always add up to the total cent, for many amounts', () => {
    for (let amount = 0; amount < 5000; amount += 7) {
      const lines = splitByFundingRules({ employment: amount, assistance: amount }, rules);
      expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(2 * amount);
    }
  });

  it('refuses a category without a rule', () => expect(() => splitByFundingRules({ transport: 100 }, rules)).toThrow(/no funding rule/));

  it.each<[FundingRuleRow[], string[]]>([
    [DEFAULT_FUNDING_RULES, []],
    [[{ category: 'therapy', fundingSource: 'VM', sharePercent: 60, transferable: true }], ['therapy']],
    [[{ category: 'therapy', fundingSource: 'VM', sharePercent: 60, transferable: true }, { category: 'therapy', fundingSource: 'LM', sharePercent: 50, transferable: true }], ['therapy']],
  ])('share sums are checked (%#)', (rs, bad) => expect(invalidShareCategories(rs)).toEqual(bad));
});

describe('flexible and fixed transfers', () => {
  const line = (id: string, fundingSource: string, transferable: boolean, availableCents = 10_000, basketId = 'b1') => ({ id, basketId, fundingSource, transferable, availableCents });
  it.each<[string, ReturnType<typeof line>, ReturnType<typeof line>, number, string | null]>([
    ['flexible → flexible, same source', line('a', 'VM', true), line('b', 'VM', true), 5000, null],
    ['the whole available amount', line('a', 'VM', true), line('b', 'VM', true), 10_000, null],
    ['more than available', line('a', 'VM', true), line('b', 'VM', true), 10_001, 'BUDGET_INSUFFICIENT_FUNDS'],
    ['from a fixed line', line('a', 'VM', false), line('b', 'VM', true), 100, 'BUDGET_TRANSFER_NOT_ALLOWED'],
    ['to a fixed line', line('a', 'VM', true), line('b', 'VM', false), 100, 'BUDGET_TRANSFER_NOT_ALLOWED'],
    ['between sources', line('a', 'VM', true), line('b', 'LM', true), 100, 'BUDGET_TRANSFER_NOT_ALLOWED'],
    ['to itself', line('a', 'VM', true), line('a', 'VM', true), 100, 'BUDGET_TRANSFER_NOT_ALLOWED'],
    ['to another basket', line('a', 'VM', true), line('b', 'VM', true, 0, 'b2'), 100, 'BUDGET_TRANSFER_NOT_ALLOWED'],
    ['zero', line('a', 'VM', true), line('b', 'VM', true), 0, 'BUDGET_AMOUNT_INVALID'],
    ['negative', line('a', 'VM', true), line('b', 'VM', true), -5, 'BUDGET_AMOUNT_INVALID'],
    ['fraction of a cent', line('a', 'VM', true), line('b', 'VM', true), 1.5, 'BUDGET_AMOUNT_INVALID'],
  ])('%s', (_, from, to, amount, expected) => expect(transferRefusal(from, to, amount)).toBe(expected));
});

describe('indicative basket with the default table', () => {
  it('prices services by units × reference price × months', () => {
    expect(priceServices([{ serviceCode: 'SPEECH', unitsPerMonth: 4 }], { SPEECH: 2500 }, 12)).toEqual([
      { serviceCode: 'SPEECH', category: 'therapy', unitsPerMonth: 4, referencePriceCents: 2500, monthlyCents: 10_000, periodCents: 120_000 },
    ]);
    expect(() => priceServices([{ serviceCode: 'SPEECH', unitsPerMonth: 4 }], {}, 12)).toThrow(/no reference price/);
  });

  it('computes a typical child (speech, special education, psychologist, respite) into lines by category × source', () => {
    const b = indicativeBasket({
      levels: { communication: 3, learning: 2, behaviour_mental_health: 2, family_situation: 2, mobility: 1, self_care: 3 },
      age: 9,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      table: DEFAULT_ALLOCATION_TABLE,
      prices: FALLBACK_REFERENCE_PRICES,
      fundingRules: DEFAULT_FUNDING_RULES,
    });
    expect(b.months).toBe(12);
    expect(b.lines.map((l) => [l.category, l.fundingSource, l.amountCents])).toEqual([
      ['assistance', 'LM', 151_200],
      ['assistance', 'MUNICIPALITY', 64_800],
      ['education_support', 'IZM', 105_600],
      ['psychological', 'VM', 84_000],
      ['respite_day_care', 'MUNICIPALITY', 78_000],
      ['therapy', 'VM', 381_600],
    ]);
    expect(b.totalCents).toBe(865_200);
    expect(b.annualCents).toBe(b.totalCents);
  });
});
