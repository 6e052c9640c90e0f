/**
 * What a situation is entitled to, which version of a benefit is in force on a day, and what changes at
 * 18 and at 25. Pure functions over plain data; the catalogue's rows come in, lists come out.
 */
import { addDays, addMonths, birthdayOf, Condition, CheckResult, evaluateCondition, factsOf, Situation, Truth } from './conditions.rules';

export const PROVIDER_KINDS = ['state', 'municipality', 'platform'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
/** exact: the amount; from: at least; about: approximately; up_to: at most (money or units); none: a service in kind. */
export const AMOUNT_KINDS = ['exact', 'from', 'about', 'up_to', 'none'] as const;
export type AmountKind = (typeof AMOUNT_KINDS)[number];
export const FREQUENCIES = ['monthly', 'twice_yearly', 'yearly', 'once', 'service'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** An amount that applies when its condition holds (e.g. by disability group); the first that holds wins. */
export interface AmountVariant {
  when: Condition;
  amountCents: number;
}

/** The parts of one benefit version the rules need. */
export interface BenefitRule {
  code: string;
  version: number;
  validFrom: string;
  active: boolean;
  condition: Condition;
  amountCents: number | null;
  amountKind: AmountKind;
  amountVariants: AmountVariant[];
}

export type Eligibility = 'eligible' | 'maybe' | 'not_eligible';

export interface BenefitOutcome {
  code: string;
  eligibility: Eligibility;
  /** The amount that applies to this situation (a variant's, or the base amount); null for services. */
  amountCents: number | null;
  /** Every check made, with what was required and what the situation says. */
  reasons: CheckResult[];
}

const eligibilityOf = (met: Truth): Eligibility => (met === true ? 'eligible' : met === null ? 'maybe' : 'not_eligible');

/**
 * The version of one benefit in force on a day: the latest valid_from on or before the day (a later
 * version number wins a tie). Versions dated in the future are not yet in force. Null when none is,
 * or when the one in force retires the benefit.
 */
export function versionInForce<T extends Pick<BenefitRule, 'version' | 'validFrom' | 'active'>>(versions: T[], on: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.validFrom > on) continue;
    if (!best || v.validFrom > best.validFrom || (v.validFrom === best.validFrom && v.version > best.version)) best = v;
  }
  return best && best.active ? best : null;
}

/** One benefit for one situation on one day. */
export function evaluateBenefit(rule: BenefitRule, situation: Situation, on: string): BenefitOutcome {
  const facts = factsOf(situation, on);
  const { met, checks } = evaluateCondition(rule.condition, facts);
  let amountCents = rule.amountCents;
  for (const variant of rule.amountVariants) {
    if (evaluateCondition(variant.when, facts).met === true) {
      amountCents = variant.amountCents;
      break;
    }
  }
  return { code: rule.code, eligibility: eligibilityOf(met), amountCents, reasons: checks };
}

const RANK: Record<Eligibility, number> = { eligible: 0, maybe: 1, not_eligible: 2 };

/** Every benefit for one situation, eligible first, then "maybe", then the rest; catalogue order within each. */
export function evaluateCatalogue(rules: BenefitRule[], situation: Situation, on: string): BenefitOutcome[] {
  return rules
    .filter((r) => r.active)
    .map((r, i) => ({ i, o: evaluateBenefit(r, situation, on) }))
    .sort((a, b) => RANK[a.o.eligibility] - RANK[b.o.eligibility] || a.i - b.i)
    .map((x) => x.o);
}

// ---------------------------------------------------------------- transitions

export const TRANSITION_AGES = [18, 25] as const;
export type TransitionAge = (typeof TRANSITION_AGES)[number];
/** The transition review opens this many months before the birthday (DESIGN §3.8, issue 3). */
export const REVIEW_MONTHS_BEFORE = 6;

export type ChangeKind = 'ends' | 'may_end' | 'starts' | 'may_start' | 'amount_changes';

export interface TransitionChange {
  code: string;
  change: ChangeKind;
  amountBeforeCents: number | null;
  amountAfterCents: number | null;
}

export interface Transition {
  age: TransitionAge;
  birthday: string;
  /** The day the transition review opens (6 months before the birthday). */
  reviewFrom: string;
  /** The birthday has already passed on the day asked about. */
  past: boolean;
  changes: TransitionChange[];
}

/**
 * The situation on the birthday, as far as it can be foreseen: at 18 a child's decision ("child")
 * ends and a new one (group I, II or III, or none) is needed, so the decision kind becomes unknown —
 * benefits that need a group then show as "may start". Everything else carries over.
 */
export function projectSituation(situation: Situation, age: TransitionAge): Situation {
  if (age === 18 && situation.decisionKind === 'child') return { ...situation, decisionKind: null, specialCare: null, firstDecision: null };
  return situation;
}

function classify(before: BenefitOutcome, after: BenefitOutcome): ChangeKind | null {
  const b = before.eligibility;
  const a = after.eligibility;
  // a benefit that applies, or may apply (a fact unknown), and certainly does not after the birthday ends
  if (b !== 'not_eligible' && a === 'not_eligible') return 'ends';
  if (b === 'eligible' && a === 'maybe') return 'may_end';
  if (b !== 'eligible' && a === 'eligible') return 'starts';
  if (b === 'not_eligible' && a === 'maybe') return 'may_start';
  if (b === 'eligible' && a === 'eligible' && before.amountCents !== after.amountCents) return 'amount_changes';
  return null;
}

/**
 * What changes at one birthday: the catalogue evaluated the day before (as things are) and on the
 * birthday (as projected), and every benefit whose standing or amount differs between the two.
 */
export function transitionAt(rules: BenefitRule[], situation: Situation & { birthDate: string }, age: TransitionAge, today: string): Transition {
  const birthday = birthdayOf(situation.birthDate, age);
  const dayBefore = addDays(birthday, -1);
  const projected = projectSituation(situation, age);
  const changes: TransitionChange[] = [];
  for (const rule of rules.filter((r) => r.active)) {
    const before = evaluateBenefit(rule, situation, dayBefore);
    const after = evaluateBenefit(rule, projected, birthday);
    const change = classify(before, after);
    if (change)
      changes.push({
        code: rule.code,
        change,
        amountBeforeCents: before.eligibility === 'not_eligible' ? null : before.amountCents,
        amountAfterCents: after.eligibility === 'not_eligible' ? null : after.amountCents,
      });
  }
  return { age, birthday, reviewFrom: addMonths(birthday, -REVIEW_MONTHS_BEFORE), past: birthday <= today, changes };
}

/** Both transitions (18 and 25) for a known birth date. */
export function transitions(rules: BenefitRule[], situation: Situation & { birthDate: string }, today: string): Transition[] {
  return TRANSITION_AGES.map((age) => transitionAt(rules, situation, age, today));
}

// ---------------------------------------------------------------- a known child's situation

export interface DecisionRecord {
  kind: 'child' | 'group_1' | 'group_2' | 'group_3';
  specialCare: boolean;
  validFrom: string;
  /** null = lifelong. */
  validTo: string | null;
}

/**
 * The situation of a child on the platform, from the record: birth date and municipality from the child,
 * the disability decision in force on the day (the latest that started; none → "none"), whether it is
 * the child's first ever, and the two facts recorded for the finder (null when nobody said).
 */
export function situationOfChild(
  child: { birthDate: string; municipalityCode: string },
  decisions: DecisionRecord[],
  facts: { livesAtHome: boolean | null; attendsSchool: boolean | null } | null,
  on: string,
): Situation & { birthDate: string } {
  const inForce = decisions
    .filter((d) => d.validFrom <= on && (d.validTo === null || d.validTo >= on))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
  const first = inForce ? !decisions.some((d) => d.validFrom < inForce.validFrom) : false;
  return {
    birthDate: child.birthDate,
    municipality: child.municipalityCode,
    decisionKind: inForce ? inForce.kind : 'none',
    specialCare: inForce ? inForce.specialCare : false,
    firstDecision: first,
    livesAtHome: facts?.livesAtHome ?? null,
    attendsSchool: facts?.attendsSchool ?? null,
  };
}
