/** Pure rules about children: age, adulthood and consent. Dates are "YYYY-MM-DD" calendar dates (Europe/Riga). */

export const ADULT_AGE = 18;

/** Full years on `today`; a child born on 29 February turns a year older on 1 March in common years. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age--;
  return age;
}

export function isAdultOn(birthDate: string, today: string): boolean {
  return ageOn(birthDate, today) >= ADULT_AGE;
}

/** The date on which a person born on `birthDate` reaches `years` (29 Feb → 1 Mar in common years). */
export function birthdayAt(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  // Date.UTC rolls 29 February of a common year over to 1 March, which is the rule we want
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * Whether a representative (family user of the child's household) may see the child on `today`:
 * always while the child is a minor; after the 18th birthday only if the young person granted it.
 */
export function representativeMaySee(birthDate: string, today: string, adultAccessGranted: boolean): boolean {
  return !isAdultOn(birthDate, today) || adultAccessGranted;
}

export interface ConsentRecord {
  id: string | number;
  purpose: string;
  granted: boolean;
}

/** The current state of each purpose is its latest record; no record means no consent (fail closed). */
export function currentConsents<P extends string>(purposes: readonly P[], history: ConsentRecord[]): Record<P, boolean> {
  const out = {} as Record<P, boolean>;
  for (const p of purposes) {
    const latest = history.filter((h) => h.purpose === p).sort((a, b) => Number(b.id) - Number(a.id))[0];
    out[p] = latest?.granted === true;
  }
  return out;
}
