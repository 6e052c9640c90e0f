import { ASSESSMENT_DOMAINS } from '@lidz/libs';
import { Organisation } from '../../api/src/modules/identity/entities/organisation.entity';
import { AssessmentsService } from '../../api/src/modules/budgets/assessments.service';
import { BasketsService } from '../../api/src/modules/budgets/baskets.service';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';
import { startTestApp, TestApp } from '../support/app';
import { makeBudgetChild } from '../support/budgets-factories';
import { makeOrganisation, makeUser, loginAs, Session } from '../support/factories';

const levels = (over: Record<string, number> = {}) =>
  Object.fromEntries(ASSESSMENT_DOMAINS.filter((d) => d !== 'work_readiness').map((d) => [d, { level: over[d] ?? 0, note: null }]));

describe('assessments, plans and baskets over HTTP', () => {
  let t: TestApp;
  let rigaOrg: Organisation;
  let cm: Session; // the child's case manager
  let otherCm: Session; // a colleague in the same municipality, not on this case
  let officer: Session; // Riga's municipality officer
  let valmieraOfficer: Session;
  let family: Session;
  let strangerFamily: Session;
  let admin: Session;

  async function municipalityOrg(code: string): Promise<Organisation> {
    const repo = t.db.getRepository(Organisation);
    return (await repo.findOneBy({ code })) ?? repo.save(repo.create({ kind: 'municipality', code, name: code }));
  }

  beforeAll(async () => {
    t = await startTestApp();
    rigaOrg = await municipalityOrg('RIGA');
    const valmiera = await municipalityOrg('VALMIERA');
    cm = await loginAs(t, await makeUser(t.db, 'case_manager', { organisation: rigaOrg }));
    otherCm = await loginAs(t, await makeUser(t.db, 'case_manager', { organisation: rigaOrg }));
    officer = await loginAs(t, await makeUser(t.db, 'municipality_officer', { organisation: rigaOrg }));
    valmieraOfficer = await loginAs(t, await makeUser(t.db, 'municipality_officer', { organisation: valmiera }));
    family = await loginAs(t, await makeUser(t.db, 'family'));
    strangerFamily = await loginAs(t, await makeUser(t.db, 'family'));
    admin = await loginAs(t, await makeUser(t.db, 'platform_admin'));
  });
  afterAll(() => t.close());

  async function newChild() {
    return makeBudgetChild(t.db, { municipalityCode: 'RIGA', householdOrganisationId: family.user.organisationId, caseManagerUserId: cm.user.id, birthDate: '2017-05-10' });
  }

  async function draftAssessment(childId: string, lv: Record<string, number> = { communication: 3, learning: 2, family_situation: 2 }) {
    const res = await t.http().post('/api/assessments').set(cm.auth).send({ childId, validFrom: '2026-01-01', validTo: '2026-12-31', domains: levels(lv) });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string; missingSignoffs: string[] };
  }

  async function signFully(id: string) {
    expect((await t.http().post(`/api/assessments/${id}/sign`).set(cm.auth)).status).toBe(200);
    expect((await t.http().post(`/api/assessments/${id}/health-signoff`).set(cm.auth).send({ name: 'Dr. Anna Ārste', registrationNumber: 'ARS-12345' })).status).toBe(200);
    const res = await t.http().post(`/api/assessments/${id}/sign`).set(family.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function planAndBasket(assessmentId: string) {
    const plan = await t.http().post('/api/support-plans').set(cm.auth).send({ assessmentId, goals: [{ text: 'Jānis runā pilnos teikumos' }] });
    expect(plan.status).toBe(201);
    const basket = await t.http().post('/api/baskets').set(cm.auth).send({ supportPlanId: plan.body.id });
    expect(basket.status).toBe(201);
    return { plan: plan.body, basket: basket.body };
  }

  it('refuses every route without a token (401)', async () => {
    for (const path of ['/api/assessments', '/api/support-plans', '/api/baskets']) expect((await t.http().get(path)).status).toBe(401);
  });

  describe('assessments', () => {
    it('only the child’s case manager drafts; others get 404 (not their child) or 403 (wrong role)', async () => {
      const { childId } = await newChild();
      const body = { childId, validFrom: '2026-01-01', validTo: '2026-12-31', domains: levels() };
      expect((await t.http().post('/api/assessments').set(otherCm.auth).send(body)).status).toBe(404);
      expect((await t.http().post('/api/assessments').set(officer.auth).send(body)).status).toBe(403);
      expect((await t.http().post('/api/assessments').set(family.auth).send(body)).status).toBe(403);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM assessment WHERE child_id = $1`, [childId]);
      expect(n).toBe(0);
      const ok = await t.http().post('/api/assessments').set(cm.auth).send(body);
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ version: 1, status: 'awaiting_signatures', missingSignoffs: ['case_manager', 'health_specialist', 'family'], reviewReminderOn: '2026-11-01' });
    });

    it('refuses bad input field by field and writes nothing', async () => {
      const { childId } = await newChild();
      const res = await t.http().post('/api/assessments').set(cm.auth).send({ childId, validFrom: '2026-01-01', validTo: '2026-03-01', domains: { ...levels(), hearing: { level: 7 }, work_readiness: { level: 1 } } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ validTo: 'validityTooShort', 'domains.hearing.level': 'isLevel', 'domains.work_readiness': 'notAssessedUnder14' });
      const tooLong = await t.http().post('/api/assessments').set(cm.auth).send({ childId, validFrom: '2026-01-01', validTo: '2029-01-01', domains: levels() });
      expect(tooLong.body.errors).toEqual({ validTo: 'validityTooLong' });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM assessment WHERE child_id = $1`, [childId]);
      expect(n).toBe(0);
    });

    it('the family signs only its own child’s assessment; three sign-offs make it count; a new version supersedes', async () => {
      const { childId } = await newChild();
      const a = await draftAssessment(childId);
      expect((await t.http().post(`/api/assessments/${a.id}/sign`).set(strangerFamily.auth)).status).toBe(404);
      expect((await t.http().post(`/api/assessments/${a.id}/sign`).set(otherCm.auth)).status).toBe(404);
      expect((await t.http().post(`/api/assessments/${a.id}/health-signoff`).set(cm.auth).send({ name: '', registrationNumber: '!' })).body.errors).toEqual({ name: 'isNotEmpty', registrationNumber: 'matches' });
      const signed = await signFully(a.id);
      expect(signed).toMatchObject({ status: 'signed', missingSignoffs: [], healthSpecialistName: 'Dr. Anna Ārste', healthSpecialistRegistrationNumber: 'ARS-12345', familyUserId: family.user.id, familySignerRole: 'family' });
      expect((await t.http().post(`/api/assessments/${a.id}/sign`).set(family.auth)).body.code).toBe('ASSESSMENT_ALREADY_SIGNED');
      // the family reads it (audited), a stranger does not see it
      expect((await t.http().get(`/api/assessments/${a.id}`).set(family.auth)).status).toBe(200);
      expect((await t.http().get(`/api/assessments/${a.id}`).set(strangerFamily.auth)).status).toBe(404);
      const audit = await t.db.query(`SELECT actor_user_id FROM audit_event WHERE action = 'assessment.read' AND subject_id = $1`, [a.id]);
      expect(audit).toEqual([{ actor_user_id: family.user.id }]);
      // a change is a new version; once signed it supersedes the old one, which keeps its levels
      const v2 = await draftAssessment(childId, { communication: 4 });
      expect(v2).toMatchObject({ version: 2 });
      await signFully(v2.id);
      const rows = await t.db.query(`SELECT version, status, domains->'communication'->>'level' AS c FROM assessment WHERE child_id = $1 ORDER BY version`, [childId]);
      expect(rows).toEqual([{ version: 1, status: 'superseded', c: '3' }, { version: 2, status: 'signed', c: '4' }]);
    });

    it('the young person of 18+ signs for themself; a parent account may not', async () => {
      const household = await makeOrganisation(t.db, 'household');
      const young = await loginAs(t, await makeUser(t.db, 'participant', { organisation: household }));
      const parent = await loginAs(t, await makeUser(t.db, 'family', { organisation: household }));
      const { childId } = await makeBudgetChild(t.db, { municipalityCode: 'RIGA', householdOrganisationId: household.id, caseManagerUserId: cm.user.id, birthDate: '2006-03-01' });
      const res = await t.http().post('/api/assessments').set(cm.auth).send({ childId, validFrom: '2026-01-01', validTo: '2026-12-31', domains: { ...levels(), work_readiness: { level: 3 } } });
      expect(res.status).toBe(201);
      expect((await t.http().post(`/api/assessments/${res.body.id}/sign`).set(parent.auth)).status).toBe(404);
      const ok = await t.http().post(`/api/assessments/${res.body.id}/sign`).set(young.auth);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ familySignerRole: 'participant', familyUserId: young.user.id });
    });

    it('the review reminder fires 60 days before expiry, once', async () => {
      const { childId } = await newChild();
      const a = await draftAssessment(childId);
      await signFully(a.id);
      const service = t.app.get(AssessmentsService);
      expect(await service.sendReviewReminder(a.id, '2026-10-31')).toBe(false);
      expect(await service.sendReviewReminder(a.id, '2026-11-01')).toBe(true);
      expect(await service.sendReviewReminder(a.id, '2026-11-02')).toBe(false);
      const notes = await t.db.query(`SELECT user_id, kind FROM notification WHERE kind = 'assessment-review' AND params->>'assessmentId' = $1`, [a.id]);
      expect(notes).toEqual([{ user_id: cm.user.id, kind: 'assessment-review' }]);
      const [job] = await t.db.query(`SELECT job_id, delay_ms FROM outbox_message WHERE job_name = 'assessment-review-reminder' AND payload->>'assessmentId' = $1`, [a.id]);
      expect(job.job_id).toBe(`assessment-review-${a.id}`);
    });

    it('an assessment valid for years can be signed; its reminder is left to the daily sweep, which sends it on the day', async () => {
      const { childId } = await newChild();
      const res = await t.http().post('/api/assessments').set(cm.auth).send({ childId, validFrom: '2026-12-01', validTo: '2029-11-30', domains: levels() });
      expect(res.body.reviewReminderOn).toBe('2029-10-01');
      await signFully(res.body.id);
      expect(await t.db.query(`SELECT 1 FROM outbox_message WHERE payload->>'assessmentId' = $1`, [res.body.id])).toEqual([]);
      const service = t.app.get(AssessmentsService);
      const sentAt = async () => (await t.db.query(`SELECT review_reminder_sent_at AS s FROM assessment WHERE id = $1`, [res.body.id]))[0].s;
      await service.sendDueReviewReminders('2029-09-30'); // (sends the other tests' reminders that are due)
      expect(await sentAt()).toBeNull();
      expect(await service.sendDueReviewReminders('2029-10-01')).toBe(1);
      expect(await sentAt()).not.toBeNull();
      expect(await service.sendDueReviewReminders('2029-10-02')).toBe(0);
      expect(await t.db.query(`SELECT user_id FROM notification WHERE kind = 'assessment-review' AND params->>'assessmentId' = $1`, [res.body.id])).toEqual([{ user_id: cm.user.id }]);
    });
  });

  describe('plans and baskets', () => {
    it('an unsigned assessment cannot back a submitted basket', async () => {
      const { childId } = await newChild();
      const a = await draftAssessment(childId);
      const { basket } = await planAndBasket(a.id);
      const res = await t.http().post(`/api/baskets/${basket.id}/submit`).set(cm.auth);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BUDGET_ASSESSMENT_NOT_SIGNED');
      const [row] = await t.db.query(`SELECT status FROM basket WHERE id = $1`, [basket.id]);
      expect(row.status).toBe('draft');
    });

    it('proposes services from the allocation table, prices them, and requires a reason for every change', async () => {
      const { childId } = await newChild();
      const a = await draftAssessment(childId);
      const plan = await t.http().post('/api/support-plans').set(cm.auth).send({ assessmentId: a.id });
      expect(plan.body.services.map((s: { serviceCode: string; unitsPerMonth: number }) => [s.serviceCode, s.unitsPerMonth])).toEqual([['RESPITE', 1], ['SPECIAL_EDUCATOR', 4], ['SPEECH', 6]]);
      const change = { goals: [{ text: 'Runāt ar draugiem' }], services: [{ serviceCode: 'SPEECH', unitsPerMonth: 8, goal: 0, continuitySpecialist: 'Elīna' }, { serviceCode: 'SPECIAL_EDUCATOR', unitsPerMonth: 4 }, { serviceCode: 'RESPITE', unitsPerMonth: 1 }] };
      const noReason = await t.http().put(`/api/support-plans/${plan.body.id}`).set(cm.auth).send(change);
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors).toEqual({ 'services.0.reason': 'reasonRequired' });
      change.services[0] = { ...change.services[0], reason: 'Divas nodarbības nedēļā vasarā' } as never;
      expect((await t.http().put(`/api/support-plans/${plan.body.id}`).set(otherCm.auth).send(change)).status).toBe(404);
      expect((await t.http().put(`/api/support-plans/${plan.body.id}`).set(cm.auth).send(change)).status).toBe(200);
      const basket = await t.http().post('/api/baskets').set(cm.auth).send({ supportPlanId: plan.body.id });
      expect(basket.status).toBe(201);
      const lines = basket.body.lines.map((l: Record<string, unknown>) => [l.category, l.fundingSource, l.indicativeCents, l.plannedCents, l.reason]);
      expect(lines).toEqual([
        ['education_support', 'IZM', 4 * 2200 * 12, 4 * 2200 * 12, null],
        ['respite_day_care', 'MUNICIPALITY', 6500 * 12, 6500 * 12, null],
        ['therapy', 'VM', 6 * 2500 * 12, 8 * 2500 * 12, 'SPEECH: Divas nodarbības nedēļā vasarā'],
      ]);
      expect(basket.body).toMatchObject({ status: 'draft', version: 1, periodStart: '2026-01-01', periodEnd: '2026-12-31', indicativeCents: (4 * 2200 + 6500 + 6 * 2500) * 12 });
    });

    it('case manager submits, only the officer of the child’s municipality approves, the ledger allocates, the family sees it', async () => {
      const { childId } = await newChild();
      const a = await draftAssessment(childId);
      await signFully(a.id);
      const { basket } = await planAndBasket(a.id);
      expect((await t.http().post(`/api/baskets/${basket.id}/submit`).set(otherCm.auth)).status).toBe(404);
      expect((await t.http().post(`/api/baskets/${basket.id}/submit`).set(officer.auth)).status).toBe(403);
      expect((await t.http().post(`/api/baskets/${basket.id}/approve`).set(officer.auth)).body.code).toBe('BUDGET_TRANSITION_INVALID');
      const submitted = await t.http().post(`/api/baskets/${basket.id}/submit`).set(cm.auth);
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      // the approval queue of Riga shows it, Valmiera's does not
      const queue = await t.http().get('/api/baskets').query({ filter: JSON.stringify({ status: 'submitted' }) }).set(officer.auth);
      expect(queue.body.map((b: { id: string }) => b.id)).toContain(basket.id);
      const vq = await t.http().get('/api/baskets').query({ filter: JSON.stringify({ status: 'submitted' }) }).set(valmieraOfficer.auth);
      expect(vq.body.map((b: { id: string }) => b.id)).not.toContain(basket.id);
      expect((await t.http().post(`/api/baskets/${basket.id}/approve`).set(valmieraOfficer.auth)).status).toBe(404);
      expect((await t.http().post(`/api/baskets/${basket.id}/approve`).set(cm.auth)).status).toBe(403);
      expect((await t.http().post(`/api/baskets/${basket.id}/approve`).set(admin.auth)).status).toBe(403);
      const approved = await t.http().post(`/api/baskets/${basket.id}/approve`).set(officer.auth);
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('active');
      expect(approved.body.totals).toMatchObject({ allocatedCents: approved.body.totals.plannedCents, committedCents: 0, spentCents: 0 });
      const movements = await t.http().get(`/api/baskets/${basket.id}/movements`).set(family.auth);
      expect(movements.status).toBe(200);
      expect(movements.headers['content-range']).toBe(`movements 0-2/3`);
      expect(movements.body.every((mv: { kind: string; refType: string }) => mv.kind === 'allocate' && mv.refType === 'basket_version')).toBe(true);
      const seen = await t.http().get(`/api/baskets/${basket.id}`).set(family.auth);
      expect(seen.status).toBe(200);
      expect(seen.body.lines.find((l: { category: string }) => l.category === 'therapy')).toMatchObject({ fundingSource: 'VM', allocatedCents: 180_000, availableCents: 180_000 });
      expect((await t.http().get(`/api/baskets/${basket.id}`).set(strangerFamily.auth)).status).toBe(404);
      expect((await t.http().get(`/api/baskets/${basket.id}/lines`).set(valmieraOfficer.auth)).status).toBe(404);
    });

    it('a returned basket carries the comment and goes back to the case manager; an amendment records only the difference', async () => {
      const { childId } = await newChild();
      const a = await draftAssessment(childId);
      await signFully(a.id);
      const { basket } = await planAndBasket(a.id);
      await t.http().post(`/api/baskets/${basket.id}/submit`).set(cm.auth);
      expect((await t.http().post(`/api/baskets/${basket.id}/return`).set(officer.auth).send({ comment: '' })).body.errors).toEqual({ comment: 'isNotEmpty' });
      const returned = await t.http().post(`/api/baskets/${basket.id}/return`).set(officer.auth).send({ comment: 'Lūdzu pamatot logopēdu' });
      expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Lūdzu pamatot logopēdu' });
      const therapy = returned.body.lines.find((l: { category: string }) => l.category === 'therapy');
      expect((await t.http().put(`/api/baskets/${basket.id}/lines/${therapy.id}`).set(cm.auth).send({ plannedCents: 100_000 })).body.errors).toEqual({ reason: 'reasonRequired' });
      expect((await t.http().put(`/api/baskets/${basket.id}/lines/${therapy.id}`).set(cm.auth).send({ plannedCents: 100_000, reason: 'Mazāk nodarbību' })).status).toBe(200);
      await t.http().post(`/api/baskets/${basket.id}/submit`).set(cm.auth);
      await t.http().post(`/api/baskets/${basket.id}/approve`).set(officer.auth);
      // amendment: therapy up by 20,000
      const amended = await t.http().post(`/api/baskets/${basket.id}/amend`).set(cm.auth);
      expect(amended.body).toMatchObject({ status: 'draft', version: 2 });
      await t.http().put(`/api/baskets/${basket.id}/lines/${therapy.id}`).set(cm.auth).send({ plannedCents: 120_000, reason: 'Vasaras intensīvais kurss' });
      await t.http().post(`/api/baskets/${basket.id}/submit`).set(cm.auth);
      const v2 = await t.http().post(`/api/baskets/${basket.id}/approve`).set(officer.auth);
      expect(v2.body.status).toBe('active');
      const allocs = await t.db.query(`SELECT amount_cents::int AS a FROM ledger_movement WHERE basket_line_id = $1 AND kind = 'allocate' ORDER BY id`, [therapy.id]);
      expect(allocs).toEqual([{ a: 100_000 }, { a: 20_000 }]);
      expect(v2.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'approved'], [1, 'approved']]);
    });

    it('transfers money only between flexible lines of the same source, as recorded movements', async () => {
      const { childId } = await newChild();
      const a = await draftAssessment(childId, { communication: 2, behaviour_mental_health: 2, learning: 2 });
      await signFully(a.id);
      const { basket } = await planAndBasket(a.id);
      await t.http().post(`/api/baskets/${basket.id}/submit`).set(cm.auth);
      const approved = await t.http().post(`/api/baskets/${basket.id}/approve`).set(officer.auth);
      const line = (c: string) => approved.body.lines.find((l: { category: string }) => l.category === c);
      const therapy = line('therapy');
      const psych = line('psychological');
      const edu = line('education_support');
      const ok = await t.http().post(`/api/baskets/${basket.id}/transfers`).set(cm.auth).send({ fromLineId: psych.id, toLineId: therapy.id, amountCents: 10_000, reason: 'Vairāk logopēda' });
      expect(ok.status).toBe(201);
      const after = (id: string) => ok.body.lines.find((l: { id: string }) => l.id === id);
      expect(after(therapy.id).allocatedCents).toBe(therapy.allocatedCents + 10_000);
      expect(after(psych.id).allocatedCents).toBe(psych.allocatedCents - 10_000);
      const fixed = await t.http().post(`/api/baskets/${basket.id}/transfers`).set(cm.auth).send({ fromLineId: edu.id, toLineId: therapy.id, amountCents: 100, reason: 'x' });
      expect(fixed.body.code).toBe('BUDGET_TRANSFER_NOT_ALLOWED');
      const tooMuch = await t.http().post(`/api/baskets/${basket.id}/transfers`).set(cm.auth).send({ fromLineId: psych.id, toLineId: therapy.id, amountCents: 10_000_000, reason: 'x' });
      expect(tooMuch.body.code).toBe('BUDGET_INSUFFICIENT_FUNDS');
      expect((await t.http().post(`/api/baskets/${basket.id}/transfers`).set(family.auth).send({ fromLineId: psych.id, toLineId: therapy.id, amountCents: 1, reason: 'x' })).status).toBe(403);
      const moves = await t.db.query(`SELECT kind, amount_cents::int AS a, reason FROM ledger_movement WHERE ref_type = 'transfer' AND basket_line_id = ANY($1::uuid[]) ORDER BY id`, [[therapy.id, psych.id]]);
      expect(moves).toEqual([{ kind: 'transfer', a: -10_000, reason: 'Vairāk logopēda' }, { kind: 'transfer', a: 10_000, reason: 'Vairāk logopēda' }]);
    });
  });

  it('the calendar activates an approved basket when its period starts and closes it after the end; a closed basket takes no new commitments', async () => {
    const { childId } = await newChild();
    const a = await draftAssessment(childId);
    await signFully(a.id);
    const plan = await t.http().post('/api/support-plans').set(cm.auth).send({ assessmentId: a.id });
    const basket = (await t.http().post('/api/baskets').set(cm.auth).send({ supportPlanId: plan.body.id, periodStart: '2026-12-01', periodEnd: '2026-12-31' })).body;
    await t.http().post(`/api/baskets/${basket.id}/submit`).set(cm.auth);
    const approved = await t.http().post(`/api/baskets/${basket.id}/approve`).set(officer.auth);
    await t.db.query(`UPDATE basket SET status = 'approved', period_start = '2027-01-01', period_end = '2027-06-30' WHERE id = $1`, [basket.id]);
    const service = t.app.get(BasketsService);
    await service.advancePeriods('2026-12-31');
    expect((await t.db.query(`SELECT status FROM basket WHERE id = $1`, [basket.id]))[0].status).toBe('approved');
    await service.advancePeriods('2027-01-01');
    expect((await t.db.query(`SELECT status FROM basket WHERE id = $1`, [basket.id]))[0].status).toBe('active');
    await service.advancePeriods('2027-07-01');
    expect((await t.db.query(`SELECT status FROM basket WHERE id = $1`, [basket.id]))[0].status).toBe('closed');
    const line = approved.body.lines[0];
    await expect(t.db.transaction((m) => t.app.get(LedgerService).commit(m, null, { basketLineId: line.id, amountCents: 100, refType: 'contract', refId: 'late' }))).rejects.toMatchObject({ code: 'BUDGET_BASKET_CLOSED' });
    expect((await t.http().post(`/api/baskets/${basket.id}/amend`).set(cm.auth)).body.code).toBe('BUDGET_TRANSITION_INVALID');
  });

  describe('funding rules', () => {
    it('the platform admin sets a dated split with shares adding to 100; later baskets split by it to the cent', async () => {
      const rule = { category: 'therapy', validFrom: '2027-01-01', sources: [{ fundingSource: 'VM', sharePercent: 60, transferable: true }, { fundingSource: 'LM', sharePercent: 40, transferable: true }] };
      expect((await t.http().post('/api/funding-rules').set(cm.auth).send(rule)).status).toBe(403);
      const bad = await t.http().post('/api/funding-rules').set(admin.auth).send({ ...rule, sources: [{ fundingSource: 'VM', sharePercent: 60, transferable: true }] });
      expect(bad.body.errors).toEqual({ sources: 'sharesMustAddTo100' });
      const ok = await t.http().post('/api/funding-rules').set(admin.auth).send(rule);
      expect(ok.status).toBe(201);
      expect(ok.body.map((r: { fundingSource: string; sharePercent: number }) => [r.fundingSource, r.sharePercent])).toEqual([['LM', 40], ['VM', 60]]);
      expect((await t.http().post('/api/funding-rules').set(admin.auth).send(rule)).status).toBe(409);
      const listed = await t.http().get('/api/funding-rules').query({ filter: JSON.stringify({ category: 'therapy' }) }).set(officer.auth);
      expect(listed.headers['content-range']).toMatch(/^funding-rules 0-2\/3$/);

      const { childId } = await newChild();
      const res = await t.http().post('/api/assessments').set(cm.auth).send({ childId, validFrom: '2027-01-01', validTo: '2027-12-31', domains: levels({ communication: 1 }) });
      const { basket } = await planAndBasket(res.body.id);
      // SPEECH 2 a month × EUR 25 × 12 = EUR 600, split 60/40
      expect(basket.lines.map((l: { fundingSource: string; plannedCents: number }) => [l.fundingSource, l.plannedCents])).toEqual([['LM', 24_000], ['VM', 36_000]]);
    });
  });
});
