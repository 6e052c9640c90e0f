import {
  BATCH_STATUSES,
  BATCH_TRANSITIONS,
  canMove,
  formatInvoiceNumber,
  INVOICE_STATUSES,
  INVOICE_TRANSITIONS,
  invoiceStatusFromSettlement,
  mayApprove,
  PAYMENT_STATUSES,
  PAYMENT_TRANSITIONS,
  RUN_STATUSES,
  RUN_TRANSITIONS,
} from './lifecycle.rules';

/** Every edge of a table: the allowed ones listed, every other pair forbidden. */
function edges<S extends string>(statuses: readonly S[], allowed: [NoInfer<S>, NoInfer<S>][]) {
  return statuses.flatMap((from) => statuses.map((to) => [from, to, allowed.some(([a, b]) => a === from && b === to)] as [S, S, boolean]));
}

describe('billing lifecycles', () => {
  describe('invoice', () => {
    it.each(
      edges(INVOICE_STATUSES, [
        ['draft', 'approved'],
        ['approved', 'partly_paid'],
        ['approved', 'paid'],
        ['approved', 'closed'],
        ['partly_paid', 'paid'],
        ['paid', 'closed'],
      ]),
    )('%s → %s allowed: %s', (from, to, ok) => expect(canMove(INVOICE_TRANSITIONS, from, to)).toBe(ok));
  });

  describe('billing run', () => {
    it.each(
      edges(RUN_STATUSES, [
        ['queued', 'running'],
        ['queued', 'failed'],
        ['running', 'running'],
        ['running', 'completed'],
        ['running', 'failed'],
        ['failed', 'running'],
      ]),
    )('%s → %s allowed: %s', (from, to, ok) => expect(canMove(RUN_TRANSITIONS, from, to)).toBe(ok));
  });

  describe('payment batch', () => {
    it.each(
      edges(BATCH_STATUSES, [
        ['draft', 'approved'],
        ['draft', 'cancelled'],
        ['approved', 'sent'],
        ['sent', 'settled'],
      ]),
    )('%s → %s allowed: %s', (from, to, ok) => expect(canMove(BATCH_TRANSITIONS, from, to)).toBe(ok));
  });

  describe('payment', () => {
    it.each(
      edges(PAYMENT_STATUSES, [
        ['pending', 'sent'],
        ['pending', 'failed'],
        ['sent', 'paid'],
        ['sent', 'failed'],
        ['sent', 'reversed'],
        ['paid', 'reversed'],
      ]),
    )('%s → %s allowed: %s', (from, to, ok) => expect(canMove(PAYMENT_TRANSITIONS, from, to)).toBe(ok));
  });

  it.each([
    ['u1', 'u2', true],
    ['u1', 'u1', false],
    [null, 'u2', false],
    ['u1', '00000000-0000-0000-0000-000000000000', false],
  ] as const)('maker %s, checker %s may approve: %s', (maker, checker, ok) => expect(mayApprove(maker, checker)).toBe(ok));

  it.each([
    ['approved', 3, 0, 'approved'],
    ['approved', 3, 1, 'partly_paid'],
    ['approved', 3, 3, 'paid'],
    ['partly_paid', 3, 3, 'paid'],
    ['draft', 3, 3, 'draft'],
    ['closed', 3, 3, 'closed'],
  ] as const)('invoice %s with %i lines, %i settled → %s', (from, total, settled, to) => expect(invoiceStatusFromSettlement(from, total, settled)).toBe(to));

  it.each([
    ['40008000001', 1, '40008000001-000001'],
    ['40008000001', 123456, '40008000001-123456'],
    ['SIA "Runa"', 7, 'SIARUNA-000007'],
    ['', 2, 'P-000002'],
  ])('invoice number of %j #%i = %s', (code, seq, expected) => expect(formatInvoiceNumber(code, seq)).toBe(expected));

  it('refuses a sequence that is not a positive whole number', () => {
    expect(() => formatInvoiceNumber('X', 0)).toThrow();
    expect(() => formatInvoiceNumber('X', 1.5)).toThrow();
  });
});
