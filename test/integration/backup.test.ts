import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/database/data-source';
import { seedDemo } from '../../api/src/modules/demo/demo-data';
import { backupDatabase, restoreDatabase } from '../../api/src/modules/maintenance/backup';
import { createTestDatabase } from '../support/database';

/** Row counts of every table of the platform, and a fingerprint of each table's content. */
async function snapshot(db: DataSource): Promise<Record<string, { rows: number; digest: string }>> {
  const tables: { name: string }[] = await db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`);
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables) {
    const [r] = await db.query(`SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${name}" t`);
    out[name] = r;
  }
  return out;
}

describe('backup and restore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-backup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('restores a backup of the demo platform into a fresh database with every row and balance equal', async () => {
    const source = await createTestDatabase();
    const target = await createTestDatabase();
    const a = createDataSource(source.url, 2);
    const b = createDataSource(target.url, 2);
    try {
      await a.initialize();
      await seedDemo(a);
      // values a careless dump would bend: a bigint beyond 2^53, microseconds, unicode, jsonb
      await a.query(`INSERT INTO audit_event (action, subject_type, subject_id, details, at) VALUES ('backup.check', 'test', '9007199254740993', '{"name": "Ķēniņš \\"Žūžs\\"", "n": 12345678901234567890}', '2026-12-01 10:11:12.345678+00')`);
      const before = await snapshot(a);
      expect(before.organisation.rows).toBeGreaterThan(0);
      expect(before.app_user.rows).toBeGreaterThan(0);

      const file = path.join(dir, 'demo.jsonl.gz');
      const saved = await backupDatabase(source.url, file);
      expect(saved.tables.app_user).toBe(before.app_user.rows);

      await b.initialize();
      const restored = await restoreDatabase(target.url, file);
      expect(restored.tables).toEqual(Object.fromEntries(Object.entries(saved.tables).filter(([t]) => t !== 'schema_migration')));
      const after = await snapshot(b);
      expect(after).toEqual(before);
      if (before.ledger_movement) {
        const balances = `SELECT basket_line_id, kind, sum(amount_cents)::text AS cents FROM ledger_movement GROUP BY 1, 2 ORDER BY 1, 2`;
        expect(await b.query(balances)).toEqual(await a.query(balances));
      }
      // the restored database keeps working: new rows get fresh ids after the restored ones
      const [{ max }] = await b.query(`SELECT max(id)::text AS max FROM audit_event`);
      const [{ id }] = await b.query(`INSERT INTO audit_event (action, subject_type) VALUES ('after.restore', 'test') RETURNING id::text AS id`);
      expect(BigInt(id)).toBeGreaterThan(BigInt(max));
    } finally {
      if (a.isInitialized) await a.destroy();
      if (b.isInitialized) await b.destroy();
      await source.drop();
      await target.drop();
    }
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const target = await createTestDatabase();
    const file = path.join(dir, 'not-a-backup.gz');
    fs.writeFileSync(file, require('node:zlib').gzipSync('{"hello": "world"}\n'));
    try {
      await expect(restoreDatabase(target.url, file)).rejects.toThrow(/unknown format/);
    } finally {
      await target.drop();
    }
  });
});
