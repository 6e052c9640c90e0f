import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addCents, type FundingSource } from '@lidz/libs';
import { DataSource, EntityManager } from 'typeorm';
import { systemActor, type Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { log } from '../../common/http/logger';
import { LedgerService } from '../budgets/ledger.service';
import { monthBounds, priceClaim, type ClaimPrice, type UnitKind } from './claim.rules';
import { BillingRun } from './entities/billing-run.entity';
import { canMove, RUN_TRANSITIONS } from './lifecycle.rules';

export interface RunHooks {
  /** Called after each provider's work has committed (progress; tests use it to crash a worker). */
  afterProvider?: (done: number, total: number) => void | Promise<void>;
}

interface VisitToBill {
  id: string;
  contract_id: string;
  child_id: string;
  provider_organisation_id: string;
  service_code: string;
  duration_minutes: number | null;
  group_size: number;
  service_date: string;
  contract_unit_minutes: number | null;
  unit_price_cents: string;
  delivery_mode: 'individual' | 'group';
  contract_group_size: number;
  basket_line_id: string | null;
  unit_kind: UnitKind;
  service_unit_minutes: number | null;
  funding_source: FundingSource | null;
  municipality_code: string;
}

export const LEDGER_REF = 'claim_line';

/** Some of the visits a provider's transaction locked got a claim line from another run first. */
class BilledMeanwhile extends Error {}

/** Who pays a line: the ministry or EU source itself, or the child's municipality. */
export function payerKeyOf(source: FundingSource, municipalityCode: string): string {
  return source === 'MUNICIPALITY' ? `MUNICIPALITY:${municipalityCode}` : source;
}

const DEFAULT_UNIT_MINUTES: Record<UnitKind, number> = { session: 60, hour: 60, day: 480, item: 1 };

/**
 * The billing run's job. It works one provider at a time, each provider in ONE transaction: its
 * verified, unbilled visits of the month become claim lines, each line's money moves committed → spent
 * on the ledger, and the lines join the provider's draft invoice — all together or not at all. A
 * worker killed half-way therefore leaves whole providers done and the rest untouched; the restarted
 * job finds only the untouched ones still unbilled and finishes with exactly the lines a clean run
 * makes. The unique (visit, kind) index on claim lines is the last guard against doubles.
 */
@Injectable()
export class BillingRunner {
  constructor(
    private readonly db: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Executes a run unless another process is executing it right now (a resume or a queue retry while
   * the first job still works): a session advisory lock, held on its own connection for the whole run
   * and dropped by PostgreSQL if the process dies, lets one execution through; another returns the run
   * as it stands.
   */
  async execute(runId: string, hooks: RunHooks = {}): Promise<BillingRun> {
    const holder = this.db.createQueryRunner();
    await holder.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await holder.query(`SELECT pg_try_advisory_lock(hashtext('billing-run:' || $1)) AS locked`, [runId]);
      if (!locked) {
        log('info', 'billing.run_already_executing', { runId });
        const current = await this.db.getRepository(BillingRun).findOneBy({ id: runId });
        if (!current) throw new AppError('NOT_FOUND');
        return current;
      }
      try {
        return await this.executeAlone(runId, hooks);
      } finally {
        await holder.query(`SELECT pg_advisory_unlock(hashtext('billing-run:' || $1))`, [runId]).catch(() => {});
      }
    } finally {
      await holder.release();
    }
  }

  private async executeAlone(runId: string, hooks: RunHooks): Promise<BillingRun> {
    const run = await this.db.transaction(async (m) => {
      const r = await m.getRepository(BillingRun).findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw new AppError('NOT_FOUND');
      if (r.status === 'completed') return r;
      if (!canMove(RUN_TRANSITIONS, r.status, 'running')) throw new AppError('BILLING_INVALID_TRANSITION');
      await m.update(BillingRun, { id: runId }, { status: 'running', attempts: r.attempts + 1, lastError: null });
      return m.getRepository(BillingRun).findOneByOrFail({ id: runId });
    });
    if (run.status === 'completed') return run;
    const actor: Actor = { ...systemActor(`billing-run:${runId}`), userId: run.startedByUserId ?? systemActor().userId };
    const started = Date.now();
    try {
      const credits = await this.creditRejectedVisits(actor, run);
      if (credits) await this.db.query(`UPDATE billing_run SET credits_created = credits_created + $2 WHERE id = $1`, [runId, credits]);
      const providers = await this.providersToBill(run);
      const done = (await this.db.getRepository(BillingRun).findOneByOrFail({ id: runId })).providersDone;
      const total = done + providers.length;
      await this.db.query(`UPDATE billing_run SET providers_total = $2 WHERE id = $1`, [runId, total]);
      let n = done;
      for (const providerId of providers) {
        await this.billOneProvider(actor, run, providerId);
        n += 1;
        await hooks.afterProvider?.(n, total);
      }
      await this.db.query(`UPDATE billing_run SET status = 'completed', finished_at = now() WHERE id = $1`, [runId]);
      log('info', 'billing.run_completed', { runId, providers: total, ms: Date.now() - started });
    } catch (e) {
      const message = e instanceof Error ? e.message.slice(0, 500) : 'unknown';
      await this.db.query(`UPDATE billing_run SET status = 'failed', last_error = $2 WHERE id = $1`, [runId, message]);
      throw e;
    }
    return this.db.getRepository(BillingRun).findOneByOrFail({ id: runId });
  }

  /**
   * The provider's transaction; done again when another run billed some of its visits while this one
   * waited for their locks (two runs of the same month at once): the next attempt's query no longer
   * finds those visits. Any other error ends the run.
   */
  private async billOneProvider(actor: Actor, run: BillingRun, providerId: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.db.transaction((m) => this.billProvider(m, actor, run, providerId));
        return;
      } catch (e) {
        if (!(e instanceof BilledMeanwhile) || attempt >= 3) throw e;
        log('info', 'billing.provider_retried', { runId: run.id, providerId, attempt });
      }
    }
  }

  /** Providers with verified unbilled visits in the month (and scope), or lines not yet on an invoice. */
  private async providersToBill(run: BillingRun): Promise<string[]> {
    const { from, to } = monthBounds(run.month);
    const params: unknown[] = [from, to];
    let scope = '';
    if (run.providerOrganisationId) {
      params.push(run.providerOrganisationId);
      scope += ` AND p.provider_organisation_id = $${params.length}`;
    }
    let muni = '';
    if (run.municipalityCode) {
      params.push(run.municipalityCode);
      muni = ` AND ch.municipality_code = $${params.length}`;
    }
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT p.provider_organisation_id AS id FROM (
         SELECT v.provider_organisation_id FROM visit v JOIN child ch ON ch.id = v.child_id JOIN contract c ON c.id = v.contract_id
          WHERE v.status = 'verified' AND c.basket_line_id IS NOT NULL
            AND v.check_in_at >= ($1::timestamp AT TIME ZONE 'Europe/Riga') AND v.check_in_at < ($2::timestamp AT TIME ZONE 'Europe/Riga')
            AND NOT EXISTS (SELECT 1 FROM claim_line cl WHERE cl.visit_id = v.id AND cl.kind = 'claim')${muni}
         UNION
         SELECT cl.provider_organisation_id FROM claim_line cl JOIN child ch ON ch.id = cl.child_id
          WHERE cl.invoice_id IS NULL AND (cl.kind = 'credit' OR (cl.service_date >= $1::date AND cl.service_date < $2::date))${muni}
       ) p WHERE TRUE${scope} ORDER BY 1`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /**
   * One provider, one transaction: claim lines, ledger spends, the draft invoice, the run's counters.
   * Set-based, a fixed number of statements whatever the number of visits: the visits (locked), one
   * `spendMany` for their money, one statement writing the rest. Pricing stays in `priceClaim`. The
   * outcome is that of billing the visits one by one in check-in order: a visit whose money is gone gets
   * no line, and the visits after it still do when their money is there.
   */
  private async billProvider(m: EntityManager, actor: Actor, run: BillingRun, providerId: string): Promise<void> {
    // A provider's commit does not wait for its WAL flush. Safe here: the run is marked completed by an
    // ordinary (flushed) commit, which makes every provider committed before it durable too; a database
    // crash before that loses at most the last providers' work, which the resumed run bills again — the
    // same resumption as after a worker crash. Nothing outside the database happens in between.
    await m.query('SET LOCAL synchronous_commit = off');
    const { from, to } = monthBounds(run.month);
    const params: unknown[] = [providerId, from, to];
    let muni = '';
    if (run.municipalityCode) {
      params.push(run.municipalityCode);
      muni = ` AND ch.municipality_code = $${params.length}`;
    }
    const visits: VisitToBill[] = await m.query(
      `SELECT v.id, v.contract_id, v.child_id, v.provider_organisation_id, v.service_code, v.duration_minutes, v.group_size,
              to_char(v.check_in_at AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD') AS service_date,
              c.unit_minutes AS contract_unit_minutes, c.unit_price_cents, c.delivery_mode, c.group_size AS contract_group_size, c.basket_line_id,
              s.unit_kind, s.unit_minutes AS service_unit_minutes, bl.funding_source, ch.municipality_code
         FROM visit v
         JOIN contract c ON c.id = v.contract_id
         JOIN catalogue_service s ON s.code = c.service_code
         JOIN child ch ON ch.id = v.child_id
         LEFT JOIN basket_line bl ON bl.id = c.basket_line_id
        WHERE v.provider_organisation_id = $1 AND v.status = 'verified'
          AND v.check_in_at >= ($2::timestamp AT TIME ZONE 'Europe/Riga') AND v.check_in_at < ($3::timestamp AT TIME ZONE 'Europe/Riga')
          AND NOT EXISTS (SELECT 1 FROM claim_line cl WHERE cl.visit_id = v.id AND cl.kind = 'claim')${muni}
        ORDER BY v.check_in_at, v.id
        FOR UPDATE OF v`,
      params,
    );
    let skipped = 0;
    const priced: { v: VisitToBill; lineId: string; basketLineId: string; source: FundingSource; unitMinutes: number; price: ClaimPrice }[] = [];
    for (const v of visits) {
      if (!v.basket_line_id || !v.funding_source) {
        skipped += 1;
        continue;
      }
      const unitMinutes = v.contract_unit_minutes ?? v.service_unit_minutes ?? DEFAULT_UNIT_MINUTES[v.unit_kind];
      // the session's recorded participants; the contract's group size when the visit did not record one
      const groupSize = v.group_size > 1 ? v.group_size : Math.max(v.contract_group_size, 1);
      const price = priceClaim(
        { unitKind: v.unit_kind, unitMinutes, unitPriceCents: Number(v.unit_price_cents), deliveryMode: v.delivery_mode },
        { durationMinutes: v.duration_minutes ?? 0, groupSize },
      );
      // the line's id is chosen here: the ledger movement refers to it before the line is written
      priced.push({ v, lineId: randomUUID(), basketLineId: v.basket_line_id, source: v.funding_source, unitMinutes, price });
    }

    // the money, in check-in order: a visit whose money is gone is left unbilled (and counted); the others still go through
    const paid = priced.filter((p) => p.price.amountCents > 0);
    const outcomes = await this.ledger.spendMany(
      m,
      actor,
      paid.map((p) => ({ basketLineId: p.basketLineId, amountCents: p.price.amountCents, refType: LEDGER_REF, refId: p.lineId, reason: `visit ${p.v.id}` })),
      { newRefs: true },
    );
    const refused = new Set<string>();
    outcomes.forEach((o, i) => {
      if (o.ok) return;
      refused.add(paid[i].lineId);
      log('warn', 'billing.visit_skipped', { runId: run.id, visitId: paid[i].v.id, code: o.code });
    });
    skipped += refused.size;
    const lines = priced.filter((p) => !refused.has(p.lineId));

    const amount = lines.reduce((sum, l) => addCents(sum, l.price.amountCents), 0);

    // Everything else in one statement. The provider's draft invoice of the month (made only when something
    // goes on it) gets the month's uninvoiced lines and any credits, and the new lines; its totals are those
    // of the lines it already had plus the ones joining it. The visits are marked billed, the run counts.
    const [written]: { billed: number }[] = await m.query(
      `WITH draft AS (
         SELECT id FROM invoice WHERE provider_organisation_id = $2 AND month = $3 AND status = 'draft' FOR UPDATE
       ), pending AS (
         SELECT id, amount_cents FROM claim_line
          WHERE provider_organisation_id = $2 AND invoice_id IS NULL AND (kind = 'credit' OR (service_date >= $5::date AND service_date < $6::date))
       ), joining AS (
         SELECT (count(*) + cardinality($7::uuid[]))::int AS n, coalesce(sum(amount_cents), 0) + $24::bigint AS total FROM pending
       ), made AS (
         INSERT INTO invoice (provider_organisation_id, month, run_id, maker_user_id, total_cents, line_count)
         SELECT $2, $3, $1, $4, total, n FROM joining WHERE n > 0 AND NOT EXISTS (SELECT 1 FROM draft)
         RETURNING id
       ), kept AS (
         UPDATE invoice i SET run_id = $1, maker_user_id = $4, updated_at = now(),
                total_cents = j.total + (SELECT coalesce(sum(amount_cents), 0) FROM claim_line WHERE invoice_id = i.id),
                line_count = j.n + (SELECT count(*)::int FROM claim_line WHERE invoice_id = i.id)
           FROM draft d, joining j WHERE i.id = d.id AND j.n > 0
         RETURNING i.id
       ), target AS (
         SELECT id FROM made UNION ALL SELECT id FROM kept
       ), attached AS (
         UPDATE claim_line SET invoice_id = (SELECT id FROM target) WHERE id IN (SELECT id FROM pending)
       ), line AS (
         INSERT INTO claim_line (id, kind, visit_id, run_id, contract_id, child_id, provider_organisation_id, basket_line_id, funding_source, payer_key, service_code,
                                 service_date, unit_kind, unit_minutes, unit_price_cents, verified_minutes, billed_minutes, quantity_milli, participants, amount_cents, invoice_id)
         SELECT u.id, 'claim', u.visit_id, $1::uuid, u.contract_id, u.child_id, $2::uuid, u.basket_line_id, u.funding_source, u.payer_key, u.service_code,
                u.service_date, u.unit_kind, u.unit_minutes, u.unit_price_cents, u.verified_minutes, u.billed_minutes, u.quantity_milli, u.participants, u.amount_cents,
                (SELECT id FROM target)
           FROM unnest($7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[], $11::uuid[], $12::varchar[], $13::varchar[], $14::varchar[], $15::date[],
                       $16::varchar[], $17::int[], $18::bigint[], $19::int[], $20::int[], $21::int[], $22::int[], $23::bigint[])
                WITH ORDINALITY AS u(id, visit_id, contract_id, child_id, basket_line_id, funding_source, payer_key, service_code, service_date,
                                     unit_kind, unit_minutes, unit_price_cents, verified_minutes, billed_minutes, quantity_milli, participants, amount_cents, n)
          ORDER BY u.n
         ON CONFLICT (visit_id, kind) DO NOTHING
         RETURNING visit_id
       ), billed AS (
         UPDATE visit v SET billed = true FROM line WHERE v.id = line.visit_id RETURNING v.id
       ), counted AS (
         UPDATE billing_run SET providers_done = providers_done + 1, lines_created = lines_created + cardinality($7::uuid[]),
                amount_cents = amount_cents + $24::bigint, visits_skipped = visits_skipped + $25::int
          WHERE id = $1
       )
       SELECT (SELECT count(*) FROM billed)::int AS billed`,
      [
        run.id,
        providerId,
        run.month,
        run.startedByUserId,
        from,
        to,
        lines.map((l) => l.lineId),
        lines.map((l) => l.v.id),
        lines.map((l) => l.v.contract_id),
        lines.map((l) => l.v.child_id),
        lines.map((l) => l.basketLineId),
        lines.map((l) => l.source),
        lines.map((l) => payerKeyOf(l.source, l.v.municipality_code)),
        lines.map((l) => l.v.service_code),
        lines.map((l) => l.v.service_date),
        lines.map((l) => l.v.unit_kind),
        lines.map((l) => l.unitMinutes),
        lines.map((l) => Number(l.v.unit_price_cents)),
        lines.map((l) => l.v.duration_minutes ?? 0),
        lines.map((l) => l.price.billedMinutes),
        lines.map((l) => l.price.quantityMilli),
        lines.map((l) => l.price.participants),
        lines.map((l) => l.price.amountCents),
        amount,
        skipped,
      ],
    );
    // a visit that got a line from another run while this one waited for its lock: a spend above would
    // point at no line — undo this provider's transaction and do it again (see billOneProvider)
    if (written.billed !== lines.length) throw new BilledMeanwhile(`${lines.length - written.billed} visit(s) of provider ${providerId} were billed meanwhile`);
  }

  /**
   * Billed visits rejected afterwards get a credit line (the exact negative) and a reverse movement.
   * Each credit commits on its own, so a crash here leaves nothing half-done either.
   */
  async creditRejectedVisits(actor: Actor, run: Pick<BillingRun, 'id' | 'providerOrganisationId' | 'municipalityCode'>): Promise<number> {
    const params: unknown[] = [];
    let scope = '';
    if (run.providerOrganisationId) {
      params.push(run.providerOrganisationId);
      scope += ` AND cl.provider_organisation_id = $${params.length}`;
    }
    if (run.municipalityCode) {
      params.push(run.municipalityCode);
      scope += ` AND cl.payer_key IN ('LM','VM','IZM','EU', 'MUNICIPALITY:' || $${params.length}) AND EXISTS (SELECT 1 FROM child ch WHERE ch.id = cl.child_id AND ch.municipality_code = $${params.length})`;
    }
    const lines: { id: string }[] = await this.db.query(
      `SELECT cl.id FROM claim_line cl JOIN visit v ON v.id = cl.visit_id
        WHERE cl.kind = 'claim' AND v.status = 'rejected'
          AND NOT EXISTS (SELECT 1 FROM claim_line cr WHERE cr.visit_id = cl.visit_id AND cr.kind = 'credit')${scope}
        ORDER BY cl.created_at, cl.id`,
      params,
    );
    let n = 0;
    for (const { id } of lines) {
      const made = await this.db.transaction((m) => this.creditLine(m, actor, id, run.id));
      if (made) n += 1;
    }
    return n;
  }

  private async creditLine(m: EntityManager, actor: Actor, claimLineId: string, runId: string | null): Promise<boolean> {
    const inserted: { id: string; amount_cents: string; basket_line_id: string }[] = await m.query(
      `INSERT INTO claim_line (kind, visit_id, credits_line_id, run_id, contract_id, child_id, provider_organisation_id, basket_line_id, funding_source, payer_key, service_code, service_date,
                               unit_kind, unit_minutes, unit_price_cents, verified_minutes, billed_minutes, quantity_milli, participants, amount_cents)
       SELECT 'credit', visit_id, id, $2, contract_id, child_id, provider_organisation_id, basket_line_id, funding_source, payer_key, service_code, service_date,
              unit_kind, unit_minutes, unit_price_cents, verified_minutes, billed_minutes, -quantity_milli, participants, -amount_cents
         FROM claim_line WHERE id = $1 AND kind = 'claim'
       ON CONFLICT (visit_id, kind) DO NOTHING RETURNING id, amount_cents, basket_line_id`,
      [claimLineId, runId],
    );
    if (!inserted.length) return false;
    const credit = Number(inserted[0].amount_cents);
    if (credit < 0) {
      await this.ledger.reverse(m, actor, {
        basketLineId: inserted[0].basket_line_id,
        amountCents: -credit,
        refType: LEDGER_REF,
        refId: inserted[0].id,
        reason: `visit rejected after billing; credits ${claimLineId}`,
      });
    }
    return true;
  }
}
