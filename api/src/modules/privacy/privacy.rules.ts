/**
 * How long a child's personal data is kept after the child stops being served: by default 5 years
 * after the last thing that happened for them (a decision's end, the last basket period, the last
 * visit). A lifelong decision counts as ending on the 26th birthday, when the scheme ends.
 * After that the record is anonymised; money amounts, dates of movements and aggregates stay.
 */
export const DEFAULT_RETENTION_YEARS = 5;
export const SCHEME_END_AGE = 26;

export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  // 29 February plus a non-leap number of years ends on 28 February
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export interface ChildActivity {
  birthDate: string;
  /** Latest decision end; null when the latest decision is lifelong; undefined when there is none. */
  lastDecisionEnd: string | null | undefined;
  lastBasketEnd: string | null;
  lastVisit: string | null;
  createdAt: string;
}

export function lastRelevantDate(a: ChildActivity): string {
  const decisionEnd = a.lastDecisionEnd === null ? addYears(a.birthDate, SCHEME_END_AGE) : a.lastDecisionEnd;
  return [decisionEnd, a.lastBasketEnd, a.lastVisit, a.createdAt].filter((d): d is string => !!d).sort().at(-1)!;
}

export function isPastRetention(a: ChildActivity, today: string, years = DEFAULT_RETENTION_YEARS): boolean {
  return addYears(lastRelevantDate(a), years) < today;
}

/** The anonymous stand-in for a personal code: unique per child, recognisable, never a valid code. */
export function anonymousCode(childId: string): string {
  return `ANON${childId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
