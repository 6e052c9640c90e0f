/**
 * Money is integer euro cents, always. Every amount that reaches a ledger, a claim or a report goes
 * through these functions so that there is exactly one rounding rule: half-up (away from zero for
 * negatives), applied once, where a fraction of a cent first appears.
 */
export type Cents = number;

export class MoneyError extends Error {}

export function assertCents(value: number, what = 'amount'): Cents {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} must be a whole number of cents`);
  return value;
}

export function addCents(...amounts: Cents[]): Cents {
  return amounts.reduce((sum, a) => sum + assertCents(a), 0);
}

/** Divides with the platform's one rounding rule: half-up, away from zero. */
export function divideRounded(numerator: Cents, denominator: number): Cents {
  assertCents(numerator);
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new MoneyError('denominator must be a positive integer');
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const q = Math.floor(abs / denominator);
  const r = abs - q * denominator;
  return sign * (r * 2 >= denominator ? q + 1 : q);
}

/** amount × numerator ÷ denominator, rounded once (half-up). Used for shares and partial units. */
export function multiplyRatio(amount: Cents, numerator: number, denominator: number): Cents {
  assertCents(amount);
  if (!Number.isSafeInteger(numerator) || numerator < 0) throw new MoneyError('numerator must be a non-negative integer');
  return divideRounded(amount * numerator, denominator);
}

/**
 * Splits an amount by integer weights so that the parts always add up to the amount exactly
 * (largest-remainder method; ties go to the earlier part). Used for funding shares and group prices.
 */
export function allocateByWeights(amount: Cents, weights: number[]): Cents[] {
  assertCents(amount);
  if (weights.length === 0) throw new MoneyError('at least one weight is needed');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new MoneyError('weights must be non-negative integers');
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) throw new MoneyError('weights must not all be zero');
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);
  const floors = weights.map((w) => Math.floor((abs * w) / total));
  let rest = abs - floors.reduce((s, f) => s + f, 0);
  const order = weights
    .map((w, i) => ({ i, rem: (abs * w) % total }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    floors[i] += 1;
    rest -= 1;
  }
  return floors.map((f) => sign * f);
}

/** Parses "12.34", "12,34" or "12" euros into cents; rejects more than two decimals. */
export function parseEuros(text: string): Cents {
  const m = /^(-)?(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new MoneyError('not an amount in euros');
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** "1234.50" style (no grouping) for files such as SEPA XML and CSV. */
export function centsToDecimalString(amount: Cents): string {
  assertCents(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
