#!/usr/bin/env node
// `npm start`: the whole platform on one machine. Without DATABASE_URL it runs an embedded PostgreSQL
// (data in ./.data/); it migrates, loads demo data on first start, runs the API and the worker, and
// serves the admin (/admin/) and the portal (/portal/) on the API's port.
'use strict';
const fs = require('node:fs');
const { heapFlags } = require('./lib/heap');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(process.env.DATA_DIR || path.join(root, '.data'));
const port = Number(process.env.PORT || 3000);
const say = (m) => console.log(`[start] ${m}`);

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function build() {
  say('compiling the API…');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'libs/tsconfig.json', 'api/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('the API did not compile');
  for (const app of ['admin', 'provider-portal']) {
    const index = path.join(root, app, 'dist', 'index.html');
    const stale = !fs.existsSync(index) || newestMtime(path.join(root, app, 'src')) > fs.statSync(index).mtimeMs;
    if (!stale) continue;
    say(`building ${app}…`);
    const r = spawnSync('npm', ['run', '--silent', 'build', '-w', app], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${app} did not build`);
  }
}

function jwtSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = path.join(dataDir, 'jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function ensureDatabase(serverUrl, name) {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

function cli(args, env) {
  const r = spawnSync(process.execPath, [path.join(root, 'api/dist/api/src/cli.js'), ...args], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

async function waitForHealth(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the API did not become healthy in time');
}

async function main() {
  build();
  let pg = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = require('./lib/embedded-pg');
    say('starting the embedded PostgreSQL…');
    pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: Number(process.env.EMBEDDED_PG_PORT || 54329), log: say });
    databaseUrl = await ensureDatabase(pg.url, 'lidz');
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret(), PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}` };
  say(cli(['migrate'], env));
  if (process.env.SEED_DEMO !== 'false') say(cli(['seed-demo'], env));

  const children = [];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    if (pg) await pg.stop();
    process.exit(code);
  };
  for (const [name, entry] of [['api', 'main.js'], ['worker', 'worker.js']]) {
    const child = spawn(process.execPath, [...heapFlags(), path.join(root, 'api/dist/api/src', entry)], { cwd: root, env, stdio: 'inherit' });
    child.once('exit', (code) => {
      if (!stopping) {
        say(`${name} stopped (exit ${code}); shutting down`);
        void stop(1);
      }
    });
    children.push(child);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const url = `http://localhost:${port}`;
  await waitForHealth(url, 60_000);
  const demo = JSON.parse(cli(['demo-logins'], env));
  const rows = demo.logins.map((l) => `  ${l.email.padEnd(28)} ${l.role.padEnd(22)} ${l.app === 'admin' ? `${url}/admin/` : `${url}/portal/`}`);
  console.log(
    [
      '',
      'Līdz.Vērtīgs is running.',
      `  Admin (case managers, municipalities, ministries, platform): ${url}/admin/`,
      `  Portal (providers, specialists, families, young people):    ${url}/portal/`,
      `  API documentation:                                          ${url}/api/docs`,
      `  Database: ${pg ? `embedded PostgreSQL on 127.0.0.1:${pg.port} (files in ${pg.dataDir})` : 'DATABASE_URL'}; queue: ${process.env.REDIS_URL ? 'Redis (REDIS_URL)' : 'BullMQ on PostgreSQL'}`,
      '',
      `Demo logins (password for all: ${demo.password}):`,
      ...rows,
      '',
      'READY',
    ].join('\n'),
  );
}

main().catch((e) => {
  console.error(`[start] ${e.message}`);
  process.exit(1);
});
