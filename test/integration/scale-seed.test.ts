import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/database/data-source';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';
import { seedScale, type ScaleStats } from '../../api/src/modules/scale/seed-scale';
import { createTestDatabase } from '../support/database';

/** The scale generator at tiny size: the population it loads must be one the platform could have made. */
describe('seed:scale population (tiny)', () => {
  const OPTS = { children: 40, months: 3, providers: 6, caseManagers: 3, untilMonth: '2026-12', passwordHash: 'not-a-real-hash', batchSize: 200 };
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  let stats: ScaleStats;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 4);
    await db.initialize();
    stats = await seedScale(db, OPTS);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await db.query(sql, params))[0] as T;

  it('loads the children with a decision, a card and a case each, and reports what it wrote', async () => {
    const c = await one<{ children: number; decisions: number; cards: number; cases: number; visits: number }>(
      `SELECT (SELECT count(*)::int FROM child) AS children, (SELECT count(*)::int FROM disability_decision) AS decisions, (SELECT count(*)::int FROM card) AS cards,
              (SELECT count(*)::int FROM child_case) AS cases, (SELECT count(*)::int FROM visit) AS visits`,
    );
    expect(c).toEqual({ children: 40, decisions: 40, cards: 40, cases: 40, visits: stats.visits });
    expect(stats.visits).toBeGreaterThan(100);
    expect(stats.rows.child).toBe(40);
    expect(stats.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(stats.totalRows).toBeGreaterThan(stats.visits);
  });

  it('refuses to load a second population into the same database', async () => {
    await expect(seedScale(db, OPTS)).rejects.toThrow(/already holds a scale population/);
  });

  it('keeps caseloads within the limit and gives a basket only to children with a case manager', async () => {
    const r = await one<{ max: number; baskets_without_manager: number }>(
      `SELECT (SELECT max(n)::int FROM (SELECT count(*) AS n FROM child_case WHERE status = 'open' GROUP BY case_manager_user_id) x) AS max,
              (SELECT count(*)::int FROM basket b JOIN child_case cc ON cc.id = b.case_id WHERE cc.case_manager_user_id IS NULL) AS baskets_without_manager`,
    );
    expect(r.max).toBeLessThanOrEqual(Math.ceil(40 / 3));
    expect(r.baskets_without_manager).toBe(0);
  });

  it('balances every ledger: allocated equals the basket line, each contract committed its value, spends equal the claim lines', async () => {
    const bad = await db.query(
      `SELECT bl.id FROM basket_line bl
         LEFT JOIN (SELECT basket_line_id, sum(amount_cents) FILTER (WHERE kind = 'allocate') AS allocated, sum(amount_cents) FILTER (WHERE kind = 'commit') AS committed,
                           coalesce(sum(amount_cents) FILTER (WHERE kind = 'spend'), 0) AS spent
                      FROM ledger_movement GROUP BY 1) l ON l.basket_line_id = bl.id
         LEFT JOIN (SELECT basket_line_id, sum(value_cents) AS value FROM contract GROUP BY 1) k ON k.basket_line_id = bl.id
         LEFT JOIN (SELECT basket_line_id, coalesce(sum(amount_cents), 0) AS claimed FROM claim_line GROUP BY 1) cl ON cl.basket_line_id = bl.id
        WHERE l.allocated IS DISTINCT FROM bl.allocated_cents OR l.committed IS DISTINCT FROM k.value OR l.spent <> coalesce(cl.claimed, 0) OR k.value > bl.allocated_cents`,
    );
    expect(bad).toEqual([]);
    // and the ledger service itself agrees: no bucket negative, nothing over the allocation
    const ledger = new LedgerService();
    const lines: { id: string }[] = await db.query(`SELECT id FROM basket_line ORDER BY id LIMIT 15`);
    for (const { id } of lines) {
      const b = await ledger.balances(db.manager, id);
      expect(b.committedCents).toBeGreaterThanOrEqual(0);
      expect(b.spentCents).toBeGreaterThanOrEqual(0);
      expect(b.availableCents).toBeGreaterThanOrEqual(0);
      expect(b.committedCents + b.spentCents).toBeLessThanOrEqual(b.allocatedCents);
    }
  });

  it('never has more visits in a month than the contract has units', async () => {
    const over = await db.query(
      `SELECT v.contract_id FROM visit v JOIN contract c ON c.id = v.contract_id
        GROUP BY v.contract_id, c.units_per_month, date_trunc('month', v.check_in_at AT TIME ZONE 'Europe/Riga') HAVING count(*) > c.units_per_month`,
    );
    expect(over).toEqual([]);
  });

  it('bills exactly the verified visits of past months, once each, on invoices whose totals match', async () => {
    const r = await one<{
      billed_not_verified: number;
      verified_unbilled_past: number;
      billed_last_month: number;
      claims_without_billed: number;
      double_claims: number;
      invoice_mismatch: number;
    }>(
      `SELECT (SELECT count(*)::int FROM visit WHERE billed AND status <> 'verified') AS billed_not_verified,
              (SELECT count(*)::int FROM visit WHERE status = 'verified' AND NOT billed AND check_in_at < '2026-11-01T00:00:00+02') AS verified_unbilled_past,
              (SELECT count(*)::int FROM visit WHERE billed AND check_in_at >= '2026-11-01T00:00:00+02') AS billed_last_month,
              (SELECT count(*)::int FROM claim_line cl JOIN visit v ON v.id = cl.visit_id WHERE NOT v.billed) AS claims_without_billed,
              (SELECT count(*)::int FROM (SELECT visit_id FROM claim_line GROUP BY 1 HAVING count(*) > 1) d) AS double_claims,
              (SELECT count(*)::int FROM invoice i WHERE i.total_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM claim_line WHERE invoice_id = i.id)
                                                      OR i.line_count <> (SELECT count(*) FROM claim_line WHERE invoice_id = i.id)) AS invoice_mismatch`,
    );
    expect(r).toEqual({
      billed_not_verified: 0,
      verified_unbilled_past: 0,
      billed_last_month: 0,
      claims_without_billed: 0,
      double_claims: 0,
      invoice_mismatch: 0,
    });
    const [{ billed }] = await db.query(`SELECT count(*)::int AS billed FROM visit WHERE billed`);
    const [{ claims }] = await db.query(`SELECT count(*)::int AS claims FROM claim_line`);
    expect(claims).toBe(billed);
    expect(billed).toBeGreaterThan(0);
  });

  it('records exceptions the way the visits context does, with manual entries and group sessions present', async () => {
    const r = await one<{ exception_without_open: number; rejected_without_decision: number; manual_without_reason: number; manual: number; grouped: number }>(
      `SELECT (SELECT count(*)::int FROM visit v WHERE v.status = 'exception' AND NOT EXISTS (SELECT 1 FROM visit_exception e WHERE e.visit_id = v.id AND e.status = 'open')) AS exception_without_open,
              (SELECT count(*)::int FROM visit v WHERE v.status = 'rejected' AND NOT EXISTS (SELECT 1 FROM visit_exception e WHERE e.visit_id = v.id AND e.resolution_action = 'reject')) AS rejected_without_decision,
              (SELECT count(*)::int FROM visit WHERE manual AND (manual_reason IS NULL OR method <> 'manual')) AS manual_without_reason,
              (SELECT count(*)::int FROM visit WHERE manual) AS manual,
              (SELECT count(*)::int FROM visit WHERE group_session_id IS NOT NULL) AS grouped`,
    );
    expect(r.exception_without_open).toBe(0);
    expect(r.rejected_without_decision).toBe(0);
    expect(r.manual_without_reason).toBe(0);
    expect(r.manual).toBeGreaterThan(0);
  });

  it('rebuilds the report rollups from what it loaded', async () => {
    const r = await one<{ rollup: number; visits: number }>(
      `SELECT (SELECT coalesce(sum(verified_visits), 0)::int FROM report_line_month) AS rollup,
              (SELECT count(*)::int FROM visit v JOIN contract c ON c.id = v.contract_id WHERE v.status = 'verified' AND c.basket_line_id IS NOT NULL) AS visits`,
    );
    expect(r.rollup).toBe(r.visits);
  });

  it('builds the 10x-visits variant with the same children', async () => {
    const other = await createTestDatabase();
    const db2 = createDataSource(other.url, 2);
    await db2.initialize();
    try {
      const s2 = await seedScale(db2, { ...OPTS, visitsFactor: 3 });
      const codes = async (d: DataSource) =>
        (await d.query(`SELECT personal_code FROM child ORDER BY 1`)).map((r: { personal_code: string }) => r.personal_code);
      expect(await codes(db2)).toEqual(await codes(db));
      expect(s2.visits).toBeGreaterThan(stats.visits * 2.5);
      const over = await db2.query(
        `SELECT v.contract_id FROM visit v JOIN contract c ON c.id = v.contract_id
          GROUP BY v.contract_id, c.units_per_month, date_trunc('month', v.check_in_at AT TIME ZONE 'Europe/Riga') HAVING count(*) > c.units_per_month`,
      );
      expect(over).toEqual([]);
    } finally {
      await db2.destroy();
      await other.drop();
    }
  });
});
