import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/database/data-source';
import { BillingRunner } from '../../api/src/modules/billing/billing-runner';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';
import { seedDemo } from '../../api/src/modules/demo/demo-data';
import { createTestDatabase } from '../support/database';

describe('billing demo seed', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 4);
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('leaves last month’s verified demo visits for a billing run that bills each once, with a second admin to approve', async () => {
    const { report } = await seedDemo(db);
    const line = report.find((l) => l.startsWith('Billing:'));
    expect(line).toMatch(/verified visit\(s\) in \d{4}-\d{2}/);
    expect(await db.query(`SELECT role FROM app_user WHERE email = 'finanses@lidz.lv'`)).toEqual([{ role: 'platform_admin' }]);
    const months: { month: string; n: number }[] = await db.query(
      `SELECT to_char(check_in_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM') AS month, count(*)::int AS n FROM visit WHERE status = 'verified' GROUP BY 1`,
    );
    expect(months.length).toBeGreaterThan(0);
    const [admin] = await db.query(`SELECT id FROM app_user WHERE email = 'admin@lidz.lv'`);
    for (const { month, n } of months) {
      const [run] = await db.query(`INSERT INTO billing_run (month, started_by_user_id) VALUES ($1, $2) RETURNING id`, [month, admin.id]);
      const done = await new BillingRunner(db, new LedgerService()).execute(run.id);
      expect(done).toMatchObject({ status: 'completed', linesCreated: n, visitsSkipped: 0 });
    }
    const invoices: { code: string; status: string; line_count: number }[] = await db.query(
      `SELECT o.code, i.status, i.line_count FROM invoice i JOIN organisation o ON o.id = i.provider_organisation_id`,
    );
    expect(invoices.every((i) => i.code === '40008000001' && i.status === 'draft')).toBe(true);
  });
});
