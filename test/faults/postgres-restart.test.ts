import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../api/src/bootstrap/http';
import { loadConfig } from '../../api/src/config/config';
import { createDataSource } from '../../api/src/database/data-source';
import type { TestApp } from '../support/app';
import { freePort } from '../support/poll';
import { makeContract, makeFamilyWithDevice, makeSpecialist, qrAt, scanBody } from '../support/visits-factories';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmbeddedPostgres } = require('../../scripts/lib/embedded-pg');

interface Pg {
  url: string;
  stop: () => Promise<void>;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// PostgreSQL is restarted while specialists keep scanning: during the outage requests fail cleanly
// (503 in the error shape), the API recovers by itself, and every scan it accepted is in the database.
describe('fault: PostgreSQL restarted under scan traffic', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-pg-restart-'));
  let port: number;
  let pg: Pg;
  let app: NestFastifyApplication;
  let t: TestApp;

  beforeAll(async () => {
    port = await freePort();
    pg = await startEmbeddedPostgres({ dataDir, port, fast: true, log: () => {} });
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE lidz');
    await admin.end();
    const url = `postgres://postgres@127.0.0.1:${port}/lidz`;
    const ds = createDataSource(url, 2);
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    const logs: Record<string, string> = process.env.LIDZ_TEST_LOG_DIR ? { LOG_LEVEL: 'info', LOG_FILE: path.join(process.env.LIDZ_TEST_LOG_DIR, 'postgres-restart.log') } : { LOG_LEVEL: 'silent' };
    const env: Record<string, string> = { NODE_ENV: 'test', DATABASE_URL: url, ...logs, DB_POOL_SIZE: '6', OUTBOX_POLL_MS: '200', QUEUE_PREFIX: 'pgrestart', AUTH_RATE_LIMIT: '10000', MAIL_DIR: path.join(dataDir, 'mail') };
    app = await createHttpApp(loadConfig(env), { worker: false });
    await app.getHttpAdapter().getInstance().ready();
    t = { app, db: app.get(DataSource), env, mailDir: env.MAIL_DIR, http: () => request(app.getHttpServer()), flushOutbox: async () => {}, close: async () => {} };
  });
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails cleanly during the outage, recovers without a restart, and loses no accepted scan', async () => {
    const lanes = [];
    for (let i = 0; i < 4; i++) {
      const fam = await makeFamilyWithDevice(t);
      const sp = await makeSpecialist(t);
      const contractId = await makeContract(t.db, { childId: fam.childId, provider: sp.provider, specialistIds: [sp.specialistId] });
      // 30 visits in the recent past, 45 minutes apart: a check-in and a check-out 40 minutes later
      const base = Date.now() - 30 * 45 * 60_000 - 3_600_000;
      const scans = [];
      for (let v = 0; v < 30; v++) {
        for (const [kind, offset] of [['check_in', 0], ['check_out', 40]] as const) {
          const at = new Date(base + v * 45 * 60_000 + offset * 60_000);
          scans.push(scanBody(kind, at, { method: 'qr', code: qrAt(fam.secret, fam.cardNumber, at), contractId }));
        }
      }
      lanes.push({ auth: sp.session.auth, scans });
    }

    const statuses = new Map<number, number>();
    const accepted = new Set<string>();
    let badShape = 0;
    let outage = false;
    const send = async (auth: Record<string, string>, body: { clientScanId: string }) => {
      const res = await t.http().post('/api/visits/scan').set(auth).send(body);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 200) accepted.add(body.clientScanId);
      else if (res.status !== 503 || res.body?.code !== 'SERVICE_UNAVAILABLE' || typeof res.body?.requestId !== 'string') badShape += 1;
      return res.status;
    };
    // each lane sends its scans in order and retries one until it is accepted, as the portal's outbox does
    const traffic = Promise.all(
      lanes.map(async (lane) => {
        for (const body of lane.scans) {
          for (;;) {
            const status = await send(lane.auth, body);
            if (status === 200) break;
            await sleep(outage ? 100 : 20);
          }
          await sleep(15);
        }
      }),
    );

    await sleep(1500);
    outage = true;
    await pg.stop();
    await sleep(2500);
    pg = await startEmbeddedPostgres({ dataDir, port, fast: true, log: () => {} });
    outage = false;
    await traffic;

    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect(badShape).toBe(0);
    const total = lanes.reduce((n, l) => n + l.scans.length, 0);
    expect(accepted.size).toBe(total);
    const ids = [...accepted];
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM scan WHERE client_scan_id = ANY($1::uuid[])`, [ids]);
    expect(n).toBe(total);
    const [{ visits }] = await t.db.query(`SELECT count(*)::int AS visits FROM visit WHERE status = 'verified'`);
    expect(visits).toBe(4 * 30);
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(200);
  }, 300_000);
});
