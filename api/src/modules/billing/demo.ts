import type { EntityManager } from 'typeorm';
import type { DemoContext } from '../demo/demo-data';

/**
 * Billing starts from what the visits left: last month's verified visits wait for a billing run, so a
 * newcomer sees the whole flow — start the run (admin@lidz.lv), approve its invoice and payment batch
 * as a second person (finanses@lidz.lv, maker-checker), download the SEPA file, and find the invoice
 * in the provider's portal. The paying sources' treasury accounts come with the migration.
 */
export async function seedBilling(m: EntityManager, ctx: DemoContext): Promise<void> {
  const months: { month: string; n: number; amount: string | null }[] = await m.query(
    `SELECT to_char(v.check_in_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM') AS month, count(*)::int AS n, sum(c.unit_price_cents)::text AS amount
       FROM visit v JOIN contract c ON c.id = v.contract_id WHERE v.status = 'verified' GROUP BY 1 ORDER BY 1`,
  );
  const accounts: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM paying_account`);
  if (!months.length) {
    ctx.report.push('Billing: no verified visits yet; payments go out as SEPA files (no Stripe keys set).');
    return;
  }
  ctx.ids.set('billing:month', months[months.length - 1].month);
  ctx.report.push(
    `Billing: ${months.map((r) => `${r.n} verified visit(s) in ${r.month}`).join(', ')} wait for a billing run (admin@lidz.lv starts it, finanses@lidz.lv approves); ${accounts[0].n} treasury accounts for SEPA files.`,
  );
}
