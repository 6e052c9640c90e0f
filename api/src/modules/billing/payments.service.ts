import { Inject, Injectable } from '@nestjs/common';
import { addCents, FUNDING_SOURCES, parseEuros, type FundingSource } from '@lidz/libs';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { log } from '../../common/http/logger';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { addCalendarDays, rigaToday } from '../cases/working-days.rules';
import { OutboxService } from '../jobs/outbox.service';
import { QUEUES } from '../jobs/queues';
import { CreateBatchDto } from './billing.dto';
import { isValidIban } from './documents/bank.rules';
import { buildPain001, endToEndId } from './documents/sepa';
import { parseXml, XmlParseError, type XmlElement } from './documents/xml';
import { PayingAccount, Payment, PaymentBatch, StripeAccount } from './entities/payment.entity';
import { InvoicesService } from './invoices.service';
import { BATCH_TRANSITIONS, canMove, mayApprove, PAYMENT_TRANSITIONS, type PaymentStatus } from './lifecycle.rules';
import { StripeGateway } from './stripe/stripe.gateway';
import { netPerProvider } from './totals.rules';

export const BATCH_LIST = {
  sortable: ['createdAt', 'status', 'totalCents'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filters: ['status', 'payerKey', 'id', 'rail'],
};
export const PAYMENT_LIST = {
  sortable: ['createdAt', 'status', 'amountCents'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filters: ['status', 'batchId', 'providerOrganisationId', 'id'],
};

/** A municipality officer handles only their own municipality's money; the platform admin all. */
async function ownPayerKeys(m: EntityManager, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'platform_admin' || actor.role === 'ministry_analyst') return null;
  if (actor.role === 'municipality_officer') {
    const [org]: { code: string | null }[] = await m.query(`SELECT code FROM organisation WHERE id = $1`, [actor.organisationId]);
    return org?.code ? [`MUNICIPALITY:${org.code}`] : [];
  }
  return [];
}

function sourceOf(payerKey: string): { fundingSource: FundingSource; municipalityCode: string | null } {
  if (payerKey.startsWith('MUNICIPALITY:')) return { fundingSource: 'MUNICIPALITY', municipalityCode: payerKey.slice('MUNICIPALITY:'.length) };
  if (!FUNDING_SOURCES.includes(payerKey as FundingSource)) throw new AppError('VALIDATION_FAILED', { payerKey: 'isPayerKey' });
  return { fundingSource: payerKey as FundingSource, municipalityCode: null };
}

/**
 * Payment batches per paying source, paid by Stripe Connect transfers when Stripe is configured, or by
 * a SEPA pain.001 file otherwise; settlement (webhooks, "executed" files) moves invoices to paid.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly invoices: InvoicesService,
    private readonly stripe: StripeGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Gathers the source's unpaid lines of issued invoices, nets each provider's credits against its
   * claims, and proposes one payment per provider with a positive net. Providers that cannot be paid
   * on the rail yet (no IBAN, no Stripe account) and negative nets stay outstanding for a later batch.
   */
  async createBatch(actor: Actor, dto: CreateBatchDto) {
    const batch = await this.db.transaction(async (m) => {
      const own = await ownPayerKeys(m, actor);
      if (own && !own.includes(dto.payerKey)) throw new AppError('FORBIDDEN');
      const { fundingSource, municipalityCode } = sourceOf(dto.payerKey);
      const rail = this.stripe.enabled ? 'stripe' : 'sepa';
      if (rail === 'sepa' && !(await m.getRepository(PayingAccount).exists({ where: { payerKey: dto.payerKey } })))
        throw new AppError('BILLING_BANK_DETAILS_MISSING', { payerKey: 'account' });
      const lines: { id: string; provider_organisation_id: string; amount_cents: string; iban: string | null; account_id: string | null }[] = await m.query(
        `SELECT cl.id, cl.provider_organisation_id, cl.amount_cents, pp.iban, sa.account_id
           FROM claim_line cl
           JOIN invoice i ON i.id = cl.invoice_id AND i.status IN ('approved', 'partly_paid')
           LEFT JOIN provider_profile pp ON pp.organisation_id = cl.provider_organisation_id
           LEFT JOIN stripe_account sa ON sa.provider_organisation_id = cl.provider_organisation_id
          WHERE cl.payer_key = $1 AND cl.payment_id IS NULL
          ORDER BY cl.id
          FOR UPDATE OF cl`,
        [dto.payerKey],
      );
      const payable = lines.filter((l) => (rail === 'sepa' ? l.iban && isValidIban(l.iban) : l.account_id));
      const { payments } = netPerProvider(
        payable.map((l) => ({ providerOrganisationId: l.provider_organisation_id, amountCents: Number(l.amount_cents), claimLineId: l.id })),
      );
      if (!payments.length) throw new AppError('BILLING_NOTHING_TO_PAY');
      const executionDate = dto.executionDate ?? addCalendarDays(rigaToday(), 2);
      const { identifiers } = await m.insert(PaymentBatch, {
        payerKey: dto.payerKey,
        fundingSource,
        municipalityCode,
        rail,
        executionDate,
        totalCents: addCents(...payments.map((p) => p.amountCents)),
        paymentCount: payments.length,
        createdByUserId: actor.userId,
      });
      const batchId = String(identifiers[0].id);
      for (const p of payments) {
        const iban = payable.find((l) => l.provider_organisation_id === p.providerOrganisationId)?.iban ?? null;
        const ins = await m.insert(Payment, { batchId, providerOrganisationId: p.providerOrganisationId, amountCents: p.amountCents, creditorIban: iban });
        await m.query(`UPDATE claim_line SET payment_id = $1 WHERE id = ANY($2::uuid[])`, [String(ins.identifiers[0].id), p.claimLineIds]);
      }
      await this.audit.record(m, actor, {
        action: 'payment_batch.created',
        subjectType: 'payment_batch',
        subjectId: batchId,
        details: { payerKey: dto.payerKey, rail, payments: payments.length },
      });
      return m.getRepository(PaymentBatch).findOneByOrFail({ id: batchId });
    });
    return batch;
  }

  /** Maker-checker: whoever created the batch may not approve it. A Stripe batch is then dispatched. */
  async approveBatch(actor: Actor, id: string) {
    const batch = await this.db.transaction(async (m) => {
      const b = await this.lockBatch(m, actor, id);
      if (!canMove(BATCH_TRANSITIONS, b.status, 'approved')) throw new AppError('BILLING_INVALID_TRANSITION');
      if (!mayApprove(b.createdByUserId, actor.userId)) throw new AppError('BILLING_MAKER_CHECKER');
      await m.update(PaymentBatch, { id }, { status: 'approved', approvedByUserId: actor.userId, approvedAt: new Date() });
      if (b.rail === 'stripe') await this.outbox.enqueue(m, QUEUES.billing, 'payment-batch-dispatch', `payment-batch-${id}`, { batchId: id });
      await this.audit.record(m, actor, { action: 'payment_batch.approved', subjectType: 'payment_batch', subjectId: id });
      return m.getRepository(PaymentBatch).findOneByOrFail({ id });
    });
    this.outbox.afterCommit();
    return batch;
  }

  /** The pain.001 file of an approved SEPA batch; producing it marks the batch and payments sent. */
  async sepaFile(actor: Actor, id: string): Promise<{ filename: string; body: string }> {
    return this.db.transaction(async (m) => {
      const b = await this.lockBatch(m, actor, id);
      if (b.rail !== 'sepa' || !['approved', 'sent', 'settled'].includes(b.status)) throw new AppError('BILLING_INVALID_TRANSITION');
      const account = await m.getRepository(PayingAccount).findOne({ where: { payerKey: b.payerKey } });
      if (!account) throw new AppError('BILLING_BANK_DETAILS_MISSING');
      const payments: { id: string; amount_cents: string; creditor_iban: string; name: string; numbers: string | null }[] = await m.query(
        `SELECT p.id, p.amount_cents, p.creditor_iban, o.name,
                (SELECT string_agg(DISTINCT i.number, ' ') FROM claim_line cl JOIN invoice i ON i.id = cl.invoice_id WHERE cl.payment_id = p.id) AS numbers
           FROM payment p JOIN organisation o ON o.id = p.provider_organisation_id WHERE p.batch_id = $1 ORDER BY p.id`,
        [id],
      );
      const body = buildPain001({
        batchId: b.id,
        createdAt: b.approvedAt ?? b.createdAt,
        executionDate: b.executionDate,
        initiatingParty: 'Lidz.Vertigs',
        debtor: { name: account.name, iban: account.iban, bic: account.bic },
        transfers: payments.map((p) => ({
          paymentId: p.id,
          amountCents: Number(p.amount_cents),
          creditorName: p.name,
          creditorIban: p.creditor_iban,
          remittance: `Lidz.Vertigs ${p.numbers ?? ''}`.trim(),
        })),
      });
      if (b.status === 'approved') {
        await m.update(PaymentBatch, { id }, { status: 'sent', sentAt: new Date() });
        await m.query(`UPDATE payment SET status = 'sent', updated_at = now() WHERE batch_id = $1 AND status = 'pending'`, [id]);
      }
      await this.audit.record(m, actor, { action: 'payment_batch.sepa_file', subjectType: 'payment_batch', subjectId: id });
      return { filename: `pain001-${b.payerKey.replace(':', '-')}-${b.id.slice(0, 8)}.xml`, body };
    });
  }

  /** The bank executed the file: its payments are paid, their invoices settle. */
  async markExecuted(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const b = await this.lockBatch(m, actor, id);
      if (b.rail !== 'sepa' || !canMove(BATCH_TRANSITIONS, b.status, 'settled')) throw new AppError('BILLING_INVALID_TRANSITION');
      const payments = await m.getRepository(Payment).find({ where: { batchId: id } });
      for (const p of payments) await this.movePayment(m, p, 'paid');
      await m.update(PaymentBatch, { id }, { status: 'settled', settledAt: new Date() });
      await this.audit.record(m, actor, { action: 'payment_batch.executed', subjectType: 'payment_batch', subjectId: id });
      return m.getRepository(PaymentBatch).findOneByOrFail({ id });
    });
  }

  /**
   * The bank's camt.054 debit notification for a sent SEPA file: each booked transaction whose
   * end-to-end id and amount match a payment of the batch settles it; anything else is reported back.
   */
  async importCamt054(actor: Actor, id: string, xml: unknown) {
    if (typeof xml !== 'string' || !xml.trim()) throw new AppError('VALIDATION_FAILED', { xml: 'isNotEmpty' });
    let doc: XmlElement;
    try {
      doc = parseXml(xml);
    } catch (e) {
      if (e instanceof XmlParseError) throw new AppError('VALIDATION_FAILED', { xml: 'isXml' });
      throw e;
    }
    const entries: XmlElement[] = [];
    const walk = (n: XmlElement) => (n.local === 'TxDtls' ? entries.push(n) : n.children.forEach(walk));
    walk(doc);
    return this.db.transaction(async (m) => {
      const b = await this.lockBatch(m, actor, id);
      if (b.rail !== 'sepa' || b.status !== 'sent') throw new AppError('BILLING_INVALID_TRANSITION');
      const payments = await m.getRepository(Payment).find({ where: { batchId: id } });
      const byE2e = new Map(payments.map((p) => [endToEndId(p.id), p]));
      const settled: string[] = [];
      const unmatched: { endToEndId: string | null; amount: string | null }[] = [];
      for (const tx of entries) {
        const e2e = tx.children.find((c) => c.local === 'Refs')?.children.find((c) => c.local === 'EndToEndId')?.text ?? null;
        const amt = findDeep(tx, 'Amt')?.text ?? null;
        const p = e2e ? byE2e.get(e2e) : undefined;
        if (!p || amt === null || !sameAmount(amt, p.amountCents)) {
          unmatched.push({ endToEndId: e2e, amount: amt });
          continue;
        }
        if (await this.movePayment(m, p, 'paid')) settled.push(p.id);
      }
      await this.audit.record(m, actor, {
        action: 'payment_batch.camt054',
        subjectType: 'payment_batch',
        subjectId: id,
        details: { settled: settled.length, unmatched: unmatched.length },
      });
      const batch = await m.getRepository(PaymentBatch).findOneByOrFail({ id });
      return { batchStatus: batch.status, settled, unmatched };
    });
  }

  /** The job for an approved Stripe batch: one transfer per payment, keyed by the payment id. */
  async dispatchStripeBatch(batchId: string): Promise<void> {
    const payments: { id: string; amount_cents: string; account_id: string | null; status: PaymentStatus; numbers: string | null }[] = await this.db.query(
      `SELECT p.id, p.amount_cents, sa.account_id, p.status,
              (SELECT string_agg(DISTINCT i.number, ' ') FROM claim_line cl JOIN invoice i ON i.id = cl.invoice_id WHERE cl.payment_id = p.id) AS numbers
         FROM payment p LEFT JOIN stripe_account sa ON sa.provider_organisation_id = p.provider_organisation_id WHERE p.batch_id = $1 ORDER BY p.id`,
      [batchId],
    );
    for (const p of payments) {
      if (p.status !== 'pending') continue;
      if (!p.account_id) throw new AppError('STRIPE_ACCOUNT_MISSING');
      // the same payment id always yields the same transfer, so a retried job never pays twice
      const transferId = await this.stripe.createTransfer({
        paymentId: p.id,
        batchId,
        amountCents: Number(p.amount_cents),
        destination: p.account_id,
        description: `Līdz.Vērtīgs ${p.numbers ?? ''}`.trim(),
      });
      await this.db.query(`UPDATE payment SET stripe_transfer_id = $2, status = 'sent', updated_at = now() WHERE id = $1 AND status = 'pending'`, [
        p.id,
        transferId,
      ]);
    }
    await this.db.query(`UPDATE payment_batch SET status = 'sent', sent_at = now(), updated_at = now() WHERE id = $1 AND status = 'approved'`, [batchId]);
    log('info', 'billing.stripe_batch_sent', { batchId, payments: payments.length });
  }

  /** Moves a payment along its lifecycle; a failed or reversed payment's lines become outstanding again. */
  async movePayment(m: EntityManager, p: Payment, to: PaymentStatus, reason?: string): Promise<boolean> {
    if (p.status === to || !canMove(PAYMENT_TRANSITIONS, p.status, to)) return false;
    await m.update(Payment, { id: p.id }, { status: to, paidAt: to === 'paid' ? new Date() : p.paidAt, failureReason: reason ?? p.failureReason });
    const touched: { invoice_id: string }[] = await m.query(`SELECT DISTINCT invoice_id FROM claim_line WHERE payment_id = $1 AND invoice_id IS NOT NULL`, [
      p.id,
    ]);
    if (to === 'failed' || to === 'reversed') await m.query(`UPDATE claim_line SET payment_id = NULL WHERE payment_id = $1`, [p.id]);
    await this.invoices.refreshSettlement(
      m,
      touched.map((t) => t.invoice_id),
    );
    await this.settleBatchIfDone(m, p.batchId);
    return true;
  }

  private async settleBatchIfDone(m: EntityManager, batchId: string): Promise<void> {
    await m.query(
      `UPDATE payment_batch SET status = 'settled', settled_at = now() WHERE id = $1 AND status = 'sent'
         AND NOT EXISTS (SELECT 1 FROM payment WHERE batch_id = $1 AND status IN ('pending', 'sent'))`,
      [batchId],
    );
  }

  async listBatches(actor: Actor, query: Record<string, unknown>): Promise<{ rows: PaymentBatch[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, BATCH_LIST);
    const qb = this.db.getRepository(PaymentBatch).createQueryBuilder('b');
    const own = await ownPayerKeys(this.db.manager, actor);
    if (own) qb.where('b.payer_key IN (:...own)', { own: own.length ? own : ['-'] });
    for (const k of BATCH_LIST.filters) {
      const val = q.filter[k];
      if (val === undefined) continue;
      const col = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      qb.andWhere(`b.${col}::text IN (:...${k})`, { [k]: [val].flat().map(String) });
    }
    const [rows, total] = await qb.orderBy(`b.${q.sortField}`, q.sortOrder).addOrderBy('b.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    return { rows, total, q };
  }

  async getBatch(actor: Actor, id: string) {
    const b = await this.lockBatch(this.db.manager, actor, id, false);
    const payments: unknown[] = await this.db.query(
      `SELECT p.id, p.provider_organisation_id AS "providerOrganisationId", o.name AS "providerName", p.amount_cents::float8 AS "amountCents", p.status, p.creditor_iban AS "creditorIban",
              p.stripe_transfer_id AS "stripeTransferId", p.failure_reason AS "failureReason", p.paid_at AS "paidAt"
         FROM payment p JOIN organisation o ON o.id = p.provider_organisation_id WHERE p.batch_id = $1 ORDER BY o.name, p.id`,
      [id],
    );
    return { ...b, payments };
  }

  /** Payments: providers see their own, the back office all (officers: their municipality's). */
  async listPayments(actor: Actor, query: Record<string, unknown>): Promise<{ rows: unknown[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, PAYMENT_LIST);
    const qb = this.db
      .getRepository(Payment)
      .createQueryBuilder('p')
      .innerJoin('p.batch', 'b')
      .leftJoin('p.provider', 'o')
      .addSelect(['b.payerKey', 'b.rail', 'b.executionDate', 'o.name']);
    if (actor.role === 'provider_admin') qb.where('p.provider_organisation_id = :org', { org: actor.organisationId });
    else {
      const own = await ownPayerKeys(this.db.manager, actor);
      if (own) qb.where('b.payer_key IN (:...own)', { own: own.length ? own : ['-'] });
    }
    for (const k of PAYMENT_LIST.filters) {
      const val = q.filter[k];
      if (val === undefined) continue;
      const col = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      qb.andWhere(`p.${col}::text IN (:...${k})`, { [k]: [val].flat().map(String) });
    }
    const [rows, total] = await qb.orderBy(`p.${q.sortField}`, q.sortOrder).addOrderBy('p.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    return {
      rows: rows.map((p) => ({
        id: p.id,
        batchId: p.batchId,
        providerOrganisationId: p.providerOrganisationId,
        providerName: p.provider?.name ?? null,
        payerKey: p.batch?.payerKey ?? null,
        rail: p.batch?.rail ?? null,
        executionDate: p.batch?.executionDate ?? null,
        amountCents: p.amountCents,
        status: p.status,
        paidAt: p.paidAt,
        failureReason: p.failureReason,
        createdAt: p.createdAt,
      })),
      total,
      q,
    };
  }

  /** Provider onboarding to Stripe Connect: the account is created once, a fresh link every time. */
  async stripeOnboarding(actor: Actor, returnUrl?: string): Promise<{ accountId: string; url: string }> {
    if (!this.stripe.enabled) throw new AppError('STRIPE_NOT_CONFIGURED');
    const [org]: { name: string }[] = await this.db.query(`SELECT name FROM organisation WHERE id = $1 AND kind = 'provider'`, [actor.organisationId]);
    if (!org) throw new AppError('FORBIDDEN');
    let account = await this.db.getRepository(StripeAccount).findOne({ where: { providerOrganisationId: actor.organisationId } });
    if (!account) {
      const [profile]: { contact_email: string | null }[] = await this.db.query(`SELECT contact_email FROM provider_profile WHERE organisation_id = $1`, [
        actor.organisationId,
      ]);
      const accountId = await this.stripe.createConnectedAccount(actor.organisationId, profile?.contact_email ?? null, org.name);
      await this.db.query(
        `INSERT INTO stripe_account (provider_organisation_id, account_id) VALUES ($1, $2) ON CONFLICT (provider_organisation_id) DO NOTHING`,
        [actor.organisationId, accountId],
      );
      account = await this.db.getRepository(StripeAccount).findOneByOrFail({ providerOrganisationId: actor.organisationId });
      await this.db.transaction((m) =>
        this.audit.record(m, actor, { action: 'stripe.account_created', subjectType: 'organisation', subjectId: actor.organisationId }),
      );
    }
    const back = returnUrl && returnUrl.startsWith(this.config.publicUrl) ? returnUrl : `${this.config.publicUrl}/portal/#/payments`;
    const url = await this.stripe.createOnboardingLink(account.accountId, back, back);
    return { accountId: account.accountId, url };
  }

  async stripeStatus(actor: Actor) {
    const account = await this.db.getRepository(StripeAccount).findOne({ where: { providerOrganisationId: actor.organisationId } });
    return {
      enabled: this.stripe.enabled,
      accountId: account?.accountId ?? null,
      payoutsEnabled: account?.payoutsEnabled ?? false,
      detailsSubmitted: account?.detailsSubmitted ?? false,
    };
  }

  private async lockBatch(m: EntityManager, actor: Actor, id: string, lock = true): Promise<PaymentBatch> {
    const b = await m.getRepository(PaymentBatch).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const own = await ownPayerKeys(m, actor);
    if (!b || (own && !own.includes(b.payerKey))) throw new AppError('NOT_FOUND');
    return b;
  }
}

function findDeep(n: XmlElement, local: string): XmlElement | undefined {
  for (const c of n.children) {
    if (c.local === local) return c;
    const deeper = findDeep(c, local);
    if (deeper) return deeper;
  }
  return undefined;
}

function sameAmount(text: string, cents: number): boolean {
  try {
    return parseEuros(text) === cents;
  } catch {
    return false;
  }
}
