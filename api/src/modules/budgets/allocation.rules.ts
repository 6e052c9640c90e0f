/**
 * How an assessment becomes an indicative basket (no framework imports):
 *
 * 1. The allocation table proposes services: for each domain, of the rows for one service the one with
 *    the highest `minLevel` the child's level reaches applies (rows may be limited to an age range).
 *    When several domains propose the same service, the largest number of units per month wins — the
 *    domains describe one child, not separate needs to be added up.
 * 2. The catalogue's reference price turns units into money: monthly = units × price; the period amount
 *    is monthly × the period's months.
 * 3. Funding rules split each category's amount between its sources by their shares, so that the parts
 *    always add up to the whole cent (largest remainder).
 */
import { allocateByWeights, type AssessmentDomain, type Cents, type FundingSource, type ServiceCategory, SERVICE_CODES, type ServiceCode } from '@lidz/libs';

export interface AllocationRow {
  domain: AssessmentDomain;
  minLevel: number;
  serviceCode: string;
  unitsPerMonth: number;
  ageFrom?: number | null;
  ageTo?: number | null;
}

export interface ProposedService {
  serviceCode: ServiceCode;
  unitsPerMonth: number;
  /** The domains (with their level) that asked for this service, for the family's "why". */
  because: { domain: AssessmentDomain; level: number }[];
}

/** Work readiness is assessed from this age (DESIGN §3.2). */
export const WORK_READINESS_MIN_AGE = 14;

export function proposeServices(levels: Partial<Record<AssessmentDomain, number>>, age: number, table: readonly AllocationRow[]): ProposedService[] {
  const best = new Map<string, AllocationRow>(); // key domain|service → row with the highest reached level
  for (const row of table) {
    const level = levels[row.domain];
    if (level === undefined || level === null || level < row.minLevel) continue;
    if (row.domain === 'work_readiness' && age < WORK_READINESS_MIN_AGE) continue;
    if (row.ageFrom != null && age < row.ageFrom) continue;
    if (row.ageTo != null && age > row.ageTo) continue;
    if (!(row.serviceCode in SERVICE_CODES)) continue;
    const key = `${row.domain}|${row.serviceCode}`;
    const prev = best.get(key);
    if (!prev || row.minLevel > prev.minLevel) best.set(key, row);
  }
  const byService = new Map<string, ProposedService>();
  for (const row of best.values()) {
    if (row.unitsPerMonth <= 0) continue;
    const level = levels[row.domain] as number;
    const prev = byService.get(row.serviceCode);
    if (!prev) byService.set(row.serviceCode, { serviceCode: row.serviceCode as ServiceCode, unitsPerMonth: row.unitsPerMonth, because: [{ domain: row.domain, level }] });
    else {
      prev.unitsPerMonth = Math.max(prev.unitsPerMonth, row.unitsPerMonth);
      prev.because.push({ domain: row.domain, level });
    }
  }
  return [...byService.values()].sort((a, b) => a.serviceCode.localeCompare(b.serviceCode));
}

/** Whole months in [start, endInclusive]; a started month counts as a whole one. Dates "YYYY-MM-DD". */
export function monthsInPeriod(start: string, endInclusive: string): number {
  const [sy, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = addDays(endInclusive, 1).split('-').map(Number);
  const months = (ey - sy) * 12 + (em - sm) + (ed > sd ? 1 : 0);
  return Math.max(months, 0);
}

/** Adds calendar months; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface PricedService {
  serviceCode: ServiceCode;
  category: ServiceCategory;
  unitsPerMonth: number;
  referencePriceCents: Cents;
  monthlyCents: Cents;
  periodCents: Cents;
}

export function priceServices(services: readonly { serviceCode: ServiceCode; unitsPerMonth: number }[], prices: Readonly<Record<string, Cents>>, months: number): PricedService[] {
  return services.map((s) => {
    const price = prices[s.serviceCode];
    if (price === undefined) throw new Error(`no reference price for ${s.serviceCode}`);
    const monthly = s.unitsPerMonth * price;
    return { serviceCode: s.serviceCode, category: SERVICE_CODES[s.serviceCode], unitsPerMonth: s.unitsPerMonth, referencePriceCents: price, monthlyCents: monthly, periodCents: monthly * months };
  });
}

export interface FundingRuleRow {
  category: ServiceCategory;
  fundingSource: FundingSource;
  sharePercent: number;
  transferable: boolean;
}

export interface ProposedLine {
  category: ServiceCategory;
  fundingSource: FundingSource;
  amountCents: Cents;
  transferable: boolean;
}

/** The shares of each category must add up to 100; returns the categories where they do not. */
export function invalidShareCategories(rules: readonly FundingRuleRow[]): ServiceCategory[] {
  const sums = new Map<ServiceCategory, number>();
  for (const r of rules) sums.set(r.category, (sums.get(r.category) ?? 0) + r.sharePercent);
  return [...sums.entries()].filter(([, s]) => s !== 100).map(([c]) => c);
}

/**
 * Splits each category's amount between its funding sources by share. A category without a rule is
 * an error (a basket line must always say who pays). Lines come out ordered by category then source.
 */
export function splitByFundingRules(amounts: Readonly<Partial<Record<ServiceCategory, Cents>>>, rules: readonly FundingRuleRow[]): ProposedLine[] {
  const lines: ProposedLine[] = [];
  for (const [category, amount] of Object.entries(amounts) as [ServiceCategory, Cents][]) {
    const own = rules.filter((r) => r.category === category).sort((a, b) => a.fundingSource.localeCompare(b.fundingSource));
    if (own.length === 0) throw new Error(`no funding rule for ${category}`);
    const parts = allocateByWeights(amount, own.map((r) => r.sharePercent));
    own.forEach((r, i) => lines.push({ category, fundingSource: r.fundingSource, amountCents: parts[i], transferable: r.transferable }));
  }
  return lines.sort((a, b) => a.category.localeCompare(b.category) || a.fundingSource.localeCompare(b.fundingSource));
}

export function sumByCategory(services: readonly PricedService[]): Partial<Record<ServiceCategory, Cents>> {
  const out: Partial<Record<ServiceCategory, Cents>> = {};
  for (const s of services) out[s.category] = (out[s.category] ?? 0) + s.periodCents;
  return out;
}

/** Money may move only between two different flexible lines of the same source, and not more than is available. */
export function transferRefusal(
  from: { id: string; basketId: string; fundingSource: string; transferable: boolean; availableCents: Cents },
  to: { id: string; basketId: string; fundingSource: string; transferable: boolean },
  amountCents: Cents,
): 'BUDGET_AMOUNT_INVALID' | 'BUDGET_TRANSFER_NOT_ALLOWED' | 'BUDGET_INSUFFICIENT_FUNDS' | null {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return 'BUDGET_AMOUNT_INVALID';
  if (from.id === to.id || from.basketId !== to.basketId) return 'BUDGET_TRANSFER_NOT_ALLOWED';
  if (!from.transferable || !to.transferable || from.fundingSource !== to.fundingSource) return 'BUDGET_TRANSFER_NOT_ALLOWED';
  return amountCents > from.availableCents ? 'BUDGET_INSUFFICIENT_FUNDS' : null;
}

/** Reference defaults for the funding rules (inserted by the migration; the platform admin edits them). */
export const DEFAULT_FUNDING_RULES: FundingRuleRow[] = [
  { category: 'therapy', fundingSource: 'VM', sharePercent: 100, transferable: true },
  { category: 'psychological', fundingSource: 'VM', sharePercent: 100, transferable: true },
  { category: 'education_support', fundingSource: 'IZM', sharePercent: 100, transferable: false },
  { category: 'assistance', fundingSource: 'LM', sharePercent: 70, transferable: true },
  { category: 'assistance', fundingSource: 'MUNICIPALITY', sharePercent: 30, transferable: false },
  { category: 'respite_day_care', fundingSource: 'MUNICIPALITY', sharePercent: 100, transferable: false },
  { category: 'early_intervention', fundingSource: 'LM', sharePercent: 50, transferable: true },
  { category: 'early_intervention', fundingSource: 'VM', sharePercent: 50, transferable: true },
  { category: 'employment', fundingSource: 'EU', sharePercent: 40, transferable: false },
  { category: 'employment', fundingSource: 'LM', sharePercent: 60, transferable: true },
  { category: 'technical_aids', fundingSource: 'LM', sharePercent: 100, transferable: false },
  { category: 'transport', fundingSource: 'MUNICIPALITY', sharePercent: 100, transferable: false },
];

const r = (domain: AssessmentDomain, minLevel: number, serviceCode: ServiceCode, unitsPerMonth: number, ageFrom: number | null = null, ageTo: number | null = null): AllocationRow => ({ domain, minLevel, serviceCode, unitsPerMonth, ageFrom, ageTo });

/** The default allocation table, calibrated so that typical children land near the 2018 pilot's EUR 6,911 a year. */
export const DEFAULT_ALLOCATION_TABLE: AllocationRow[] = [
  r('communication', 1, 'SPEECH', 2), r('communication', 2, 'SPEECH', 4), r('communication', 3, 'SPEECH', 6), r('communication', 4, 'SPEECH', 8),
  r('mobility', 1, 'PHYSIO', 2), r('mobility', 2, 'PHYSIO', 4), r('mobility', 3, 'PHYSIO', 6), r('mobility', 4, 'PHYSIO', 8),
  r('self_care', 2, 'OCCUPATIONAL', 2), r('self_care', 3, 'OCCUPATIONAL', 4), r('self_care', 3, 'ASSISTANT', 20), r('self_care', 4, 'ASSISTANT', 40),
  r('learning', 2, 'SPECIAL_EDUCATOR', 4), r('learning', 3, 'SPECIAL_EDUCATOR', 8), r('learning', 2, 'EARLY_INTERVENTION', 4, 0, 6),
  r('education', 3, 'TEACHER_ASSISTANT', 20), r('education', 4, 'TEACHER_ASSISTANT', 40),
  r('behaviour_mental_health', 2, 'PSYCHOLOGIST', 2), r('behaviour_mental_health', 3, 'PSYCHOLOGIST', 4), r('behaviour_mental_health', 4, 'MUSIC_THERAPY', 4),
  r('social_participation', 3, 'COMPANION', 10), r('social_participation', 4, 'COMPANION', 15),
  r('hearing', 3, 'SIGN_INTERPRETER', 8), r('hearing', 4, 'SIGN_INTERPRETER', 15),
  r('vision', 3, 'ASSISTANT', 10), r('vision', 4, 'ASSISTANT', 20),
  r('work_readiness', 2, 'MENTOR', 4), r('work_readiness', 3, 'JOB_COACH', 8), r('work_readiness', 4, 'JOB_COACH', 12),
  r('family_situation', 2, 'RESPITE', 1), r('family_situation', 3, 'RESPITE', 2), r('family_situation', 4, 'RESPITE', 3),
];

/** Reference prices used only when the catalogue has no price for a service (kept equal to the catalogue's first prices). */
export const FALLBACK_REFERENCE_PRICES: Readonly<Record<ServiceCode, Cents>> = {
  PHYSIO: 2800, SPEECH: 2500, OCCUPATIONAL: 2800, MUSIC_THERAPY: 2600, PSYCHOLOGIST: 3500, SPECIAL_EDUCATOR: 2200, TEACHER_ASSISTANT: 1100,
  SIGN_INTERPRETER: 1800, ASSISTANT: 900, COMPANION: 900, RESPITE: 6500, DAY_CARE: 3800, EARLY_INTERVENTION: 3000, MENTOR: 1500, JOB_COACH: 1700,
  TECH_AIDS: 50000, TRANSPORT: 1500,
};

export interface IndicativeBasket {
  months: number;
  proposed: ProposedService[];
  priced: PricedService[];
  lines: ProposedLine[];
  totalCents: Cents;
  annualCents: Cents;
}

/** The whole computation from domain levels to indicative basket lines. */
export function indicativeBasket(input: {
  levels: Partial<Record<AssessmentDomain, number>>;
  age: number;
  periodStart: string;
  periodEnd: string;
  table: readonly AllocationRow[];
  prices: Readonly<Record<string, Cents>>;
  fundingRules: readonly FundingRuleRow[];
}): IndicativeBasket {
  const months = monthsInPeriod(input.periodStart, input.periodEnd);
  const proposed = proposeServices(input.levels, input.age, input.table);
  const priced = priceServices(proposed, input.prices, months);
  const lines = splitByFundingRules(sumByCategory(priced), input.fundingRules);
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  const monthly = priced.reduce((s, p) => s + p.monthlyCents, 0);
  return { months, proposed, priced, lines, totalCents: total, annualCents: monthly * 12 };
}
