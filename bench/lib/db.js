'use strict';
// Where the scale generator and the benchmarks put their data: DATABASE_URL's server when set,
// otherwise an embedded PostgreSQL (the same package `npm start` uses).
const path = require('node:path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..', '..');

/** `--children 100 --full --months=3` → { children: '100', full: true, months: '3' } over the defaults. */
function parseArgs(argv, defaults = {}) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = true;
  }
  return out;
}

/** One connection for the length of `fn`. */
async function withClient(url, fn) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function withDatabase(serverUrl, name) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createDatabase(serverUrl, name, fresh) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name "${name}"`);
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    if (fresh) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  return withDatabase(serverUrl, name);
}

/**
 * Opens the server: DATABASE_URL, else embedded PostgreSQL in `dataDir`. With `database`, that database on
 * the server (created; dropped first when `fresh`); without, DATABASE_URL itself.
 */
async function openServer({ dataDir, port } = {}) {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const { startEmbeddedPostgres } = require(path.join(root, 'scripts/lib/embedded-pg'));
  const pg = await startEmbeddedPostgres({
    dataDir: dataDir || path.join(root, '.data', 'pg'),
    port: Number(port || process.env.EMBEDDED_PG_PORT || 54329),
    log: () => {},
    // a modest server's memory for the database's cache (the default 128 MB is a laptop's)
    settings: { shared_buffers: process.env.BENCH_PG_SHARED_BUFFERS || '1GB' },
  });
  return { serverUrl: pg.url, embedded: true, stop: () => pg.stop() };
}

async function openDatabase({ database, fresh, dataDir, port } = {}) {
  const server = await openServer({ dataDir, port });
  const url = database ? await createDatabase(server.serverUrl, database, fresh) : server.serverUrl;
  return { url, serverUrl: server.serverUrl, stop: server.stop, embedded: server.embedded };
}

module.exports = { parseArgs, withClient, withDatabase, createDatabase, openServer, openDatabase, root };
