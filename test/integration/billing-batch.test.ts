import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EntityManager, type DataSource } from 'typeorm';
import { setLogLevel } from '../../api/src/common/http/logger';
import { createDataSource } from '../../api/src/database/data-source';
import { BillingRunner } from '../../api/src/modules/billing/billing-runner';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';
import { makeContract, makeFundedChild, makeProvider, makeVisit } from '../support/billing-factories';
import { createTestDatabase } from '../support/database';

describe('billing a provider set-based', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  let logDir: string;
  const ledger = new LedgerService();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 4);
    await db.initialize();
    logDir = mkdtempSync(path.join(os.tmpdir(), 'billing-batch-'));
  });
  afterAll(async () => {
    setLogLevel('info');
    rmSync(logDir, { recursive: true, force: true });
    await db.destroy();
    await database.drop();
  });

  async function run(
    month: string,
    providerId: string,
  ): Promise<{ id: string; linesCreated: number; visitsSkipped: number; amountCents: number; status: string }> {
    const [r] = await db.query(
      `INSERT INTO billing_run (month, provider_organisation_id, started_by_user_id) VALUES ($1, $2, gen_random_uuid()) RETURNING id`,
      [month, providerId],
    );
    return new BillingRunner(db, ledger).execute(r.id);
  }

  it('when a basket line runs short part-way: bills, in check-in order, exactly the visits the money covers and counts the others skipped; a later run bills them once money is added', async () => {
    const provider = await makeProvider(db);
    const short = await makeFundedChild(db, { committedCents: 9000 });
    const rich = await makeFundedChild(db, { committedCents: 100_000 });
    const speech = await makeContract(db, provider, short, { serviceCode: 'SPEECH', unitPriceCents: 3500, unitMinutes: 40 });
    const hourly = await makeContract(db, provider, short, { serviceCode: 'ASSISTANT', unitPriceCents: 1000, unitMinutes: 60 });
    const other = await makeContract(db, provider, rich, { serviceCode: 'SPEECH', unitPriceCents: 3500, unitMinutes: 40 });
    // created out of check-in order on purpose; the money goes by check-in time
    const v = {
      h8: await makeVisit(db, hourly, '2026-11-08 09:00', 60), // 1000 — fits (the last 1000)
      s1: await makeVisit(db, speech, '2026-11-02 10:00', 40), // 3500 — fits (5500 left)
      s2: await makeVisit(db, speech, '2026-11-03 10:00', 40), // 3500 — fits (2000 left)
      s3: await makeVisit(db, speech, '2026-11-04 10:00', 40), // 3500 — refused
      o1: await makeVisit(db, other, '2026-11-04 12:00', 40), // 3500 on the other child's line — fits
      s4: await makeVisit(db, speech, '2026-11-05 10:00', 30), // 2625 — refused
      h5: await makeVisit(db, hourly, '2026-11-06 09:00', 74), // 1000 (quarter hours down) — fits (1000 left)
      h6: await makeVisit(db, hourly, '2026-11-06 15:00', 10), // 0 — a line without a movement
      s7: await makeVisit(db, speech, '2026-11-07 10:00', 40), // 3500 — refused
    };
    const logFile = path.join(logDir, 'first.log');
    setLogLevel('warn', logFile);
    const first = await run('2026-11', provider.id);
    setLogLevel('info');

    const billedVisits = [v.s1, v.s2, v.o1, v.h5, v.h6, v.h8];
    expect(first).toMatchObject({ status: 'completed', linesCreated: 6, visitsSkipped: 3, amountCents: 3500 + 3500 + 3500 + 1000 + 0 + 1000 });
    const lines: { id: string; visit_id: string; amount: number; reason: string | null; actor: string | null; movement: string | null }[] = await db.query(
      `SELECT cl.id, cl.visit_id, cl.amount_cents::int AS amount, lm.reason, lm.actor_user_id AS actor, lm.id AS movement
         FROM claim_line cl JOIN visit v ON v.id = cl.visit_id
         LEFT JOIN ledger_movement lm ON lm.ref_type = 'claim_line' AND lm.ref_id = cl.id::text AND lm.kind = 'spend' AND lm.basket_line_id = cl.basket_line_id
        ORDER BY v.check_in_at`,
    );
    expect(lines.map((l) => [l.visit_id, l.amount])).toEqual([
      [v.s1, 3500],
      [v.s2, 3500],
      [v.o1, 3500],
      [v.h5, 1000],
      [v.h6, 0],
      [v.h8, 1000],
    ]);
    const [{ started }] = await db.query(`SELECT started_by_user_id AS started FROM billing_run WHERE id = $1`, [first.id]);
    // one spend per paid line, by the run's starter, naming the visit, in check-in order; none for the zero line
    const paid = lines.filter((l) => l.amount > 0);
    expect(paid.map((l) => [l.reason, l.actor])).toEqual(paid.map((l) => [`visit ${l.visit_id}`, started]));
    expect(lines.find((l) => l.visit_id === v.h6)?.movement).toBeNull();
    const movementIds = paid.map((l) => BigInt(l.movement as string));
    expect([...movementIds].sort((a, b) => (a < b ? -1 : 1))).toEqual(movementIds);
    expect(await db.query(`SELECT count(*)::int AS n FROM ledger_movement WHERE ref_type = 'claim_line'`)).toEqual([{ n: 5 }]);
    expect(await ledger.balances(db.manager, short.basketLineId)).toEqual({ allocatedCents: 9000, committedCents: 0, spentCents: 9000, availableCents: 0 });

    const billed: { id: string }[] = await db.query(`SELECT id FROM visit WHERE billed`);
    expect(billed.map((b) => b.id).sort()).toEqual([...billedVisits].sort());
    expect(await db.query(`SELECT total_cents::int AS total, line_count FROM invoice WHERE provider_organisation_id = $1`, [provider.id])).toEqual([
      { total: 12_500, line_count: 6 },
    ]);
    const skippedLog = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((e) => e.event === 'billing.visit_skipped');
    expect(skippedLog.map((e) => [e.visitId, e.code, e.runId])).toEqual([
      [v.s3, 'BUDGET_NOTHING_COMMITTED', first.id],
      [v.s4, 'BUDGET_NOTHING_COMMITTED', first.id],
      [v.s7, 'BUDGET_NOTHING_COMMITTED', first.id],
    ]);

    // the case manager commits more money; the next run bills what was left, onto the same draft invoice
    await ledger.allocate(db.manager, null, { basketLineId: short.basketLineId, amountCents: 10_000, refType: 'basket_version', refId: 'top-up' });
    await ledger.commit(db.manager, null, { basketLineId: short.basketLineId, amountCents: 10_000, refType: 'contract', refId: 'top-up' });
    const second = await run('2026-11', provider.id);
    expect(second).toMatchObject({ status: 'completed', linesCreated: 3, visitsSkipped: 0, amountCents: 3500 + 2625 + 3500 });
    expect(await db.query(`SELECT count(*)::int AS n FROM visit WHERE NOT billed`)).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT total_cents::int AS total, line_count FROM invoice WHERE provider_organisation_id = $1`, [provider.id])).toEqual([
      { total: 12_500 + 9625, line_count: 9 },
    ]);
    expect(await ledger.balances(db.manager, short.basketLineId)).toEqual({
      allocatedCents: 19_000,
      committedCents: 375,
      spentCents: 18_625,
      availableCents: 0,
    });
  });

  it('uses as many statements for a provider with 40 visits as for one with 2', async () => {
    const statementsFor = async (visits: number) => {
      const provider = await makeProvider(db);
      const child = await makeFundedChild(db, { committedCents: 1_000_000 });
      const second = await makeFundedChild(db, { committedCents: 1_000_000 });
      const a = await makeContract(db, provider, child, { unitPriceCents: 3000 });
      const b = await makeContract(db, provider, second, { serviceCode: 'ASSISTANT', unitPriceCents: 1000, unitMinutes: 60 });
      for (let i = 0; i < visits; i++) await makeVisit(db, i % 2 ? a : b, `2026-10-${String(1 + (i % 28)).padStart(2, '0')} ${8 + Math.floor(i / 28)}:00`, 45);
      const spy = jest.spyOn(EntityManager.prototype, 'query');
      try {
        const r = await run('2026-10', provider.id);
        expect(r).toMatchObject({ status: 'completed', linesCreated: visits, visitsSkipped: 0 });
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const small = await statementsFor(2);
    const large = await statementsFor(40);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(6);
  });

  it('leaves alone the visits another run billed while it waited for their locks, with no spend for a line it did not write', async () => {
    const provider = await makeProvider(db);
    const child = await makeFundedChild(db, { committedCents: 100_000 });
    const contract = await makeContract(db, provider, child, { unitPriceCents: 2000, unitMinutes: 40 });
    const visits: string[] = [];
    for (let d = 2; d <= 6; d++) visits.push(await makeVisit(db, contract, `2026-09-0${d} 10:00`, 40));

    // "the other run": holds the provider's visits, then bills the first two of them and commits
    const other = db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(`SELECT id FROM visit WHERE provider_organisation_id = $1 FOR UPDATE`, [provider.id]);
    const logFile = path.join(logDir, 'meanwhile.log');
    setLogLevel('info', logFile);
    const running = run('2026-09', provider.id);
    // wait until this run's query is blocked on the visits (its snapshot is taken)
    for (let i = 0; ; i++) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (n > 0) break;
      if (i > 200) throw new Error('the billing run never waited for the visits');
      await new Promise((r) => setTimeout(r, 25));
    }
    await other.query(
      `INSERT INTO claim_line (kind, visit_id, contract_id, child_id, provider_organisation_id, basket_line_id, funding_source, payer_key, service_code, service_date,
                               unit_kind, unit_minutes, unit_price_cents, verified_minutes, billed_minutes, quantity_milli, participants, amount_cents)
       SELECT 'claim', v.id, v.contract_id, v.child_id, v.provider_organisation_id, $2, 'LM', 'LM', v.service_code, (v.check_in_at AT TIME ZONE 'Europe/Riga')::date,
              'session', 40, 2000, 40, 40, 1000, 1, 2000
         FROM visit v WHERE v.id = ANY($1::uuid[])`,
      [visits.slice(0, 2), child.basketLineId],
    );
    await other.query(`UPDATE visit SET billed = true WHERE id = ANY($1::uuid[])`, [visits.slice(0, 2)]);
    await other.commitTransaction();
    await other.release();
    const done = await running;
    setLogLevel('info');

    expect(done).toMatchObject({ status: 'completed', linesCreated: 3, visitsSkipped: 0, amountCents: 3 * 2000 });
    const lines: { visit_id: string; n: number }[] = await db.query(
      `SELECT visit_id, count(*)::int AS n FROM claim_line WHERE visit_id = ANY($1::uuid[]) GROUP BY visit_id ORDER BY visit_id`,
      [visits],
    );
    expect(lines).toEqual([...visits].sort().map((visit_id) => ({ visit_id, n: 1 })));
    // this run's spends: one per line it wrote, none pointing at a line that does not exist
    const spends: { ref_id: string; line: string | null; run_id: string | null }[] = await db.query(
      `SELECT lm.ref_id, cl.id AS line, cl.run_id FROM ledger_movement lm LEFT JOIN claim_line cl ON cl.id::text = lm.ref_id
        WHERE lm.basket_line_id = $1 AND lm.kind = 'spend'`,
      [child.basketLineId],
    );
    expect(spends).toHaveLength(3);
    expect(spends.every((x) => x.line !== null && x.run_id === done.id)).toBe(true);
    expect(await ledger.balances(db.manager, child.basketLineId)).toMatchObject({ spentCents: 6000, committedCents: 94_000 });
    const events = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).event);
    expect(events.filter((e) => e === 'billing.provider_retried')).toHaveLength(1);
  });
});

describe('one execution of a run at a time', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  const ledger = new LedgerService();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 8);
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('two executions of the same run at once (a resume or a queue retry while the first still works): one does the work, the counters count it once', async () => {
    const providers = [await makeProvider(db), await makeProvider(db), await makeProvider(db)];
    let visits = 0;
    for (const provider of providers) {
      const child = await makeFundedChild(db, { committedCents: 100_000 });
      const contract = await makeContract(db, provider, child, { serviceCode: 'SPEECH', unitPriceCents: 3500, unitMinutes: 40 });
      for (let d = 2; d <= 5; d++) {
        await makeVisit(db, contract, `2026-10-0${d} 10:00`, 40);
        visits += 1;
      }
    }
    const [r] = await db.query(`INSERT INTO billing_run (month, started_by_user_id) VALUES ('2026-10', gen_random_uuid()) RETURNING id`);
    const runner = new BillingRunner(db, ledger);
    // the first execution pauses after its first provider, while the second one arrives
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let reachedPause!: () => void;
    const atPause = new Promise<void>((resolve) => (reachedPause = resolve));
    const first = runner.execute(r.id, {
      afterProvider: async (done) => {
        if (done === 1) {
          reachedPause();
          await paused;
        }
      },
    });
    await atPause;
    const second = await runner.execute(r.id);
    expect(second.status).toBe('running');
    release();
    const done = await first;
    expect(done).toMatchObject({ status: 'completed', attempts: 1, providersDone: 3, providersTotal: 3, linesCreated: visits });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM claim_line WHERE run_id = $1`, [r.id]);
    expect(n).toBe(visits);
    // once the first has finished, executing again finds nothing left to do
    const again = await runner.execute(r.id);
    expect(again).toMatchObject({ status: 'completed', attempts: 1, providersDone: 3 });
  });
});
