import { startTestApp, TestApp } from '../support/app';
import { municipalityOrg } from '../support/children-factories';
import { makeUser, Session, userWithSession, loginAs } from '../support/factories';
import { seedReportData } from '../support/reports-factories';

const REPORTS = ['spend', 'needs', 'unmet', 'waiting-times', 'overlaps', 'caseloads', 'integrity'];

describe('reports over HTTP: roles, scopes, exports and the public summary', () => {
  let t: TestApp;
  let admin: Session;
  let lm: Session;
  let rigaOfficer: Session;
  let manager: Session;
  let family: Session;
  let childId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const [a, b, c] = [await makeUser(t.db, 'case_manager'), await makeUser(t.db, 'case_manager'), await makeUser(t.db, 'case_manager')];
    const data = await seedReportData(t.db, { a: a.id, b: b.id, c: c.id });
    childId = data.riga[0];
    // a provider whose name a spreadsheet would run as a formula
    await t.db.query(`UPDATE organisation SET name = '=HYPERLINK("http://x","y")' WHERE id = $1`, [data.providerId]);
    const [org]: { id: string }[] = await t.db.query(
      `INSERT INTO organisation (name, kind, code) VALUES ('Labklājības ministrija', 'ministry', 'LM') ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id, kind, code, name, active, created_at`,
    );
    lm = await loginAs(t, await makeUser(t.db, 'ministry_analyst', { organisation: { id: org.id } as never }));
    admin = await userWithSession(t, 'platform_admin');
    rigaOfficer = await userWithSession(t, 'municipality_officer', await municipalityOrg(t.db, 'RIGA'));
    manager = await userWithSession(t, 'case_manager', await municipalityOrg(t.db, 'RIGA'));
    family = await userWithSession(t, 'family');
    const refreshed = await t.http().post('/api/reports/refresh').set(admin.auth).send({});
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.providerMonths).toBe(1);
  });
  afterAll(() => t.close());

  it('401 without a token; 403 for roles without reports; only the platform refreshes', async () => {
    for (const r of REPORTS) {
      expect((await t.http().get(`/api/reports/${r}`)).status).toBe(401);
      expect((await t.http().get(`/api/reports/${r}`).set(manager.auth)).status).toBe(403);
      expect((await t.http().get(`/api/reports/${r}`).set(family.auth)).status).toBe(403);
    }
    expect((await t.http().post('/api/reports/refresh').set(lm.auth).send({})).status).toBe(403);
  });

  it('a ministry analyst gets 403 on every endpoint that names a child', async () => {
    const named = [
      '/api/children',
      `/api/children/${childId}`,
      `/api/children/${childId}/consents`,
      '/api/cases',
      '/api/assessments',
      '/api/support-plans',
      '/api/baskets',
      '/api/contracts',
      '/api/visits',
      '/api/exceptions',
      '/api/cards',
      '/api/decision-imports',
    ];
    const got: Record<string, number> = {};
    for (const url of named) got[url] = (await t.http().get(url).set(lm.auth)).status;
    expect(got).toEqual(Object.fromEntries(named.map((u) => [u, 403])));
  });

  it('a ministry analyst sees only its own source, plus the all-source totals, and no row about one child', async () => {
    for (const r of REPORTS) {
      const res = await t.http().get(`/api/reports/${r}`).query({ from: '2026-01', to: '2026-05' }).set(lm.auth);
      expect(res.status).toBe(200);
      expect(res.body.filters.fundingSource).toBe('LM');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(childId);
      expect(text).not.toMatch(/"VM\.|"EU\./);
    }
    const spend = await t.http().get('/api/reports/spend').query({ from: '2026-01', to: '2026-03' }).set(lm.auth);
    expect(spend.body.totals).toMatchObject({ children: 5, totalCents: 70000, 'LM.spentCents': 70000 });
    expect(spend.body.allSources).toEqual({ group: 'allSources', children: 17, totalCents: 684000, meanCents: 40235 });
    const other = await t.http().get('/api/reports/spend').query({ fundingSource: 'VM' }).set(lm.auth);
    expect(other.status).toBe(403);
  });

  it('a municipality officer sees only their municipality', async () => {
    const own = await t.http().get('/api/reports/spend').query({ from: '2026-01', to: '2026-03' }).set(rigaOfficer.auth);
    expect(own.status).toBe(200);
    expect(own.body.rows.map((r: { group: string }) => r.group)).toEqual(['RIGA']);
    expect(own.body.totals).toMatchObject({ children: 10, totalCents: 560000 });
    expect((await t.http().get('/api/reports/spend').query({ municipality: 'VALMIERA' }).set(rigaOfficer.auth)).status).toBe(403);
  });

  it('bad filters are refused with field-keyed errors', async () => {
    const res = await t.http().get('/api/reports/spend').query({ from: '2026-13', ageBand: '5-9', format: 'pdf' }).set(admin.auth);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors).sort()).toEqual(['ageBand', 'format', 'from']);
  });

  it('CSV neutralises formula cells; XLSX is a workbook', async () => {
    const csv = await t.http().get('/api/reports/integrity').query({ from: '2026-02', to: '2026-02', format: 'csv' }).set(admin.auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      'group,visits,verified,rejected,exceptions,manual,integrityScore,flagged,exceptionRatePercent,reason.NO_CHECK_OUT,reason.SHORT_VISIT',
    );
    expect(csv.text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",10,7,1,3,1,87.4,no,30,1,2`);
    const xlsx = await t
      .http()
      .get('/api/reports/spend')
      .query({ from: '2026-01', to: '2026-03', format: 'xlsx' })
      .set(admin.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const body = xlsx.body as Buffer;
    expect(body.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(body.toString('utf8')).toContain('<t xml:space="preserve">RIGA</t>');
  });

  it('the public monthly summary needs no login and has no cell under 5, as JSON and CSV', async () => {
    const json = await t.http().get('/api/public/monthly-summary').query({ from: '2026-01', to: '2026-04' });
    expect(json.status).toBe(200);
    expect(json.body.rows.map((r: { participants: unknown }) => r.participants)).toEqual(['<5', 17, '<5', 6]);
    const csv = await t.http().get('/api/public/monthly-summary').query({ from: '2026-01', to: '2026-04', format: 'csv' });
    expect(csv.status).toBe(200);
    const cells = csv.text
      .trim()
      .split('\r\n')
      .slice(1)
      .flatMap((line) => line.split(',').slice(1));
    expect(cells.length).toBe(12);
    for (const cell of cells) expect(cell === '<5' || Number(cell) >= 5).toBe(true);
    // a filter that narrows the summary to a handful of children still shows no small cell
    const narrow = await t.http().get('/api/public/monthly-summary').query({ from: '2026-02', to: '2026-02', municipality: 'CESIS' });
    expect(narrow.body.rows).toEqual([{ month: '2026-02', totalPaidCents: '<5', participants: '<5', averageAnnualisedCentsPerParticipant: '<5' }]);
  });
});
