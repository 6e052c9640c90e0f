import { startTestApp, TestApp } from '../support/app';
import { decisionRow, giveConsent, householdOrg, makeCase, makeChild, municipalityOrg } from '../support/children-factories';
import { Session, userWithSession } from '../support/factories';

const ids = (body: { id: string }[]) => body.map((r) => r.id).sort();

describe('children and cases over HTTP', () => {
  let t: TestApp;
  let rigaManager: Session;
  let rigaManager2: Session;
  let rigaOfficer: Session;
  let valmieraOfficer: Session;
  let family: Session;
  let otherFamily: Session;
  const child: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    const riga = await municipalityOrg(t.db, 'RIGA');
    const valmiera = await municipalityOrg(t.db, 'VALMIERA');
    rigaManager = await userWithSession(t, 'case_manager', riga);
    rigaManager2 = await userWithSession(t, 'case_manager', riga);
    rigaOfficer = await userWithSession(t, 'municipality_officer', riga);
    valmieraOfficer = await userWithSession(t, 'municipality_officer', valmiera);
    const hh1 = await householdOrg(t.db);
    const hh2 = await householdOrg(t.db);
    family = await userWithSession(t, 'family', hh1);
    otherFamily = await userWithSession(t, 'family', hh2);
    const own = await makeChild(t.db, { municipalityCode: 'RIGA', householdOrganisationId: hh1.id });
    const colleagues = await makeChild(t.db, { municipalityCode: 'RIGA', householdOrganisationId: hh2.id });
    const valmieras = await makeChild(t.db, { municipalityCode: 'VALMIERA' });
    await makeCase(t.db, own, rigaManager.user.id);
    await makeCase(t.db, colleagues, rigaManager2.user.id);
    await makeCase(t.db, valmieras, null);
    Object.assign(child, { own: own.id, colleagues: colleagues.id, valmieras: valmieras.id });
  });
  afterAll(() => t.close());

  it('401 without a token, 403 for a role the route does not name', async () => {
    expect((await t.http().get('/api/children')).status).toBe(401);
    expect((await t.http().get(`/api/children/${child.own}`)).status).toBe(401);
    const analyst = await userWithSession(t, 'ministry_analyst');
    expect((await t.http().get('/api/children').set(analyst.auth)).status).toBe(403);
    expect((await t.http().get('/api/cases').set(family.auth)).status).toBe(403);
    expect((await t.http().post('/api/decisions/import').set(rigaManager.auth).send([])).status).toBe(403);
  });

  it('a case manager reads a child of their caseload (audited) but not one outside it (404)', async () => {
    const own = await t.http().get(`/api/children/${child.own}`).set(rigaManager.auth);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: child.own, municipalityCode: 'RIGA', consents: { contact_by_social_service: false }, cases: [{ caseManagerUserId: rigaManager.user.id }] });
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE child_id = $1 AND actor_user_id = $2`, [child.own, rigaManager.user.id]);
    expect(audit).toEqual([{ action: 'child.read' }]);
    const other = await t.http().get(`/api/children/${child.colleagues}`).set(rigaManager.auth);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    expect((await t.http().get(`/api/children/${child.valmieras}`).set(rigaManager.auth)).status).toBe(404);
    expect(ids((await t.http().get('/api/children').set(rigaManager.auth)).body)).toEqual([child.own]);
    const cases = await t.http().get('/api/cases').set(rigaManager.auth);
    expect(cases.body.map((c: { childId: string }) => c.childId)).toEqual([child.own]);
    expect(cases.headers['content-range']).toBe('cases 0-0/1');
  });

  it('a family reads their own child but not another family’s (404)', async () => {
    expect((await t.http().get(`/api/children/${child.own}`).set(family.auth)).status).toBe(200);
    const res = await t.http().get(`/api/children/${child.colleagues}`).set(family.auth);
    expect(res.status).toBe(404);
    expect(ids((await t.http().get('/api/children').set(family.auth)).body)).toEqual([child.own]);
    expect(ids((await t.http().get('/api/children').set(otherFamily.auth)).body)).toEqual([child.colleagues]);
    expect((await t.http().post(`/api/children/${child.colleagues}/consents`).set(family.auth).send({ purpose: 'share_with_school', granted: true })).status).toBe(404);
  });

  it('a municipality officer sees only their municipality', async () => {
    expect(ids((await t.http().get('/api/children').set(rigaOfficer.auth)).body)).toEqual([child.own, child.colleagues].sort());
    expect((await t.http().get(`/api/children/${child.valmieras}`).set(rigaOfficer.auth)).status).toBe(404);
    expect(ids((await t.http().get('/api/children').set(valmieraOfficer.auth)).body)).toEqual([child.valmieras]);
    const cases = await t.http().get('/api/cases').set(valmieraOfficer.auth);
    expect(cases.body.map((c: { childId: string; status: string }) => [c.childId, c.status])).toEqual([[child.valmieras, 'unassigned']]);
    const balance = await t.http().get('/api/caseload-balance').set(rigaOfficer.auth);
    expect(balance.body.municipalityCode).toBe('RIGA');
    expect(balance.body.managers.map((m: { userId: string; load: number; limit: number }) => [m.load, m.limit])).toEqual([[1, 20], [1, 20]]);
    const valmieraCase = cases.body[0].id;
    expect((await t.http().post(`/api/cases/${valmieraCase}/reassign`).set(rigaOfficer.auth).send({ caseManagerUserId: rigaManager.user.id })).status).toBe(404);
  });

  it('a family gives and withdraws consents in the portal; bad input is a field-keyed 400 and changes nothing', async () => {
    const bad = await t.http().post(`/api/children/${child.own}/consents`).set(family.auth).send({ purpose: 'sell_data', granted: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ purpose: 'isIn', granted: 'isBoolean' });
    const given = await t.http().post(`/api/children/${child.own}/consents`).set(family.auth).send({ purpose: 'share_with_providers', granted: true });
    expect(given.status).toBe(200);
    expect(given.body).toEqual({ contact_by_social_service: false, share_with_providers: true, share_with_school: false });
    await t.http().post(`/api/children/${child.own}/consents`).set(family.auth).send({ purpose: 'share_with_providers', granted: false });
    const history = await t.http().get(`/api/children/${child.own}/consents`).set(family.auth);
    expect(history.body.map((h: { purpose: string; granted: boolean; source: string }) => [h.purpose, h.granted, h.source])).toEqual([
      ['share_with_providers', false, 'portal'],
      ['share_with_providers', true, 'portal'],
    ]);
  });

  it('a personal code with a wrong checksum is refused by field', async () => {
    const admin = await userWithSession(t, 'platform_admin');
    const res = await t.http().post('/api/children').set(admin.auth).send({ personalCode: '150717-21239', firstName: 'A', lastName: 'B', municipalityCode: 'RIGA' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { personalCode: 'checksum' } });
  });

  it('imports decisions (JSON and CSV) as a job; the new case lands in a case manager’s caseload', async () => {
    const admin = await userWithSession(t, 'platform_admin');
    const row = decisionRow({ municipality: 'RIGA' });
    const started = await t.http().post('/api/decisions/import').set(admin.auth).send([row, decisionRow({ personalCode: 'nope' })]);
    expect(started.status).toBe(202);
    const done = await waitForImport(t, admin, started.body.id);
    expect(done).toMatchObject({ status: 'completed', importedRows: 1, errorRows: 1, progress: 100, errors: [{ row: 2, field: 'personalCode', code: 'format' }] });
    const mine = async (s: Session) => (await t.http().get('/api/cases').query({ filter: JSON.stringify({ mine: true }) }).set(s.auth)).body.map((c: { childName: string }) => c.childName);
    const name = `${row.firstName} ${row.lastName}`;
    expect([...(await mine(rigaManager)), ...(await mine(rigaManager2))]).toContain(name);

    const csvRow = decisionRow({ municipality: 'RIGA', firstName: 'Csv' });
    const header = Object.keys(csvRow).join(';');
    const csv = `${header}\n${Object.values(csvRow).join(';')}\n`;
    const csvStarted = await t.http().post('/api/decisions/import/csv').set(rigaOfficer.auth).send({ fileName: 'lemumi.csv', csv });
    expect(csvStarted.status).toBe(202);
    expect(await waitForImport(t, rigaOfficer, csvStarted.body.id)).toMatchObject({ status: 'completed', importedRows: 1, fileName: 'lemumi.csv' });
    const again = await t.http().post('/api/decisions/import/csv').set(rigaOfficer.auth).send({ fileName: 'lemumi.csv', csv });
    expect(await waitForImport(t, rigaOfficer, again.body.id)).toMatchObject({ importedRows: 0, unchangedRows: 1 });
    // an officer of another municipality does not see this import
    expect((await t.http().get(`/api/decision-imports/${again.body.id}`).set(valmieraOfficer.auth)).status).toBe(404);
  });

  it('a case manager names a deputy for a date range; the deputy then sees and acts on the caseload; an officer sets limits', async () => {
    const colleagues = await t.http().get('/api/case-managers').set(rigaManager.auth);
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.map((c: { id: string }) => c.id).sort()).toEqual([rigaManager.user.id, rigaManager2.user.id].sort());
    const bad = await t.http().post('/api/case-deputies').set(rigaManager.auth).send({ deputyUserId: rigaManager2.user.id, validFrom: '2026-12-10', validTo: '2026-12-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ validTo: 'afterValidFrom' });
    expect((await t.http().post('/api/case-deputies').set(rigaManager.auth).send({ deputyUserId: rigaManager.user.id, validFrom: '2026-12-01', validTo: '2026-12-10' })).body.errors).toEqual({ deputyUserId: 'notSelf' });
    expect((await t.http().get(`/api/children/${child.own}`).set(rigaManager2.auth)).status).toBe(404);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());
    const named = await t.http().post('/api/case-deputies').set(rigaManager.auth).send({ deputyUserId: rigaManager2.user.id, validFrom: today, validTo: today });
    expect(named.status).toBe(201);
    expect((await t.http().get(`/api/children/${child.own}`).set(rigaManager2.auth)).status).toBe(200);
    const mine = await t.http().get('/api/cases').query({ filter: JSON.stringify({ mine: true }) }).set(rigaManager2.auth);
    expect(mine.body.map((c: { childId: string }) => c.childId)).toContain(child.own);
    expect((await t.http().delete(`/api/case-deputies/${named.body.id}`).set(rigaManager2.auth)).status).toBe(404);
    expect((await t.http().delete(`/api/case-deputies/${named.body.id}`).set(rigaManager.auth)).status).toBe(200);
    expect((await t.http().get(`/api/children/${child.own}`).set(rigaManager2.auth)).status).toBe(404);

    expect((await t.http().put(`/api/case-managers/${rigaManager.user.id}/limit`).set(rigaManager.auth).send({ caseloadLimit: 30 })).status).toBe(403);
    expect((await t.http().put(`/api/case-managers/${rigaManager.user.id}/limit`).set(valmieraOfficer.auth).send({ caseloadLimit: 30 })).body.errors).toEqual({ caseManagerUserId: 'caseManagerOfMunicipality' });
    expect((await t.http().put(`/api/case-managers/${rigaManager.user.id}/limit`).set(rigaOfficer.auth).send({ caseloadLimit: 0 })).body.errors).toEqual({ caseloadLimit: 'min' });
    const set = await t.http().put(`/api/case-managers/${rigaManager.user.id}/limit`).set(rigaOfficer.auth).send({ caseloadLimit: 12 });
    expect(set.body).toEqual({ userId: rigaManager.user.id, caseloadLimit: 12 });
  });

  it('records the first contact on an own case only, with consent', async () => {
    const [c] = (await t.http().get('/api/cases').set(rigaManager.auth).query({ filter: JSON.stringify({ childId: child.own }) })).body;
    const refused = await t.http().post(`/api/cases/${c.id}/first-contact`).set(rigaManager.auth).send({ date: '2026-11-30', channel: 'phone', outcome: 'Zvans' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONSENT_REQUIRED');
    await giveConsent(t.db, child.own, 'contact_by_social_service');
    expect((await t.http().post(`/api/cases/${c.id}/first-contact`).set(rigaManager2.auth).send({ date: '2026-11-30', channel: 'phone', outcome: 'Zvans' })).status).toBe(404);
    const ok = await t.http().post(`/api/cases/${c.id}/first-contact`).set(rigaManager.auth).send({ date: '2026-11-30', channel: 'phone', outcome: 'Zvans' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ firstContactAt: '2026-11-30', firstContactChannel: 'phone', overdue: false });
  });
});

async function waitForImport(t: TestApp, s: Session, id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    await t.flushOutbox();
    const res = await t.http().get(`/api/decision-imports/${id}`).set(s.auth);
    if (res.body.status === 'completed') return res.body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('import did not complete');
}
