/**
 * Sums that must add up to the cent: invoice totals per funding source, what a payment batch pays each
 * provider after credits, and the reconciliation equality of a period.
 */
import { addCents, FUNDING_SOURCES, type Cents, type FundingSource } from '@lidz/libs';

export interface SourcedAmount {
  fundingSource: FundingSource;
  amountCents: Cents;
}

export interface SourceTotal {
  fundingSource: FundingSource;
  lineCount: number;
  totalCents: Cents;
}

/** Per-source totals in the vocabulary's order; they add up to `totalCents` exactly. */
export function totalsBySource(lines: SourcedAmount[]): { bySource: SourceTotal[]; totalCents: Cents } {
  const bySource: SourceTotal[] = [];
  for (const source of FUNDING_SOURCES) {
    const mine = lines.filter((l) => l.fundingSource === source);
    if (mine.length) bySource.push({ fundingSource: source, lineCount: mine.length, totalCents: addCents(...mine.map((l) => l.amountCents)) });
  }
  const unknown = lines.filter((l) => !FUNDING_SOURCES.includes(l.fundingSource));
  if (unknown.length) throw new Error('line with an unknown funding source');
  return { bySource, totalCents: addCents(0, ...lines.map((l) => l.amountCents)) };
}

export interface PayableLine {
  providerOrganisationId: string;
  amountCents: Cents;
  claimLineId: string;
}

export interface ProviderPayment {
  providerOrganisationId: string;
  amountCents: Cents;
  claimLineIds: string[];
}

/**
 * What one batch pays each provider: its unpaid lines netted with its credits. A provider whose credits
 * exceed its claims gets nothing now; its lines stay outstanding and are deducted from a later payment.
 */
export function netPerProvider(lines: PayableLine[]): { payments: ProviderPayment[]; carriedOver: ProviderPayment[] } {
  const byProvider = new Map<string, PayableLine[]>();
  for (const l of lines) byProvider.set(l.providerOrganisationId, [...(byProvider.get(l.providerOrganisationId) ?? []), l]);
  const payments: ProviderPayment[] = [];
  const carriedOver: ProviderPayment[] = [];
  for (const [providerOrganisationId, mine] of [...byProvider.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const p = { providerOrganisationId, amountCents: addCents(...mine.map((l) => l.amountCents)), claimLineIds: mine.map((l) => l.claimLineId).sort() };
    (p.amountCents > 0 ? payments : carriedOver).push(p);
  }
  return { payments, carriedOver };
}

export interface ReconciliationFigures {
  /** spend movements minus reverse movements of claim lines on the ledger */
  ledgerNetSpendCents: Cents;
  claimLinesCents: Cents;
  invoicedCents: Cents;
  /** claim lines not yet on an approved invoice */
  uninvoicedCents: Cents;
  paidCents: Cents;
  /** invoiced but not (yet) in a paid payment */
  outstandingCents: Cents;
}

export interface ReconciliationCheck {
  name: 'ledger_vs_claims' | 'claims_vs_invoices' | 'invoices_vs_payments';
  leftCents: Cents;
  rightCents: Cents;
  differenceCents: Cents;
}

/** The period's equality: spend = claim lines = invoices (+ not yet invoiced) = payments + outstanding. */
export function reconcile(f: ReconciliationFigures): { balanced: boolean; checks: ReconciliationCheck[] } {
  const check = (name: ReconciliationCheck['name'], left: Cents, right: Cents): ReconciliationCheck => ({
    name,
    leftCents: left,
    rightCents: right,
    differenceCents: left - right,
  });
  const checks = [
    check('ledger_vs_claims', f.ledgerNetSpendCents, f.claimLinesCents),
    check('claims_vs_invoices', f.claimLinesCents, addCents(f.invoicedCents, f.uninvoicedCents)),
    check('invoices_vs_payments', f.invoicedCents, addCents(f.paidCents, f.outstandingCents)),
  ];
  return { balanced: checks.every((c) => c.differenceCents === 0), checks };
}
