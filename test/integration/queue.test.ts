import * as fs from 'node:fs';
import { NotificationsService } from '../../api/src/modules/notifications/notifications.service';
import { JobsService } from '../../api/src/modules/jobs/jobs.service';
import { OutboxService } from '../../api/src/modules/jobs/outbox.service';
import { QUEUES } from '../../api/src/modules/jobs/queues';
import { startTestApp, TestApp } from '../support/app';
import { userWithSession } from '../support/factories';
import { waitFor } from '../support/poll';

// The queue suites run on BullMQ's PostgreSQL backend always, and again on Redis when REDIS_URL is set.
const backends: ('postgres' | 'redis')[] = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];

describe.each(backends)('jobs on the %s backend', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ worker: true, queue: backend });
  });
  afterAll(() => t.close());

  it('reports its backend in health', async () => {
    expect((await t.http().get('/api/health')).body).toMatchObject({ status: 'ok', queue: 'up', queueBackend: backend });
  });

  it('runs a job enqueued in a committed transaction exactly once, and never one from a rolled-back transaction', async () => {
    const notifications = t.app.get(NotificationsService);
    const committed = await t.db.transaction((m) => notifications.queueEmail(m, 'kept@example.lv', 'password-reset', 'en', { link: 'https://example.lv/x' }));
    await expect(
      t.db.transaction(async (m) => {
        await notifications.queueEmail(m, 'lost@example.lv', 'password-reset', 'lv', { link: 'https://example.lv/y' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await t.flushOutbox();
    const sent = await waitFor(async () => (await t.db.query(`SELECT id, sent_at FROM email_message WHERE sent_at IS NOT NULL`)).length === 1 && true);
    expect(sent).toBe(true);
    expect(await t.db.query(`SELECT to_address FROM email_message`)).toEqual([{ to_address: 'kept@example.lv' }]);
    expect(fs.readdirSync(t.mailDir)).toEqual([`${committed}.eml`]);
  });

  it('a row the queue refuses stays pending with its error, and does not hold back the jobs after it', async () => {
    const outbox = t.app.get(OutboxService);
    const notifications = t.app.get(NotificationsService);
    // a job id BullMQ refuses (it may not contain a colon), written before a good job
    await t.db.transaction((m) => outbox.enqueue(m, QUEUES.notifications, 'send-email', 'email:refused', { emailId: '00000000-0000-0000-0000-000000000000' }));
    const emailId = await t.db.transaction((m) => notifications.queueEmail(m, 'after-poison@example.lv', 'password-reset', 'lv', { link: 'l' }));
    await t.flushOutbox();
    await waitFor(async () => (await t.db.query(`SELECT 1 FROM email_message WHERE id = $1 AND sent_at IS NOT NULL`, [emailId])).length === 1);
    const [poison] = await t.db.query(`SELECT dispatched_at, attempts, last_error FROM outbox_message WHERE job_id = 'email:refused'`);
    expect(poison.dispatched_at).toBeNull();
    expect(poison.attempts).toBeGreaterThanOrEqual(1);
    expect(poison.last_error).toBeTruthy();
    await t.db.query(`DELETE FROM outbox_message WHERE job_id = 'email:refused'`);
  });

  it('dedupes a job dispatched twice by its business key', async () => {
    const outbox = t.app.get(OutboxService);
    const notifications = t.app.get(NotificationsService);
    const emailId = await t.db.transaction((m) => notifications.queueEmail(m, 'twice@example.lv', 'password-reset', 'lv', { link: 'l' }));
    // a crash between "added to the queue" and "marked dispatched" leaves a second row with the same key
    await t.db.transaction((m) => outbox.enqueue(m, QUEUES.notifications, 'send-email', `email-${emailId}`, { emailId }));
    await t.flushOutbox();
    await waitFor(async () => (await t.db.query(`SELECT 1 FROM email_message WHERE id = $1 AND sent_at IS NOT NULL`, [emailId])).length === 1);
    const jobs = t.app.get(JobsService);
    const queue = jobs.queue(QUEUES.notifications);
    const all = await queue.getJobs(['completed', 'active', 'waiting', 'delayed', 'failed']);
    expect(all.filter((j) => j.id === `email-${emailId}`)).toHaveLength(1);
    const attempts = await t.db.query(`SELECT attempts FROM email_message WHERE id = $1`, [emailId]);
    expect(attempts).toEqual([{ attempts: 1 }]);
  });

  it('lists jobs for the platform admin and retries a failed one', async () => {
    const admin = await userWithSession(t, 'platform_admin');
    const queue = t.app.get(JobsService).queue(QUEUES.notifications);
    // a job the worker cannot handle fails; the operator sees it and can retry it
    await queue.add('unknown-job', {}, { jobId: 'retry-me-2', attempts: 1 });
    await waitFor(async () => (await queue.getJobState('retry-me-2')) === 'failed');
    const list = await t.http().get('/api/jobs').query({ filter: JSON.stringify({ state: 'failed' }) }).set(admin.auth);
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toMatch(/^jobs \d+-\d+\/\d+$/);
    expect(list.body.find((j: { id: string }) => j.id === 'notifications:retry-me-2')).toMatchObject({ state: 'failed', name: 'unknown-job', failedReason: expect.stringContaining('unknown job') });
    const retried = await t.http().post('/api/jobs/notifications:retry-me-2/retry').set(admin.auth);
    expect(retried.status).toBe(200);
    expect(['waiting', 'active', 'failed', 'completed']).toContain(retried.body.state);
    const again = await t.http().post('/api/jobs/notifications:no-such-job/retry').set(admin.auth);
    expect(again.status).toBe(404);
    const asFamily = await userWithSession(t, 'family');
    expect((await t.http().get('/api/jobs').set(asFamily.auth)).status).toBe(403);
  });
});
