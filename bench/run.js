#!/usr/bin/env node
// `npm run bench [-- --quick | --full] [--children N] [--months M] [--seconds S] [--specialists N] [--skip-10x]`
//
// Seeds its own databases with the scale population (DATABASE_URL's server, else an embedded PostgreSQL
// under .data/bench-pg), starts its own API process, and measures every figure as a RATIO to a baseline
// taken in the same run on the same machine:
//   scans   — POST /api/visits/scan pairs vs a same-server route doing one INSERT (≥ 0.5), p99 at half rate (< 100 ms)
//   billing — the billing run vs one INSERT … SELECT making the same claim lines (≥ 0.25 of its speed)
//   reports — each report at 10× visits with the same children vs 1× (< 2× the time)
//   memory  — API peak RSS during the scan benchmark (< 300 MB)
// Writes bench/results.json and bench/RESULTS.md.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs, openServer, createDatabase } = require('./lib/db');

const PRESETS = {
  quick: { children: 80, months: 3, seconds: 4, specialists: 4, unbilledMonths: 1, reportRepeat: 1 },
  default: { children: 400, months: 6, seconds: 15, specialists: 12, unbilledMonths: 1, reportRepeat: 5 },
  // Latvia: scans, billing and 1× reports at 16,000 children; the 10× report pair at 1,600 children (10× ≈ Latvia's
  // yearly visits); billing bills one municipality of about 5,000 visits, since the runner's per-visit cost
  // would take over an hour for the whole month (see docs/performance.md)
  full: {
    children: 16000,
    months: 12,
    seconds: 30,
    specialists: 40,
    unbilledMonths: 1,
    reportRepeat: 5,
    reportChildren: 1600,
    billingMunicipalityVisits: 5000,
  },
};

const TARGETS = {
  scanThroughputRatio: { min: 0.5, text: '≥ 0.5 of the one-INSERT baseline' },
  scanP99AtHalfRateMs: { max: 100, text: 'p99 < 100 ms at half the saturated rate' },
  billingSpeedRatio: { min: 0.25, text: '≥ 0.25 of the INSERT … SELECT speed' },
  reportTimeRatio10x: { max: 2, text: '10× visits < 2× the time' },
  apiPeakRssMb: { max: 300, text: '< 300 MB' },
  workerPeakRssMb: { max: 300, text: '< 300 MB' },
};

function verdict(key, value) {
  const t = TARGETS[key];
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (t.min !== undefined) return value >= t.min ? 'PASS' : 'FAIL';
  return value < t.max ? 'PASS' : 'FAIL';
}

const round = (x, d = 3) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

async function runBench(opts) {
  const log = opts.log ?? ((l) => console.log(`[bench] ${l}`));
  const { seedScaleAt } = require('./lib/seed');
  const { pairedReportTimings, startApi, startWorker, login, prepareScans, scanBenchmark, billingBenchmark, reportTimings } = require('./lib/scenarios');
  const { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD } = require('../api/src/modules/scale/seed-scale');
  const server = opts.serverUrl
    ? { serverUrl: opts.serverUrl, stop: async () => {} }
    : await openServer({ dataDir: path.join(__dirname, '..', '.data', 'bench-pg'), port: process.env.BENCH_PG_PORT || 54339 });
  const prefix = opts.databasePrefix ?? 'lidz_bench';
  const started = Date.now();
  const results = {
    when: new Date().toISOString(),
    mode: opts.mode,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    },
    scale: { children: opts.children, months: opts.months, unbilledMonths: opts.unbilledMonths },
    seed: {},
    ratios: {},
  };
  const apis = [];
  try {
    const timeReportPair = async (urlA, urlB) => {
      const [a, b] = await Promise.all([startApi(urlA, { log }), startApi(urlB, { log })]);
      apis.push(a, b);
      try {
        const [tokenA, tokenB] = [await login(a, `admin@${SCALE_EMAIL_DOMAIN}`, SCALE_PASSWORD), await login(b, `admin@${SCALE_EMAIL_DOMAIN}`, SCALE_PASSWORD)];
        return await pairedReportTimings(a, b, { from, to, repeat: opts.reportRepeat, tokenA, tokenB });
      } finally {
        await a.stop();
        await b.stop();
        apis.length = 0;
      }
    };
    let from;
    let to;

    // ---- 1× population
    const url1 = await createDatabase(server.serverUrl, `${prefix}_1x`, true);
    const seedOpts = { children: opts.children, months: opts.months, unbilledMonths: opts.unbilledMonths, log: (l) => log(`seed 1×: ${l}`) };
    results.seed.x1 = summariseSeed(await seedScaleAt(url1, seedOpts));
    const months = results.seed.x1.months;
    from = months[0];
    to = months[months.length - 1];

    // ---- scans vs baseline, memory
    const api1 = await startApi(url1, { log });
    apis.push(api1);
    const worker1 = await startWorker(url1, { log });
    apis.push(worker1);
    const workers = await prepareScans(url1, api1, { specialists: opts.specialists, password: SCALE_PASSWORD });
    const scans = await scanBenchmark(api1, workers, { seconds: opts.seconds, log });
    results.scans = scans;
    results.memory = {
      api: api1.memory(),
      worker: worker1.memory(),
      note: 'peak RSS (VmHWM) of the API and of a separate worker on the same database, after the scan benchmark',
    };

    // ---- reports at 1×
    // the platform admin sees every municipality and funding source: the heaviest form of each report
    const admin = await login(api1, `admin@${SCALE_EMAIL_DOMAIN}`, SCALE_PASSWORD);
    const reports1 = await reportTimings(api1, { from, to, repeat: opts.reportRepeat, token: admin });
    await worker1.stop();
    await api1.stop();
    apis.length = 0;

    // ---- billing: the unbilled months (plus the visits the scan benchmark added to them)
    const unbilled = months.slice(months.length - opts.unbilledMonths);
    results.billing = await billingBenchmark(url1, unbilled, { log, municipalityVisits: opts.billingMunicipalityVisits });

    // ---- reports at 10× visits, same children. At Latvia size the 10× population (~30 M visits) would
    // take hours to load on 2 cores, so --full compares 1× and 10× at --report-children (the 10×
    // database then holds about Latvia's yearly visits); the 1× timings above stay at full size.
    let reports10 = null;
    let reportsBase = reports1;
    if (!opts.skip10x) {
      const pairChildren = opts.reportChildren ?? opts.children;
      const pairOpts = { ...seedOpts, children: pairChildren };
      let urlBase = url1;
      if (pairChildren !== opts.children) {
        urlBase = await createDatabase(server.serverUrl, `${prefix}_r1x`, true);
        results.seed.pair1x = summariseSeed(await seedScaleAt(urlBase, { ...pairOpts, log: (l) => log(`seed pair 1×: ${l}`) }));
      }
      const url10 = await createDatabase(server.serverUrl, `${prefix}_10x`, true);
      results.seed.x10 = summariseSeed(await seedScaleAt(url10, { ...pairOpts, visitsFactor: 10, log: (l) => log(`seed 10×: ${l}`) }));
      [reportsBase, reports10] = await timeReportPair(urlBase, url10);
      results.reportPair = {
        children: pairChildren,
        months: opts.months,
        method: '1× and 10× servers running side by side, calls alternating, median per side',
      };
    }
    results.reports = Object.fromEntries(
      Object.entries(reportsBase).map(([name, r1]) => {
        const r10 = reports10?.[name] ?? null;
        return [
          name,
          {
            ms1x: r1.ms,
            ms10x: r10?.ms ?? null,
            status1x: r1.status,
            status10x: r10?.status ?? null,
            ratio: r10 ? round(r10.ms / Math.max(r1.ms, 0.1), 2) : null,
            msAtFullSize: reports1[name]?.ms ?? null,
          },
        ];
      }),
    );

    // ---- ratios against targets
    // only reports that answered 200 at both sizes count
    const comparable = Object.values(results.reports).filter((r) => r.status1x === 200 && r.status10x === 200 && r.ratio !== null);
    const worstReport = comparable.length ? Math.max(...comparable.map((r) => r.ratio)) : null;
    const ratios = {
      scanThroughputRatio: round(scans.scans.perSecond / scans.baseline.perSecond),
      scanP99AtHalfRateMs: scans.halfRate.p99Ms,
      billingSpeedRatio: round(results.billing.run.visitsPerSecond / Math.max(results.billing.floor.visitsPerSecond, 1)),
      reportTimeRatio10x: worstReport,
      apiPeakRssMb: results.memory.api.peakRssMb,
      workerPeakRssMb: results.memory.worker.peakRssMb,
    };
    for (const [k, v] of Object.entries(ratios)) results.ratios[k] = { value: v, target: TARGETS[k].text, verdict: verdict(k, v) };
    results.seconds = Math.round((Date.now() - started) / 1000);
    return results;
  } finally {
    for (const a of apis) await a.stop();
    await server.stop();
  }
}

function summariseSeed(s) {
  return {
    visits: s.visits,
    totalRows: s.totalRows,
    seconds: round(s.seconds, 1),
    rowsPerSecond: s.rowsPerSecond,
    rollupSeconds: round(s.rollupSeconds, 2),
    months: s.months,
    rows: s.rows,
  };
}

function markdown(r) {
  const lines = [];
  lines.push(`# Benchmark results (${r.mode})`, '');
  lines.push(
    `Measured ${r.when} on ${r.machine.cpus} CPU(s) (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}; load average at start ${r.machine.loadAverageAtStart.join(' / ')}.`,
  );
  lines.push(
    `Scale: ${r.scale.children.toLocaleString('en')} children, ${r.scale.months} months; ${r.seed.x1.visits.toLocaleString('en')} visits at 1×${r.seed.x10 ? `, ${r.seed.x10.visits.toLocaleString('en')} at 10×` : ''}. Whole run: ${r.seconds} s.`,
    '',
  );
  lines.push('| Figure | Value | Target | Verdict |', '|---|---|---|---|');
  for (const [k, v] of Object.entries(r.ratios)) lines.push(`| ${k} | ${v.value ?? 'n/a'} | ${v.target} | ${v.verdict} |`);
  lines.push('', '## Scans (POST /api/visits/scan, check-in/check-out pairs with valid rotating codes)', '');
  lines.push('| Phase | req/s | p50 ms | p99 ms | errors |', '|---|---|---|---|---|');
  for (const [name, p] of [
    ['baseline: one INSERT', r.scans.baseline],
    ['scans, saturated', r.scans.scans],
    [`scans at half rate (${r.scans.halfRate.targetPerSecond}/s)`, r.scans.halfRate],
  ]) {
    lines.push(`| ${name} | ${p.perSecond} | ${p.p50Ms} | ${p.p99Ms} | ${p.errors} |`);
  }
  lines.push('', `${r.scans.specialists} concurrent specialists; status counts of the saturated phase: ${JSON.stringify(r.scans.scans.statuses)}.`);
  lines.push(`Peak RSS: API ${r.memory.api.peakRssMb} MB, worker ${r.memory.worker.peakRssMb} MB (${r.memory.note}).`);
  lines.push('', '## Billing', '');
  lines.push(
    `Months ${r.billing.months.join(', ')}${r.billing.municipality ? `, municipality ${r.billing.municipality}` : ''}: ${r.billing.verifiedVisits.toLocaleString('en')} verified visits to bill.`,
    '',
  );
  lines.push('| | lines | seconds | visits/s |', '|---|---|---|---|');
  lines.push(`| floor: one INSERT … SELECT | ${r.billing.floor.lines} | ${r.billing.floor.seconds} | ${r.billing.floor.visitsPerSecond} |`);
  lines.push(`| billing runs (BillingRunner) | ${r.billing.run.lines} | ${r.billing.run.seconds} | ${r.billing.run.visitsPerSecond} |`);
  lines.push(
    '',
    `## Reports (median ms, platform-wide scope${r.reportPair ? `; 1×/10× pair at ${r.reportPair.children.toLocaleString('en')} children` : ''})`,
    '',
    '| Report | 1× | 10× | ratio | HTTP status 1× / 10× | at full size |',
    '|---|---|---|---|---|---|',
  );
  for (const [name, v] of Object.entries(r.reports))
    lines.push(`| ${name} | ${v.ms1x} | ${v.ms10x ?? 'n/a'} | ${v.ratio ?? 'n/a'} | ${v.status1x} / ${v.status10x ?? 'n/a'} | ${v.msAtFullSize ?? 'n/a'} |`);
  lines.push('', '## Loading the population', '', '| | visits | rows | seconds | rows/s | rollup rebuild s |', '|---|---|---|---|---|---|');
  for (const [k, s] of Object.entries(r.seed)) lines.push(`| ${k} | ${s.visits} | ${s.totalRows} | ${s.seconds} | ${s.rowsPerSecond} | ${s.rollupSeconds} |`);
  lines.push('');
  return lines.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const mode = args.full ? 'full' : args.quick ? 'quick' : 'default';
  const p = PRESETS[mode];
  const opts = {
    mode,
    children: Number(args.children ?? p.children),
    months: Number(args.months ?? p.months),
    seconds: Number(args.seconds ?? p.seconds),
    specialists: Number(args.specialists ?? p.specialists),
    unbilledMonths: Number(args['unbilled-months'] ?? p.unbilledMonths),
    reportRepeat: p.reportRepeat,
    skip10x: Boolean(args['skip-10x']),
    databasePrefix: args.prefix ? String(args.prefix) : undefined,
    reportChildren: args['report-children'] ? Number(args['report-children']) : p.reportChildren,
    billingMunicipalityVisits: args['billing-municipality-visits'] ? Number(args['billing-municipality-visits']) : p.billingMunicipalityVisits,
  };
  const results = await runBench(opts);
  const outDir = args.out ? path.resolve(args.out) : __dirname;
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'RESULTS.md'), markdown(results));
  console.log('');
  for (const [k, v] of Object.entries(results.ratios))
    console.log(`${v.verdict.padEnd(4)}  ${k.padEnd(22)} ${String(v.value).padStart(10)}   target ${v.target}`);
  console.log(`\nwritten: ${path.join(outDir, 'results.json')}, ${path.join(outDir, 'RESULTS.md')} (${results.seconds} s)`);
}

module.exports = { runBench, markdown, PRESETS, TARGETS, verdict };

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
