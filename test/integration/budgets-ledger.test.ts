import { AppError } from '../../api/src/common/errors/app-error';
import { createDataSource } from '../../api/src/database/data-source';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';
import type { DataSource } from 'typeorm';
import { makeBareBasket } from '../support/budgets-factories';
import { createTestDatabase } from '../support/database';

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe('LedgerService on PostgreSQL', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  const ledger = new LedgerService();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 20);
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  async function movementSums(lineId: string) {
    const rows: { kind: string; total: string }[] = await db.query(`SELECT kind, sum(amount_cents)::text AS total FROM ledger_movement WHERE basket_line_id = $1 GROUP BY kind`, [lineId]);
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.total)])) as Record<string, number>;
  }

  it('lets exactly 50 of 100 concurrent commits through on a line that holds 50, and never overspends', async () => {
    const { lineIds } = await makeBareBasket(db);
    const line = lineIds[0];
    await ledger.allocate(db.manager, null, { basketLineId: line, amountCents: 50 * 1234, refType: 'basket_version', refId: 'v1' });

    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => db.transaction((m) => ledger.commit(m, null, { basketLineId: line, amountCents: 1234, refType: 'contract', refId: `c-${i}` }))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(50);
    expect(failed).toHaveLength(50);
    expect(failed.map((f) => codeOf(f.reason))).toEqual(Array(50).fill('BUDGET_INSUFFICIENT_FUNDS'));

    const balances = await ledger.balances(db.manager, line);
    const sums = await movementSums(line);
    expect(sums).toEqual({ allocate: 61700, commit: 61700 });
    expect(balances).toEqual({ allocatedCents: sums.allocate, committedCents: sums.commit, spentCents: 0, availableCents: 0 });
    const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ledger_movement WHERE basket_line_id = $1 AND kind = 'commit'`, [line]);
    expect(n).toBe(50);
    const [cached]: { allocated_cents: string }[] = await db.query(`SELECT allocated_cents FROM basket_line WHERE id = $1`, [line]);
    expect(Number(cached.allocated_cents)).toBe(61700);
  });

  it('is idempotent per (ref, kind): a repeated commit returns the first movement; another amount for the same ref is refused', async () => {
    const { lineIds } = await makeBareBasket(db);
    const line = lineIds[0];
    await ledger.allocate(db.manager, null, { basketLineId: line, amountCents: 10_000, refType: 'basket_version', refId: 'v1' });
    const first = await ledger.commit(db.manager, null, { basketLineId: line, amountCents: 4000, refType: 'contract', refId: 'k1' });
    const again = await Promise.all([1, 2, 3].map(() => db.transaction((m) => ledger.commit(m, null, { basketLineId: line, amountCents: 4000, refType: 'contract', refId: 'k1' }))));
    expect(again.map((a) => a.id)).toEqual([first.id, first.id, first.id]);
    await expect(ledger.commit(db.manager, null, { basketLineId: line, amountCents: 5000, refType: 'contract', refId: 'k1' })).rejects.toMatchObject({ code: 'BUDGET_MOVEMENT_CONFLICT' });
    expect(await ledger.balances(db.manager, line)).toEqual({ allocatedCents: 10_000, committedCents: 4000, spentCents: 0, availableCents: 6000 });
  });

  it('moves money commit → spend → reverse → release and refuses moves the buckets cannot cover', async () => {
    const { lineIds } = await makeBareBasket(db);
    const line = lineIds[0];
    const mv = (kind: 'commit' | 'release' | 'spend' | 'reverse' | 'allocate', amountCents: number, refId: string) =>
      ledger[kind](db.manager, null, { basketLineId: line, amountCents, refType: kind === 'spend' || kind === 'reverse' ? 'claim_line' : 'contract', refId });
    await mv('allocate', 144_000, 'v1');
    await mv('commit', 100_000, 'c1');
    await mv('spend', 36_000, 'cl1');
    expect(await ledger.balances(db.manager, line)).toEqual({ allocatedCents: 144_000, committedCents: 64_000, spentCents: 36_000, availableCents: 44_000 });
    await mv('reverse', 6_000, 'cl1');
    expect(await ledger.balances(db.manager, line)).toEqual({ allocatedCents: 144_000, committedCents: 70_000, spentCents: 30_000, availableCents: 44_000 });
    await mv('release', 70_000, 'c1');
    expect(await ledger.balances(db.manager, line)).toEqual({ allocatedCents: 144_000, committedCents: 0, spentCents: 30_000, availableCents: 114_000 });

    await expect(mv('commit', 114_001, 'c2')).rejects.toMatchObject({ code: 'BUDGET_INSUFFICIENT_FUNDS' });
    await expect(mv('spend', 1, 'cl2')).rejects.toMatchObject({ code: 'BUDGET_NOTHING_COMMITTED' });
    await expect(mv('release', 1, 'c3')).rejects.toMatchObject({ code: 'BUDGET_NOTHING_COMMITTED' });
    await expect(mv('reverse', 30_001, 'cl3')).rejects.toMatchObject({ code: 'BUDGET_NOTHING_SPENT' });
    await expect(mv('commit', 0, 'c4')).rejects.toMatchObject({ code: 'BUDGET_AMOUNT_INVALID' });
    await expect(mv('commit', 1.5, 'c5')).rejects.toMatchObject({ code: 'BUDGET_AMOUNT_INVALID' });
    // lowering the allocation below what is spent is refused
    await expect(mv('allocate', -114_001, 'v2')).rejects.toMatchObject({ code: 'BUDGET_ALLOCATION_BELOW_USE' });
    await mv('allocate', -114_000, 'v2');
    expect(await ledger.balances(db.manager, line)).toEqual({ allocatedCents: 30_000, committedCents: 0, spentCents: 30_000, availableCents: 0 });
    await expect(ledger.commit(db.manager, null, { basketLineId: '00000000-0000-4000-8000-000000000000', amountCents: 1, refType: 'contract', refId: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses new commitments on a closed basket', async () => {
    const { lineIds } = await makeBareBasket(db, { status: 'closed' });
    await ledger.allocate(db.manager, null, { basketLineId: lineIds[0], amountCents: 1000, refType: 'basket_version', refId: 'v1' });
    await expect(ledger.commit(db.manager, null, { basketLineId: lineIds[0], amountCents: 100, refType: 'contract', refId: 'c' })).rejects.toMatchObject({ code: 'BUDGET_BASKET_CLOSED' });
  });

  it('keeps the ledger append-only: UPDATE and DELETE are refused by the database', async () => {
    const { lineIds } = await makeBareBasket(db);
    await ledger.allocate(db.manager, null, { basketLineId: lineIds[0], amountCents: 1000, refType: 'basket_version', refId: 'v1' });
    await expect(db.query(`UPDATE ledger_movement SET amount_cents = 999999 WHERE basket_line_id = $1`, [lineIds[0]])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM ledger_movement WHERE basket_line_id = $1`, [lineIds[0]])).rejects.toThrow(/append-only/);
    expect(await ledger.balances(db.manager, lineIds[0])).toMatchObject({ allocatedCents: 1000 });
  });
});
