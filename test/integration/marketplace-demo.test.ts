import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/database/data-source';
import { seedDemo } from '../../api/src/modules/demo/demo-data';
import { createTestDatabase } from '../support/database';

describe('marketplace demo seed', () => {
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

  it("approves both demo providers and gives Jānis an active speech contract with Elīna, its value committed on his therapy line", async () => {
    const { report } = await seedDemo(db);
    expect(report.find((l) => l.startsWith('Marketplace:'))).toMatch(/committed on his therapy line/);
    const providers: { code: string; status: string }[] = await db.query(`SELECT o.code, p.status FROM provider_profile p JOIN organisation o ON o.id = p.organisation_id ORDER BY o.code`);
    expect(providers).toEqual([{ code: '40008000001', status: 'approved' }, { code: '40008000002', status: 'approved' }]);
    const [contract]: { id: string; status: string; value_cents: string; committed_cents: string; basket_line_id: string; code: string; email: string; category: string }[] = await db.query(
      `SELECT k.id, k.status, k.value_cents, k.committed_cents, k.basket_line_id, o.code, u.email, l.category
         FROM contract k JOIN organisation o ON o.id = k.provider_organisation_id JOIN contract_specialist cs ON cs.contract_id = k.id
         JOIN specialist s ON s.id = cs.specialist_id JOIN app_user u ON u.id = s.user_id JOIN basket_line l ON l.id = k.basket_line_id
        WHERE k.service_code = 'SPEECH' AND k.status = 'active'`,
    );
    expect(contract).toMatchObject({ status: 'active', code: '40008000001', email: 'specialists@lidz.lv', category: 'therapy' });
    expect(contract.committed_cents).toBe(contract.value_cents);
    const [commit]: { amount_cents: string }[] = await db.query(`SELECT amount_cents FROM ledger_movement WHERE ref_type = 'contract' AND ref_id = $1 AND kind = 'commit'`, [contract.id]);
    expect(commit.amount_cents).toBe(contract.value_cents);
    // Elīna works for both providers and is one specialist
    expect(await db.query(`SELECT count(*)::int AS n FROM provider_specialist ps JOIN specialist s ON s.id = ps.specialist_id WHERE s.registration_number = 'LOG-0417'`)).toEqual([{ n: 2 }]);
    // a queue for each side: one accepted (case manager), one proposed (provider)
    expect(await db.query(`SELECT status, count(*)::int AS n FROM contract GROUP BY status ORDER BY status`)).toEqual([
      { status: 'accepted', n: 1 },
      { status: 'active', n: 1 },
      { status: 'proposed', n: 1 },
    ]);
  });
});
