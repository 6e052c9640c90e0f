import { Injectable } from '@nestjs/common';
import type { FundingSource } from '@lidz/libs';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { addCalendarDays, rigaToday } from '../cases/working-days.rules';
import { monthBounds } from './claim.rules';
import { renderInvoicePdf } from './documents/invoice-pdf';
import { buildUblInvoice } from './documents/ubl';
import { Invoice } from './entities/invoice.entity';
import { canMove, formatInvoiceNumber, INVOICE_TRANSITIONS, invoiceStatusFromSettlement, mayApprove } from './lifecycle.rules';
import { INVOICE_PDF_LABELS } from './messages';
import { totalsBySource } from './totals.rules';

export const INVOICE_LIST = {
  sortable: ['createdAt', 'month', 'status', 'totalCents', 'number'],
  defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'],
  filters: ['month', 'status', 'providerOrganisationId', 'id', 'runId'],
};

/** The programme's administering body: the buyer named on every e-invoice. */
export const PROGRAMME_BUYER = { name: 'Līdz.Vērtīgs programma (Labklājības ministrija)', registrationNumber: '90000022399', countryCode: 'LV', city: 'Rīga' };

interface LineRow {
  id: string;
  kind: 'claim' | 'credit';
  visit_id: string;
  child_id: string;
  child_name: string;
  service_code: string;
  service_name_lv: string;
  service_name_en: string;
  service_date: string;
  funding_source: FundingSource;
  payer_key: string;
  billed_minutes: number;
  participants: number;
  amount_cents: string;
  payment_id: string | null;
  payment_status: string | null;
}

/** Who sees which invoice: providers their own issued ones; the back office all of them. */
function visibleWhere(actor: Actor, alias: string): { sql: string; params: unknown[] } {
  if (actor.role === 'provider_admin') return { sql: `${alias}.provider_organisation_id = $1 AND ${alias}.status <> 'draft'`, params: [actor.organisationId] };
  if (['platform_admin', 'municipality_officer', 'ministry_analyst'].includes(actor.role)) return { sql: 'TRUE', params: [] };
  return { sql: 'FALSE', params: [] };
}

/** Child names on lines only for those who may see the child: the platform admin and the provider. */
const seesChildren = (actor: Actor) => actor.role === 'platform_admin' || actor.role === 'provider_admin';

@Injectable()
export class InvoicesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: unknown[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, INVOICE_LIST);
    const qb = this.db.getRepository(Invoice).createQueryBuilder('i').leftJoin('i.provider', 'p').addSelect(['p.name', 'p.code']);
    const v = visibleWhere(actor, 'i');
    if (v.params.length) qb.where(`i.provider_organisation_id = :org AND i.status <> 'draft'`, { org: v.params[0] });
    else qb.where(v.sql);
    for (const k of INVOICE_LIST.filters) {
      const val = q.filter[k];
      if (val === undefined) continue;
      const col = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      qb.andWhere(`i.${col}::text IN (:...${k})`, { [k]: [val].flat().map(String) });
    }
    const [rows, total] = await qb.orderBy(`i.${q.sortField}`, q.sortOrder).addOrderBy('i.id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    return { rows: rows.map((r) => this.header(r)), total, q };
  }

  async get(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const inv = await this.findVisible(m, actor, id);
      const lines = await this.lines(m, id);
      await this.audit.record(m, actor, {
        action: 'invoice.read',
        subjectType: 'invoice',
        subjectId: id,
        details: { lines: lines.length, children: seesChildren(actor) },
      });
      const { bySource } = totalsBySource(lines.map((l) => ({ fundingSource: l.funding_source, amountCents: Number(l.amount_cents) })));
      const show = seesChildren(actor);
      return {
        ...this.header(inv),
        bySource,
        paidCents: lines.filter((l) => l.payment_status === 'paid').reduce((s, l) => s + Number(l.amount_cents), 0),
        lines: lines.map((l) => ({
          id: l.id,
          kind: l.kind,
          visitId: l.visit_id,
          childId: show ? l.child_id : null,
          childName: show ? l.child_name : null,
          serviceCode: l.service_code,
          serviceDate: l.service_date,
          fundingSource: l.funding_source,
          payerKey: l.payer_key,
          billedMinutes: l.billed_minutes,
          participants: l.participants,
          amountCents: Number(l.amount_cents),
          paymentId: l.payment_id,
          paymentStatus: l.payment_status,
        })),
      };
    });
  }

  /**
   * Maker-checker approval: nobody who started a run that put lines on the invoice may approve it.
   * Approval takes the provider's next number (the sequence row is locked until commit, so numbers
   * have no gaps even when approvals race) and freezes the invoice.
   */
  async approve(actor: Actor, id: string) {
    const approved = await this.db.transaction(async (m) => {
      const inv = await m.getRepository(Invoice).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inv || visibleWhere(actor, 'i').sql === 'FALSE') throw new AppError('NOT_FOUND');
      if (!canMove(INVOICE_TRANSITIONS, inv.status, 'approved')) throw new AppError('BILLING_INVALID_TRANSITION');
      if (inv.lineCount === 0) throw new AppError('BILLING_INVALID_TRANSITION');
      const makers: { user_id: string | null }[] = await m.query(
        `SELECT DISTINCT r.started_by_user_id AS user_id FROM claim_line cl JOIN billing_run r ON r.id = cl.run_id WHERE cl.invoice_id = $1
         UNION SELECT maker_user_id FROM invoice WHERE id = $1`,
        [id],
      );
      if (makers.some((mk) => !mayApprove(mk.user_id, actor.userId))) throw new AppError('BILLING_MAKER_CHECKER');
      const [seq]: { last_number: number }[] = await m.query(
        `INSERT INTO invoice_sequence (provider_organisation_id, last_number) VALUES ($1, 1)
         ON CONFLICT (provider_organisation_id) DO UPDATE SET last_number = invoice_sequence.last_number + 1 RETURNING last_number`,
        [inv.providerOrganisationId],
      );
      const [org]: { code: string | null }[] = await m.query(`SELECT code FROM organisation WHERE id = $1`, [inv.providerOrganisationId]);
      const issueDate = rigaToday();
      const number = formatInvoiceNumber(org?.code ?? '', seq.last_number);
      await m.update(
        Invoice,
        { id },
        {
          status: 'approved',
          sequence: seq.last_number,
          number,
          issueDate,
          dueDate: addCalendarDays(issueDate, 30),
          approvedByUserId: actor.userId,
          approvedAt: new Date(),
        },
      );
      await this.audit.record(m, actor, { action: 'invoice.approved', subjectType: 'invoice', subjectId: id, details: { number, totalCents: inv.totalCents } });
      return m.getRepository(Invoice).findOneOrFail({ where: { id }, relations: { provider: true } });
    });
    return this.header(approved);
  }

  async pdf(actor: Actor, id: string, locale: 'lv' | 'en'): Promise<{ filename: string; body: Buffer }> {
    return this.db.transaction(async (m) => {
      const inv = await this.findVisible(m, actor, id);
      if (!seesChildren(actor) && actor.role !== 'municipality_officer') throw new AppError('FORBIDDEN');
      const lines = await this.lines(m, id);
      const show = seesChildren(actor);
      const { bySource, totalCents } = totalsBySource(lines.map((l) => ({ fundingSource: l.funding_source, amountCents: Number(l.amount_cents) })));
      const { from, to } = monthBounds(inv.month);
      const body = renderInvoicePdf(
        {
          number: inv.number,
          issueDate: inv.issueDate,
          periodStart: from,
          periodEnd: addCalendarDays(to, -1),
          seller: inv.provider?.name ?? '',
          sellerCode: inv.provider?.code ?? '',
          buyer: PROGRAMME_BUYER.name,
          lines: lines.map((l) => ({
            date: l.service_date,
            service: locale === 'en' ? l.service_name_en : l.service_name_lv,
            child: show ? l.child_name : '—',
            source: l.funding_source,
            amountCents: Number(l.amount_cents),
            credit: l.kind === 'credit',
          })),
          bySource,
          totalCents,
        },
        INVOICE_PDF_LABELS[locale],
      );
      await this.audit.record(m, actor, { action: 'invoice.pdf', subjectType: 'invoice', subjectId: id });
      return { filename: `${inv.number ?? `draft-${inv.id.slice(0, 8)}`}.pdf`, body };
    });
  }

  /** The Peppol e-invoice exists only for an issued (approved) invoice: a draft has no number. */
  async ubl(actor: Actor, id: string): Promise<{ filename: string; body: string }> {
    return this.db.transaction(async (m) => {
      const inv = await this.findVisible(m, actor, id);
      if (!inv.number || !inv.issueDate || !inv.dueDate) throw new AppError('BILLING_NOT_ISSUED');
      const lines = await this.lines(m, id);
      const [profile]: { iban: string | null; registration_number: string | null }[] = await m.query(
        `SELECT iban, registration_number FROM provider_profile WHERE organisation_id = $1`,
        [inv.providerOrganisationId],
      );
      const { from, to } = monthBounds(inv.month);
      const body = buildUblInvoice({
        number: inv.number,
        issueDate: inv.issueDate,
        dueDate: inv.dueDate,
        periodStart: from,
        periodEnd: addCalendarDays(to, -1),
        buyerReference: `LIDZ-${inv.month}`,
        seller: { name: inv.provider?.name ?? '', registrationNumber: profile?.registration_number ?? inv.provider?.code ?? '', countryCode: 'LV' },
        buyer: PROGRAMME_BUYER,
        payeeIban: profile?.iban ?? null,
        lines: lines.map((l) => ({
          id: l.id,
          name: l.service_name_lv,
          description: `${l.kind === 'credit' ? 'Kredīts: ' : ''}${l.service_code} ${l.service_date}, ${l.billed_minutes} min${l.participants > 1 ? `, 1/${l.participants}` : ''}`,
          fundingSource: l.payer_key,
          amountCents: Number(l.amount_cents),
          serviceDate: l.service_date,
        })),
      });
      await this.audit.record(m, actor, { action: 'invoice.ubl', subjectType: 'invoice', subjectId: id });
      return { filename: `${inv.number}.xml`, body };
    });
  }

  /** After a payment settles: each touched invoice moves to partly paid or paid. */
  async refreshSettlement(m: EntityManager, invoiceIds: string[]): Promise<void> {
    for (const id of [...new Set(invoiceIds)]) {
      const inv = await m.getRepository(Invoice).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inv) continue;
      const [c]: { total: number; settled: number }[] = await m.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.status = 'paid')::int AS settled FROM claim_line cl LEFT JOIN payment p ON p.id = cl.payment_id WHERE cl.invoice_id = $1`,
        [id],
      );
      const next = invoiceStatusFromSettlement(inv.status, c.total, c.settled);
      if (next !== inv.status && canMove(INVOICE_TRANSITIONS, inv.status, next)) await m.update(Invoice, { id }, { status: next });
    }
  }

  private async findVisible(m: EntityManager, actor: Actor, id: string): Promise<Invoice> {
    const v = visibleWhere(actor, 'i');
    const rows: { id: string }[] = await m.query(`SELECT i.id FROM invoice i WHERE i.id = $${v.params.length + 1} AND ${v.sql}`, [...v.params, id]);
    if (!rows.length) throw new AppError('NOT_FOUND');
    return m.getRepository(Invoice).findOneOrFail({ where: { id }, relations: { provider: true } });
  }

  private lines(m: EntityManager, invoiceId: string): Promise<LineRow[]> {
    return m.query(
      `SELECT cl.id, cl.kind, cl.visit_id, cl.child_id, ch.first_name || ' ' || ch.last_name AS child_name, cl.service_code, s.name_lv AS service_name_lv, s.name_en AS service_name_en,
              to_char(cl.service_date, 'YYYY-MM-DD') AS service_date, cl.funding_source, cl.payer_key, cl.billed_minutes, cl.participants, cl.amount_cents, cl.payment_id, p.status AS payment_status
         FROM claim_line cl JOIN child ch ON ch.id = cl.child_id JOIN catalogue_service s ON s.code = cl.service_code LEFT JOIN payment p ON p.id = cl.payment_id
        WHERE cl.invoice_id = $1 ORDER BY cl.service_date, cl.kind, cl.id`,
      [invoiceId],
    );
  }

  private header(i: Invoice) {
    return {
      id: i.id,
      providerOrganisationId: i.providerOrganisationId,
      providerName: i.provider?.name ?? null,
      month: i.month,
      status: i.status,
      number: i.number,
      totalCents: i.totalCents,
      lineCount: i.lineCount,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      runId: i.runId,
      makerUserId: i.makerUserId,
      approvedByUserId: i.approvedByUserId,
      approvedAt: i.approvedAt,
      createdAt: i.createdAt,
    };
  }
}
