import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { startTestApp, TestApp } from '../support/app';
import { makeUser } from '../support/factories';
import { freePort, waitFor } from '../support/poll';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

function startRedis(port: number): Promise<ChildProcess> {
  const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    p.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready to accept connections') && resolve(p));
    p.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

function stopRedis(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    p.once('exit', () => resolve());
    p.kill('SIGKILL');
  });
}

// With Redis as the queue, Redis goes away: requests are still accepted, their jobs wait in the
// outbox (committed with the request), and run once when Redis is back.
(hasRedis ? describe : describe.skip)('fault: Redis down', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ worker: true, env: { REDIS_URL: `redis://127.0.0.1:${port}/0`, QUEUE_PREFIX: `fault${port}` } });
  });
  afterAll(async () => {
    await t.close();
    if (redis.exitCode === null) await stopRedis(redis);
  });

  const mails = () => (fs.existsSync(t.mailDir) ? fs.readdirSync(t.mailDir) : []);

  it('accepts requests while Redis is down and runs their jobs exactly once when it returns', async () => {
    const before = await makeUser(t.db, 'family');
    expect((await t.http().post('/api/auth/password-reset/request').send({ email: before.email })).status).toBe(202);
    await waitFor(() => mails().length === 1);

    await stopRedis(redis);
    const users = await Promise.all([makeUser(t.db, 'family'), makeUser(t.db, 'participant'), makeUser(t.db, 'specialist')]);
    for (const u of users) {
      const res = await t.http().post('/api/auth/password-reset/request').send({ email: u.email });
      expect(res.status).toBe(202);
    }
    // accepted and kept: three e-mails waiting, their jobs still in the outbox
    const pending = async () => Number((await t.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`))[0].n);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pending()).toBe(3);
    expect(mails()).toHaveLength(1);

    redis = await startRedis(port);
    await waitFor(async () => (await pending()) === 0, 60_000);
    await waitFor(() => mails().length === 4, 60_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(mails()).toHaveLength(4);
    const sent = Number((await t.db.query(`SELECT count(*)::int AS n FROM email_message WHERE sent_at IS NOT NULL`))[0].n);
    expect(sent).toBe(4);
  });
});
