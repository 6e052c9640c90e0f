'use strict';
// The scale populations the benchmark measures on, loaded once per machine and kept as databases:
// a Latvia-size load takes minutes, the measurements after it much less, and they must not be
// spent reloading the same rows. A population is keyed by everything that shapes it — the
// generator's options and month, the generator's own source and the migrations — so a change to any
// of them loads a fresh one; `--fresh` forces it. The load's own figures (rows, rows/s) are stored
// with the database and reported with every run that uses it.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { createDatabase, withClient, withDatabase, root } = require('./db');

function filesUnder(dir, ext) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(dir, f));
}

/** What a population depends on: options, the current month, the generator and the schema. */
function populationKey(seedOpts) {
  const h = crypto.createHash('sha1');
  const opts = { ...seedOpts };
  delete opts.log;
  h.update(JSON.stringify({ ...opts, month: new Date().toISOString().slice(0, 7) }));
  for (const f of [...filesUnder(path.join(root, 'api/src/modules/scale'), '.ts'), ...filesUnder(path.join(root, 'migrations'), '.ts')]) {
    h.update(path.basename(f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex').slice(0, 10);
}

/**
 * The population `name` for these options: reused when a complete one with the same key exists,
 * otherwise loaded (older populations of the same name are dropped). Returns its URL, the load's
 * figures and whether it was loaded in this run.
 */
async function population(serverUrl, { prefix, name, seedOpts, fresh = false, log = () => {} }) {
  const { seedScaleAt } = require('./seed');
  const key = populationKey(seedOpts);
  const db = `${prefix}_p_${name}_${key}`;
  const stored = await withClient(serverUrl, async (c) => {
    // exactly this population's databases (`_` is a LIKE wildcard: x1 must not match x10's)
    const own = new RegExp(`^${prefix}_p_${name}_[0-9a-f]{10}$`);
    const { rows: all } = await c.query(`SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database`);
    const rows = all.filter((r) => own.test(r.datname));
    for (const r of rows) if (r.datname !== db || fresh) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    const mine = rows.find((r) => r.datname === db && !fresh);
    try {
      return mine?.note ? JSON.parse(mine.note) : null;
    } catch {
      return null;
    }
  });
  if (stored?.complete) {
    log(`population ${name}: reusing ${db} (loaded ${stored.loadedAt}, ${stored.seed.totalRows.toLocaleString('en')} rows in ${Math.round(stored.seed.seconds)} s)`);
    return { url: withDatabase(serverUrl, db), database: db, seed: stored.seed, loadedInThisRun: false, loadedAt: stored.loadedAt };
  }
  const url = await createDatabase(serverUrl, db, true);
  const seed = await seedScaleAt(url, seedOpts);
  const note = { complete: true, loadedAt: new Date().toISOString(), seed };
  await withClient(serverUrl, (c) => c.query(`COMMENT ON DATABASE ${db} IS '${JSON.stringify(note).replace(/'/g, "''")}'`));
  return { url, database: db, seed, loadedInThisRun: true, loadedAt: note.loadedAt };
}

/** A working copy of a population (the benchmarks that write — scans, billing, imports — use one). */
async function copyOf(serverUrl, template, name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name "${name}"`);
  await withClient(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // nobody may be connected to the template while it is copied
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [template]);
    try {
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
    } catch (e) {
      // before PostgreSQL 15 there is only the file copy, and no STRATEGY option
      if (!/strategy/i.test(String(e.message))) throw e;
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    }
  });
  return withDatabase(serverUrl, name);
}

module.exports = { population, copyOf, populationKey };
