#!/usr/bin/env node
// `npm run bench [-- --quick | --small] [--fresh] [--children N] [--months M] [--seconds S] [--specialists N] [--skip-10x]`
//
// Latvia by default (`--full` says the same); `--small` (400 children × 6 months) and `--quick` (80 × 3)
// to try it. Loads the scale populations once per machine (DATABASE_URL's server, else an embedded
// PostgreSQL under .data/bench-pg), starts its own API process and worker, and measures every figure as
// a RATIO to a baseline taken in the same run on the same machine:
//   scans   — POST /api/visits/scan pairs vs a same-server route doing one INSERT (≥ 0.5), p99 at half rate (< 100 ms)
//   billing — the billing run vs one INSERT … SELECT making the same claim lines (≥ 0.25 of its speed)
//   reports — each report at 10× visits with the same children vs 1× (< 2× the time)
//   memory  — API peak RSS during the scan benchmark (< 300 MB)
// Writes bench/results.json and bench/RESULTS.md.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs, openServer } = require('./lib/db');

const PRESETS = {
  quick: { children: 80, months: 3, seconds: 4, specialists: 4, unbilledMonths: 1, reportRepeat: 1, importRows: 500 },
  small: { children: 400, months: 6, seconds: 15, specialists: 12, unbilledMonths: 1, reportRepeat: 5, importRows: 4000 },
  // Latvia: the population, scans, billing and 1× reports at 16,000 children × 12 months (~2.5 M visits);
  // the last 5 months (~1 M verified visits) are left unbilled and the billing runs bill them all
  // (`--billing-months 1` bills one national month, ~200,000 visits). The 10× report
  // pair uses 800 of the children (10× ≈ 1.2 M visits): a 10× Latvia (~25 M visits) would not load in the
  // 15-minute budget on 2 cores, and the reports read rollups whose size follows children and months.
  latvia: {
    children: 16000,
    months: 12,
    seconds: 15,
    specialists: 32,
    unbilledMonths: 5,
    reportRepeat: 5,
    reportChildren: 800,
    importRows: 16000,
  },
};

const TARGETS = {
  scanThroughputRatio: { min: 0.5, text: '≥ 0.5 of the one-INSERT baseline' },
  scanP99AtHalfRateMs: { max: 100, text: 'p99 < 100 ms at half the saturated rate' },
  billingSpeedRatio: { min: 0.25, text: '≥ 0.25 of the INSERT … SELECT speed' },
  reportTimeRatio10x: { max: 2, text: '10× visits < 2× the time' },
  apiPeakRssMb: { max: 300, text: '< 300 MB' },
  workerPeakRssMb: { max: 300, text: '< 300 MB' },
  importSpeedRatio: { text: 'reported (no target set)' },
};

function verdict(key, value) {
  const t = TARGETS[key];
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (t.min === undefined && t.max === undefined) return 'info';
  if (t.min !== undefined) return value >= t.min ? 'PASS' : 'FAIL';
  return value < t.max ? 'PASS' : 'FAIL';
}

const round = (x, d = 3) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

async function runBench(opts) {
  const log = opts.log ?? ((l) => console.log(`[bench] ${l}`));
  const { pairedReportTimings, startApi, startWorker, login, prepareScans, scanBenchmark, billingBenchmark, reportTimings } = require('./lib/scenarios');
  const { population, copyOf } = require('./lib/population');
  const { importBenchmark } = require('./lib/imports');
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
    phases: {},
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

    const phase = async (name, fn) => {
      const t0 = Date.now();
      try {
        return await fn();
      } finally {
        results.phases[name] = Math.round((Date.now() - t0) / 100) / 10;
        log(`phase ${name}: ${results.phases[name]} s`);
      }
    };

    // ---- the 1× population (loaded once per machine and kept; see lib/population.js), and a working copy of it
    const seedOpts = { children: opts.children, months: opts.months, unbilledMonths: opts.unbilledMonths, log: (l) => log(`seed 1×: ${l}`) };
    const pop1 = await phase('population 1×', () => population(server.serverUrl, { prefix, name: 'x1', seedOpts, fresh: opts.fresh, log }));
    results.seed.x1 = summariseSeed(pop1);
    const url1 = await phase('working copy', () => copyOf(server.serverUrl, pop1.database, `${prefix}_1x`));
    const months = results.seed.x1.months;
    from = months[0];
    to = months[months.length - 1];

    // ---- scans vs baseline, memory
    const api1 = await startApi(url1, { log });
    apis.push(api1);
    const worker1 = await startWorker(url1, { log });
    apis.push(worker1);
    const scans = await phase('scans', async () => {
      const workers = await prepareScans(url1, api1, { specialists: opts.specialists, password: SCALE_PASSWORD });
      return scanBenchmark(api1, workers, { seconds: opts.seconds, log });
    });
    results.scans = scans;
    results.memory = {
      api: api1.memory(),
      worker: worker1.memory(),
      note: 'peak RSS (VmHWM) of the API and of a separate worker on the same database, after the scan benchmark',
    };

    // ---- reports at 1×
    // the platform admin sees every municipality and funding source: the heaviest form of each report
    const admin = await login(api1, `admin@${SCALE_EMAIL_DOMAIN}`, SCALE_PASSWORD);
    const reports1 = await phase('reports 1×', () => reportTimings(api1, { from, to, repeat: opts.reportRepeat, token: admin }));

    // ---- decision imports through the API and the worker vs a plain COPY of the same rows
    if (opts.importRows > 0) {
      results.imports = await phase('imports', () => importBenchmark(url1, api1, { rows: opts.importRows, token: admin, log }));
      results.memory.workerAfterImports = worker1.memory();
    }
    await worker1.stop();
    await api1.stop();
    apis.length = 0;

    // ---- billing: the unbilled months (plus the visits the scan benchmark added to them)
    const unbilled = months.slice(months.length - opts.unbilledMonths).slice(0, opts.billingMonths ?? opts.unbilledMonths);
    results.billing = await phase('billing', () => billingBenchmark(url1, unbilled, { log, municipalityVisits: opts.billingMunicipalityVisits }));

    // ---- reports at 10× visits, same children (both populations read-only, so used as kept)
    let reports10 = null;
    let reportsBase = reports1;
    if (!opts.skip10x) {
      const pairChildren = opts.reportChildren ?? opts.children;
      const pairOpts = { ...seedOpts, children: pairChildren };
      let urlBase = pop1.url;
      if (pairChildren !== opts.children) {
        const base = await phase('population pair 1×', () =>
          population(server.serverUrl, { prefix, name: 'r1', seedOpts: { ...pairOpts, log: (l) => log(`seed pair 1×: ${l}`) }, fresh: opts.fresh, log }),
        );
        results.seed.pair1x = summariseSeed(base);
        urlBase = base.url;
      }
      const pop10 = await phase('population 10×', () =>
        population(server.serverUrl, { prefix, name: 'x10', seedOpts: { ...pairOpts, visitsFactor: 10, log: (l) => log(`seed 10×: ${l}`) }, fresh: opts.fresh, log }),
      );
      results.seed.x10 = summariseSeed(pop10);
      [reportsBase, reports10] = await phase('reports pair', () => timeReportPair(urlBase, pop10.url));
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
      importSpeedRatio: results.imports ? round(results.imports.ratio, 5) : null,
    };
    for (const [k, v] of Object.entries(ratios)) results.ratios[k] = { value: v, target: TARGETS[k].text, verdict: verdict(k, v) };
    results.seconds = Math.round((Date.now() - started) / 1000);
    return results;
  } finally {
    for (const a of apis) await a.stop();
    await server.stop();
  }
}

function summariseSeed(p) {
  const s = p.seed;
  return {
    visits: s.visits,
    totalRows: s.totalRows,
    seconds: round(s.seconds, 1),
    rowsPerSecond: s.rowsPerSecond,
    rollupSeconds: round(s.rollupSeconds, 2),
    months: s.months,
    rows: s.rows,
    database: p.database,
    loadedInThisRun: p.loadedInThisRun,
    loadedAt: p.loadedAt,
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
  if (r.imports) {
    const i = r.imports;
    lines.push('', '## Imports (disability decisions through the API and the worker)', '');
    lines.push('| | rows | seconds | rows/s |', '|---|---|---|---|');
    lines.push(`| baseline: plain ${i.baseline.method.toUpperCase()} of the same rows | ${i.rows} | ${i.baseline.seconds} | ${i.baseline.rowsPerSecond} |`);
    lines.push(`| import (${i.files} file(s) of up to ${i.fileRows} rows) | ${i.accepted} accepted, ${i.failed} failed | ${i.seconds} | ${i.rowsPerSecond} |`);
    if (r.memory.workerAfterImports) lines.push('', `Worker peak RSS after the imports: ${r.memory.workerAfterImports.peakRssMb} MB.`);
    lines.push('', `Ratio ${i.ratio}; ${i.refusals?.length ? `refused as one file: ${i.refusals.map((x) => `${x.status} ${x.code ?? ''}`).join(', ')}` : 'one file'}.`);
  }
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
  lines.push('', '## Loading the population', '', '| | visits | rows | seconds | rows/s | rollup rebuild s | loaded |', '|---|---|---|---|---|---|---|');
  for (const [k, s] of Object.entries(r.seed))
    lines.push(`| ${k} | ${s.visits} | ${s.totalRows} | ${s.seconds} | ${s.rowsPerSecond} | ${s.rollupSeconds} | ${s.loadedInThisRun ? 'in this run' : `kept from ${s.loadedAt}`} |`);
  lines.push('', '## Where the run\'s time went (s)', '', '| Phase | seconds |', '|---|---|');
  for (const [k, v] of Object.entries(r.phases ?? {})) lines.push(`| ${k} | ${v} |`);
  lines.push('');
  return lines.join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const mode = args.quick ? 'quick' : args.small ? 'small' : 'latvia';
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
    billingMonths: args['billing-months'] ? Number(args['billing-months']) : p.billingMonths,
    importRows: args['import-rows'] !== undefined ? Number(args['import-rows']) : p.importRows,
    fresh: Boolean(args.fresh),
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
