import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

// The benchmark runner is plain CommonJS (it runs without a build); Jest loads it as it is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runBench, markdown } = require('../../bench/run.js');

/**
 * `npm run bench` at a tiny scale, so the suite keeps working: its own databases, its own API and
 * worker processes, every benchmark once. Timings are not asserted — only that each figure was measured
 * against its baseline and the requests succeeded.
 */
describe('npm run bench (tiny smoke run)', () => {
  const prefix = `lidz_bs_${randomBytes(4).toString('hex')}`;
  const server = () => process.env.LIDZ_TEST_SERVER_URL as string;

  afterAll(async () => {
    const c = new Client({ connectionString: server() });
    await c.connect();
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}_%`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await c.end();
  });

  it('measures scans, billing, reports and memory, each next to its target', async () => {
    const r = await runBench({
      mode: 'smoke',
      serverUrl: server(),
      databasePrefix: prefix,
      log: () => {},
      children: 24,
      months: 2,
      seconds: 1,
      specialists: 2,
      unbilledMonths: 1,
      reportRepeat: 1,
      skip10x: false,
      importRows: 12,
    });
    // the populations were loaded in this run
    expect(r.seed.x1.loadedInThisRun).toBe(true);
    expect(r.seed.x10.loadedInThisRun).toBe(true);
    // imports: every decision went through the API and the worker; the COPY baseline was measured
    expect(r.imports).toMatchObject({ rows: 12, accepted: 12, failed: 0 });
    expect(r.imports.baseline.rowsPerSecond).toBeGreaterThan(0);
    // scans: real pairs went through, and so did the baseline
    expect(r.scans.baseline.requests).toBeGreaterThan(0);
    expect(r.scans.baseline.errors).toBe(0);
    expect(r.scans.scans.requests).toBeGreaterThan(0);
    expect(r.scans.scans.errors).toBe(0);
    // billing: the run made exactly the claim lines the floor statement makes
    expect(r.billing.floor.lines).toBeGreaterThan(0);
    expect(r.billing.run.lines).toBe(r.billing.floor.lines);
    // reports: every report answered at both sizes
    for (const v of Object.values(r.reports) as { status1x: number; status10x: number }[]) expect([v.status1x, v.status10x]).toEqual([200, 200]);
    expect(r.seed.x10.visits).toBeGreaterThan(r.seed.x1.visits * 5);
    // every ratio has a value and a verdict
    for (const key of ['scanThroughputRatio', 'scanP99AtHalfRateMs', 'billingSpeedRatio', 'reportTimeRatio10x', 'apiPeakRssMb', 'workerPeakRssMb']) {
      expect(r.ratios[key].value).not.toBeNull();
      expect(['PASS', 'FAIL']).toContain(r.ratios[key].verdict);
    }
    const md = markdown(r);
    expect(md).toContain('| billingSpeedRatio |');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
    fs.writeFileSync(path.join(out, 'RESULTS.md'), md);
    fs.rmSync(out, { recursive: true, force: true });

    // a second run with the same options measures on the kept population, not a reload, and the
    // working copy starts from the population as loaded (the first run's scans and billing are not in it)
    const again = await runBench({
      mode: 'smoke',
      serverUrl: server(),
      databasePrefix: prefix,
      log: () => {},
      children: 24,
      months: 2,
      seconds: 1,
      specialists: 2,
      unbilledMonths: 1,
      reportRepeat: 1,
      skip10x: true,
      importRows: 0,
    });
    expect(again.seed.x1.loadedInThisRun).toBe(false);
    expect(again.seed.x1.database).toBe(r.seed.x1.database);
    expect(again.billing.floor.lines).toBe(r.billing.floor.lines);
    expect(again.billing.run.lines).toBe(r.billing.floor.lines);
  }, 900_000);
});
