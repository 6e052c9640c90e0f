import * as fs from 'node:fs';
import * as readline from 'node:readline';
import * as zlib from 'node:zlib';
import { once } from 'node:events';
import { Client } from 'pg';

/**
 * Logical backups of the platform's own schema, with nothing but the database driver, so the embedded
 * default (which ships no pg_dump) and a managed PostgreSQL are backed up the same way.
 *
 * The file is gzip'd JSON lines: a header (format, migrations applied, tables), then per table a
 * `{ "table": … }` line followed by one line per row as PostgreSQL's own `row_to_json` — rows are never
 * parsed in JavaScript, so bigint money, timestamps with microseconds and jsonb come back exactly.
 * Everything is read in one REPEATABLE READ snapshot, so the backup is consistent across tables.
 */
export interface BackupSummary {
  tables: Record<string, number>;
  migrations: string[];
}

const FORMAT = 'lidz-vertigs-backup/1';
const BATCH = 2000;

async function tablesOf(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return rows.map((r) => r.name);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  const summary: BackupSummary = { tables: {}, migrations: [] };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesOf(client);
    summary.migrations = (await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`)).rows.map((r) => r.name);
    await write(JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations: summary.migrations, tables }));
    for (const table of tables) {
      await write(JSON.stringify({ table }));
      await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table)} t`);
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM dump`);
        for (const r of rows) await write(r.j);
        count += rows.length;
        if (rows.length < BATCH) break;
      }
      await client.query('CLOSE dump');
      summary.tables[table] = count;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
    gzip.end();
    await once(out, 'close');
  }
  return summary;
}

/**
 * Restores a backup into a database whose schema is already migrated to the same migrations (the
 * caller runs the migrations first). Existing rows of the platform's tables are replaced. Triggers and
 * foreign keys are held off for the load (session_replication_role = replica), then the sequences are
 * moved past the restored ids. One transaction: a failed restore leaves the database as it was.
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const summary: BackupSummary = { tables: {}, migrations: [] };
  let table: string | null = null;
  let batch: string[] = [];
  const flush = async () => {
    if (!table || batch.length === 0) return;
    await client.query(`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [`[${batch.join(',')}]`]);
    summary.tables[table] = (summary.tables[table] ?? 0) + batch.length;
    batch = [];
  };
  try {
    await client.query('BEGIN');
    // made only now: lines read before the loop starts listening would be lost
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    let header = true;
    for await (const line of lines) {
      if (!line) continue;
      if (header) {
        const h = JSON.parse(line) as { format?: string; migrations?: string[]; tables?: string[] };
        if (h.format !== FORMAT) throw new Error('not a backup of this platform (unknown format)');
        const applied = (await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`)).rows.map((r) => r.name);
        if (JSON.stringify(applied) !== JSON.stringify(h.migrations)) throw new Error('the target schema is not at the backup\'s migrations: run the same version of the platform');
        summary.migrations = applied;
        const present = await tablesOf(client);
        await client.query(`SET LOCAL session_replication_role = replica`);
        const toClear = (h.tables ?? []).filter((t) => t !== 'schema_migration' && present.includes(t));
        if (toClear.length) await client.query(`TRUNCATE ${toClear.map(ident).join(', ')}`);
        header = false;
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        const next = (JSON.parse(line) as { table: string }).table;
        table = next === 'schema_migration' ? null : next;
        if (table) summary.tables[table] = 0;
        continue;
      }
      if (!table) continue;
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (header) throw new Error('the backup file is empty');
    const { rows: seqs } = await client.query<{ tbl: string; col: string; seq: string }>(
      `SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(format('%I', c.relname), a.attname) AS seq
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of seqs) {
      await client.query(`SELECT setval($1, coalesce((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 0) + 1, false)`, [s.seq]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
  return summary;
}
