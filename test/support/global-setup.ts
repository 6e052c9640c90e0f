import './libs-alias';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { configureQueueBackend } from '../../api/src/modules/jobs/queue-backend';
import { createDataSource } from '../../api/src/database/data-source';
import { loadConfig } from '../../api/src/config/config';
import { withDatabase } from './urls';


/**
 * Starts one throwaway PostgreSQL for the whole run (or uses TEST_DATABASE_URL), migrates a template
 * database once, and leaves its name in the environment: each test file then clones its own database
 * from the template in about 100 ms.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const port = 55000 + (process.pid % 2000);
    const dataDir = path.join(os.tmpdir(), `lidz-vertigs-test-pg-${process.pid}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startEmbeddedPostgres } = require('../../scripts/lib/embedded-pg');
    const pg = await startEmbeddedPostgres({ dataDir, port, fast: true, log: () => {} });
    serverUrl = pg.url;
    (globalThis as Record<string, unknown>).__LIDZ_PG__ = pg;
    (globalThis as Record<string, unknown>).__LIDZ_PG_DIR__ = dataDir;
  }
  const template = `lidz_template_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const templateUrl = withDatabase(serverUrl as string, template);
  const ds = createDataSource(templateUrl, 2);
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();

  // BullMQ's own schema goes into the template too, so test databases start with it
  const { connection } = configureQueueBackend(loadConfig({ DATABASE_URL: templateUrl, NODE_ENV: 'test' }));
  const q = new Queue('template-warmup', { connection: { ...connection, max: 1 } as never });
  await q.waitUntilReady();
  await q.close();

  process.env.LIDZ_TEST_SERVER_URL = serverUrl;
  process.env.LIDZ_TEST_TEMPLATE = template;
}
