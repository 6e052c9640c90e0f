import { startTestApp, TestApp } from '../support/app';
import { makeUser } from '../support/factories';
import { FakeSmtp } from '../support/fake-smtp';
import { freePort, waitFor } from '../support/poll';

// The mail server is down when the platform must send: the request is still accepted, the e-mail
// waits, retries with backoff, and is delivered exactly once after the server comes back.
describe('fault: SMTP down', () => {
  let t: TestApp;
  let smtp: FakeSmtp;
  beforeAll(async () => {
    const port = await freePort();
    smtp = new FakeSmtp(port);
    t = await startTestApp({ worker: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('keeps every e-mail while the server is down and sends each once when it returns', async () => {
    const users = await Promise.all([makeUser(t.db, 'family'), makeUser(t.db, 'specialist'), makeUser(t.db, 'case_manager')]);
    for (const u of users) expect((await t.http().post('/api/auth/password-reset/request').send({ email: u.email })).status).toBe(202);
    await t.flushOutbox();

    // every message has been tried and failed at least once, and none is lost
    await waitFor(async () => {
      const rows: { attempts: number; sent_at: Date | null }[] = await t.db.query(`SELECT attempts, sent_at FROM email_message`);
      return rows.length === 3 && rows.every((r) => r.attempts >= 1 && r.sent_at === null);
    });
    const [{ err }] = await t.db.query(`SELECT min(last_error) AS err FROM email_message`);
    expect(err).toMatch(/ECONNREFUSED|connect/i);

    await smtp.start();
    await waitFor(async () => Number((await t.db.query(`SELECT count(*)::int AS n FROM email_message WHERE sent_at IS NOT NULL`))[0].n) === 3, 60_000);
    // a little longer: nothing is sent a second time by a late retry
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.messageIds).toHaveLength(3);
    expect(new Set(smtp.messageIds).size).toBe(3);
  });
});
