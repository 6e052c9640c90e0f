import { Client } from 'pg';
import { createTestDatabase } from '../support/database';

// The benchmark modules are plain CommonJS (they run without a build); Jest loads them as they are.
/* eslint-disable @typescript-eslint/no-require-imports */
const { seedScaleAt } = require('../../bench/lib/seed.js');
const { startApi, startWorker, login } = require('../../bench/lib/scenarios.js');
const { importBenchmark } = require('../../bench/lib/imports.js');
const { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD } = require('../../api/src/modules/scale/seed-scale');
/* eslint-enable @typescript-eslint/no-require-imports */

interface Proc {
  stop: () => Promise<void>;
}

/**
 * The import benchmark at a tiny size, so it keeps working: a small scale population, its own API and
 * worker processes, a decisions file through the real upload and queue, and the COPY baseline. Timings
 * are not asserted — only that every row went in, the children exist, and the baseline was measured.
 */
describe('import benchmark (tiny smoke run)', () => {
  let db: { url: string; drop: () => Promise<void> };
  const procs: Proc[] = [];
  let api: Proc & { request: unknown };
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedScaleAt(db.url, { children: 24, months: 1, unbilledMonths: 1, log: () => {} });
    api = await startApi(db.url);
    procs.push(api);
    procs.push(await startWorker(db.url));
    token = await login(api, `admin@${SCALE_EMAIL_DOMAIN}`, SCALE_PASSWORD);
  }, 300_000);

  afterAll(async () => {
    for (const p of procs) await p.stop();
    await db?.drop();
  });

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  };

  it('imports every row of a new decisions file through the API and worker, next to a COPY of the same rows', async () => {
    const [{ n: before }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM child`);
    const r = await importBenchmark(db.url, api, { rows: 50, token, pollMs: 100 });
    expect(r).toMatchObject({ rows: 50, accepted: 50, failed: 0, unchanged: 0, files: 1, refusals: [] });
    expect(r.database).toMatchObject({ children: 50, decisions: 50 });
    // nine in ten rows agreed to be contacted: each of those children has a case
    expect(r.database.casesOpened).toBe(45);
    const [{ n: after }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM child`);
    expect(after - before).toBe(50);
    // the baseline loaded the same rows, and its scratch table is gone
    expect(['copy', 'unnest']).toContain(r.baseline.method);
    expect(r.baseline.rowsPerSecond).toBeGreaterThan(0);
    expect(r.rowsPerSecond).toBeGreaterThan(0);
    expect(r.ratio).toBeGreaterThan(0);
    expect(await query(`SELECT 1 FROM pg_class WHERE relname LIKE 'bench_import_copy_%'`)).toEqual([]);
  });

  it('makes new children again on a second run, never one the database already holds', async () => {
    const r = await importBenchmark(db.url, api, { rows: 20, token, pollMs: 100, baselineRepeat: 1 });
    expect(r).toMatchObject({ accepted: 20, failed: 0, unchanged: 0 });
    expect(r.database.children).toBe(20);
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM child c JOIN disability_decision d ON d.child_id = c.id GROUP BY c.id ORDER BY 1 DESC LIMIT 1`,
    );
    expect(n).toBe(1);
  });
});
