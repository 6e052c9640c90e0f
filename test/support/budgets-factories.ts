import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** A basket with lines for ledger tests, inserted directly (no child FK needed for ledger mechanics). */
export async function makeBareBasket(
  db: DataSource | EntityManager,
  opts: { childId?: string; municipalityCode?: string; status?: string; lines?: { category: string; fundingSource: string; transferable?: boolean }[] } = {},
): Promise<{ basketId: string; childId: string; lineIds: string[] }> {
  const childId = opts.childId ?? randomUUID();
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
