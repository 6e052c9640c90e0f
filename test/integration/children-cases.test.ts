import type { Actor } from '../../api/src/common/auth/actor';
import { AppError } from '../../api/src/common/errors/app-error';
import { CaseDeadlinesService } from '../../api/src/modules/cases/case-deadlines.service';
import { CasesService } from '../../api/src/modules/cases/cases.service';
import { addCalendarDays, rigaToday } from '../../api/src/modules/cases/working-days.rules';
import { ChildAccessService } from '../../api/src/modules/children/child-access.service';
import { ChildrenService } from '../../api/src/modules/children/children.service';
import { newFormCode } from '../../api/src/modules/children/personal-code.rules';
import { DecisionImportService } from '../../api/src/modules/children/decision-import.service';
import { Child } from '../../api/src/modules/children/entities/child.entity';
import type { User } from '../../api/src/modules/identity/entities/user.entity';
import { startTestApp, TestApp } from '../support/app';
import { bornYearsAgo, decisionRow, giveConsent, householdOrg, makeCase, makeChild, makeDeputy, makeRepresentative, municipalityOrg, setCaseloadLimit } from '../support/children-factories';
import { makeUser } from '../support/factories';

const actorOf = (u: User, kind: Actor['organisationKind']): Actor => ({ userId: u.id, role: u.role, organisationId: u.organisationId, organisationKind: kind, requestId: 'test' });

async function codeOf(p: Promise<unknown>): Promise<{ code: string; errors?: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, errors: e.errors };
    throw e;
  }
  return { code: 'OK' };
}

describe('children and cases (services on a real database)', () => {
  let t: TestApp;
  let imports: DecisionImportService;
  let children: ChildrenService;
  let cases: CasesService;
  let access: ChildAccessService;
  let deadlines: CaseDeadlinesService;
  let admin: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    imports = t.app.get(DecisionImportService);
    children = t.app.get(ChildrenService);
    cases = t.app.get(CasesService);
    access = t.app.get(ChildAccessService);
    deadlines = t.app.get(CaseDeadlinesService);
    admin = actorOf(await makeUser(t.db, 'platform_admin'), 'platform');
  });
  afterAll(() => t.close());

  describe('personal-code validation on creating a child', () => {
    it.each([
      ['150717-21238', undefined, 'OK'],
      ['150717-21239', undefined, 'checksum'],
      ['310217-21231', undefined, 'impossibleDate'],
      ['12345', undefined, 'format'],
    ])('%s (birth date %p) → %s', async (personalCode, birthDate, expected) => {
      const r = await codeOf(children.create(admin, { personalCode, birthDate, firstName: 'A', lastName: 'B', municipalityCode: 'RIGA' }));
      if (expected === 'OK') expect(r.code).toBe('OK');
      else expect(r).toEqual({ code: 'VALIDATION_FAILED', errors: { personalCode: expected } });
    });

    it('stores a new-form code with the given birth date, and refuses a duplicate', async () => {
      const code = newFormCode(424242);
      const ok = await children.create(admin, { personalCode: code, birthDate: '2018-04-01', firstName: 'Jauna', lastName: 'Forma', municipalityCode: 'riga' });
      expect(ok).toMatchObject({ personalCode: code, birthDate: '2018-04-01', municipalityCode: 'RIGA' });
      expect(await codeOf(children.create(admin, { personalCode: code, birthDate: '2018-04-01', firstName: 'X', lastName: 'Y', municipalityCode: 'RIGA' }))).toEqual({ code: 'CHILD_PERSONAL_CODE_TAKEN', errors: { personalCode: 'unique' } });
      expect(await codeOf(children.create(admin, { personalCode: newFormCode(5), firstName: 'X', lastName: 'Y', municipalityCode: 'RIGA' }))).toEqual({ code: 'VALIDATION_FAILED', errors: { birthDate: 'required' } });
    });
  });

  describe('decision import', () => {
    it('imports the good rows, reports each bad row by number, field and code, and a re-import changes nothing', async () => {
      await municipalityOrg(t.db, 'VALKA');
      const good1 = decisionRow({ municipality: 'VALKA' });
      const good2 = decisionRow({ municipality: 'VALKA', consentToContact: 'false', kind: 'III', validTo: '2030-01-01' });
      const rows = [good1, decisionRow({ personalCode: '150717-21239' }), good2, decisionRow({ kind: 'group_9', date: 'vakar' }), decisionRow({ municipality: 'ATLANTIDA' })];
      const started = await imports.importJson(admin, rows);
      expect(started).toMatchObject({ status: 'queued', totalRows: 5, processedRows: 0 });
      const done = await imports.process(started.id);
      expect(done).toMatchObject({ status: 'completed', totalRows: 5, processedRows: 5, importedRows: 2, unchangedRows: 0, errorRows: 3, progress: 100 });
      expect(done!.errors).toEqual([
        { row: 2, field: 'personalCode', code: 'checksum' },
        { row: 4, field: 'date', code: 'isDate' },
        { row: 4, field: 'kind', code: 'isIn' },
        { row: 5, field: 'municipality', code: 'exists' },
      ]);
      const count = async () => (await t.db.query(`SELECT (SELECT count(*) FROM disability_decision)::int AS d, (SELECT count(*) FROM child)::int AS c, (SELECT count(*) FROM child_case)::int AS k, (SELECT count(*) FROM consent)::int AS n`))[0];
      const before = await count();
      const decision = (await t.db.query(`SELECT kind, valid_to FROM disability_decision WHERE number = $1`, [good2.number]))[0];
      expect(decision.kind).toBe('group_3');
      // the one with consent opened a case (no case manager in VALKA: it waits unassigned); the other did not
      const opened = await t.db.query(`SELECT cc.status FROM child_case cc JOIN child c ON c.id = cc.child_id WHERE c.personal_code IN ($1, $2)`, [good1.personalCode, good2.personalCode]);
      expect(opened).toEqual([{ status: 'unassigned' }]);

      const again = await imports.importJson(admin, rows);
      const redone = await imports.process(again.id);
      expect(redone).toMatchObject({ importedRows: 0, unchangedRows: 2, errorRows: 3 });
      expect(await count()).toEqual(before);
    });

    it('a decision for a known child adds to that child; a wrong birth date for the code is a row error', async () => {
      const child = await makeChild(t.db, { municipalityCode: 'RIGA' });
      const r = await imports.importJson(admin, [decisionRow({ personalCode: child.personalCode, firstName: '', lastName: '', municipality: '', consentToContact: 'false' }), decisionRow({ personalCode: child.personalCode, birthDate: '1999-01-01' })]);
      const done = await imports.process(r.id);
      expect(done).toMatchObject({ importedRows: 1, errorRows: 1 });
      expect(done!.errors).toEqual([{ row: 2, field: 'birthDate', code: 'matchesPersonalCode' }]);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM disability_decision WHERE child_id = $1`, [child.id])).toEqual([{ n: 1 }]);
    });
  });

  describe('import by a municipality officer', () => {
    it('rejects rows of another municipality and leaves no trace of them', async () => {
      const org = await municipalityOrg(t.db, 'LIMBAZI');
      const officer = await makeUser(t.db, 'municipality_officer', { organisation: org });
      const foreign = decisionRow({ municipality: 'RIGA' });
      const own = decisionRow({ municipality: 'LIMBAZI' });
      const r = await imports.importJson(actorOf(officer, 'municipality'), [foreign, own]);
      const done = await imports.process(r.id);
      expect(done).toMatchObject({ importedRows: 1, errorRows: 1, errors: [{ row: 1, field: 'municipality', code: 'ownMunicipality' }] });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM child WHERE personal_code = $1`, [foreign.personalCode])).toEqual([{ n: 0 }]);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM child WHERE personal_code = $1`, [own.personalCode])).toEqual([{ n: 1 }]);
    });
  });

  describe('caseload assignment', () => {
    it('never exceeds a limit when 50 decisions for one municipality are imported concurrently', async () => {
      const org = await municipalityOrg(t.db, 'OGRE');
      const a = await makeUser(t.db, 'case_manager', { organisation: org });
      const b = await makeUser(t.db, 'case_manager', { organisation: org });
      const officer = await makeUser(t.db, 'municipality_officer', { organisation: org });
      await setCaseloadLimit(t.db, a.id, 15);
      // b has the default limit of 20 and already holds 3 cases
      for (let i = 0; i < 3; i++) await makeCase(t.db, await makeChild(t.db, { municipalityCode: 'OGRE' }), b.id);
      const started = await Promise.all(Array.from({ length: 50 }, () => imports.importJson(admin, [decisionRow({ municipality: 'OGRE' })])));
      const results = await Promise.all(started.map((s) => imports.process(s.id)));
      expect(results.every((r) => r?.importedRows === 1)).toBe(true);
      const loads: { case_manager_user_id: string | null; status: string; n: number }[] = await t.db.query(
        `SELECT case_manager_user_id, status, count(*)::int AS n FROM child_case WHERE municipality_code = 'OGRE' GROUP BY 1, 2 ORDER BY 3`,
      );
      const of = (id: string | null) => loads.find((l) => l.case_manager_user_id === id)?.n ?? 0;
      expect(of(a.id)).toBe(15);
      expect(of(b.id)).toBe(20);
      expect(loads.find((l) => l.status === 'unassigned')?.n).toBe(53 - 35);
      // the officer was alerted for every case that waits in the queue
      expect(await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'case.unassigned'`, [officer.id])).toEqual([{ n: 18 }]);
      const balance = await cases.balance(actorOf(officer, 'municipality'));
      expect(balance.managers.map((m) => [m.load, m.limit]).sort()).toEqual([[15, 15], [20, 20]]);
      expect(balance.unassigned).toHaveLength(18);

      // a manual reassignment may not take a full manager over the limit either, and keeps history
      const queued = balance.unassigned[0];
      expect(await codeOf(cases.reassign(actorOf(officer, 'municipality'), queued.id, { caseManagerUserId: a.id }))).toEqual({ code: 'CASELOAD_FULL', errors: { caseManagerUserId: 'caseloadFull' } });
      await setCaseloadLimit(t.db, a.id, 16);
      const moved = await cases.reassign(actorOf(officer, 'municipality'), queued.id, { caseManagerUserId: a.id });
      expect(moved).toMatchObject({ status: 'open', caseManagerUserId: a.id });
      expect((await t.db.query(`SELECT case_manager_user_id AS m, reason FROM case_assignment WHERE case_id = $1 ORDER BY id`, [queued.id])).map((r: { reason: string }) => r.reason)).toEqual(['queue', 'reassign']);
    });
  });

  describe('deputies', () => {
    it('a deputy sees the caseload from the first to the last day of the deputy period, and not outside it', async () => {
      const org = await municipalityOrg(t.db, 'TUKUMS');
      const owner = await makeUser(t.db, 'case_manager', { organisation: org });
      const deputies = await Promise.all([0, 1, 2, 3].map(() => makeUser(t.db, 'case_manager', { organisation: org })));
      const child = await makeChild(t.db, { municipalityCode: 'TUKUMS' });
      await makeCase(t.db, child, owner.id);
      const today = rigaToday();
      await makeDeputy(t.db, owner.id, deputies[0].id, today, addCalendarDays(today, 5)); // starts today
      await makeDeputy(t.db, owner.id, deputies[1].id, addCalendarDays(today, -5), today); // ends today
      await makeDeputy(t.db, owner.id, deputies[2].id, addCalendarDays(today, 1), addCalendarDays(today, 5)); // not started
      await makeDeputy(t.db, owner.id, deputies[3].id, addCalendarDays(today, -5), addCalendarDays(today, -1)); // ended yesterday
      const sees = (u: User) => access.canRead(t.db.manager, actorOf(u, 'municipality'), child.id);
      expect(await sees(owner)).toBe(true);
      expect(await Promise.all(deputies.map(sees))).toEqual([true, true, false, false]);
      // the same on explicit dates: the not-yet-started deputy's access begins on its first day
      const { where, params } = access.whereVisible(actorOf(deputies[2], 'municipality'), 'c', addCalendarDays(today, 1));
      expect(await t.db.getRepository(Child).createQueryBuilder('c').where(where, params).andWhere('c.id = :id', { id: child.id }).getCount()).toBe(1);
      const list = await cases.list(actorOf(deputies[0], 'municipality'), { filter: JSON.stringify({ mine: true }) });
      expect(list.rows.map((r) => r.childId)).toEqual([child.id]);
      expect((await cases.list(actorOf(deputies[3], 'municipality'), {})).rows).toEqual([]);
    });
  });

  describe('first-contact deadline', () => {
    it.each([
      ['2026-11-16', '2026-12-01', 'across 18 November'],
      ['2026-06-15', '2026-07-01', 'across the moved 22 June, Līgo, Jāņi and the working Saturday 27 June'],
    ])('decision of %s → deadline %s (%s)', async (date, deadline) => {
      await municipalityOrg(t.db, 'CESIS');
      const row = decisionRow({ municipality: 'CESIS', date, validFrom: date });
      const r = await imports.importJson(admin, [row]);
      await imports.process(r.id);
      expect(await t.db.query(`SELECT to_char(cc.first_contact_deadline, 'YYYY-MM-DD') AS d FROM child_case cc JOIN child c ON c.id = cc.child_id WHERE c.personal_code = $1`, [row.personalCode])).toEqual([{ d: deadline }]);
    });

    it('reminds 2 working days before, alerts when overdue, and a recorded first contact stops both', async () => {
      const org = await municipalityOrg(t.db, 'SIGULDA');
      const manager = await makeUser(t.db, 'case_manager', { organisation: org });
      const officer = await makeUser(t.db, 'municipality_officer', { organisation: org });
      const child = await makeChild(t.db, { municipalityCode: 'SIGULDA' });
      const c = await makeCase(t.db, child, manager.id, { deadline: '2026-12-01' });
      expect(await deadlines.handle(c.id, 'reminder', '2026-11-26')).toBe('not-due');
      expect(await deadlines.handle(c.id, 'reminder', '2026-11-27')).toBe('sent');
      expect(await deadlines.handle(c.id, 'reminder', '2026-11-27')).toBe('already-sent');
      expect(await deadlines.handle(c.id, 'overdue', '2026-11-30')).toBe('not-due');
      expect(await deadlines.handle(c.id, 'overdue', '2026-12-01')).toBe('sent');
      const kinds = async (u: User) => (await t.db.query(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY created_at`, [u.id])).map((r: { kind: string }) => r.kind);
      expect(await kinds(manager)).toEqual(['case.deadline_reminder', 'case.overdue']);
      expect(await kinds(officer)).toEqual(['case.overdue']);

      const other = await makeCase(t.db, await makeChild(t.db, { municipalityCode: 'SIGULDA' }), manager.id, { deadline: '2026-12-01' });
      await giveConsent(t.db, other.childId, 'contact_by_social_service');
      await cases.recordFirstContact(actorOf(manager, 'municipality'), other.id, { date: rigaToday(), channel: 'phone', outcome: 'Sarunāts' });
      expect(await deadlines.handle(other.id, 'reminder', '2026-12-31')).toBe('stopped');
      expect(await deadlines.handle(other.id, 'overdue', '2026-12-31')).toBe('stopped');
    });
  });

  describe('daily deadline sweep', () => {
    it('sends what a lost timer missed, once', async () => {
      const org = await municipalityOrg(t.db, 'SALDUS');
      const manager = await makeUser(t.db, 'case_manager', { organisation: org });
      const late = await makeCase(t.db, await makeChild(t.db, { municipalityCode: 'SALDUS' }), manager.id, { deadline: '2026-11-20' });
      const early = await makeCase(t.db, await makeChild(t.db, { municipalityCode: 'SALDUS' }), manager.id, { deadline: '2027-01-29' });
      await deadlines.sweepDeadlines('2026-12-01');
      expect(await deadlines.sweepDeadlines('2026-12-01')).toBe(0);
      const [l] = await t.db.query(`SELECT reminder_sent_at IS NOT NULL AS r, overdue_alerted_at IS NOT NULL AS o FROM child_case WHERE id = $1`, [late.id]);
      const [e] = await t.db.query(`SELECT reminder_sent_at IS NOT NULL AS r, overdue_alerted_at IS NOT NULL AS o FROM child_case WHERE id = $1`, [early.id]);
      expect([l, e]).toEqual([{ r: true, o: true }, { r: false, o: false }]);
    });
  });

  describe('consent fails closed', () => {
    it('no contact consent: no case from the decision and no first contact; giving it opens the case; withdrawing it stops contact', async () => {
      const org = await municipalityOrg(t.db, 'BAUSKA');
      const manager = await makeUser(t.db, 'case_manager', { organisation: org });
      const row = decisionRow({ municipality: 'BAUSKA', consentToContact: 'false' });
      await imports.process((await imports.importJson(admin, [row])).id);
      const child = await t.db.getRepository(Child).findOneByOrFail({ personalCode: row.personalCode as string });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM child_case WHERE child_id = $1`, [child.id])).toEqual([{ n: 0 }]);

      // a case opened by hand without the consent still cannot be used to contact the family
      const officer = actorOf(await makeUser(t.db, 'municipality_officer', { organisation: org }), 'municipality');
      expect(await children.setConsent(officer, child.id, { purpose: 'contact_by_social_service', granted: true })).toMatchObject({ contact_by_social_service: true, share_with_providers: false });
      const [opened] = await t.db.query(`SELECT id, case_manager_user_id FROM child_case WHERE child_id = $1`, [child.id]);
      expect(opened.case_manager_user_id).toBe(manager.id);

      await children.setConsent(officer, child.id, { purpose: 'contact_by_social_service', granted: false });
      expect(await codeOf(cases.recordFirstContact(actorOf(manager, 'municipality'), opened.id, { date: rigaToday(), channel: 'visit', outcome: 'x' }))).toEqual({ code: 'CONSENT_REQUIRED', errors: { consent: 'contact_by_social_service' } });
      expect((await t.db.query(`SELECT first_contact_at FROM child_case WHERE id = $1`, [opened.id]))[0].first_contact_at).toBeNull();
      // history is kept: three records, the latest is the withdrawal
      expect((await children.consentHistory(officer, child.id)).map((r: { granted: boolean }) => r.granted)).toEqual([false, true]);
    });
  });

  describe('the 18th birthday', () => {
    it("ends the family's access on the birthday unless the young person grants it", async () => {
      const household = await householdOrg(t.db);
      const parent = await makeUser(t.db, 'family', { organisation: household });
      const young = await makeUser(t.db, 'participant', { organisation: household });
      const minor = await makeChild(t.db, { householdOrganisationId: household.id, birthDate: bornYearsAgo(18, 1) });
      const adult = await makeChild(t.db, { householdOrganisationId: household.id, birthDate: bornYearsAgo(18) });
      const parentActor = actorOf(parent, 'household');
      expect(await access.canRead(t.db.manager, parentActor, minor.id)).toBe(true);
      expect(await access.canRead(t.db.manager, parentActor, adult.id)).toBe(false);
      expect(await codeOf(children.get(parentActor, adult.id))).toEqual({ code: 'NOT_FOUND', errors: undefined });
      const rep = await makeRepresentative(t.db, adult.id, parent.id);
      expect(await codeOf(children.setAdultAccess(actorOf(young, 'household'), minor.id, rep.id, { granted: true }))).toMatchObject({ code: 'CHILD_NOT_ADULT' });
      await children.setAdultAccess(actorOf(young, 'household'), adult.id, rep.id, { granted: true });
      expect(await access.canRead(t.db.manager, parentActor, adult.id)).toBe(true);
      await children.setAdultAccess(actorOf(young, 'household'), adult.id, rep.id, { granted: false });
      expect(await access.canRead(t.db.manager, parentActor, adult.id)).toBe(false);
    });
  });

  describe('transition reviews', () => {
    it('open 6 months before the 18th and the 25th birthday, once', async () => {
      const near18 = await makeChild(t.db, { birthDate: bornYearsAgo(18, 100) });
      const far = await makeChild(t.db, { birthDate: bornYearsAgo(17, 300) });
      const near25 = await makeChild(t.db, { birthDate: bornYearsAgo(25, 30) });
      for (const c of [near18, far, near25]) await makeCase(t.db, c, null);
      await deadlines.openTransitionReviews();
      expect(await deadlines.openTransitionReviews()).toBe(0);
      const rows = await t.db.query(`SELECT child_id, kind FROM case_review WHERE child_id = ANY($1::uuid[]) ORDER BY kind`, [[near18.id, far.id, near25.id]]);
      expect(rows).toEqual([
        { child_id: near18.id, kind: 'transition_18' },
        { child_id: near25.id, kind: 'transition_25' },
      ]);
    });
  });
});
