import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../api/src/bootstrap/http';
import { loadConfig } from '../../api/src/config/config';
import { OutboxDispatcher } from '../../api/src/modules/jobs/outbox.dispatcher';
import { createTestDatabase } from './database';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  mailDir: string;
  /** The environment the app was configured from (a separate worker process started by a test uses it too). */
  env: Record<string, string>;
  /** Pushes every committed outbox row to the queue now. */
  flushOutbox: () => Promise<void>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Run job processors in the app (true for tests that need jobs done). */
  worker?: boolean;
  /** Queue backend; 'redis' needs REDIS_URL. */
  queue?: 'postgres' | 'redis';
  env?: Record<string, string>;
}

/** The real application on its own fresh database, as production builds it. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-mail-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    // logs go to a file per test process, which the test runner scans for personal data after the tier
    ...(process.env.LIDZ_TEST_LOG_DIR ? { LOG_LEVEL: 'info', LOG_FILE: path.join(process.env.LIDZ_TEST_LOG_DIR, `app-${process.pid}.log`) } : { LOG_LEVEL: 'silent' }),
    MAIL_DIR: mailDir,
    DB_POOL_SIZE: '5',
    OUTBOX_POLL_MS: '200',
    QUEUE_PREFIX: `t${path.basename(database.url).slice(-8)}`,
    ...opts.env,
  };
  if (opts.queue === 'redis') {
    if (!process.env.REDIS_URL) throw new Error('REDIS_URL is needed for the Redis queue backend');
    env.REDIS_URL = process.env.REDIS_URL;
  }
  const config = loadConfig(env);
  const app = await createHttpApp(config, { worker: opts.worker ?? false });
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);
  return {
    app,
    db,
    mailDir,
    env,
    http: () => request(app.getHttpServer()),
    flushOutbox: () => app.get(OutboxDispatcher).flush(),
    close: async () => {
      // a shutdown that does not finish (a queue connection waiting on a job) must not hang the suite:
      // after 30 s the database is dropped anyway, which ends every connection to it
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([app.close(), new Promise((r) => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
      await database.drop();
      fs.rmSync(mailDir, { recursive: true, force: true });
    },
  };
}
