import { createDataSource } from '../../api/src/database/data-source';
import { createTestDatabase } from '../support/database';

describe('migrations', () => {
  it('agree with the entities: a migrated database needs no further schema change (drift check)', async () => {
    const db = await createTestDatabase();
    const ds = createDataSource(db.url, 2);
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('undo completely and apply again on an empty database', async () => {
    const db = await createTestDatabase();
    const ds = createDataSource(db.url, 2);
    await ds.initialize();
    try {
      const applied: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM schema_migration`);
      for (let i = 0; i < applied[0].n; i++) await ds.undoLastMigration();
      const left: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`);
      expect(left[0].n).toBe(0);
      await ds.runMigrations();
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
