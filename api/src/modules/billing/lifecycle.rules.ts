/**
 * The lifecycles of billing as transition tables (CONVENTIONS: every allowed and every forbidden edge
 * is listed in the spec). Invoices are never edited after approval: corrections are credit lines on a
 * later invoice, and settlement only moves the status forward.
 */

export const INVOICE_STATUSES = ['draft', 'approved', 'partly_paid', 'paid', 'closed'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_TRANSITIONS: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['approved'],
  approved: ['partly_paid', 'paid', 'closed'],
  partly_paid: ['paid'],
  paid: ['closed'],
  closed: [],
};

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_TRANSITIONS: Record<RunStatus, readonly RunStatus[]> = {
  queued: ['running', 'failed'],
  // a crashed worker leaves a run 'running'; the retried job picks it up again from there
  running: ['running', 'completed', 'failed'],
  completed: [],
  failed: ['running'],
};

export const BATCH_STATUSES = ['draft', 'approved', 'sent', 'settled', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_TRANSITIONS: Record<BatchStatus, readonly BatchStatus[]> = {
  draft: ['approved', 'cancelled'],
  approved: ['sent'],
  sent: ['settled'],
  settled: [],
  cancelled: [],
};

export const PAYMENT_STATUSES = ['pending', 'sent', 'paid', 'failed', 'reversed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['sent', 'failed'],
  sent: ['paid', 'failed', 'reversed'],
  paid: ['reversed'],
  failed: [],
  reversed: [],
};

export function canMove<S extends string>(table: Record<S, readonly S[]>, from: S, to: S): boolean {
  return table[from]?.includes(to) ?? false;
}

/**
 * Maker-checker: the person who started the billing run (or created the batch) may not approve what it
 * produced. A platform process (no user) can never approve.
 */
export function mayApprove(makerUserId: string | null, checkerUserId: string): boolean {
  return makerUserId !== null && checkerUserId !== makerUserId && checkerUserId !== '00000000-0000-0000-0000-000000000000';
}

/**
 * An invoice's status from what has been paid against it. Payments net credit lines, so "paid" means
 * every line (positive or negative) is settled in a paid payment.
 */
export function invoiceStatusFromSettlement(current: InvoiceStatus, linesTotal: number, linesSettled: number): InvoiceStatus {
  if (current === 'draft' || current === 'closed') return current;
  if (linesSettled === 0) return current === 'approved' ? 'approved' : current;
  return linesSettled >= linesTotal ? 'paid' : 'partly_paid';
}

/** Gap-free invoice numbers per provider: the provider's code and a running sequence. */
export function formatInvoiceNumber(providerCode: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error('sequence must be a positive whole number');
  const prefix =
    providerCode
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 20)
      .toUpperCase() || 'P';
  return `${prefix}-${String(sequence).padStart(6, '0')}`;
}
