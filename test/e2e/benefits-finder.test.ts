import { startTestApp, TestApp } from '../support/app';
import { userWithSession } from '../support/factories';

/** Every row in every table, so a test can prove that a request stored nothing at all. */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await t.db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tables) out[table_name] = Number((await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}"`))[0].n);
  return out;
}

const benefitBody = (over: Record<string, unknown> = {}) => ({
  code: 'RIGA_SUMMER_CAMP',
  providerKind: 'municipality',
  municipalityCode: 'RIGA',
  payerLv: 'Rīgas pašvaldība',
  payerEn: 'Riga municipality',
  nameLv: 'Vasaras nometne',
  nameEn: 'Summer camp',
  summaryLv: 'Nometne bērniem ar invaliditāti.',
  summaryEn: 'A camp for children with a disability.',
  amountCents: 20000,
  amountKind: 'up_to',
  frequency: 'yearly',
  condition: {
    all: [
      { fact: 'municipality', op: 'eq', value: 'RIGA' },
      { fact: 'age', op: 'lt', value: 18 },
    ],
  },
  howToApplyLv: 'Iesniegums sociālajā dienestā.',
  howToApplyEn: 'Apply to the social service.',
  legalBasis: 'Saistošie noteikumi',
  officialUrl: 'https://www.riga.lv/',
  ...over,
});

describe('benefits finder and catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the public finder needs no login, answers a 7-year-old with severe impairment at home, and stores nothing', async () => {
    const before = await rowCounts(t);
    const res = await t
      .http()
      .post('/api/benefits/evaluate')
      .send({ age: 7, decisionKind: 'child', specialCare: true, livesAtHome: true, municipality: 'RIGA' });
    expect(res.status).toBe(200);
    const eligible = res.body.results.filter((r: { eligibility: string }) => r.eligibility === 'eligible');
    const byCode = Object.fromEntries(eligible.map((r: { code: string }) => [r.code, r]));
    expect(byCode.FAMILY_BENEFIT_SUPPLEMENT).toMatchObject({
      amountCents: 16000,
      frequency: 'monthly',
      nameEn: 'Family state benefit supplement for a child with a disability',
      officialUrl: expect.stringMatching(/^https:\/\//),
    });
    expect(byCode.CHILD_CARE_BENEFIT).toMatchObject({ amountCents: 41343, frequency: 'monthly' });
    expect(byCode.RIGA_RESPITE).toMatchObject({ providerKind: 'municipality', municipalityCode: 'RIGA' });
    expect(byCode.STATE_SOCIAL_SECURITY_BENEFIT).toBeUndefined();
    expect(byCode.CHILD_CARE_BENEFIT.reasons).toContainEqual({ fact: 'livesAtHome', op: 'eq', value: true, actual: true, met: true });
    // school attendance not given: the assistant is "maybe", not a wrong yes or no
    expect(res.body.results.find((r: { code: string }) => r.code === 'EDUCATION_ASSISTANT').eligibility).toBe('maybe');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('computes the age from a birth date exactly, on the day asked', async () => {
    const ask = (onDate: string) =>
      t.http().post('/api/benefits/evaluate').send({ birthDate: '2008-02-29', decisionKind: 'child', specialCare: true, livesAtHome: true, onDate });
    const code = (body: { results: { code: string; eligibility: string }[] }) => body.results.find((r) => r.code === 'CHILD_CARE_BENEFIT')!.eligibility;
    expect(code((await ask('2026-02-28')).body)).toBe('eligible');
    expect(code((await ask('2026-03-01')).body)).toBe('not_eligible');
  });

  it.each([
    [{ age: -1 }, 'age'],
    [{ age: 'seven' }, 'age'],
    [{ decisionKind: 'group_4' }, 'decisionKind'],
    [{ specialCare: 'yes' }, 'specialCare'],
    [{ municipality: 'ATLANTIS' }, 'municipality'],
    [{ birthDate: '2026-02-30' }, 'birthDate'],
    [{ birthDate: '2999-01-01' }, 'birthDate'],
    [{ birthDate: '2010-01-01', age: 16 }, 'age'],
    [{ name: 'Jānis' }, 'name'],
  ])('refuses %j with a field-keyed error on %s', async (body, field) => {
    const res = await t.http().post('/api/benefits/evaluate').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors)).toContain(field);
  });

  it('lists the catalogue publicly in the simple-REST shape', async () => {
    const res = await t
      .http()
      .get('/api/benefits')
      .query({ range: '[0,99]', filter: JSON.stringify({ providerKind: 'state' }) });
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^benefits 0-\d+\/12$/);
    expect(res.body.map((b: { code: string }) => b.code)).toContain('TRANSPORT_COMPENSATION');
    expect((await t.http().get('/api/benefits/CHILD_CARE_BENEFIT')).body).toMatchObject({
      id: 'CHILD_CARE_BENEFIT',
      version: 1,
      validFrom: '2025-01-01',
      amountCents: 41343,
      inForce: true,
    });
    expect((await t.http().get('/api/benefits/NOPE')).status).toBe(404);
  });

  it('editing needs the platform admin: 401 without a token, 403 for other roles', async () => {
    expect((await t.http().post('/api/benefits').send(benefitBody())).status).toBe(401);
    const cm = await userWithSession(t, 'case_manager');
    expect((await t.http().post('/api/benefits').set(cm.auth).send(benefitBody())).status).toBe(403);
    expect((await t.http().put('/api/benefits/CHILD_CARE_BENEFIT').set(cm.auth).send(benefitBody())).status).toBe(403);
    expect((await t.http().delete('/api/benefits/CHILD_CARE_BENEFIT').set(cm.auth)).status).toBe(403);
    expect((await t.http().get('/api/benefits/CHILD_CARE_BENEFIT/versions').set(cm.auth)).status).toBe(403);
  });

  it('the platform admin creates, versions and retires a benefit; every change is dated, audited and kept', async () => {
    const admin = await userWithSession(t, 'platform_admin');
    const created = await t.http().post('/api/benefits').set(admin.auth).send(benefitBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'RIGA_SUMMER_CAMP', version: 1, inForce: true, amountCents: 20000 });
    expect((await t.http().post('/api/benefits').set(admin.auth).send(benefitBody())).body.code).toBe('BENEFIT_CODE_TAKEN');

    // a change from a future date is a new version that is not yet in force
    const { code: _code, ...fields } = benefitBody({ amountCents: 25000 });
    const v2 = await t
      .http()
      .put('/api/benefits/RIGA_SUMMER_CAMP')
      .set(admin.auth)
      .send({ ...fields, id: 'RIGA_SUMMER_CAMP', version: 1, inForce: true, validFrom: '2099-01-01', changeNote: '2099 amounts' });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 1, amountCents: 20000, latestVersion: 2 });
    const later = await t.http().post('/api/benefits/evaluate').send({ age: 7, municipality: 'RIGA', onDate: '2099-01-01' });
    expect(later.body.results.find((r: { code: string }) => r.code === 'RIGA_SUMMER_CAMP')).toMatchObject({
      version: 2,
      amountCents: 25000,
      eligibility: 'eligible',
    });

    // a change from today takes effect at once
    const v3 = await t
      .http()
      .put('/api/benefits/RIGA_SUMMER_CAMP')
      .set(admin.auth)
      .send({ ...fields, amountCents: 22000, changeNote: 'correction' });
    expect(v3.body).toMatchObject({ version: 3, amountCents: 22000, inForce: true });

    const history = await t.http().get('/api/benefits/RIGA_SUMMER_CAMP/versions').set(admin.auth);
    expect(history.body.map((v: { version: number; validFrom: string; changeNote: string | null }) => [v.version, v.validFrom, v.changeNote])).toEqual([
      [3, expect.any(String), 'correction'],
      [2, '2099-01-01', '2099 amounts'],
      [1, expect.any(String), null],
    ]);
    const retired = await t.http().delete('/api/benefits/RIGA_SUMMER_CAMP').set(admin.auth);
    expect(retired.body).toMatchObject({ version: 4, active: false, inForce: false });
    const now = await t.http().post('/api/benefits/evaluate').send({ age: 7, municipality: 'RIGA' });
    expect(now.body.results.map((r: { code: string }) => r.code)).not.toContain('RIGA_SUMMER_CAMP');

    const audit: { action: string }[] = await t.db.query(
      `SELECT action FROM audit_event WHERE subject_type = 'benefit' AND subject_id = 'RIGA_SUMMER_CAMP' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['benefit.created', 'benefit.versioned', 'benefit.versioned', 'benefit.retired']);
    // versions are history: the database itself refuses to change one
    await expect(t.db.query(`UPDATE benefit_version SET amount_cents = 1 WHERE benefit_code = 'RIGA_SUMMER_CAMP'`)).rejects.toThrow(/immutable/);
  });

  it.each([
    [{ condition: { fact: 'age', op: 'between', value: 3 } }, 'condition.op'],
    [{ condition: 'age < 18' }, 'condition'],
    [{ amountVariants: [{ when: { fact: 'x', op: 'eq', value: 1 }, amountCents: 100 }] }, 'amountVariants.0.when.fact'],
    [{ amountKind: 'exact', amountCents: null }, 'amountCents'],
    [{ providerKind: 'municipality', municipalityCode: null }, 'municipalityCode'],
    [{ municipalityCode: 'ATLANTIS' }, 'municipalityCode'],
    [{ validFrom: '2020-01-01' }, 'validFrom'],
    [{ officialUrl: 'not a url' }, 'officialUrl'],
    [{ code: 'lower case' }, 'code'],
  ])('refuses a bad benefit %j on %s and stores nothing', async (over, field) => {
    const admin = await userWithSession(t, 'platform_admin');
    const before = Number((await t.db.query(`SELECT count(*)::int AS n FROM benefit_version`))[0].n);
    const res = await t
      .http()
      .post('/api/benefits')
      .set(admin.auth)
      .send(benefitBody({ code: 'BAD_ONE', ...over }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toContain(field);
    expect(Number((await t.db.query(`SELECT count(*)::int AS n FROM benefit_version`))[0].n)).toBe(before);
  });
});

describe('the public finder is rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_RATE_LIMIT: '3', PUBLIC_RATE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t.close());

  it('answers 429 in the standard shape once the window is used up, and leaves the catalogue list alone', async () => {
    for (let i = 0; i < 3; i++) expect((await t.http().post('/api/benefits/evaluate').send({ age: 7 })).status).toBe(200);
    const limited = await t.http().post('/api/benefits/evaluate').send({ age: 7 });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: 'errors.RATE_LIMITED', requestId: expect.any(String) });
    expect((await t.http().get('/api/benefits')).status).toBe(200);
  });
});
