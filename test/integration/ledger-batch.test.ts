import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../api/src/common/auth/actor';
import { AppError } from '../../api/src/common/errors/app-error';
import { createDataSource } from '../../api/src/database/data-source';
import { LedgerMovement } from '../../api/src/modules/budgets/entities/ledger-movement.entity';
import { LedgerService, type MovementInput, type SpendOutcome } from '../../api/src/modules/budgets/ledger.service';
import { makeBareBasket } from '../support/budgets-factories';
import { createTestDatabase } from '../support/database';

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** What an outcome says, without ids: the movement's amount and ref, or the refusal's code. */
const summary = (o: SpendOutcome) => (o.ok ? { ok: true, amount: o.movement.amountCents, ref: o.movement.refId } : { ok: false, code: o.code });

describe('LedgerService.spendMany on PostgreSQL', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  const ledger = new LedgerService();
  const actor: Actor = { userId: randomUUID(), role: 'platform_admin', organisationId: randomUUID(), organisationKind: 'platform', requestId: 'test' };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 20);
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  /** A line with `cents` allocated and committed, as an approved contract leaves it. */
  async function fundedLine(cents: number): Promise<string> {
    const { lineIds } = await makeBareBasket(db);
    await ledger.allocate(db.manager, null, { basketLineId: lineIds[0], amountCents: cents, refType: 'basket_version', refId: 'v1' });
    await ledger.commit(db.manager, null, { basketLineId: lineIds[0], amountCents: cents, refType: 'contract', refId: 'c1' });
    return lineIds[0];
  }

  /** A line's movements in id order, without ids and times. */
  async function movementsOf(lineId: string) {
    return db.query(
      `SELECT kind, amount_cents::int AS amount, ref_type, ref_id, actor_user_id, reason FROM ledger_movement WHERE basket_line_id = $1 ORDER BY id`,
      [lineId],
    );
  }

  /** Today's way: one `spend` per item in one transaction, each in a savepoint, refusals caught. */
  function oneByOne(items: MovementInput[]): Promise<({ ok: true; movement: LedgerMovement } | { ok: false; code: string })[]> {
    return db.transaction(async (m: EntityManager) => {
      const out: ({ ok: true; movement: LedgerMovement } | { ok: false; code: string })[] = [];
      for (const item of items) {
        await m.query('SAVEPOINT one');
        try {
          out.push({ ok: true, movement: await ledger.spend(m, actor, item) });
          await m.query('RELEASE SAVEPOINT one');
        } catch (e) {
          await m.query('ROLLBACK TO SAVEPOINT one');
          if (!(e instanceof AppError)) throw e;
          out.push({ ok: false, code: e.code });
        }
      }
      return out;
    });
  }

  it('makes exactly the movements and refusals of one spend per item, in the given order', async () => {
    // the same story on two pairs of lines: one `spend` after another on the first pair, one batch on the second
    const pairs = [
      { a: await fundedLine(10_000), b: await fundedLine(3_000) },
      { a: await fundedLine(10_000), b: await fundedLine(3_000) },
    ];
    for (const p of pairs) await ledger.spend(db.manager, actor, { basketLineId: p.a, amountCents: 1000, refType: 'claim_line', refId: 'done-before' });
    const story = (p: { a: string; b: string }): MovementInput[] => [
      { basketLineId: p.a, amountCents: 4000, refType: 'claim_line', refId: 'r1', reason: 'visit 1' },
      { basketLineId: p.b, amountCents: 2500, refType: 'claim_line', refId: 'r2', reason: 'visit 2' },
      { basketLineId: p.a, amountCents: 1000, refType: 'claim_line', refId: 'done-before' }, // repeat of an earlier spend
      { basketLineId: p.a, amountCents: 999, refType: 'claim_line', refId: 'done-before' }, // … with another amount
      { basketLineId: p.a, amountCents: 4500, refType: 'claim_line', refId: 'r3', reason: 'visit 3' }, // 5000 left: fits
      { basketLineId: p.b, amountCents: 600, refType: 'claim_line', refId: 'r4', reason: 'visit 4' }, // 500 left: refused
      { basketLineId: p.a, amountCents: 600, refType: 'claim_line', refId: 'r5', reason: 'visit 5' }, // 500 left: refused
      { basketLineId: p.b, amountCents: 500, refType: 'claim_line', refId: 'r6', reason: 'visit 6' }, // later and cheaper: fits
      { basketLineId: p.a, amountCents: 4000, refType: 'claim_line', refId: 'r1', reason: 'visit 1 again' }, // repeat within the batch
      { basketLineId: p.a, amountCents: 4001, refType: 'claim_line', refId: 'r1' }, // conflicting repeat within the batch
      { basketLineId: p.a, amountCents: 300, refType: 'claim_line', refId: 'r5' }, // the refused ref again, smaller: fits
      { basketLineId: p.a, amountCents: 0, refType: 'claim_line', refId: 'r7' },
      { basketLineId: p.a, amountCents: 1.5, refType: 'claim_line', refId: 'r8' },
      { basketLineId: p.a, amountCents: -5, refType: 'claim_line', refId: 'r9' },
      { basketLineId: p.a, amountCents: 100, refType: 'claim_line', refId: '' },
      { basketLineId: randomUUID(), amountCents: 100, refType: 'claim_line', refId: 'r10' },
      { basketLineId: p.a, amountCents: 200, refType: 'claim_line', refId: 'r11', reason: 'visit 11' }, // 200 left: fits exactly
      { basketLineId: p.a, amountCents: 1, refType: 'claim_line', refId: 'r12' }, // nothing left
    ];

    const single = await oneByOne(story(pairs[0]));
    const batch = await db.transaction((m) => ledger.spendMany(m, actor, story(pairs[1])));

    const shape = (o: { ok: true; movement: LedgerMovement } | { ok: false; code: string }) =>
      o.ok ? { ok: true, amount: o.movement.amountCents, ref: o.movement.refId, reason: o.movement.reason } : { ok: false, code: o.code };
    expect(batch.map(shape)).toEqual(single.map(shape));
    expect(batch.map((o) => (o.ok ? 'ok' : o.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'BUDGET_MOVEMENT_CONFLICT',
      'ok',
      'BUDGET_NOTHING_COMMITTED',
      'BUDGET_NOTHING_COMMITTED',
      'ok',
      'ok',
      'BUDGET_MOVEMENT_CONFLICT',
      'ok',
      'BUDGET_AMOUNT_INVALID',
      'BUDGET_AMOUNT_INVALID',
      'BUDGET_AMOUNT_INVALID',
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'ok',
      'BUDGET_NOTHING_COMMITTED',
    ]);
    // the rows in the database, in id order, are the same on both pairs
    expect(await movementsOf(pairs[1].a)).toEqual(await movementsOf(pairs[0].a));
    expect(await movementsOf(pairs[1].b)).toEqual(await movementsOf(pairs[0].b));
    expect(await ledger.balances(db.manager, pairs[1].a)).toEqual({ allocatedCents: 10_000, committedCents: 0, spentCents: 10_000, availableCents: 0 });
    expect(await ledger.balances(db.manager, pairs[1].b)).toEqual({ allocatedCents: 3_000, committedCents: 0, spentCents: 3_000, availableCents: 0 });
    expect((await movementsOf(pairs[1].a)).filter((r: { ref_id: string }) => r.ref_id === 'r1')).toEqual([
      { kind: 'spend', amount: 4000, ref_type: 'claim_line', ref_id: 'r1', actor_user_id: actor.userId, reason: 'visit 1' },
    ]);

    // each returned movement is the stored row; a repeat returns the first one
    const repo = db.getRepository(LedgerMovement);
    for (const o of batch) if (o.ok) expect(o.movement).toEqual(await repo.findOneByOrFail({ id: o.movement.id }));
    const okOnes = batch.filter((o): o is Extract<SpendOutcome, { ok: true }> => o.ok);
    expect(okOnes.map((o) => o.repeated)).toEqual([false, false, true, false, false, true, false, false]);
    expect(okOnes[5].movement.id).toBe(okOnes[0].movement.id);
  });

  it('gives a line’s money to the earlier items first, line by line, and opens its own transaction when none is active', async () => {
    const one = await fundedLine(10_000);
    const two = await fundedLine(2_000);
    const items: MovementInput[] = [4000, 1500, 5000, 600, 3000, 1000, 500, 1].map((amountCents, i) => ({
      basketLineId: i % 2 === 0 ? one : two,
      amountCents,
      refType: 'claim_line',
      refId: `o${i}`,
    }));
    const out = await ledger.spendMany(db.manager, null, items);
    // one: 4000 ok (6000 left), 5000 ok (1000), 3000 refused, 500 ok (500); two: 1500 ok (500), 600 refused, 1000 refused, 1 ok
    expect(out.map((o) => (o.ok ? 'ok' : o.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'BUDGET_NOTHING_COMMITTED',
      'BUDGET_NOTHING_COMMITTED',
      'BUDGET_NOTHING_COMMITTED',
      'ok',
      'ok',
    ]);
    expect(await ledger.balances(db.manager, one)).toEqual({ allocatedCents: 10_000, committedCents: 500, spentCents: 9_500, availableCents: 0 });
    expect(await ledger.balances(db.manager, two)).toEqual({ allocatedCents: 2_000, committedCents: 499, spentCents: 1_501, availableCents: 0 });
    expect(
      (await movementsOf(one))
        .filter((r: { kind: string }) => r.kind === 'spend')
        .map((r: { ref_id: string; actor_user_id: string | null }) => [r.ref_id, r.actor_user_id]),
    ).toEqual([
      ['o0', null],
      ['o2', null],
      ['o6', null],
    ]);
    expect(await ledger.spendMany(db.manager, null, [])).toEqual([]);
  });

  it('is idempotent per (line, ref, kind): the same batch again moves nothing and returns the first movements', async () => {
    const line = await fundedLine(10_000);
    const single = await ledger.spend(db.manager, actor, { basketLineId: line, amountCents: 700, refType: 'claim_line', refId: 'k0' });
    const items: MovementInput[] = [
      { basketLineId: line, amountCents: 700, refType: 'claim_line', refId: 'k0' },
      { basketLineId: line, amountCents: 2000, refType: 'claim_line', refId: 'k1' },
      { basketLineId: line, amountCents: 3000, refType: 'claim_line', refId: 'k2' },
    ];
    const first = await ledger.spendMany(db.manager, actor, items);
    expect(first.map(summary)).toEqual([
      { ok: true, amount: 700, ref: 'k0' },
      { ok: true, amount: 2000, ref: 'k1' },
      { ok: true, amount: 3000, ref: 'k2' },
    ]);
    expect(first[0]).toMatchObject({ ok: true, repeated: true, movement: { id: single.id } });
    const before = await movementsOf(line);

    const again = await Promise.all([1, 2, 3].map(() => db.transaction((m) => ledger.spendMany(m, actor, items))));
    for (const a of again) {
      expect(a.map((o) => (o.ok ? [o.movement.id, o.repeated] : o.code))).toEqual(first.map((o) => (o.ok ? [o.movement.id, true] : o.code)));
    }
    // a repeat with another amount is refused for that item only
    const changed = await ledger.spendMany(db.manager, actor, [items[1], { ...items[2], amountCents: 3001 }, { ...items[2], refId: 'k3', amountCents: 100 }]);
    expect(changed.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'BUDGET_MOVEMENT_CONFLICT', 'ok']);
    expect(await movementsOf(line)).toEqual([
      ...before,
      { kind: 'spend', amount: 100, ref_type: 'claim_line', ref_id: 'k3', actor_user_id: actor.userId, reason: null },
    ]);
    // the line's id in upper case is the same line
    const upper = await ledger.spendMany(db.manager, actor, [{ ...items[1], basketLineId: line.toUpperCase() }]);
    expect(upper[0]).toMatchObject({ ok: true, repeated: true, movement: { id: (first[1] as Extract<SpendOutcome, { ok: true }>).movement.id } });
    // and `spend` sees the batch's movements as its own
    const viaSpend = await ledger.spend(db.manager, actor, items[2]);
    expect(viaSpend.id).toBe((first[2] as Extract<SpendOutcome, { ok: true }>).movement.id);
    await expect(ledger.spend(db.manager, actor, { ...items[1], amountCents: 1 })).rejects.toMatchObject({ code: 'BUDGET_MOVEMENT_CONFLICT' });
  });

  it('never overspends when batches on the same lines run at once, and does not deadlock whatever their order', async () => {
    const one = await fundedLine(50 * 1000);
    const two = await fundedLine(50 * 1000);
    // 6 batches of 20 items of 1000 on each line (240,000 wanted of 100,000), half of them listing the second line first
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 40 }, (_, i): MovementInput => {
        const first = b % 2 === 0 ? one : two;
        const second = first === one ? two : one;
        return { basketLineId: i < 20 ? first : second, amountCents: 1000, refType: 'claim_line', refId: `b${b}-${i}` };
      }),
    );
    const results = await Promise.allSettled(batches.map((items) => db.transaction((m) => ledger.spendMany(m, actor, items))));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => codeOf(r.reason));
    expect(failures).toEqual([]);
    const outcomes = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(100);
    expect(new Set(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? '' : o.code)))).toEqual(new Set(['BUDGET_NOTHING_COMMITTED']));
    for (const line of [one, two]) {
      expect(await ledger.balances(db.manager, line)).toEqual({ allocatedCents: 50_000, committedCents: 0, spentCents: 50_000, availableCents: 0 });
      const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ledger_movement WHERE basket_line_id = $1 AND kind = 'spend'`, [line]);
      expect(n).toBe(50);
    }
  });

  it('never overspends alongside single spends and commits on the same line', async () => {
    const line = await fundedLine(30 * 500);
    const batch = (b: number) =>
      Array.from({ length: 10 }, (_, i): MovementInput => ({ basketLineId: line, amountCents: 500, refType: 'claim_line', refId: `m${b}-${i}` }));
    const work: Promise<unknown>[] = [
      ...[0, 1, 2].map((b) => db.transaction((m) => ledger.spendMany(m, actor, batch(b)))),
      ...Array.from({ length: 20 }, (_, i) =>
        db.transaction((m) => ledger.spend(m, actor, { basketLineId: line, amountCents: 500, refType: 'claim_line', refId: `s${i}` })),
      ),
    ];
    const results = await Promise.allSettled(work);
    const unexpected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected' && codeOf(r.reason) !== 'BUDGET_NOTHING_COMMITTED');
    expect(unexpected).toEqual([]);
    expect(await ledger.balances(db.manager, line)).toEqual({ allocatedCents: 15_000, committedCents: 0, spentCents: 15_000, availableCents: 0 });
  });
});
