/**
 * The ledger's arithmetic (no framework imports). Balances are derived from movements only:
 *
 *   allocated = Σ allocate + Σ transfer                      (both may be negative)
 *   committed = Σ commit − Σ release − Σ spend + Σ reverse
 *   spent     = Σ spend − Σ reverse
 *   available = allocated − committed − spent
 *
 * Meaning of the kinds: commit moves available → committed (a contract reserves money); release moves
 * committed → available (a contract ends or shrinks); spend moves committed → spent (a claim line is
 * billed); reverse moves spent → committed (a claim line is voided: the contract still holds the money —
 * call release afterwards to make it available). The invariant committed + spent ≤ allocated, and every
 * bucket ≥ 0, holds after every movement.
 */
import { addCents, assertCents, type Cents } from '@lidz/libs';

export const MOVEMENT_KINDS = ['allocate', 'commit', 'release', 'spend', 'reverse', 'transfer'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface Balances {
  allocatedCents: Cents;
  committedCents: Cents;
  spentCents: Cents;
  availableCents: Cents;
}

export const ZERO_BALANCES: Balances = { allocatedCents: 0, committedCents: 0, spentCents: 0, availableCents: 0 };

export function balancesOf(movements: readonly { kind: MovementKind; amountCents: Cents }[]): Balances {
  let allocated = 0;
  let committed = 0;
  let spent = 0;
  for (const m of movements) {
    const a = assertCents(m.amountCents);
    switch (m.kind) {
      case 'allocate':
      case 'transfer':
        allocated = addCents(allocated, a);
        break;
      case 'commit':
        committed = addCents(committed, a);
        break;
      case 'release':
        committed = addCents(committed, -a);
        break;
      case 'spend':
        committed = addCents(committed, -a);
        spent = addCents(spent, a);
        break;
      case 'reverse':
        committed = addCents(committed, a);
        spent = addCents(spent, -a);
        break;
    }
  }
  return { allocatedCents: allocated, committedCents: committed, spentCents: spent, availableCents: allocated - committed - spent };
}

/** Why a movement cannot be applied, or null when it can. */
export type MovementRefusal = 'BUDGET_INSUFFICIENT_FUNDS' | 'BUDGET_NOTHING_COMMITTED' | 'BUDGET_NOTHING_SPENT' | 'BUDGET_ALLOCATION_BELOW_USE' | 'BUDGET_AMOUNT_INVALID';

export function checkMovement(b: Balances, kind: MovementKind, amount: Cents): MovementRefusal | null {
  if (!Number.isSafeInteger(amount)) return 'BUDGET_AMOUNT_INVALID';
  if (kind === 'allocate' || kind === 'transfer') {
    if (amount === 0) return 'BUDGET_AMOUNT_INVALID';
    // lowering an allocation may never leave less than what is already committed or spent
    return b.allocatedCents + amount < b.committedCents + b.spentCents ? 'BUDGET_ALLOCATION_BELOW_USE' : null;
  }
  if (amount <= 0) return 'BUDGET_AMOUNT_INVALID';
  switch (kind) {
    case 'commit':
      return amount > b.availableCents ? 'BUDGET_INSUFFICIENT_FUNDS' : null;
    case 'release':
    case 'spend':
      return amount > b.committedCents ? 'BUDGET_NOTHING_COMMITTED' : null;
    case 'reverse':
      return amount > b.spentCents ? 'BUDGET_NOTHING_SPENT' : null;
  }
}
