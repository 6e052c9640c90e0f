'use strict';
// The benchmarks themselves: the API process, scans vs the one-INSERT baseline, billing vs the
// INSERT … SELECT floor, and report timings. Each returns plain figures; run.js turns them into ratios.
require('../ts-register');
const { heapFlags } = require('../../scripts/lib/heap');
require('reflect-metadata');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const { withClient } = require('./db');
const { qrPayloadAt } = require('../../libs/src/visits/totp');
const { client, closedLoop, fixedRate } = require('./http-load');

const root = path.resolve(__dirname, '..', '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Peak and current resident memory of a process, from /proc (Linux). */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number((new RegExp(`${key}:\\s+(\\d+)`).exec(status) ?? [])[1] ?? NaN);
    return { peakRssMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
  } catch {
    return { peakRssMb: null, rssMb: null };
  }
}

/** The real API (TypeScript sources through SWC) against `url`, with the benchmark-only routes on. */
async function startApi(url, { log = () => {}, worker = false } = {}) {
  return startProcess(url, 'api', { log, worker });
}

/** The separate job worker (api/src/worker.ts) against the same database: started when its log says so. */
async function startWorker(url, { log = () => {} } = {}) {
  return startProcess(url, 'worker', { log, worker: true });
}

async function startProcess(url, kind, { log, worker }) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: url,
    PORT: String(port),
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    BENCH_ROUTES: 'true',
    LOG_LEVEL: kind === 'worker' ? 'info' : 'error',
    AUTH_RATE_LIMIT: '100000',
    RUN_WORKER_IN_API: worker ? 'true' : 'false',
  };
  delete env.REDIS_URL;
  const entry = kind === 'worker' ? 'api/src/worker.ts' : 'api/src/main.ts';
  // BENCH_NODE_ARGS: extra Node flags for the API and worker, e.g. `--cpu-prof --cpu-prof-dir=prof` to profile them
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...heapFlags(), ...nodeArgs, '-r', path.join(root, 'bench/ts-register.js'), path.join(root, entry)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  child.stdout.on('data', (d) => (stdout = (stdout + d).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${kind} exited during start: ${stderr}`);
    if (kind === 'worker') {
      if (stdout.includes('worker.started')) break;
    } else {
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) break;
      } catch {
        /* not yet listening */
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the ${kind} did not start in time: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`${kind} started${kind === 'api' ? ` on ${base}` : ''} (pid ${child.pid})`);
  return {
    base,
    pid: child.pid,
    request: client(base),
    memory: () => memoryOf(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

async function login(api, email, password) {
  const r = await api.request('POST', '/api/auth/login', { email, password });
  if (r.status !== 200 && r.status !== 201) throw new Error(`login ${email}: ${r.status} ${r.text.slice(0, 200)}`);
  return r.body.accessToken;
}

/**
 * Specialists with individual contracts, each with the children (cards) they serve; every chosen child
 * gets a family device whose secret the benchmark knows, so it can show valid rotating codes.
 */
async function prepareScans(url, api, { specialists, password }) {
  const rows = await withClient(url, async (c) => {
    await c.query(
      `CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, client_scan_id uuid NOT NULL, actor_user_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await c.query(
      `WITH chosen AS (
         SELECT cs.specialist_id FROM contract_specialist cs JOIN contract k ON k.id = cs.contract_id
          WHERE k.status = 'active' AND k.delivery_mode = 'individual' AND COALESCE(k.unit_minutes, 60) <= 120 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT $1)
       SELECT u.email, s.id AS specialist_id, k.id AS contract_id, k.child_id, k.unit_minutes, cd.number AS card_number
         FROM chosen JOIN specialist s ON s.id = chosen.specialist_id JOIN app_user u ON u.id = s.user_id
         JOIN contract_specialist cs ON cs.specialist_id = s.id JOIN contract k ON k.id = cs.contract_id AND k.status = 'active' AND k.delivery_mode = 'individual' AND COALESCE(k.unit_minutes, 60) <= 120
         JOIN card cd ON cd.child_id = k.child_id AND cd.status = 'active'
        ORDER BY u.email, k.id`,
      [specialists],
    );
    const household = crypto.randomUUID();
    const familyUser = crypto.randomUUID();
    await c.query(`INSERT INTO organisation (id, name, kind) VALUES ($1, 'Bench household', 'household')`, [household]);
    await c.query(`INSERT INTO app_user (id, email, full_name, role, organisation_id, password_hash) VALUES ($1, $2, 'Bench family', 'family', $3, 'x')`, [
      familyUser,
      `family.${household}@bench.lidz.lv`,
      household,
    ]);
    const secrets = new Map();
    for (const childId of new Set(rows.map((r) => r.child_id))) {
      const secret = crypto.randomBytes(32).toString('base64url');
      secrets.set(childId, secret);
      await c.query(`INSERT INTO family_device (child_id, user_id, label, secret) VALUES ($1, $2, 'bench phone', $3)`, [childId, familyUser, secret]);
    }
    return rows.map((r) => ({ ...r, secret: secrets.get(r.child_id) }));
  });
  const bySpecialist = new Map();
  for (const r of rows) bySpecialist.set(r.email, [...(bySpecialist.get(r.email) ?? []), r]);
  const workers = [];
  for (const [email, contracts] of bySpecialist) workers.push({ email, token: await login(api, email, password), contracts, k: 0, pending: null });
  if (!workers.length) throw new Error('no specialist with an individual contract to scan for');
  return workers;
}

/**
 * The next scan of one specialist: check-in, then check-out one unit later, pair after pair, in a
 * simulated past (the app accepts offline scans within 95 days) so each pair has its own code steps.
 */
function nextScan(worker, startMs) {
  if (worker.pending) {
    const s = worker.pending;
    worker.pending = null;
    return s;
  }
  const c = worker.contracts[worker.k % worker.contracts.length];
  // night slots (00:00–05:30 UTC, 02:00–07:30 in Riga): the generated population's visits are in the
  // daytime, so the stream does not collide with a specialist's recorded history (as live scans would not)
  const slotMs = ((c.unit_minutes ?? 45) + 5) * 60_000;
  const perNight = Math.max(1, Math.floor((330 * 60_000) / slotMs));
  const at = startMs + Math.floor(worker.k / perNight) * 86_400_000 + (worker.k % perNight) * slotMs;
  worker.k += 1;
  const mk = (kind, t) => ({
    clientScanId: crypto.randomUUID(),
    kind,
    method: 'qr',
    code: qrPayloadAt(c.secret, c.card_number, t),
    contractId: c.contract_id,
    scannedAt: new Date(t).toISOString(),
  });
  worker.pending = mk('check_out', at + (c.unit_minutes ?? 45) * 60_000);
  return mk('check_in', at);
}

async function scanBenchmark(api, workers, { seconds, log = () => {} }) {
  const startMs = Math.floor(Date.now() / 86_400_000 - 80) * 86_400_000; // midnight UTC, 80 days ago
  const baselineStep = async (w) => {
    const r = await api.request('POST', '/api/bench/baseline', { clientScanId: crypto.randomUUID() }, workers[w % workers.length].token);
    return { ok: r.status === 201, status: r.status };
  };
  const scanStep = async (w) => {
    const worker = workers[w % workers.length];
    const body = nextScan(worker, startMs);
    const r = await api.request('POST', '/api/visits/scan', body, worker.token);
    return { ok: r.status === 200 || r.status === 201, status: r.status };
  };
  const n = workers.length;
  // warm-up: connections, JIT, caches
  await closedLoop({ workers: n, seconds: Math.min(3, seconds / 3), step: baselineStep });
  await closedLoop({ workers: n, seconds: Math.min(3, seconds / 3), step: scanStep });
  const baseline = await closedLoop({ workers: n, seconds, step: baselineStep });
  log(`baseline (one INSERT): ${baseline.perSecond}/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms`);
  const scans = await closedLoop({ workers: n, seconds, step: scanStep });
  log(`scans saturated: ${scans.perSecond}/s, p50 ${scans.p50Ms} ms, p99 ${scans.p99Ms} ms, statuses ${JSON.stringify(scans.statuses)}`);
  const halfRate = Math.max(1, scans.perSecond / 2);
  const half = await fixedRate({ perSecond: halfRate, seconds, workers: n, step: scanStep });
  log(`scans at half rate (${halfRate.toFixed(1)}/s): p50 ${half.p50Ms} ms, p99 ${half.p99Ms} ms`);
  return { specialists: n, baseline, scans, halfRate: { targetPerSecond: Math.round(halfRate * 10) / 10, ...half } };
}

/** The claim lines a billing run makes, as ONE statement: what PostgreSQL needs at the least. */
const FLOOR_SQL = `
  INSERT INTO claim_line (kind, visit_id, contract_id, child_id, provider_organisation_id, basket_line_id, funding_source, payer_key, service_code, service_date,
                          unit_kind, unit_minutes, unit_price_cents, verified_minutes, billed_minutes, quantity_milli, participants, amount_cents)
  SELECT 'claim', x.id, x.contract_id, x.child_id, x.provider_organisation_id, x.basket_line_id, x.funding_source,
         CASE WHEN x.funding_source = 'MUNICIPALITY' THEN 'MUNICIPALITY:' || x.municipality_code ELSE x.funding_source END,
         x.service_code, x.service_date, x.unit_kind, x.unit_minutes, x.unit_price_cents, x.duration, x.billed,
         round(x.billed * 1000.0 / x.unit_minutes)::int, x.participants,
         floor((x.unit_price_cents * x.billed * 2 + x.unit_minutes * x.participants) / (2 * x.unit_minutes * x.participants))::bigint
    FROM (SELECT v.id, v.contract_id, v.child_id, v.provider_organisation_id, c.basket_line_id, bl.funding_source, ch.municipality_code, v.service_code,
                 (v.check_in_at AT TIME ZONE 'Europe/Riga')::date AS service_date, s.unit_kind, coalesce(c.unit_minutes, s.unit_minutes, 60) AS unit_minutes,
                 c.unit_price_cents, coalesce(v.duration_minutes, 0) AS duration,
                 CASE WHEN s.unit_kind = 'hour' THEN (coalesce(v.duration_minutes, 0) / 15) * 15
                      ELSE least(coalesce(v.duration_minutes, 0), coalesce(c.unit_minutes, s.unit_minutes, 60)) END AS billed,
                 CASE WHEN c.delivery_mode = 'group' THEN greatest(1, CASE WHEN v.group_size > 1 THEN v.group_size ELSE c.group_size END) ELSE 1 END AS participants
            FROM visit v JOIN contract c ON c.id = v.contract_id JOIN catalogue_service s ON s.code = c.service_code
            JOIN child ch ON ch.id = v.child_id JOIN basket_line bl ON bl.id = c.basket_line_id
           WHERE v.status = 'verified'
             AND v.check_in_at >= ($1::timestamp AT TIME ZONE 'Europe/Riga') AND v.check_in_at < ($2::timestamp AT TIME ZONE 'Europe/Riga')
             AND ($3::varchar IS NULL OR ch.municipality_code = $3)
             AND NOT EXISTS (SELECT 1 FROM claim_line cl WHERE cl.visit_id = v.id AND cl.kind = 'claim')) x`;

const monthAfter = (ym) => {
  const [y, m] = ym.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * The billing runs of the unbilled months (the real BillingRunner, in this process), against the floor:
 * the same claim lines from one INSERT … SELECT, timed inside a transaction that is rolled back.
 */
async function billingBenchmark(url, months, { log = () => {}, municipalityVisits = null }) {
  const { createDataSource } = require('../../api/src/database/data-source');
  const { BillingRunner } = require('../../api/src/modules/billing/billing-runner');
  const { LedgerService } = require('../../api/src/modules/budgets/ledger.service');
  require('../../api/src/common/http/logger').setLogLevel('warn');
  const ds = createDataSource(url, 4);
  await ds.initialize();
  try {
    const range = [`${months[0]}-01`, `${monthAfter(months[months.length - 1])}-01`];
    let municipality = null;
    if (municipalityVisits) {
      // one municipality's run, the one whose visits to bill are nearest the asked number
      const [m] = await ds.query(
        `SELECT ch.municipality_code AS code, count(*)::int AS n FROM visit v JOIN child ch ON ch.id = v.child_id
          WHERE v.status = 'verified' AND NOT v.billed AND v.check_in_at >= ($1::timestamp AT TIME ZONE 'Europe/Riga') AND v.check_in_at < ($2::timestamp AT TIME ZONE 'Europe/Riga')
          GROUP BY 1 ORDER BY abs(count(*) - $3), 1 LIMIT 1`,
        [...range, municipalityVisits],
      );
      municipality = m?.code ?? null;
    }
    let floorMs = 0;
    let floorLines = 0;
    await withClient(url, async (c) => {
      for (const ym of months) {
        await c.query('BEGIN');
        const t0 = process.hrtime.bigint();
        const res = await c.query(FLOOR_SQL, [`${ym}-01`, `${monthAfter(ym)}-01`, municipality]);
        floorMs += Number(process.hrtime.bigint() - t0) / 1e6;
        floorLines += res.rowCount ?? 0;
        await c.query('ROLLBACK');
      }
    });
    const [{ n: toBill }] = await ds.query(
      `SELECT count(*)::int AS n FROM visit v JOIN child ch ON ch.id = v.child_id WHERE v.status = 'verified' AND NOT v.billed
          AND v.check_in_at >= ($1::timestamp AT TIME ZONE 'Europe/Riga') AND v.check_in_at < ($2::timestamp AT TIME ZONE 'Europe/Riga') AND ($3::varchar IS NULL OR ch.municipality_code = $3)`,
      [...range, municipality],
    );
    log(`floor (INSERT … SELECT, rolled back): ${floorLines} lines in ${(floorMs / 1000).toFixed(2)} s`);
    const [admin] = await ds.query(`SELECT id FROM app_user WHERE role = 'platform_admin' ORDER BY created_at LIMIT 1`);
    const runner = new BillingRunner(ds, new LedgerService());
    let lines = 0;
    let skipped = 0;
    const t0 = process.hrtime.bigint();
    for (const ym of months) {
      const [{ id }] = await ds.query(`INSERT INTO billing_run (month, municipality_code, started_by_user_id) VALUES ($1, $2, $3) RETURNING id`, [
        ym,
        municipality,
        admin?.id ?? null,
      ]);
      const run = await runner.execute(id);
      lines += run.linesCreated;
      skipped += run.visitsSkipped;
    }
    const runMs = Number(process.hrtime.bigint() - t0) / 1e6;
    log(`billing runs: ${lines} lines (${skipped} skipped) in ${(runMs / 1000).toFixed(2)} s`);
    return {
      months,
      municipality,
      verifiedVisits: toBill,
      floor: { lines: floorLines, seconds: Math.round(floorMs) / 1000, visitsPerSecond: Math.round((floorLines / floorMs) * 1000) },
      run: { lines, skipped, seconds: Math.round(runMs) / 1000, visitsPerSecond: Math.round((lines / runMs) * 1000) },
    };
  } finally {
    await ds.destroy();
  }
}

const REPORTS = ['spend', 'needs', 'unmet', 'waiting-times', 'overlaps', 'caseloads', 'integrity'];

/** Each ministry report (and the public summary) over the generated months: the median of `repeat` calls. */
async function reportTimings(api, { from, to, repeat = 3, token }) {
  const out = {};
  const paths = [
    ...REPORTS.map((r) => [r, `/api/reports/${r}?from=${from}&to=${to}`]),
    ['monthly-summary', `/api/public/monthly-summary?from=${from}&to=${to}`],
  ];
  for (const [name, p] of paths) {
    const times = [];
    let status = null;
    await api.request('GET', p, undefined, token); // warm-up
    for (let i = 0; i < repeat; i++) {
      const t0 = process.hrtime.bigint();
      const r = await api.request('GET', p, undefined, token);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      status = r.status;
    }
    times.sort((a, b) => a - b);
    out[name] = { ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10, status };
  }
  return out;
}

/**
 * The same reports on two servers (1× and 10× visits), call by call in turn, so that whatever else the
 * machine is doing weighs on both sides alike; the median of `repeat` calls per side.
 */
async function pairedReportTimings(a, b, { from, to, repeat = 5, tokenA, tokenB }) {
  const outA = {};
  const outB = {};
  const paths = [
    ...REPORTS.map((r) => [r, `/api/reports/${r}?from=${from}&to=${to}`]),
    ['monthly-summary', `/api/public/monthly-summary?from=${from}&to=${to}`],
  ];
  const median = (xs) => Math.round([...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] * 10) / 10;
  for (const [name, p] of paths) {
    const ta = [];
    const tb = [];
    let sa = null;
    let sb = null;
    await a.request('GET', p, undefined, tokenA);
    await b.request('GET', p, undefined, tokenB);
    for (let i = 0; i < repeat; i++) {
      const sides = [
        [a, tokenA, ta, 'a'],
        [b, tokenB, tb, 'b'],
      ];
      // who goes first alternates, so neither side always meets a warmer cache
      for (const [api, token, times, side] of i % 2 ? sides.reverse() : sides) {
        const t0 = process.hrtime.bigint();
        const r = await api.request('GET', p, undefined, token);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (side === 'a') sa = r.status;
        else sb = r.status;
      }
    }
    outA[name] = { ms: median(ta), status: sa };
    outB[name] = { ms: median(tb), status: sb };
  }
  return [outA, outB];
}

module.exports = {
  pairedReportTimings,
  startApi,
  startWorker,
  login,
  prepareScans,
  scanBenchmark,
  billingBenchmark,
  reportTimings,
  REPORTS,
  FLOOR_SQL,
  withClient,
  memoryOf,
};
