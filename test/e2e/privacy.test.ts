import { PrivacyService } from '../../api/src/modules/privacy/privacy.service';
import { startTestApp, TestApp } from '../support/app';
import { giveConsent, householdOrg, makeCase, makeChild, makeRepresentative, municipalityOrg } from '../support/children-factories';
import { Session, userWithSession } from '../support/factories';

describe('privacy: who looked, all data as JSON, retention', () => {
  let t: TestApp;
  let family: Session;
  let otherFamily: Session;
  let manager: Session;
  let specialist: Session;
  let analyst: Session;
  let childId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const riga = await municipalityOrg(t.db, 'RIGA');
    const household = await householdOrg(t.db);
    family = await userWithSession(t, 'family', household);
    otherFamily = await userWithSession(t, 'family', await householdOrg(t.db));
    manager = await userWithSession(t, 'case_manager', riga);
    specialist = await userWithSession(t, 'specialist');
    analyst = await userWithSession(t, 'ministry_analyst');
    const child = await makeChild(t.db, { municipalityCode: 'RIGA', householdOrganisationId: household.id, firstName: 'Līga', lastName: 'Ozoliņa' });
    childId = child.id;
    await makeCase(t.db, child, manager.user.id);
    await makeRepresentative(t.db, childId, family.user.id);
    await giveConsent(t.db, childId, 'share_with_providers');
  });
  afterAll(() => t.close());

  it('refuses without a token (401), to roles the routes do not name (403) and for another family (404)', async () => {
    expect((await t.http().get(`/api/children/${childId}/access-log`)).status).toBe(401);
    expect((await t.http().get(`/api/children/${childId}/data-export`)).status).toBe(401);
    expect((await t.http().get(`/api/children/${childId}/access-log`).set(specialist.auth)).status).toBe(403);
    expect((await t.http().get(`/api/children/${childId}/data-export`).set(analyst.auth)).status).toBe(403);
    expect((await t.http().get(`/api/children/${childId}/data-export`).set(manager.auth)).status).toBe(403);
    expect((await t.http().get(`/api/children/${childId}/access-log`).set(otherFamily.auth)).status).toBe(404);
    expect((await t.http().get(`/api/children/${childId}/data-export`).set(otherFamily.auth)).status).toBe(404);
    expect((await t.http().get(`/api/children/not-a-uuid/access-log`).set(family.auth)).status).toBe(400);
  });

  it("shows the family who looked at the child's record", async () => {
    expect((await t.http().get(`/api/children/${childId}`).set(manager.auth)).status).toBe(200);
    const res = await t.http().get(`/api/children/${childId}/access-log`).set(family.auth);
    expect(res.status).toBe(200);
    const read = res.body.find((e: { action: string; actorName: string }) => e.actorName === manager.user.fullName);
    expect(read).toMatchObject({ actorRole: 'case_manager' });
    expect(read.organisationName).toBeTruthy();
  });

  it('gives the family every record held about the child as one JSON download, and audits it', async () => {
    const res = await t.http().get(`/api/children/${childId}/data-export`).set(family.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.body.child).toMatchObject({ id: childId, first_name: 'Līga', last_name: 'Ozoliņa' });
    expect(Object.keys(res.body.records)).toEqual(expect.arrayContaining(['child_case', 'child_representative', 'consent']));
    expect(res.body.records.consent[0]).toMatchObject({ purpose: 'share_with_providers', granted: true });
    expect(res.body.accessLog.length).toBeGreaterThan(0);
    const [audit] = await t.db.query(`SELECT actor_user_id FROM audit_event WHERE action = 'child.data_export' AND child_id = $1`, [childId]);
    expect(audit.actor_user_id).toBe(family.user.id);
  });

  it('anonymises a record past retention and keeps the rest', async () => {
    const old = await makeChild(t.db, { municipalityCode: 'RIGA', birthDate: '2004-03-10', firstName: 'Pēteris', lastName: 'Vecais' });
    const lifelong = await makeChild(t.db, { municipalityCode: 'RIGA', birthDate: '2012-05-01' });
    await makeRepresentative(t.db, old.id, null);
    await t.db.query(`UPDATE child SET created_at = '2016-01-01' WHERE id IN ($1, $2)`, [old.id, lifelong.id]);
    await t.db.query(
      `INSERT INTO disability_decision (number, child_id, decision_date, kind, special_care, valid_from, valid_to, consent_to_contact)
       VALUES ('RET-1', $1, '2016-01-01', 'child', false, '2016-01-01', '2020-12-31', false), ('RET-2', $2, '2016-01-01', 'child', false, '2016-01-01', NULL, false)`,
      [old.id, lifelong.id],
    );
    const done = await t.app.get(PrivacyService).anonymiseExpired('2026-12-01');
    expect(done).toContain(old.id);
    expect(done).not.toContain(lifelong.id);
    expect(done).not.toContain(childId);
    const [row] = await t.db.query(`SELECT personal_code, first_name, last_name, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM child WHERE id = $1`, [old.id]);
    expect(row).toEqual({ personal_code: expect.stringMatching(/^ANON[0-9A-F]{8}$/), first_name: '—', last_name: '—', birth: '2004-01-01' });
    const reps = await t.db.query(`SELECT full_name, email, phone FROM child_representative WHERE child_id = $1`, [old.id]);
    expect(reps.every((r: { full_name: string; email: null; phone: null }) => r.full_name === '—' && r.email === null && r.phone === null)).toBe(true);
    expect((await t.db.query(`SELECT 1 FROM disability_decision WHERE number = 'RET-1'`)).length).toBe(1);
    expect((await t.db.query(`SELECT 1 FROM audit_event WHERE action = 'child.anonymised' AND child_id = $1`, [old.id])).length).toBe(1);
    // a second pass finds nothing new
    expect(await t.app.get(PrivacyService).anonymiseExpired('2026-12-01')).toEqual([]);
  });
});
