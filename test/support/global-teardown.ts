import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { runPrefix } from './database';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as Record<string, unknown>).__LIDZ_PG__ as { stop: () => Promise<void> } | undefined;
  if (pg) {
    await pg.stop();
    const dir = (globalThis as Record<string, unknown>).__LIDZ_PG_DIR__ as string | undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    return;
  }
  // an external server keeps running: remove what this run created there
  const url = process.env.LIDZ_TEST_SERVER_URL;
  const template = process.env.LIDZ_TEST_TEMPLATE;
  if (!url || !template) return;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2`, [runPrefix(template), template]);
  for (const r of rows as { datname: string }[]) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  await admin.end();
}
