import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuditEvent } from '../../api/src/modules/audit/audit-event.entity';
import { RefreshSession } from '../../api/src/modules/identity/entities/refresh-session.entity';
import { startTestApp, TestApp } from '../support/app';
import { loginAs, makeOrganisation, makeUser, TEST_PASSWORD, userWithSession } from '../support/factories';
import { waitFor } from '../support/poll';

const errorShape = (code: string, statusCode: number) => ({ statusCode, code, message: `errors.${code}`, requestId: expect.any(String) });

describe('identity and the HTTP contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
  });
  afterAll(() => t.close());

  describe('401 and 403', () => {
    it('refuses a request without a token with the standard 401 body', async () => {
      const res = await t.http().get('/api/users');
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorShape('UNAUTHENTICATED', 401));
    });

    it('refuses a forged token', async () => {
      const res = await t.http().get('/api/auth/me').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
      expect(res.body).toEqual(errorShape('UNAUTHENTICATED', 401));
    });

    it('refuses a role the route does not name with the standard 403 body', async () => {
      const family = await userWithSession(t, 'family');
      const res = await t.http().get('/api/users').set(family.auth);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(errorShape('FORBIDDEN', 403));
    });

    it('hides another organisation’s user from a municipality officer (404) and lists only their own', async () => {
      const riga = await makeOrganisation(t.db, 'municipality');
      const officer = await userWithSession(t, 'municipality_officer', riga);
      const colleague = await makeUser(t.db, 'case_manager', { organisation: riga });
      const stranger = await makeUser(t.db, 'case_manager');
      expect((await t.http().get(`/api/users/${stranger.id}`).set(officer.auth)).status).toBe(404);
      expect((await t.http().get(`/api/users/${colleague.id}`).set(officer.auth)).status).toBe(200);
      const list = await t.http().get('/api/users').set(officer.auth);
      expect(list.body.map((u: { id: string }) => u.id).sort()).toEqual([officer.user.id, colleague.id].sort());
    });
  });

  describe('validation', () => {
    it('keys every error by field and changes nothing', async () => {
      const admin = await userWithSession(t, 'platform_admin');
      const before = await t.db.query('SELECT count(*)::int AS n FROM app_user');
      const res = await t.http().post('/api/users').set(admin.auth).send({ email: 'not-an-email', fullName: 'X', role: 'wizard', organisationId: 'nope', password: 'short', isAdmin: true });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        ...errorShape('VALIDATION_FAILED', 400),
        errors: { email: 'isEmail', fullName: 'minLength', role: 'isIn', organisationId: 'isUuid', password: 'minLength', isAdmin: 'whitelistValidation' },
      });
      expect(await t.db.query('SELECT count(*)::int AS n FROM app_user')).toEqual(before);
    });

    it('refuses a role that does not fit the organisation, keyed by field', async () => {
      const admin = await userWithSession(t, 'platform_admin');
      const provider = await makeOrganisation(t.db, 'provider');
      const res = await t.http().post('/api/users').set(admin.auth).send({ email: 'cm@example.lv', fullName: 'Case Manager', role: 'case_manager', organisationId: provider.id, password: 'Long-enough-1' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('USER_ROLE_ORGANISATION_MISMATCH');
      expect(res.body.errors).toEqual({ role: 'fitsOrganisation' });
    });

    it('answers malformed JSON, unknown routes and bad ids in the same shape', async () => {
      const admin = await userWithSession(t, 'platform_admin');
      const bad = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { body: 'invalidJson' } });
      const missing = await t.http().get('/api/no-such-thing').set(admin.auth);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual(errorShape('NOT_FOUND', 404));
      const badId = await t.http().get('/api/users/1%20OR%201=1').set(admin.auth);
      expect(badId.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { id: 'isUuid' } });
    });

    it('refuses a body over the size limit with 413', async () => {
      const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'a@b.lv', password: 'x'.repeat(2_000_000) }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual(errorShape('PAYLOAD_TOO_LARGE', 413));
    });

    it('echoes a request id, or makes one', async () => {
      const mine = await t.http().get('/api/health').set('X-Request-Id', 'test-request-0001');
      expect(mine.headers['x-request-id']).toBe('test-request-0001');
      const made = await t.http().get('/api/health');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('sessions', () => {
    it('rotates refresh tokens, and reusing an old one revokes the whole family', async () => {
      const user = await makeUser(t.db, 'case_manager');
      const first = await loginAs(t, user);
      const second = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);

      const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body).toEqual(errorShape('AUTH_REFRESH_REUSED', 401));

      // the legitimate newest token dies with the family
      const after = await t.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken });
      expect(after.status).toBe(401);
      const live = await t.db.getRepository(RefreshSession).count({ where: { userId: user.id } });
      const revoked = await t.db.query(`SELECT count(*)::int AS n FROM refresh_session WHERE user_id = $1 AND revoked_reason = 'reuse'`, [user.id]);
      expect(revoked[0].n).toBe(live);
      const audit = await t.db.getRepository(AuditEvent).findOneBy({ action: 'auth.refresh_reused', subjectId: user.id });
      expect(audit).not.toBeNull();
    });

    it('logout ends the session family', async () => {
      const s = await userWithSession(t, 'specialist');
      expect((await t.http().post('/api/auth/logout').send({ refreshToken: s.refreshToken })).status).toBe(204);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
    });

    it('locks an account after repeated failures, even against the right password', async () => {
      const user = await makeUser(t.db, 'family');
      for (let i = 0; i < 4; i++) {
        const res = await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password' });
        expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
      }
      const fifth = await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password' });
      expect(fifth.status).toBe(423);
      const right = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
      expect(right.status).toBe(423);
      expect(right.body).toEqual(errorShape('AUTH_LOCKED', 423));
      const events = await t.db.getRepository(AuditEvent).findBy({ subjectId: user.id });
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.locked_out', 'auth.login_locked']));
    });

    it('resets a password by an e-mailed token, once', async () => {
      const user = await makeUser(t.db, 'participant');
      const old = await loginAs(t, user);
      expect((await t.http().post('/api/auth/password-reset/request').send({ email: user.email.toUpperCase() })).status).toBe(202);
      expect((await t.http().post('/api/auth/password-reset/request').send({ email: 'nobody@example.lv' })).status).toBe(202);
      await t.flushOutbox();
      const mail = await waitFor(() => fs.readdirSync(t.mailDir).map((f) => fs.readFileSync(path.join(t.mailDir, f), 'utf8')).find((m) => m.includes(`To: ${user.email}`)));
      const token = decodeURIComponent(/token=([^\s]+)/.exec(mail)![1]);
      expect((await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'Brand-new-pass-1' })).status).toBe(204);
      expect((await t.http().post('/api/auth/password-reset/confirm').send({ token, password: 'Another-pass-22' })).body.code).toBe('AUTH_RESET_INVALID');
      expect((await t.http().post('/api/auth/login').send({ email: user.email, password: 'Brand-new-pass-1' })).status).toBe(200);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: old.refreshToken })).status).toBe(401);
      expect(fs.readdirSync(t.mailDir)).toHaveLength(1);
    });
  });

  describe('audit', () => {
    it('writes an audit row for a read of a user’s data, naming who read whom', async () => {
      const admin = await userWithSession(t, 'platform_admin');
      const subject = await makeUser(t.db, 'family');
      const res = await t.http().get(`/api/users/${subject.id}`).set(admin.auth).set('X-Request-Id', 'audit-read-00001');
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('passwordHash');
      const rows = await t.db.getRepository(AuditEvent).findBy({ action: 'user.read', subjectId: subject.id });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorUserId: admin.user.id, actorRole: 'platform_admin', subjectType: 'user', requestId: 'audit-read-00001' });
    });

    it('cannot change or delete an audit row, even with direct SQL', async () => {
      await userWithSession(t, 'platform_admin');
      await expect(t.db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    });

    it('records a role change as a security event and ends the user’s sessions', async () => {
      const admin = await userWithSession(t, 'platform_admin');
      const org = await makeOrganisation(t.db, 'municipality');
      const cm = await makeUser(t.db, 'case_manager', { organisation: org });
      const s = await loginAs(t, cm);
      const res = await t.http().put(`/api/users/${cm.id}`).set(admin.auth).send({ id: cm.id, role: 'municipality_officer', createdAt: 'ignored' });
      expect(res.status).toBe(200);
      expect(res.body.role).toBe('municipality_officer');
      expect(await t.db.getRepository(AuditEvent).countBy({ action: 'user.role_changed', subjectId: cm.id })).toBe(1);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
    });
  });

  it('serves health and the OpenAPI document', async () => {
    const health = await t.http().get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: 'up', queue: 'up', queueBackend: 'postgres' });
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/users/{id}', '/api/jobs/{id}/retry']));
  });
});

