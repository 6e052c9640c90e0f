import { randomUUID } from 'node:crypto';
import type { Actor } from '../../api/src/common/auth/actor';
import { systemActor } from '../../api/src/common/auth/actor';
import { ReportsService } from '../../api/src/modules/reports/reports.service';
import { RollupService } from '../../api/src/modules/reports/rollup.service';
import { startTestApp, TestApp } from '../support/app';
import { makeUser } from '../support/factories';
import { seedReportData } from '../support/reports-factories';

const S = '<5';

/** Every measure over the hand-made data set of test/support/reports-factories.ts; the answers are worked out by hand. */
describe('reports over a hand-made data set', () => {
  let t: TestApp;
  let reports: ReportsService;
  const admin = systemActor('reports-test');
  let lm: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    const [a, b, c] = [
      await makeUser(t.db, 'case_manager', { fullName: 'A Vadītāja' }),
      await makeUser(t.db, 'case_manager', { fullName: 'B Vadītājs' }),
      await makeUser(t.db, 'case_manager', { fullName: 'C Vadītāja' }),
    ];
    await seedReportData(t.db, { a: a.id, b: b.id, c: c.id });
    const [org]: { id: string }[] = await t.db.query(
      `INSERT INTO organisation (name, kind, code) VALUES ('Labklājības ministrija', 'ministry', 'LM') ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id`,
    );
    lm = { userId: randomUUID(), role: 'ministry_analyst', organisationId: org.id, organisationKind: 'ministry', requestId: 'lm' };
    const counts = await t.app.get(RollupService).refresh(null);
    expect(counts.providerMonths).toBe(1);
    reports = t.app.get(ReportsService);
  });
  afterAll(() => t.close());

  it('the rollup holds line × month rows, not visit rows, and a rebuild gives the same rows', async () => {
    const before: unknown[] = await t.db.query(
      `SELECT basket_line_id, month, allocated_cents, committed_cents, spent_cents, verified_visits, exception_visits FROM report_line_month ORDER BY 1, 2`,
    );
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM report_line_month WHERE verified_visits > 0`);
    expect(n).toBe(1); // 7 verified visits collapse into one row
    const [{ v }]: { v: number }[] = await t.db.query(`SELECT verified_visits AS v FROM report_line_month WHERE verified_visits > 0`);
    expect(v).toBe(7);
    await t.app.get(RollupService).refresh('2026-02-01');
    expect(
      await t.db.query(
        `SELECT basket_line_id, month, allocated_cents, committed_cents, spent_cents, verified_visits, exception_visits FROM report_line_month ORDER BY 1, 2`,
      ),
    ).toEqual(before);
  });

  it('spend per child: distribution, per source, with primary and secondary suppression', async () => {
    const r = await reports.spend(admin, { from: '2026-01', to: '2026-03' });
    expect(r.rows.map((x) => x.group)).toEqual(['CESIS', 'RIGA', 'VALMIERA']);
    const [cesis, riga, valmiera] = r.rows;
    // Riga: 10 children; per-child totals 150, 250, 300, …, 1000 EUR
    expect(riga).toMatchObject({ children: 10, totalCents: 560000, meanCents: 56000, medianCents: 55000, p10Cents: 24000, p90Cents: 91000 });
    // 2 children with LM money: hidden; the VM cell is hidden with it, so LM cannot be recovered from the row
    expect(riga).toMatchObject({ 'LM.children': S, 'LM.spentCents': S, 'VM.children': S, 'VM.spentCents': S, 'IZM.children': 0 });
    expect(cesis).toMatchObject({ children: S, totalCents: S, medianCents: S, 'VM.children': S, 'LM.children': 0 });
    // Valmiera's all-sources cell is the partner of Cēsis's in the column
    expect(valmiera).toMatchObject({ children: S, totalCents: S, 'LM.children': S, 'VM.children': S });
    expect(r.totals).toMatchObject({
      children: 17,
      totalCents: 684000,
      meanCents: 40235,
      medianCents: 30000,
      p10Cents: 8800,
      p90Cents: 84000,
      'LM.children': 5,
      'LM.spentCents': 70000,
      'VM.children': 17,
      'VM.spentCents': 614000,
    });
  });

  it('a ministry sees its own source, and the all-source totals', async () => {
    const r = await reports.spend(lm, { from: '2026-01', to: '2026-03' });
    expect(r.filters.fundingSource).toBe('LM');
    expect(r.columns).toEqual(['group', 'children', 'totalCents', 'meanCents', 'medianCents', 'p10Cents', 'p90Cents', 'LM.children', 'LM.spentCents']);
    expect(r.rows).toEqual([
      { group: 'RIGA', children: S, totalCents: S, meanCents: S, medianCents: S, p10Cents: S, p90Cents: S, 'LM.children': S, 'LM.spentCents': S },
      { group: 'VALMIERA', children: S, totalCents: S, meanCents: S, medianCents: S, p10Cents: S, p90Cents: S, 'LM.children': S, 'LM.spentCents': S },
    ]);
    expect(r.totals).toMatchObject({ children: 5, totalCents: 70000, meanCents: 14000, medianCents: 20000, 'LM.spentCents': 70000 });
    expect(r.allSources).toEqual({ group: 'allSources', children: 17, totalCents: 684000, meanCents: 40235 });
    await expect(reports.spend(lm, { fundingSource: 'VM' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('filters: category, age band, decision kind', async () => {
    const assistance = await reports.spend(admin, { from: '2026-01', to: '2026-03', category: 'assistance' });
    expect(assistance.totals).toMatchObject({ children: 5, totalCents: 70000 });
    const teens = await reports.spend(admin, { from: '2026-01', to: '2026-03', ageBand: '13-17' });
    expect(teens.rows).toEqual([]); // every funded child is 9 on 2026-03-31
    const byAge = await reports.spend(admin, { from: '2026-01', to: '2026-03', groupBy: 'ageBand' });
    expect(byAge.rows.map((x) => [x.group, x.children])).toEqual([['7-12', 17]]);
    // the funded children have no decision on file; the unmet-needs children all have a "child" decision
    expect((await reports.spend(admin, { from: '2026-01', to: '2026-03', decisionKind: 'child' })).rows).toEqual([]);
    expect((await reports.unmet(admin, { from: '2026-01', to: '2026-03', decisionKind: 'child' })).totals).toMatchObject({ childrenWithDecision: 13 });
    expect((await reports.unmet(admin, { from: '2026-01', to: '2026-03', decisionKind: 'group_1' })).rows).toEqual([]);
  });

  it('the default period is the last 12 months, this one included', async () => {
    const r = await reports.spend(admin, { to: '2026-03' });
    expect([r.filters.from, r.filters.to, r.filters.referenceDate]).toEqual(['2025-04', '2026-03', '2026-03-31']);
    expect(r.totals).toMatchObject({ children: 17, totalCents: 684000 });
    const today = await reports.spend(admin, {});
    expect(today.filters.to).toMatch(/^\d{4}-\d{2}$/);
    expect(today.filters.from).toMatch(/^\d{4}-\d{2}$/);
  });

  it('needs vs money: indicative, allocated, committed, spent, utilisation', async () => {
    const r = await reports.needs(admin, { from: '2026-01', to: '2026-03' });
    expect(r.rows).toEqual([
      { group: 'CESIS', children: S, indicativeCents: S, allocatedCents: S, committedCents: S, spentCents: S, utilisationPercent: S },
      { group: 'RIGA', children: 10, indicativeCents: 1580000, allocatedCents: 1280000, committedCents: 120000, spentCents: 560000, utilisationPercent: 43.8 },
      // secondary: otherwise Cēsis = total − Rīga − Valmiera
      { group: 'VALMIERA', children: S, indicativeCents: S, allocatedCents: S, committedCents: S, spentCents: S, utilisationPercent: S },
    ]);
    expect(r.totals).toEqual({
      group: 'total',
      children: 17,
      indicativeCents: 2750000,
      allocatedCents: 2240000,
      committedCents: 220000,
      spentCents: 684000,
      utilisationPercent: 30.5,
    });
  });

  it('unmet needs by stage, with cascading secondary suppression', async () => {
    const r = await reports.unmet(admin, { from: '2026-01', to: '2026-03' });
    expect(r.rows).toEqual([
      { group: 'JELGAVA', childrenWithDecision: S, withoutCase: S, withoutAssessment: S, withoutApprovedBasket: S, planServiceWithoutContract30Days: S },
      { group: 'LIEPAJA', childrenWithDecision: S, withoutCase: S, withoutAssessment: 0, withoutApprovedBasket: 0, planServiceWithoutContract30Days: 0 },
    ]);
    expect(r.totals).toEqual({
      group: 'total',
      childrenWithDecision: 13,
      withoutCase: 7,
      withoutAssessment: S,
      withoutApprovedBasket: S,
      planServiceWithoutContract30Days: S,
    });
  });

  it('waiting time per stage: median and p90 in days', async () => {
    const r = await reports.waitingTimes(admin, { from: '2026-05', to: '2026-05' });
    expect(r.rows).toEqual([
      {
        group: 'OGRE',
        cases: 6,
        'decisionToFirstContact.n': 6,
        'decisionToFirstContact.medianDays': 7,
        'decisionToFirstContact.p90Days': 11,
        'firstContactToAssessment.n': 5,
        'firstContactToAssessment.medianDays': 30,
        'firstContactToAssessment.p90Days': 46,
        'assessmentToBasket.n': 5,
        'assessmentToBasket.medianDays': 5,
        'assessmentToBasket.p90Days': 5,
        'basketToFirstVisit.n': 0,
        'basketToFirstVisit.medianDays': null,
        'basketToFirstVisit.p90Days': null,
        firstContactLate: 0,
      },
    ]);
  });

  it('overlaps: one category from two sources in one month', async () => {
    const r = await reports.overlaps(admin, { from: '2026-04', to: '2026-04' });
    expect(r.rows.map((x) => [x.group, x.therapy, x.assistance])).toEqual([
      ['CESIS', S, 0],
      ['RIGA', S, 0], // 5, hidden so that Cēsis's 1 cannot be read from the total
    ]);
    expect(r.totals).toMatchObject({ therapy: 6, assistance: 0 });
    const none = await reports.overlaps(admin, { from: '2026-01', to: '2026-03' });
    expect(none.rows).toEqual([]);
  });

  it('caseloads: per manager for the platform, per municipality for a ministry', async () => {
    const r = await reports.caseloads(admin, {});
    expect(r.rows).toEqual([
      { group: 'B Vadītājs', municipality: 'JELGAVA', children: S, caseloadLimit: 20, overLimit: 'no', overdueFirstContacts: S },
      { group: 'C Vadītāja', municipality: 'LIEPAJA', children: S, caseloadLimit: 20, overLimit: 'no', overdueFirstContacts: 0 },
      { group: 'A Vadītāja', municipality: 'OGRE', children: 6, caseloadLimit: 20, overLimit: 'no', overdueFirstContacts: 0 },
    ]);
    expect(r.totals).toMatchObject({ children: 12, overdueFirstContacts: S });
    const m = await reports.caseloads(lm, {});
    expect(m.rows.map((x) => x.group)).toEqual(['JELGAVA', 'LIEPAJA', 'OGRE']);
    expect(JSON.stringify(m.rows)).not.toContain('Vadītāj');
    expect(m.rows[2]).toMatchObject({ children: 6, caseManagers: 1, managersOverLimit: 0 });
  });

  it('provider integrity and exception rates by reason code', async () => {
    const r = await reports.integrity(admin, { from: '2026-02', to: '2026-02' });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      visits: 10,
      verified: 7,
      rejected: 1,
      exceptions: 3,
      manual: 1,
      integrityScore: 87.4,
      flagged: 'no',
      exceptionRatePercent: 30,
      'reason.NO_CHECK_OUT': 1,
      'reason.SHORT_VISIT': 2,
    });
  });

  it('public monthly summary: months under five participants show nothing', async () => {
    const r = await reports.monthlySummary({ from: '2026-01', to: '2026-04' });
    expect(r.rows).toEqual([
      { month: '2026-01', totalPaidCents: S, participants: S, averageAnnualisedCentsPerParticipant: S },
      { month: '2026-02', totalPaidCents: 684000, participants: 17, averageAnnualisedCentsPerParticipant: 482824 },
      { month: '2026-03', totalPaidCents: S, participants: S, averageAnnualisedCentsPerParticipant: S },
      { month: '2026-04', totalPaidCents: 12000, participants: 6, averageAnnualisedCentsPerParticipant: 24000 },
    ]);
  });

  it('every report read is audited without naming a child', async () => {
    const rows: { action: string; child_id: string | null }[] = await t.db.query(`SELECT action, child_id FROM audit_event WHERE action = 'report.read'`);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((x) => x.child_id === null)).toBe(true);
  });
});
