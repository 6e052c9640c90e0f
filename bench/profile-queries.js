#!/usr/bin/env node
// Counts the SQL statements (and their database time) one scan pair and one billed visit cost, on a
// database the bench or `npm run seed:scale` filled: `node bench/profile-queries.js postgres://…/lidz_bench_1x`.
// The ratio targets are missed by round trips, not by slow statements; this shows where they go.
'use strict';
require('./ts-register');
require('reflect-metadata');
const crypto = require('node:crypto');
const pg = require('pg');

const counts = new Map();
let counting = false;
const origQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, cb) {
  if (!counting) return origQuery.call(this, config, values, cb);
  const text = (typeof config === 'string' ? config : config.text).replace(/\s+/g, ' ').trim();
  const key = text.replace(/\$\d+/g, '?').slice(0, 90);
  const t0 = process.hrtime.bigint();
  const done = () => {
    const e = counts.get(key) ?? { n: 0, ms: 0 };
    e.n += 1;
    e.ms += Number(process.hrtime.bigint() - t0) / 1e6;
    counts.set(key, e);
  };
  const r = origQuery.call(this, config, values, cb);
  if (r && typeof r.then === 'function') r.then(done, done);
  return r;
};

function report(title, units) {
  const rows = [...counts.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const n = rows.reduce((s, [, e]) => s + e.n, 0);
  const ms = rows.reduce((s, [, e]) => s + e.ms, 0);
  console.log(`\n${title}: ${(n / units).toFixed(1)} statements and ${(ms / units).toFixed(1)} ms of database round trips per unit (${units} units)`);
  for (const [k, e] of rows.slice(0, 15)) console.log(`  ${String(e.n).padStart(5)} × ${(e.ms / e.n).toFixed(2).padStart(7)} ms  ${k}`);
  counts.clear();
}

async function main() {
  const url = process.argv[2] || process.env.DATABASE_URL;
  if (!url) throw new Error('usage: node bench/profile-queries.js DATABASE_URL');
  const { loadConfig } = require('../api/src/config/config');
  const { createHttpApp } = require('../api/src/bootstrap/http');
  const { qrPayloadAt } = require('../libs/src/visits/totp');
  const { SCALE_PASSWORD } = require('../api/src/modules/scale/seed-scale');
  const config = loadConfig({
    DATABASE_URL: url,
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    AUTH_RATE_LIMIT: '100000',
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
  });
  const app = await createHttpApp(config, { worker: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const inject = (opts) => app.getHttpAdapter().getInstance().inject(opts);
  const db = app.get(require('typeorm').DataSource);
  try {
    const [c] = await db.query(
      `SELECT u.email, k.id AS contract_id, k.child_id, k.unit_minutes, cd.number FROM contract k JOIN contract_specialist cs ON cs.contract_id = k.id JOIN specialist s ON s.id = cs.specialist_id
         JOIN app_user u ON u.id = s.user_id JOIN card cd ON cd.child_id = k.child_id AND cd.status = 'active' WHERE k.delivery_mode = 'individual' AND k.status = 'active' LIMIT 1`,
    );
    const secret = crypto.randomBytes(32).toString('base64url');
    const [fam] = await db.query(`SELECT id FROM app_user LIMIT 1`);
    await db.query(`INSERT INTO family_device (child_id, user_id, label, secret) VALUES ($1, $2, 'profile', $3)`, [c.child_id, fam.id, secret]);
    const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: c.email, password: SCALE_PASSWORD } });
    const token = JSON.parse(login.body).accessToken;
    const pairs = 10;
    const start = Date.now() - 70 * 86_400_000;
    counting = true;
    for (let i = 0; i < pairs; i++) {
      const at = start + i * 3 * 3_600_000 + 17 * 60_000;
      for (const [kind, t] of [
        ['check_in', at],
        ['check_out', at + (c.unit_minutes ?? 45) * 60_000],
      ]) {
        const r = await inject({
          method: 'POST',
          url: '/api/visits/scan',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            clientScanId: crypto.randomUUID(),
            kind,
            method: 'qr',
            code: qrPayloadAt(secret, c.number, t),
            contractId: c.contract_id,
            scannedAt: new Date(t).toISOString(),
          },
        });
        if (r.statusCode >= 300) throw new Error(`scan ${r.statusCode}: ${r.body}`);
      }
    }
    counting = false;
    report('POST /api/visits/scan (per scan)', pairs * 2);

    // one billing run over the provider and month with the most verified visits not yet billed
    const [target] = await db.query(
      `SELECT v.provider_organisation_id AS provider, to_char(v.check_in_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM') AS month, count(*)::int AS n
         FROM visit v WHERE v.status = 'verified' AND NOT v.billed GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
    );
    if (target) {
      const { BillingRunner } = require('../api/src/modules/billing/billing-runner');
      const { LedgerService } = require('../api/src/modules/budgets/ledger.service');
      const [{ id }] = await db.query(`INSERT INTO billing_run (month, provider_organisation_id) VALUES ($1, $2) RETURNING id`, [
        target.month,
        target.provider,
      ]);
      counting = true;
      const run = await new BillingRunner(db, new LedgerService()).execute(id);
      counting = false;
      report(`billing run (per claim line; ${target.month}, one provider)`, Math.max(run.linesCreated, 1));
    }
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
