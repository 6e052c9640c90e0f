import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** A child row (and, when a case manager is given, an open case) inserted with plain SQL. */
export async function makeBudgetChild(
  db: Db,
  opts: { municipalityCode?: string; birthDate?: string; householdOrganisationId?: string | null; caseManagerUserId?: string | null } = {},
): Promise<{ childId: string; caseId: string | null }> {
  const code = `32${String(randomInt(0, 10_000)).padStart(4, '0')}-${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  const [child]: { id: string }[] = await db.query(
    `INSERT INTO child (personal_code, first_name, last_name, birth_date, municipality_code, languages, household_organisation_id) VALUES ($1, 'Test', 'Bērns', $2, $3, '{lv}', $4) RETURNING id`,
    [code, opts.birthDate ?? '2017-05-10', opts.municipalityCode ?? 'RIGA', opts.householdOrganisationId ?? null],
  );
  let caseId: string | null = null;
  if (opts.caseManagerUserId) {
    const [c]: { id: string }[] = await db.query(`INSERT INTO child_case (child_id, municipality_code, case_manager_user_id, status) VALUES ($1, $2, $3, 'open') RETURNING id`, [
      child.id,
      opts.municipalityCode ?? 'RIGA',
      opts.caseManagerUserId,
    ]);
    caseId = c.id;
  }
  return { childId: child.id, caseId };
}

/** A basket with lines for ledger tests, inserted directly (no child FK needed for ledger mechanics). */
export async function makeBareBasket(
  db: Db,
  opts: { childId?: string; municipalityCode?: string; status?: string; lines?: { category: string; fundingSource: string; transferable?: boolean }[] } = {},
): Promise<{ basketId: string; childId: string; lineIds: string[] }> {
  const childId = opts.childId ?? (await makeBudgetChild(db, { municipalityCode: opts.municipalityCode })).childId;
  const [basket]: { id: string }[] = await db.query(
    `INSERT INTO basket (child_id, municipality_code, status, period_start, period_end, created_by_user_id) VALUES ($1, $2, $3, '2026-01-01', '2026-12-31', $4) RETURNING id`,
    [childId, opts.municipalityCode ?? 'RIGA', opts.status ?? 'active', randomUUID()],
  );
  const lineIds: string[] = [];
  for (const l of opts.lines ?? [{ category: 'therapy', fundingSource: 'VM' }]) {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO basket_line (basket_id, child_id, category, funding_source, transferable) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [basket.id, childId, l.category, l.fundingSource, l.transferable ?? false],
    );
    lineIds.push(row.id);
  }
  return { basketId: basket.id, childId, lineIds };
}
