#!/usr/bin/env node
// Operations on the platform's database: `npm run audit:verify`, `npm run backup [-- FILE]`,
// `npm run restore -- FILE`. They use DATABASE_URL, or else the embedded PostgreSQL of `npm start`
// (reached while it runs, or started for the operation from ./.data and stopped afterwards).
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(process.env.DATA_DIR || path.join(root, '.data'));

async function reachable(url) {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function database() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  const url = `postgres://postgres@127.0.0.1:${port}/lidz`;
  if (await reachable(url)) return { url, stop: async () => {} };
  const { startEmbeddedPostgres } = require('./lib/embedded-pg');
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, log: () => {} });
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'lidz'`);
  if (!rowCount) await admin.query('CREATE DATABASE lidz');
  await admin.end();
  return { url, stop: pg.stop };
}

async function main() {
  const [command, file] = process.argv.slice(2);
  const args = { 'audit-verify': [], backup: [path.resolve(file || path.join(dataDir, 'backups', `lidz-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`))], restore: file ? [path.resolve(file)] : null }[command];
  if (!args) {
    console.error('usage: ops.js audit-verify | backup [FILE] | restore FILE');
    process.exit(2);
  }
  if (command === 'backup') require('node:fs').mkdirSync(path.dirname(args[0]), { recursive: true });
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'libs/tsconfig.json', 'api/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(1);
  const db = await database();
  let status = 1;
  try {
    const r = spawnSync(process.execPath, [path.join(root, 'api/dist/api/src/cli.js'), command, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: db.url } });
    status = r.status ?? 1;
  } finally {
    await db.stop();
  }
  process.exit(status);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
