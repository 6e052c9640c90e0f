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
  spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (!fs.existsSync(out)) {
    totals.failed += 1;
    lines.push(`${tier}: Jest produced no results`);
    continue;
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  // a suite that fails before any test runs has no test results: count it as one failure
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  const passed = r.numPassedTests;
  const failed = r.numFailedTests + brokenSuites;
  const skipped = r.numPendingTests + r.numTodoTests;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${tier}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${r.numTotalTestSuites} files)`);
  if (r.numTotalTests === 0 && brokenSuites === 0) {
    totals.failed += 1;
    lines.push(`${tier}: no test ran`);
  }
}

console.log('\n=== summary ===');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
