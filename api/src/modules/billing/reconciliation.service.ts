import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { LEDGER_REF } from './billing-runner';
import { reconcile } from './totals.rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * For any period (by the visits' dates, both ends inclusive):
 *   ledger spend − reverse of claim lines = Σ claim lines = Σ on issued invoices + Σ not yet issued
 *   Σ on issued invoices = Σ paid + Σ outstanding,
 * each difference to the cent, with the lines behind it.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async report(actor: Actor, from: unknown, to: unknown) {
    const errors: Record<string, string> = {};
    if (typeof from !== 'string' || !DATE.test(from)) errors.from = 'isDate';
    if (typeof to !== 'string' || !DATE.test(to)) errors.to = 'isDate';
    if (!errors.from && !errors.to && (from as string) > (to as string)) errors.to = 'afterFrom';
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
    const [f]: Record<string, string>[] = await this.db.query(
      `WITH lines AS (
         SELECT cl.*, i.status AS invoice_status, p.status AS payment_status FROM claim_line cl
           LEFT JOIN invoice i ON i.id = cl.invoice_id LEFT JOIN payment p ON p.id = cl.payment_id
          WHERE cl.service_date BETWEEN $1::date AND $2::date),
       moves AS (
         SELECT coalesce(sum(CASE WHEN lm.kind = 'spend' THEN lm.amount_cents ELSE -lm.amount_cents END), 0) AS net
           FROM ledger_movement lm JOIN lines l ON l.id::text = lm.ref_id WHERE lm.ref_type = $3 AND lm.kind IN ('spend', 'reverse'))
       SELECT (SELECT net FROM moves)::text AS ledger,
              coalesce(sum(amount_cents), 0)::text AS claims,
              coalesce(sum(amount_cents) FILTER (WHERE invoice_status IS NOT NULL AND invoice_status <> 'draft'), 0)::text AS invoiced,
              coalesce(sum(amount_cents) FILTER (WHERE invoice_status IS NULL OR invoice_status = 'draft'), 0)::text AS uninvoiced,
              coalesce(sum(amount_cents) FILTER (WHERE invoice_status IS NOT NULL AND invoice_status <> 'draft' AND payment_status = 'paid'), 0)::text AS paid,
              coalesce(sum(amount_cents) FILTER (WHERE invoice_status IS NOT NULL AND invoice_status <> 'draft' AND payment_status IS DISTINCT FROM 'paid'), 0)::text AS outstanding,
              count(*)::text AS lines
         FROM lines`,
      [from, to, LEDGER_REF],
    );
    const result = reconcile({
      ledgerNetSpendCents: Number(f.ledger),
      claimLinesCents: Number(f.claims),
      invoicedCents: Number(f.invoiced),
      uninvoicedCents: Number(f.uninvoiced),
      paidCents: Number(f.paid),
      outstandingCents: Number(f.outstanding),
    });
    // the rows behind a difference: lines whose ledger movement is missing or of another amount
    const mismatches: { claimLineId: string; kind: string; serviceDate: string; amountCents: number; ledgerCents: number }[] = (
      await this.db.query(
        `SELECT cl.id, cl.kind, to_char(cl.service_date, 'YYYY-MM-DD') AS service_date, cl.amount_cents::text AS amount,
                coalesce(sum(CASE WHEN lm.kind = 'spend' THEN lm.amount_cents WHEN lm.kind = 'reverse' THEN -lm.amount_cents END), 0)::text AS ledger
           FROM claim_line cl LEFT JOIN ledger_movement lm ON lm.ref_type = $3 AND lm.ref_id = cl.id::text AND lm.kind IN ('spend', 'reverse')
          WHERE cl.service_date BETWEEN $1::date AND $2::date
          GROUP BY cl.id HAVING coalesce(sum(CASE WHEN lm.kind = 'spend' THEN lm.amount_cents WHEN lm.kind = 'reverse' THEN -lm.amount_cents END), 0) <> cl.amount_cents
          ORDER BY cl.service_date, cl.id LIMIT 500`,
        [from, to, LEDGER_REF],
      )
    ).map((r: Record<string, string>) => ({
      claimLineId: r.id,
      kind: r.kind,
      serviceDate: r.service_date,
      amountCents: Number(r.amount),
      ledgerCents: Number(r.ledger),
    }));
    await this.db.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'billing.reconciliation',
        subjectType: 'billing',
        details: { from, to, balanced: result.balanced && !mismatches.length },
      }),
    );
    return {
      from,
      to,
      lineCount: Number(f.lines),
      figures: {
        ledgerNetSpendCents: Number(f.ledger),
        claimLinesCents: Number(f.claims),
        invoicedCents: Number(f.invoiced),
        uninvoicedCents: Number(f.uninvoiced),
        paidCents: Number(f.paid),
        outstandingCents: Number(f.outstanding),
      },
      balanced: result.balanced && mismatches.length === 0,
      checks: result.checks,
      mismatches,
    };
  }
}
