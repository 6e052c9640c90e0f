import { balancesOf, checkMovement, type Balances, type MovementKind } from './ledger.rules';

const b = (allocatedCents: number, committedCents: number, spentCents: number): Balances => ({ allocatedCents, committedCents, spentCents, availableCents: allocatedCents - committedCents - spentCents });

describe('ledger rules', () => {
  it.each<[string, [MovementKind, number][], Balances]>([
    ['empty', [], b(0, 0, 0)],
    ['allocate and commit', [['allocate', 1000], ['commit', 400]], b(1000, 400, 0)],
    ['spend moves committed to spent', [['allocate', 1000], ['commit', 400], ['spend', 150]], b(1000, 250, 150)],
    ['reverse moves spent back to committed', [['allocate', 1000], ['commit', 400], ['spend', 150], ['reverse', 50]], b(1000, 300, 100)],
    ['release frees committed money', [['allocate', 1000], ['commit', 400], ['release', 400]], b(1000, 0, 0)],
    ['negative allocation (reduced amendment) and transfers', [['allocate', 1000], ['allocate', -200], ['transfer', -300], ['transfer', 50]], b(550, 0, 0)],
  ])('%s', (_, moves, expected) => expect(balancesOf(moves.map(([kind, amountCents]) => ({ kind, amountCents })))).toEqual(expected));

  it.each<[Balances, MovementKind, number, string | null]>([
    [b(1000, 0, 0), 'commit', 1000, null],
    [b(1000, 0, 0), 'commit', 1001, 'BUDGET_INSUFFICIENT_FUNDS'],
    [b(1000, 600, 400), 'commit', 1, 'BUDGET_INSUFFICIENT_FUNDS'],
    [b(1000, 600, 0), 'spend', 600, null],
    [b(1000, 600, 0), 'spend', 601, 'BUDGET_NOTHING_COMMITTED'],
    [b(1000, 600, 0), 'release', 601, 'BUDGET_NOTHING_COMMITTED'],
    [b(1000, 0, 300), 'reverse', 300, null],
    [b(1000, 0, 300), 'reverse', 301, 'BUDGET_NOTHING_SPENT'],
    [b(1000, 300, 300), 'allocate', -400, null],
    [b(1000, 300, 300), 'allocate', -401, 'BUDGET_ALLOCATION_BELOW_USE'],
    [b(1000, 300, 300), 'transfer', -401, 'BUDGET_ALLOCATION_BELOW_USE'],
    [b(1000, 0, 0), 'allocate', 0, 'BUDGET_AMOUNT_INVALID'],
    [b(1000, 0, 0), 'commit', 0, 'BUDGET_AMOUNT_INVALID'],
    [b(1000, 0, 0), 'commit', -1, 'BUDGET_AMOUNT_INVALID'],
    [b(1000, 0, 0), 'spend', 0.5, 'BUDGET_AMOUNT_INVALID'],
  ])('%j %s %i → %s', (bal, kind, amount, expected) => expect(checkMovement(bal, kind, amount)).toBe(expected));
});
