import { systemActor } from '../../api/src/common/auth/actor';
import { ReportsService } from '../../api/src/modules/reports/reports.service';
import { RollupService } from '../../api/src/modules/reports/rollup.service';
import { startTestApp, TestApp } from '../support/app';
import { makeProvider, makeSpecialist } from '../support/marketplace-factories';

const CHILDREN = 300;
const MONTHS = 12;

/**
 * Generated data: the same children and months, first with 2 visits per child per month, then with 20
 * (10× the visits). Reports read only the rollups, so their size and the reports' time stay flat.
 */
describe('report latency does not grow with the number of visits', () => {
  let t: TestApp;
  let reports: ReportsService;
  let contractSpecialist: string;
  let providerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    reports = t.app.get(ReportsService);
    const provider = await makeProvider(t.db, { services: ['SPEECH'] });
    providerId = provider.id;
    contractSpecialist = await makeSpecialist(t.db, provider.id);
    const municipalities = ['RIGA', 'VALMIERA', 'CESIS', 'OGRE', 'JELGAVA'];
    await t.db.query(
      `INSERT INTO child (personal_code, first_name, last_name, birth_date, municipality_code, languages)
       SELECT 'G' || lpad(i::text, 10, '0'), 'Bērns', 'Ģenerēts' || i, date '2010-01-01' + (i * 17 % 5000), ($1::text[])[1 + i % 5], '{lv}'
         FROM generate_series(1, ${CHILDREN}) i`,
      [municipalities],
    );
    await t.db.query(
      `INSERT INTO basket (child_id, municipality_code, status, period_start, period_end, created_by_user_id, approved_at)
       SELECT id, municipality_code, 'active', '2025-01-01', '2025-12-31', gen_random_uuid(), '2025-01-02' FROM child WHERE personal_code LIKE 'G%'`,
    );
    await t.db.query(
      `INSERT INTO basket_line (basket_id, child_id, category, funding_source, allocated_cents, indicative_cents)
       SELECT b.id, b.child_id, x.category, x.source, 1200000, 1500000 FROM basket b
        CROSS JOIN (VALUES ('therapy', 'VM'), ('assistance', 'LM')) x(category, source)`,
    );
    // allocate in January, commit the year, spend every month
    await t.db.query(
      `INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id, at) SELECT id, 'allocate', 1200000, 'gen', id::text, '2025-01-03' FROM basket_line`,
    );
    await t.db.query(
      `INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id, at) SELECT id, 'commit', 1200000, 'gen', id::text, '2025-01-04' FROM basket_line`,
    );
    await t.db.query(
      `INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id, at)
       SELECT l.id, 'spend', 50000 + (hashtext(l.id::text || m) & 1023) * 10, 'gen', l.id::text || '-' || m, make_timestamptz(2025, m, 15, 10, 0, 0, 'Europe/Riga')
         FROM basket_line l CROSS JOIN generate_series(1, ${MONTHS}) m`,
    );
    await t.db.query(
      `INSERT INTO contract (child_id, provider_organisation_id, service_code, basket_line_id, unit_minutes, unit_price_cents, units_per_month, delivery_mode, valid_from, valid_to, status, proposed_by_user_id)
       SELECT l.child_id, $1, 'SPEECH', l.id, 40, 3000, 30, 'individual', '2025-01-01', '2025-12-31', 'active', gen_random_uuid() FROM basket_line l WHERE l.category = 'therapy'`,
      [providerId],
    );
  });
  afterAll(() => t.close());

  async function addVisits(perChildMonth: number, offset: number): Promise<void> {
    await t.db.query(
      `INSERT INTO visit (contract_id, child_id, specialist_id, provider_organisation_id, service_code, check_in_at, check_out_at, status, method, manual)
       SELECT c.id, c.child_id, $1, c.provider_organisation_id, 'SPEECH', ts, ts + interval '40 minutes', CASE WHEN k % 25 = 0 THEN 'exception' ELSE 'verified' END, 'qr', k % 30 = 0
         FROM contract c CROSS JOIN generate_series(1, ${MONTHS}) m CROSS JOIN generate_series(${offset + 1}, ${offset + perChildMonth}) k
         CROSS JOIN LATERAL (SELECT make_timestamptz(2025, m, 1 + k % 27, 8 + k % 9, 0, 0, 'Europe/Riga') AS ts) t`,
      [contractSpecialist],
    );
    await t.app.get(RollupService).refresh(null);
  }

  async function timeReports(): Promise<number> {
    const admin = systemActor('latency');
    const q = { from: '2025-01', to: '2025-12' };
    const round = async () => {
      const start = process.hrtime.bigint();
      await reports.spend(admin, q);
      await reports.needs(admin, q);
      await reports.overlaps(admin, q);
      await reports.waitingTimes(admin, q);
      await reports.integrity(admin, q);
      await reports.monthlySummary(q);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await round(); // warm the plans and caches
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push(await round());
    return times.sort((a, b) => a - b)[3];
  }

  const rollupRows = async () =>
    ((await t.db.query(`SELECT (SELECT count(*) FROM report_line_month) + (SELECT count(*) FROM report_provider_month) AS n`)) as { n: string }[])[0].n;
  const visits = async () => Number(((await t.db.query(`SELECT count(*) AS n FROM visit`)) as { n: string }[])[0].n);

  it('10× the visits: the same rollup size and under 2× the time', async () => {
    await addVisits(2, 0);
    expect(await visits()).toBe(CHILDREN * MONTHS * 2);
    const rowsBefore = await rollupRows();
    const before = await timeReports();

    await addVisits(18, 2);
    expect(await visits()).toBe(CHILDREN * MONTHS * 20);
    expect(await rollupRows()).toBe(rowsBefore);
    const after = await timeReports();

    const spend = await reports.spend(systemActor(), { from: '2025-01', to: '2025-12' });
    expect(spend.totals?.children).toBe(CHILDREN);
    // printed for the record; the assertion is the issue's: under twice the time
    process.stdout.write(`reports: ${before.toFixed(1)} ms with ${CHILDREN * MONTHS * 2} visits, ${after.toFixed(1)} ms with ${CHILDREN * MONTHS * 20}\n`);
    expect(after).toBeLessThan(2 * before);
  });
});
