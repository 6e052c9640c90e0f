#!/usr/bin/env node
// `npm test`: every tier in order — unit, integration, e2e, faults, browser — each a real Jest run, then one
// closing line "N passed, N failed" counted from Jest's JSON results (not from its console summary).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureChromium } = require('./lib/chromium');

const root = path.resolve(__dirname, '..');
const TIERS = ['unit', 'integration', 'e2e', 'faults', 'browser'];
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const tiers = asked.length ? asked : TIERS;
for (const t of tiers) {
  if (!TIERS.includes(t)) {
    console.error(`unknown tier "${t}"; choose from ${TIERS.join(', ')}`);
    process.exit(2);
  }
}

const resultsDir = path.join(root, '.data', 'test-results');

// The application logs of these tiers are scanned after the run: not one personal code may appear,
// not even masked (a masked one means some code tried to log it). Counted as one check per tier.
const LOG_SCANNED_TIERS = ['e2e', 'faults'];
const PERSONAL_CODE = /\b\d{6}-?\d{5}\b/;
const MASKED = '******-*****';

function scanLogs(dir) {
  let files = 0;
  let count = 0;
  for (const f of fs.readdirSync(dir)) {
    files += 1;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const line of text.split('\n')) {
      if (!line) continue;
      count += 1;
      if (PERSONAL_CODE.test(line)) return { ok: false, message: `a personal code in ${f}: ${line.slice(0, 300)}` };
      if (line.includes(MASKED)) return { ok: false, message: `a masked personal code in ${f} (some code logs one): ${line.slice(0, 300)}` };
    }
  }
  if (count === 0) return { ok: false, message: 'no log lines were written, so nothing could be checked' };
  return { ok: true, message: `${count} lines from ${files} processes scanned, no personal codes` };
}
fs.mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

for (const tier of tiers) {
  if (tier === 'browser') {
    const chromium = ensureChromium();
    if (!chromium.ok) {
      console.error(`\nBrowser tests cannot run: ${chromium.message}\n`);
      totals.failed += 1;
      lines.push(`browser: not run — ${chromium.message}`);
      continue;
    }
    // the browser suites drive the built apps exactly as `npm start` serves them
    if (!sh('npm', ['run', '--silent', 'build'])) {
      totals.failed += 1;
      lines.push('browser: not run — the build failed');
      continue;
    }
  }
  const out = path.join(resultsDir, `${tier}.json`);
  fs.rmSync(out, { force: true });
  const args = [require.resolve('jest/bin/jest'), '--selectProjects', tier, '--ci', '--json', '--outputFile', out];
  // browser and fault suites start and stop whole processes: one at a time
  if (tier === 'browser' || tier === 'faults') args.push('--runInBand');
  console.log(`\n=== ${tier} tests ===`);
  const logDir = path.join(resultsDir, 'logs', tier);
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, LIDZ_TEST_LOG_DIR: logDir } });
  if (!fs.existsSync(out)) {
    totals.failed += 1;
    lines.push(`${tier}: Jest produced no results`);
    continue;
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  // a suite that fails outside its tests (before any runs, or in an afterAll) has no failed test: count it as one failure
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
  const passed = r.numPassedTests;
  const failed = r.numFailedTests + brokenSuites;
  const skipped = r.numPendingTests + r.numTodoTests;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${tier}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${r.numTotalTestSuites} files)`);
  if (LOG_SCANNED_TIERS.includes(tier)) {
    const scan = scanLogs(logDir);
    lines.push(`${tier} logs: ${scan.message}`);
    if (scan.ok) totals.passed += 1;
    else {
      totals.failed += 1;
      console.error(`\n${tier} logs: ${scan.message}`);
    }
  }
  if (r.numTotalTests === 0 && brokenSuites === 0) {
    totals.failed += 1;
    lines.push(`${tier}: no test ran`);
  }
}

console.log('\n=== summary ===');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
