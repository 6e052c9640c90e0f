import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/database/data-source';
import { BillingRunner } from '../../api/src/modules/billing/billing-runner';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';
import { makeContract, makeFundedChild, makeProvider, makeVisit } from '../support/billing-factories';
import { createTestDatabase } from '../support/database';

jest.setTimeout(120_000);
const root = path.resolve(__dirname, '../..');

/** The same month of work on any database: 5 providers, each with children, services and visits. */
async function seedMonth(db: DataSource): Promise<void> {
  for (let p = 0; p < 5; p++) {
    const provider = await makeProvider(db, { name: `Sniedzējs ${p}` });
    for (let c = 0; c < 3; c++) {
      const child = await makeFundedChild(db, {
        firstName: `Bērns${p}${c}`,
        lastName: 'Tests',
        fundingSource: c === 2 ? 'MUNICIPALITY' : 'LM',
        committedCents: 80_000,
      });
      const session = await makeContract(db, provider, child, { serviceCode: 'SPEECH', unitPriceCents: 3000 + p * 100 + c, unitMinutes: 40 });
      const hourly = await makeContract(db, provider, child, { serviceCode: 'ASSISTANT', unitPriceCents: 1000 + c, unitMinutes: 60 });
      for (let d = 1; d <= 4; d++) {
        await makeVisit(db, session, `2026-11-${String(d * 5).padStart(2, '0')} ${9 + c}:00`, 30 + d * 3);
        await makeVisit(db, hourly, `2026-11-${String(d * 5 + 1).padStart(2, '0')} ${9 + c}:00`, 40 + d * 17);
      }
    }
  }
}

async function newRun(db: DataSource): Promise<string> {
  const [run] = await db.query(`INSERT INTO billing_run (month, started_by_user_id) VALUES ('2026-11', gen_random_uuid()) RETURNING id`);
  return run.id;
}

/** What a run produced, in terms that do not depend on generated ids. */
async function outcome(db: DataSource) {
  const lines = await db.query(
    `SELECT o.name AS provider, ch.first_name AS child, cl.service_code, cl.service_date::text, cl.kind, cl.billed_minutes, cl.amount_cents::int AS amount, cl.payer_key,
            (SELECT count(*)::int FROM ledger_movement lm WHERE lm.ref_type = 'claim_line' AND lm.ref_id = cl.id::text AND lm.kind = 'spend' AND lm.amount_cents = cl.amount_cents) AS spends
       FROM claim_line cl JOIN organisation o ON o.id = cl.provider_organisation_id JOIN child ch ON ch.id = cl.child_id
      ORDER BY 1, 2, 3, 4`,
  );
  const invoices = await db.query(
    `SELECT o.name AS provider, i.month, i.status, i.total_cents::int AS total, i.line_count FROM invoice i JOIN organisation o ON o.id = i.provider_organisation_id ORDER BY 1`,
  );
  const ledger = await db.query(
    `SELECT kind, count(*)::int AS n, sum(amount_cents)::int AS s FROM ledger_movement WHERE ref_type = 'claim_line' GROUP BY kind ORDER BY kind`,
  );
  const run = await db.query(`SELECT status, providers_total, providers_done, lines_created, amount_cents::int AS amount FROM billing_run`);
  return { lines, invoices, ledger, run };
}

describe('a billing run killed half-way and restarted', () => {
  const dbs: { url: string; drop: () => Promise<void>; ds: DataSource }[] = [];
  afterAll(async () => {
    for (const d of dbs) {
      await d.ds.destroy();
      await d.drop();
    }
  });

  async function database(): Promise<DataSource> {
    const d = await createTestDatabase();
    const ds = createDataSource(d.url, 4);
    await ds.initialize();
    dbs.push({ ...d, ds });
    return ds;
  }

  it('finishes with exactly the lines, invoices and ledger movements a clean run makes', async () => {
    const clean = await database();
    const crashed = await database();
    await seedMonth(clean);
    await seedMonth(crashed);

    await new BillingRunner(clean, new LedgerService()).execute(await newRun(clean));
    const expected = await outcome(clean);
    expect(expected.lines).toHaveLength(5 * 3 * 8);
    expect(expected.lines.every((l: { spends: number; amount: number }) => l.spends === (l.amount > 0 ? 1 : 0))).toBe(true);

    // a worker process running the same run is SIGKILLed after 2 of 5 providers have committed
    const runId = await newRun(crashed);
    const url = dbs[1].url;
    const child = spawn(
      process.execPath,
      ['-r', path.join(root, 'test/support/ts-register.js'), path.join(root, 'test/support/billing-crash-worker.ts'), url, runId, '2'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    expect({ ...exit, output }).toEqual({ code: null, signal: 'SIGKILL', output: '' });

    // what the dead worker left: two whole providers billed, the rest untouched, the run still 'running'
    const half = await outcome(crashed);
    expect(half.run).toEqual([{ status: 'running', providers_total: 5, providers_done: 2, lines_created: 2 * 24, amount: expect.any(Number) }]);
    expect(new Set(half.lines.map((l: { provider: string }) => l.provider)).size).toBe(2);
    expect(half.lines).toHaveLength(2 * 24);
    expect(half.invoices).toHaveLength(2);
    expect(half.ledger[0]).toMatchObject({ kind: 'spend', n: 2 * 24 });

    // the job is retried (here: by another worker, in this process) and continues from there
    const resumed = await new BillingRunner(crashed, new LedgerService()).execute(runId);
    expect(resumed.status).toBe('completed');
    expect(resumed.attempts).toBe(2);
    const after = await outcome(crashed);
    expect(after.lines).toEqual(expected.lines);
    expect(after.invoices).toEqual(expected.invoices);
    expect(after.ledger).toEqual(expected.ledger);
    expect(after.run).toEqual(expected.run);

    // and running it yet again changes nothing
    await new BillingRunner(crashed, new LedgerService()).execute(await newRun(crashed));
    const again = await outcome(crashed);
    expect(again.lines).toEqual(expected.lines);
    expect(again.ledger).toEqual(expected.ledger);
  });
});
