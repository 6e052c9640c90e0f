/**
 * Benefit conditions are data, not code. A condition is a small JSON expression over the facts of a
 * child's situation, stored with each version of a benefit and edited by the platform admin.
 *
 * The expression form:
 *
 *   true                                       always met (e.g. open to everyone)
 *   { "all": [c1, c2, …] }                     every condition met
 *   { "any": [c1, c2, …] }                     at least one met
 *   { "not": c }                               c is not met
 *   { "fact": F, "op": O, "value": V }         one check of one fact
 *
 * Facts (F) and the values they take:
 *   age            whole years on the day of evaluation, from the birth date (exact birthday
 *                  boundaries: the new age starts on the birthday itself; a child born on 29 February
 *                  turns a year older on 1 March in common years); or the age given directly
 *   decisionKind   "none" | "child" | "group_1" | "group_2" | "group_3" (the disability decision in force)
 *   specialCare    true | false   (the decision states a special care need / severe functional impairment)
 *   municipality   municipality code, e.g. "RIGA"
 *   livesAtHome    true | false   (not in long-term institutional care)
 *   firstDecision  true | false   (the decision in force is the child's first ever)
 *   attendsSchool  true | false   (attends an education institution)
 *
 * Operators (O): eq, ne (any fact); lt, lte, gt, gte (age only, V a whole number);
 * in, notIn (V a non-empty array of values of the fact's kind).
 *
 * A fact that is not known (the public finder's user skipped a question, or the record does not say)
 * makes a check "unknown" rather than false; "all", "any" and "not" combine three-valued (Kleene) logic,
 * so the answer is "yes", "no" or "maybe — tell us more".
 */
import { DECISION_KINDS } from '@lidz/libs';

export const FACTS = ['age', 'decisionKind', 'specialCare', 'municipality', 'livesAtHome', 'firstDecision', 'attendsSchool'] as const;
export type Fact = (typeof FACTS)[number];
export const OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'notIn'] as const;
export type Operator = (typeof OPERATORS)[number];
export const DECISION_KIND_VALUES = ['none', ...DECISION_KINDS] as const;
export type DecisionKindValue = (typeof DECISION_KIND_VALUES)[number];

type FactValue = number | string | boolean;
export interface Check {
  fact: Fact;
  op: Operator;
  value: FactValue | FactValue[];
}
export type Condition = true | { all: Condition[] } | { any: Condition[] } | { not: Condition } | Check;

/** The facts of one situation; null = not known. */
export type Facts = { [K in Fact]: (K extends 'age' ? number : K extends 'decisionKind' | 'municipality' ? string : boolean) | null };

export type Truth = boolean | null;

/** One check as evaluated: what was required, what the situation says, whether it held (null = unknown). */
export interface CheckResult extends Check {
  actual: FactValue | null;
  met: Truth;
}

const FACT_KIND: Record<Fact, 'number' | 'decision' | 'string' | 'boolean'> = {
  age: 'number',
  decisionKind: 'decision',
  specialCare: 'boolean',
  municipality: 'string',
  livesAtHome: 'boolean',
  firstDecision: 'boolean',
  attendsSchool: 'boolean',
};
const ORDER_OPS: readonly Operator[] = ['lt', 'lte', 'gt', 'gte'];
const MAX_DEPTH = 8;

// ---------------------------------------------------------------- validation

function validValue(fact: Fact, v: unknown): boolean {
  switch (FACT_KIND[fact]) {
    case 'number':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 150;
    case 'decision':
      return typeof v === 'string' && (DECISION_KIND_VALUES as readonly string[]).includes(v);
    case 'string':
      return typeof v === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(v);
    case 'boolean':
      return typeof v === 'boolean';
  }
}

/**
 * Checks that a value (parsed JSON from the admin, or stored jsonb) is a well-formed condition.
 * Returns field-keyed problems, e.g. `{ "condition.all.1.op": "isIn" }`; an empty object means valid.
 */
export function conditionProblems(input: unknown, path = 'condition', depth = 0): Record<string, string> {
  if (input === true) return {};
  if (depth > MAX_DEPTH) return { [path]: 'tooDeep' };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { [path]: 'isCondition' };
  const o = input as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const list = o[keys[0]];
    if (!Array.isArray(list) || list.length === 0 || list.length > 30) return { [`${path}.${keys[0]}`]: 'isNonEmptyArray' };
    return Object.assign({}, ...list.map((c, i) => conditionProblems(c, `${path}.${keys[0]}.${i}`, depth + 1)));
  }
  if (keys.length === 1 && keys[0] === 'not') return conditionProblems(o.not, `${path}.not`, depth + 1);
  if (keys.length !== 3 || !['fact', 'op', 'value'].every((k) => keys.includes(k))) return { [path]: 'isCondition' };
  if (!(FACTS as readonly unknown[]).includes(o.fact)) return { [`${path}.fact`]: 'isIn' };
  if (!(OPERATORS as readonly unknown[]).includes(o.op)) return { [`${path}.op`]: 'isIn' };
  const fact = o.fact as Fact;
  const op = o.op as Operator;
  if (ORDER_OPS.includes(op) && FACT_KIND[fact] !== 'number') return { [`${path}.op`]: 'notForFact' };
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(o.value) || o.value.length === 0 || o.value.length > 50) return { [`${path}.value`]: 'isNonEmptyArray' };
    return o.value.every((v) => validValue(fact, v)) ? {} : { [`${path}.value`]: 'isFactValue' };
  }
  return validValue(fact, o.value) ? {} : { [`${path}.value`]: 'isFactValue' };
}

export function isCondition(input: unknown): input is Condition {
  return Object.keys(conditionProblems(input)).length === 0;
}

// ---------------------------------------------------------------- evaluation

function check(c: Check, facts: Facts): CheckResult {
  const actual = facts[c.fact];
  if (actual === null || actual === undefined) return { ...c, actual: null, met: null };
  let met: boolean;
  switch (c.op) {
    case 'eq':
      met = actual === c.value;
      break;
    case 'ne':
      met = actual !== c.value;
      break;
    case 'lt':
      met = (actual as number) < (c.value as number);
      break;
    case 'lte':
      met = (actual as number) <= (c.value as number);
      break;
    case 'gt':
      met = (actual as number) > (c.value as number);
      break;
    case 'gte':
      met = (actual as number) >= (c.value as number);
      break;
    case 'in':
      met = (c.value as FactValue[]).includes(actual);
      break;
    case 'notIn':
      met = !(c.value as FactValue[]).includes(actual);
      break;
  }
  return { ...c, actual, met };
}

/** Kleene conjunction: false wins, then unknown. */
function and(values: Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}
/** Kleene disjunction: true wins, then unknown. */
function or(values: Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/** Evaluates a condition over the facts: whether it holds (null = cannot tell yet) and every check made. */
export function evaluateCondition(condition: Condition, facts: Facts): { met: Truth; checks: CheckResult[] } {
  if (condition === true) return { met: true, checks: [] };
  if ('all' in condition || 'any' in condition) {
    const parts = ('all' in condition ? condition.all : condition.any).map((c) => evaluateCondition(c, facts));
    const met = 'all' in condition ? and(parts.map((p) => p.met)) : or(parts.map((p) => p.met));
    return { met, checks: parts.flatMap((p) => p.checks) };
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, facts);
    return { met: inner.met === null ? null : !inner.met, checks: inner.checks };
  }
  const result = check(condition, facts);
  return { met: result.met, checks: [result] };
}

// ---------------------------------------------------------------- dates and ages

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Parses a calendar date 'YYYY-MM-DD' (no time, no zone); null if it is not a real date. */
export function parseDate(s: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fmt = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function must(s: string): { y: number; m: number; d: number } {
  const p = parseDate(s);
  if (!p) throw new RangeError(`not a calendar date: ${s}`);
  return p;
}

/**
 * Age in whole years on a day. The new age starts on the birthday itself; someone born on 29 February
 * has their birthday on 1 March in common years (the day after 28 February).
 */
export function ageOn(birthDate: string, on: string): number {
  const b = must(birthDate);
  const o = must(on);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}

/** The day someone reaches `years` years of age (1 March in a common year for a 29 February birth). */
export function birthdayOf(birthDate: string, years: number): string {
  const b = must(birthDate);
  const y = b.y + years;
  if (b.m === 2 && b.d === 29 && !isLeapYear(y)) return fmt(y, 3, 1);
  return fmt(y, b.m, b.d);
}

/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const p = must(date);
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Adds calendar months, keeping the day or using the last day of a shorter month (31 Aug − 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const p = must(date);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fmt(y, m, Math.min(p.d, daysInMonth(y, m)));
}

/** A situation as the finder or a child's record describes it; every field may be unknown. */
export interface Situation {
  /** 'YYYY-MM-DD'; when given, the age is computed from it on the day of evaluation. */
  birthDate?: string | null;
  /** Whole years, used when no birth date is given (the public finder asks only this). */
  age?: number | null;
  decisionKind?: DecisionKindValue | null;
  specialCare?: boolean | null;
  municipality?: string | null;
  livesAtHome?: boolean | null;
  firstDecision?: boolean | null;
  attendsSchool?: boolean | null;
}

const known = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/** The facts of a situation on a given day. */
export function factsOf(situation: Situation, on: string): Facts {
  return {
    age: situation.birthDate ? ageOn(situation.birthDate, on) : known(situation.age),
    decisionKind: known(situation.decisionKind),
    specialCare: known(situation.specialCare),
    municipality: known(situation.municipality),
    livesAtHome: known(situation.livesAtHome),
    firstDecision: known(situation.firstDecision),
    attendsSchool: known(situation.attendsSchool),
  };
}
