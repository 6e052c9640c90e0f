import { createDataSource } from '../../api/src/database/data-source';
import { seedDemo } from '../../api/src/modules/demo/demo-data';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/database';

describe('budgets demo seed', () => {
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

  it('gives every demo child with a case an active basket; the average annual basket lands near the pilot’s EUR 6,911', async () => {
    const { report } = await seedDemo(db);
    const line = report.find((l) => l.startsWith('Demo baskets:'));
    expect(line).toBeDefined();
    const avg = Number(/average annual basket EUR ([\d,]+)/.exec(line!)![1].replace(/,/g, ''));
    expect(avg).toBeGreaterThanOrEqual(5500);
    expect(avg).toBeLessThanOrEqual(8500);

    const baskets: { status: string; n: number }[] = await db.query(`SELECT status, count(*)::int AS n FROM basket GROUP BY status`);
    expect(baskets).toEqual([{ status: 'active', n: expect.any(Number) }]);
    // every line's cached allocation equals its ledger, and Jānis' speech line carries the reason for the raise
    const lines: { id: string; allocated_cents: string; planned_cents: string }[] = await db.query(`SELECT id, allocated_cents, planned_cents FROM basket_line`);
    const ledger = new LedgerService();
    for (const l of lines) {
      const b = await ledger.balances(db.manager, l.id);
      expect(b.allocatedCents).toBe(Number(l.allocated_cents));
      expect(b.allocatedCents).toBe(Number(l.planned_cents));
    }
    const [janis] = await db.query(
      `SELECT l.reason, l.indicative_cents::int AS i, l.planned_cents::int AS p FROM basket_line l JOIN child c ON c.id = l.child_id WHERE c.first_name = 'Jānis' AND l.category = 'therapy'`,
    );
    expect(janis.p).toBeGreaterThan(janis.i);
    expect(janis.reason).toMatch(/divas nodarbības/);
  });
});
