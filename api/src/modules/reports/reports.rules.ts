/**
 * The reports' pure rules (no framework imports): small-cell suppression with secondary suppression,
 * distributions, age bands at a reference date, and safe CSV cells.
 *
 * Suppression works on counts of children. A cell describing 1–4 children is hidden ("<5"); zero is
 * shown, because an empty cell reveals no one. Whenever a row or a column of a published table has
 * exactly one hidden cell, the hidden value could be recovered by subtracting the others from the
 * published total, so a second cell of that row or column is hidden too (the smallest visible non-zero
 * one, which loses the least information). The rule repeats until no row or column has exactly one
 * hidden cell.
 */
import { divideRounded, type Cents } from '@lidz/libs';

export const SMALL_CELL_THRESHOLD = 5;
export const SUPPRESSED = '<5';

export function isSmallCell(count: number): boolean {
  return count > 0 && count < SMALL_CELL_THRESHOLD;
}

/**
 * Which cells of a table of child counts to hide. `counts[r][c]`; row and column totals are assumed to be
 * published. Returns a mask of the same shape (true = hide).
 */
export function suppressionMask(counts: readonly (readonly number[])[]): boolean[][] {
  const mask = counts.map((row) => row.map((n) => isSmallCell(n)));
  const rows = counts.length;
  const cols = rows ? Math.max(...counts.map((r) => r.length)) : 0;
  const lines: [number, number][][] = [];
  for (let r = 0; r < rows; r++) lines.push(counts[r].map((_, c) => [r, c] as [number, number]));
  for (let c = 0; c < cols; c++) {
    const line: [number, number][] = [];
    for (let r = 0; r < rows; r++) if (c < counts[r].length) line.push([r, c]);
    lines.push(line);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => mask[r][c]);
      if (hidden.length !== 1) continue;
      // the smallest visible cell with someone in it; a zero would not protect the hidden one
      const candidates = line.filter(([r, c]) => !mask[r][c] && counts[r][c] > 0).sort(([ra, ca], [rb, cb]) => counts[ra][ca] - counts[rb][cb]);
      if (!candidates.length) continue;
      const [r, c] = candidates[0];
      mask[r][c] = true;
      changed = true;
    }
  }
  return mask;
}

/** One published list with a total (a one-column table). */
export function suppressionMaskOfList(counts: readonly number[]): boolean[] {
  return suppressionMask(counts.map((n) => [n])).map((row) => row[0]);
}

/**
 * The p-th quantile (0..1) of integer values by linear interpolation between closest ranks (the usual
 * "type 7" definition), rounded half-up to an integer. Null for an empty list.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  if (p < 0 || p > 1) throw new Error('p must be within 0..1');
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  if (lo === hi) return sorted[lo];
  // interpolate in integer arithmetic with the money rounding rule: a + (b − a) × frac
  const steps = 1000;
  const frac = Math.round((h - lo) * steps);
  return sorted[lo] + divideRounded((sorted[hi] - sorted[lo]) * frac, steps);
}

export interface Distribution {
  n: number;
  totalCents: Cents;
  meanCents: Cents | null;
  medianCents: Cents | null;
  p10Cents: Cents | null;
  p90Cents: Cents | null;
}

export function distribution(values: readonly Cents[]): Distribution {
  const total = values.reduce((s, v) => s + v, 0);
  return {
    n: values.length,
    totalCents: total,
    meanCents: values.length ? divideRounded(total, values.length) : null,
    medianCents: quantile(values, 0.5),
    p10Cents: quantile(values, 0.1),
    p90Cents: quantile(values, 0.9),
  };
}

export const AGE_BANDS = ['0-6', '7-12', '13-17', '18-25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years between two ISO dates (a birthday counts on its day; 29 February on 1 March in common years). */
export function ageOn(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ry, rm, rd] = referenceDate.split('-').map(Number);
  let age = ry - by;
  if (rm < bm || (rm === bm && rd < bd)) age -= 1;
  return age;
}

export function ageBandOf(birthDate: string, referenceDate: string): AgeBand | null {
  const age = ageOn(birthDate, referenceDate);
  if (age < 0) return null;
  if (age <= 6) return '0-6';
  if (age <= 12) return '7-12';
  if (age <= 17) return '13-17';
  if (age <= 25) return '18-25';
  return null;
}

/** Inclusive age range of a band, for SQL filters. */
export function ageBandRange(band: AgeBand): [number, number] {
  const [from, to] = band.split('-').map(Number);
  return [from, to];
}

/**
 * A CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return) gets a leading apostrophe; numbers stay numbers.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\n\r;]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** First day of the month of an ISO date or YYYY-MM. */
export function monthStart(value: string): string {
  return `${value.slice(0, 7)}-01`;
}

/** Months in [from, to] as first days, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const [ty, tm] = to.slice(0, 7).split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
