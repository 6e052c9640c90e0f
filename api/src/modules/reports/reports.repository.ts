import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

const RIGA_MONTH = (ts: string) => `date_trunc('month', ${ts} AT TIME ZONE 'Europe/Riga')::date`;

/**
 * The rollups' refresh. Rebuilding reads the ledger and the visits once per month range; the reports
 * themselves never do. `fromMonth` null rebuilds everything.
 */
@Injectable()
export class ReportsRepository {
  async rebuildRollups(m: EntityManager, fromMonth: string | null): Promise<{ lineMonths: number; providerMonths: number }> {
    const from = fromMonth ?? '1900-01-01';
    // one refresh at a time: two would delete each other's fresh rows
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('report_rollup_refresh'))`);
    await m.query(`DELETE FROM report_line_month WHERE month >= $1::date`, [from]);
    await m.query(`DELETE FROM report_provider_month WHERE month >= $1::date`, [from]);
    const since = `(($1::date)::timestamp AT TIME ZONE 'Europe/Riga')`;
    const lines: { n: number }[] = await m.query(
      `WITH flows AS (
         SELECT basket_line_id, ${RIGA_MONTH('at')} AS month,
                SUM(CASE WHEN kind IN ('allocate','transfer') THEN amount_cents ELSE 0 END) AS allocated,
                SUM(CASE kind WHEN 'commit' THEN amount_cents WHEN 'release' THEN -amount_cents WHEN 'spend' THEN -amount_cents WHEN 'reverse' THEN amount_cents ELSE 0 END) AS committed,
                SUM(CASE kind WHEN 'spend' THEN amount_cents WHEN 'reverse' THEN -amount_cents ELSE 0 END) AS spent,
                0 AS verified, 0 AS exceptions, NULL::timestamptz AS first_verified
           FROM ledger_movement WHERE at >= ${since} GROUP BY 1, 2
         UNION ALL
         SELECT c.basket_line_id, ${RIGA_MONTH('COALESCE(v.check_in_at, v.created_at)')}, 0, 0, 0,
                count(*) FILTER (WHERE v.status = 'verified'), count(*) FILTER (WHERE v.status = 'exception'),
                min(v.check_in_at) FILTER (WHERE v.status = 'verified')
           FROM visit v JOIN contract c ON c.id = v.contract_id
          WHERE c.basket_line_id IS NOT NULL AND COALESCE(v.check_in_at, v.created_at) >= ${since}
          GROUP BY 1, 2
       ), ins AS (
         INSERT INTO report_line_month (basket_line_id, month, child_id, municipality_code, funding_source, category, allocated_cents, committed_cents, spent_cents, verified_visits, exception_visits, first_verified_at)
         SELECT l.id, f.month, l.child_id, b.municipality_code, l.funding_source, l.category,
                SUM(f.allocated), SUM(f.committed), SUM(f.spent), SUM(f.verified), SUM(f.exceptions), MIN(f.first_verified)
           FROM flows f JOIN basket_line l ON l.id = f.basket_line_id JOIN basket b ON b.id = l.basket_id
          GROUP BY l.id, f.month, l.child_id, b.municipality_code, l.funding_source, l.category
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [from],
    );
    const providers: { n: number }[] = await m.query(
      `WITH counts AS (
         SELECT v.provider_organisation_id AS pid, ${RIGA_MONTH('COALESCE(v.check_in_at, v.check_out_at, v.created_at)')} AS month,
                count(*) FILTER (WHERE v.status IN ('verified','exception','rejected')) AS visits,
                count(*) FILTER (WHERE v.status = 'verified') AS verified,
                count(*) FILTER (WHERE v.status = 'rejected') AS rejected,
                count(*) FILTER (WHERE v.status = 'exception') AS exceptions,
                count(*) FILTER (WHERE v.manual) AS manual,
                count(*) FILTER (WHERE v.status = 'verified' AND NOT v.manual) AS scanned
           FROM visit v WHERE COALESCE(v.check_in_at, v.check_out_at, v.created_at) >= ${since} GROUP BY 1, 2
       ), reasons AS (
         SELECT pid, month, jsonb_object_agg(reason_code, n) AS reason_counts FROM (
           SELECT e.provider_organisation_id AS pid, ${RIGA_MONTH('e.opened_at')} AS month, e.reason_code, count(*)::int AS n
             FROM visit_exception e WHERE e.opened_at >= ${since} GROUP BY 1, 2, 3) r GROUP BY pid, month
       ), ins AS (
         INSERT INTO report_provider_month (provider_organisation_id, month, visits, verified_visits, rejected_visits, exception_visits, manual_visits, scanned_visits, reason_counts)
         SELECT COALESCE(c.pid, r.pid), COALESCE(c.month, r.month), COALESCE(c.visits, 0), COALESCE(c.verified, 0), COALESCE(c.rejected, 0),
                COALESCE(c.exceptions, 0), COALESCE(c.manual, 0), COALESCE(c.scanned, 0), COALESCE(r.reason_counts, '{}'::jsonb)
           FROM counts c FULL JOIN reasons r ON r.pid = c.pid AND r.month = c.month
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [from],
    );
    return { lineMonths: lines[0].n, providerMonths: providers[0].n };
  }
}
