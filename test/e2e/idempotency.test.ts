import { startTestApp, TestApp } from '../support/app';
import { makeOrganisation, Session, userWithSession } from '../support/factories';

describe('Idempotency-Key on changing requests', () => {
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithSession(t, 'platform_admin');
    orgId = (await makeOrganisation(t.db, 'municipality')).id;
  });
  afterAll(() => t.close());

  const body = (email: string) => ({ email, fullName: 'Ieva Atkārtota', role: 'case_manager', organisationId: orgId, password: 'Atkartota-parole-1' });
  const count = async (email: string) => Number((await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [email]))[0].n);

  it('runs a request once and replays its answer to a retry with the same key', async () => {
    const key = 'b3a7e9a4-6f1d-4c1e-9d8e-0a1b2c3d4e5f';
    const first = await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', key).send(body('ieva.a@example.lv'));
    expect(first.status).toBe(201);
    const retry = await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', key).send(body('ieva.a@example.lv'));
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count('ieva.a@example.lv')).toBe(1);
  });

  it('refuses the same key with another body, changing nothing', async () => {
    const key = 'c4b8f0b5-7a2e-4d2f-8e9f-1b2c3d4e5f60';
    expect((await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', key).send(body('ieva.b@example.lv'))).status).toBe(201);
    const other = await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', key).send(body('ieva.c@example.lv'));
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ statusCode: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count('ieva.c@example.lv')).toBe(0);
  });

  it('keeps nothing for a failed request, so the corrected request may reuse the key', async () => {
    const key = 'd5c9a1c6-8b3f-4e30-9fa0-2c3d4e5f6071';
    const bad = await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', key).send({ ...body('ieva.d@example.lv'), email: 'not-an-email' });
    expect(bad.status).toBe(400);
    const good = await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', key).send(body('ieva.d@example.lv'));
    expect(good.status).toBe(201);
    expect(await count('ieva.d@example.lv')).toBe(1);
  });

  it('keeps keys apart per caller', async () => {
    const other = await userWithSession(t, 'platform_admin');
    const key = 'e6d0b2d7-9c40-4f41-8ab1-3d4e5f607182';
    expect((await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', key).send(body('ieva.e@example.lv'))).status).toBe(201);
    const res = await t.http().post('/api/users').set(other.auth).set('Idempotency-Key', key).send(body('ieva.f@example.lv'));
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key before doing anything', async () => {
    const res = await t.http().post('/api/users').set(admin.auth).set('Idempotency-Key', 'bad key').send(body('ieva.g@example.lv'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { 'Idempotency-Key': 'invalidIdempotencyKey' } });
    expect(await count('ieva.g@example.lv')).toBe(0);
  });
});
