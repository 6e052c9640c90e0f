import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from './urls';

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.LIDZ_TEST_SERVER_URL;
  const template = process.env.LIDZ_TEST_TEMPLATE;
  if (!server || !template) throw new Error('the test database server is not running (globalSetup did not run)');
  // named after this run's template, so a run cleans up only its own databases on a shared server
  const name = `${runPrefix(template)}${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(server, name),
    drop: async () => {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The prefix of every test database of the run that made `template` (lidz_template_<pid> → lidz_t<pid>_). */
export function runPrefix(template: string): string {
  return `lidz_t${template.replace(/^lidz_template_/, '')}_`;
}
