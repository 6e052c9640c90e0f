import { netPerProvider, reconcile, totalsBySource } from './totals.rules';

describe('billing totals', () => {
  it('totals per source add up to the invoice total, in vocabulary order', () => {
    const r = totalsBySource([
      { fundingSource: 'VM', amountCents: 1333 },
      { fundingSource: 'LM', amountCents: 3500 },
      { fundingSource: 'VM', amountCents: 1334 },
      { fundingSource: 'LM', amountCents: -3500 },
      { fundingSource: 'MUNICIPALITY', amountCents: 1 },
    ]);
    expect(r.bySource).toEqual([
      { fundingSource: 'LM', lineCount: 2, totalCents: 0 },
      { fundingSource: 'VM', lineCount: 2, totalCents: 2667 },
      { fundingSource: 'MUNICIPALITY', lineCount: 1, totalCents: 1 },
    ]);
    expect(r.totalCents).toBe(2668);
    expect(r.bySource.reduce((s, b) => s + b.totalCents, 0)).toBe(r.totalCents);
  });

  it('an empty invoice totals zero', () => expect(totalsBySource([])).toEqual({ bySource: [], totalCents: 0 }));

  it('refuses a fractional cent', () => expect(() => totalsBySource([{ fundingSource: 'LM', amountCents: 0.5 }])).toThrow());

  it('nets credits into a provider’s payment and carries a negative net over', () => {
    const { payments, carriedOver } = netPerProvider([
      { providerOrganisationId: 'a', amountCents: 3500, claimLineId: 'l1' },
      { providerOrganisationId: 'a', amountCents: -1000, claimLineId: 'l2' },
      { providerOrganisationId: 'b', amountCents: 500, claimLineId: 'l3' },
      { providerOrganisationId: 'b', amountCents: -800, claimLineId: 'l4' },
      { providerOrganisationId: 'c', amountCents: 0, claimLineId: 'l5' },
    ]);
    expect(payments).toEqual([{ providerOrganisationId: 'a', amountCents: 2500, claimLineIds: ['l1', 'l2'] }]);
    expect(carriedOver.map((p) => [p.providerOrganisationId, p.amountCents])).toEqual([
      ['b', -300],
      ['c', 0],
    ]);
  });

  it('reconciles a balanced period and reports each difference to the cent', () => {
    const ok = reconcile({
      ledgerNetSpendCents: 10_000,
      claimLinesCents: 10_000,
      invoicedCents: 9_000,
      uninvoicedCents: 1_000,
      paidCents: 6_000,
      outstandingCents: 3_000,
    });
    expect(ok.balanced).toBe(true);
    const off = reconcile({
      ledgerNetSpendCents: 10_001,
      claimLinesCents: 10_000,
      invoicedCents: 9_000,
      uninvoicedCents: 1_000,
      paidCents: 6_000,
      outstandingCents: 2_999,
    });
    expect(off.balanced).toBe(false);
    expect(off.checks).toEqual([
      { name: 'ledger_vs_claims', leftCents: 10_001, rightCents: 10_000, differenceCents: 1 },
      { name: 'claims_vs_invoices', leftCents: 10_000, rightCents: 10_000, differenceCents: 0 },
      { name: 'invoices_vs_payments', leftCents: 9_000, rightCents: 8_999, differenceCents: 1 },
    ]);
  });
});
