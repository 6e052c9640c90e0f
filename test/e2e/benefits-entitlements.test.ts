import { startTestApp, TestApp } from '../support/app';
import { makeBenefitChild, makeDecision, makeOpenCase } from '../support/benefits-factories';
import { makeOrganisation, makeUser, loginAs, Session, userWithSession } from '../support/factories';

type Result = { code: string; eligibility: string; received: boolean; missing: boolean; amountCents: number | null };

describe("a known child's entitlements and transitions", () => {
  let t: TestApp;
  let family: Session;
  let otherFamily: Session;
  let caseManager: Session;
  let otherCaseManager: Session;
  let childId: string;
  let teenId: string;
  let strangerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const household = await makeOrganisation(t.db, 'household');
    family = await loginAs(t, await makeUser(t.db, 'family', { organisation: household }));
    otherFamily = await userWithSession(t, 'family');
    caseManager = await userWithSession(t, 'case_manager');
    otherCaseManager = await userWithSession(t, 'case_manager');
    // a 7-year-old (on 2026-12-01) with a first child decision and special care, in the family's household
    childId = await makeBenefitChild(t.db, { householdOrganisationId: household.id, birthDate: '2019-06-01', firstName: 'Jānis' });
    await makeDecision(t.db, childId, { kind: 'child', specialCare: true, validFrom: '2026-01-01', validTo: '2028-01-01' });
    await makeOpenCase(t.db, childId, caseManager.user.id);
    // a 17-year-old turning 18 on 2027-05-20, in the same caseload, with a transition review open
    teenId = await makeBenefitChild(t.db, { householdOrganisationId: household.id, birthDate: '2009-05-20', firstName: 'Anna' });
    await makeDecision(t.db, teenId, { kind: 'child', specialCare: true, validFrom: '2020-01-01', validTo: null });
    const teenCase = await makeOpenCase(t.db, teenId, caseManager.user.id);
    await t.db.query(`INSERT INTO case_review (case_id, child_id, kind, due_date) VALUES ($1, $2, 'transition_18', '2027-05-20')`, [teenCase, teenId]);
    // someone else's child
    strangerId = await makeBenefitChild(t.db, { birthDate: '2015-01-01' });
    await makeDecision(t.db, strangerId, { kind: 'child', validFrom: '2024-01-01' });
    await makeOpenCase(t.db, strangerId, otherCaseManager.user.id);
  });
  afterAll(() => t.close());

  it('401 without a token on every route', async () => {
    expect((await t.http().get(`/api/children/${childId}/entitlements`)).status).toBe(401);
    expect((await t.http().get(`/api/children/${childId}/transitions`)).status).toBe(401);
    expect((await t.http().get('/api/benefit-gaps')).status).toBe(401);
    expect((await t.http().put(`/api/children/${childId}/benefit-facts`).send({ livesAtHome: true })).status).toBe(401);
  });

  it("a family sees only its own child's entitlements: 404 for another family, 403 for providers and ministries", async () => {
    expect((await t.http().get(`/api/children/${childId}/entitlements`).set(otherFamily.auth)).status).toBe(404);
    expect((await t.http().get(`/api/children/${strangerId}/entitlements`).set(family.auth)).status).toBe(404);
    expect((await t.http().get(`/api/children/${strangerId}/transitions`).set(family.auth)).status).toBe(404);
    for (const role of ['provider_admin', 'specialist', 'ministry_analyst'] as const) {
      const s = await userWithSession(t, role);
      expect((await t.http().get(`/api/children/${childId}/entitlements`).set(s.auth)).status).toBe(403);
    }
    const own = await t.http().get(`/api/children/${childId}/entitlements`).set(family.auth);
    expect(own.status).toBe(200);
    expect(own.body.child).toMatchObject({ id: childId, firstName: 'Jānis' });
    expect(own.body.situation).toMatchObject({ decisionKind: 'child', specialCare: true, firstDecision: true, municipality: 'RIGA', livesAtHome: null });
    const audit: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'child.entitlements.read' AND child_id = $1 AND actor_user_id = $2`,
      [childId, family.user.id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('fills the situation from the record and marks what the child already receives', async () => {
    const before = (await t.http().get(`/api/children/${childId}/entitlements`).set(family.auth)).body;
    const care = (b: { results: Result[] }) => b.results.find((r) => r.code === 'CHILD_CARE_BENEFIT')!;
    expect(care(before).eligibility).toBe('maybe'); // living at home not known yet
    const psychologist = before.results.find((r: Result) => r.code === 'PSYCHOLOGIST_FIRST_DECISION');
    expect(psychologist).toMatchObject({ eligibility: 'eligible', missing: true });

    const facts = await t.http().put(`/api/children/${childId}/benefit-facts`).set(family.auth).send({ livesAtHome: true, attendsSchool: true });
    expect(facts.status).toBe(200);
    expect(care(facts.body)).toMatchObject({ eligibility: 'eligible', amountCents: 41343, received: false, missing: true });

    const added = await t
      .http()
      .post(`/api/children/${childId}/benefit-receipts`)
      .set(family.auth)
      .send({ benefitCode: 'FAMILY_BENEFIT_SUPPLEMENT', since: '2026-02-01' });
    expect(added.status).toBe(201);
    expect(added.body.results.find((r: Result) => r.code === 'FAMILY_BENEFIT_SUPPLEMENT')).toMatchObject({
      eligibility: 'eligible',
      amountCents: 16000,
      received: true,
      missing: false,
    });
    // repeating it changes nothing
    await t.http().post(`/api/children/${childId}/benefit-receipts`).set(family.auth).send({ benefitCode: 'FAMILY_BENEFIT_SUPPLEMENT' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM benefit_receipt WHERE child_id = $1`, [childId]))[0].n).toBe(1);
  });

  it('refuses bad input with field-keyed errors and changes nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM benefit_receipt`);
    const bad = [
      await t.http().put(`/api/children/${childId}/benefit-facts`).set(family.auth).send({ livesAtHome: 'yes' }),
      await t.http().post(`/api/children/${childId}/benefit-receipts`).set(family.auth).send({ benefitCode: 'NO_SUCH_BENEFIT' }),
      await t.http().post(`/api/children/${childId}/benefit-receipts`).set(family.auth).send({ benefitCode: 'CHILD_CARE_BENEFIT', since: '2999-01-01' }),
      await t.http().post(`/api/children/${strangerId}/benefit-receipts`).set(family.auth).send({ benefitCode: 'CHILD_CARE_BENEFIT' }),
    ];
    expect(bad.map((r) => [r.status, r.body.errors ? Object.keys(r.body.errors)[0] : r.body.code])).toEqual([
      [400, 'livesAtHome'],
      [400, 'benefitCode'],
      [400, 'since'],
      [404, 'NOT_FOUND'],
    ]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM benefit_receipt`)).toEqual(before);
    expect((await t.db.query(`SELECT lives_at_home FROM child_benefit_facts WHERE child_id = $1`, [childId]))[0].lives_at_home).toBe(true);
  });

  it("the case manager's caseload list highlights entitlements the family does not yet receive", async () => {
    const res = await t.http().get('/api/benefit-gaps').set(caseManager.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('benefit-gaps 0-1/2');
    const jan = res.body.find((r: { id: string }) => r.id === childId);
    expect(jan.missing.map((m: { code: string }) => m.code)).toContain('CHILD_CARE_BENEFIT');
    expect(jan.missing.map((m: { code: string }) => m.code)).not.toContain('FAMILY_BENEFIT_SUPPLEMENT');
    expect(jan).toMatchObject({ receivedCount: 1, missingCount: jan.eligibleCount - 1 });
    expect(res.body.map((r: { id: string }) => r.id)).not.toContain(strangerId);
    // the case manager's own view of one child, and nobody else's
    const one = await t.http().get(`/api/children/${childId}/entitlements`).set(caseManager.auth);
    expect(one.body.results.find((r: Result) => r.code === 'CHILD_CARE_BENEFIT')).toMatchObject({ missing: true });
    expect((await t.http().get(`/api/children/${childId}/entitlements`).set(otherCaseManager.auth)).status).toBe(404);
    // a family's list holds its own children only
    const mine = await t.http().get('/api/benefit-gaps').set(otherFamily.auth);
    expect(mine.body).toEqual([]);
    expect(
      (
        await t
          .http()
          .get('/api/benefit-gaps')
          .set((await userWithSession(t, 'specialist')).auth)
      ).status,
    ).toBe(403);
    const audit: { details: { ids: string[] } }[] = await t.db.query(
      `SELECT details FROM audit_event WHERE action = 'child.entitlements.list' AND actor_user_id = $1`,
      [caseManager.user.id],
    );
    expect(audit[0].details.ids.sort()).toEqual([childId, teenId].sort());
  });

  it('shows what changes at 18 and at 25, with the transition review 6 months before', async () => {
    const res = await t.http().get(`/api/children/${teenId}/transitions`).set(caseManager.auth);
    expect(res.status).toBe(200);
    const [at18, at25] = res.body.transitions;
    expect(at18).toMatchObject({
      age: 18,
      birthday: '2027-05-20',
      reviewFrom: '2026-11-20',
      past: false,
      review: { kind: 'transition_18', dueDate: '2027-05-20', status: 'open' },
    });
    const change = (code: string) => at18.changes.find((c: { code: string }) => c.code === code);
    expect(change('CHILD_CARE_BENEFIT')).toMatchObject({ change: 'ends', amountBeforeCents: 41343, nameLv: 'Pabalsts par bērna ar invaliditāti kopšanu' });
    expect(change('FAMILY_BENEFIT_SUPPLEMENT')).toMatchObject({ change: 'ends', amountBeforeCents: 16000 });
    expect(change('STATE_SOCIAL_SECURITY_BENEFIT')).toMatchObject({ change: 'may_start' });
    expect(at25).toMatchObject({ age: 25, birthday: '2034-05-20', reviewFrom: '2033-11-20', review: null });
    expect(at25.changes.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['INDIVIDUAL_BUDGET', 'CASE_MANAGER']));
    expect((await t.http().get(`/api/children/${teenId}/transitions`).set(otherFamily.auth)).status).toBe(404);
  });
});
