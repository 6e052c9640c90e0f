import type { Session } from '../support/factories';
import { makeOrganisation, makeUser, loginAs, userWithSession } from '../support/factories';
import { startTestApp, TestApp } from '../support/app';
import { balancesOf, makeContract, makeFundedChild, makeProvider, makeVisit, TestProvider } from '../support/billing-factories';
import { find, findAll, parseXml, textOf } from '../../api/src/modules/billing/documents/xml';
import { isValidIban } from '../../api/src/modules/billing/documents/bank.rules';
import { endToEndId } from '../../api/src/modules/billing/documents/sepa';

jest.setTimeout(90_000);

async function waitForRun(t: TestApp, auth: Session['auth'], id: string) {
  for (let i = 0; i < 200; i++) {
    await t.flushOutbox();
    const res = await t.http().get(`/api/billing-runs/${id}`).set(auth);
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('billing run did not finish');
}

async function runMonth(t: TestApp, s: Session, month: string, extra: Record<string, unknown> = {}) {
  const res = await t
    .http()
    .post('/api/billing-runs')
    .set(s.auth)
    .send({ month, ...extra });
  expect(res.status).toBe(201);
  return waitForRun(t, s.auth, res.body.id);
}

const lines = (t: TestApp, where = 'TRUE', params: unknown[] = []) =>
  t.db.query(
    `SELECT visit_id, kind, amount_cents::int AS amount, billed_minutes, participants, invoice_id, funding_source, payer_key FROM claim_line WHERE ${where} ORDER BY created_at, id`,
    params,
  );

describe('billing: runs, invoices, corrections, payments', () => {
  let t: TestApp;
  let maker: Session;
  let checker: Session;
  let analyst: Session;
  let runa: TestProvider;
  let other: TestProvider;
  let runaAdmin: Session;
  let otherAdmin: Session;
  const v: Record<string, string> = {};
  let janis: Awaited<ReturnType<typeof makeFundedChild>>;
  let liga: Awaited<ReturnType<typeof makeFundedChild>>;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    const platform = await makeOrganisation(t.db, 'platform');
    maker = await loginAs(t, await makeUser(t.db, 'platform_admin', { organisation: platform }));
    checker = await loginAs(t, await makeUser(t.db, 'platform_admin', { organisation: platform }));
    analyst = await userWithSession(t, 'ministry_analyst');
    runa = await makeProvider(t.db, { name: 'SIA Runa' });
    other = await makeProvider(t.db, { name: 'Biedrība Kopā' });
    const runaOrg = { id: runa.id } as never;
    runaAdmin = await loginAs(t, await makeUser(t.db, 'provider_admin', { organisation: runaOrg }));
    otherAdmin = await loginAs(t, await makeUser(t.db, 'provider_admin', { organisation: { id: other.id } as never }));

    janis = await makeFundedChild(t.db, { firstName: 'Jānis', lastName: 'Bērziņš', fundingSource: 'LM', committedCents: 50_000 });
    liga = await makeFundedChild(t.db, {
      firstName: 'Līga',
      lastName: 'Ozola',
      municipalityCode: 'VALMIERA',
      fundingSource: 'MUNICIPALITY',
      category: 'assistance',
      committedCents: 50_000,
    });
    const speech = await makeContract(t.db, runa, janis, { serviceCode: 'SPEECH', unitPriceCents: 3500, unitMinutes: 40 });
    const assistant = await makeContract(t.db, runa, liga, { serviceCode: 'ASSISTANT', unitPriceCents: 1000, unitMinutes: 60 });
    const group = await makeContract(t.db, other, janis, { serviceCode: 'PHYSIO', unitPriceCents: 4000, unitMinutes: 45, deliveryMode: 'group', groupSize: 3 });
    v.full = await makeVisit(t.db, speech, '2026-11-03 10:00', 40);
    v.short = await makeVisit(t.db, speech, '2026-11-05 10:00', 30);
    v.hourly = await makeVisit(t.db, assistant, '2026-11-04 09:00', 74);
    v.group = await makeVisit(t.db, group, '2026-11-06 12:00', 45, { groupSize: 3 });
    // not billable: open, exception, rejected, other month (Riga midnight edge on both sides)
    v.open = await makeVisit(t.db, speech, '2026-11-07 10:00', 40, { status: 'open' });
    v.exception = await makeVisit(t.db, speech, '2026-11-08 10:00', 20, { status: 'exception' });
    v.rejected = await makeVisit(t.db, speech, '2026-11-09 10:00', 40, { status: 'rejected' });
    v.october = await makeVisit(t.db, speech, '2026-10-31 23:30', 40);
    v.december = await makeVisit(t.db, speech, '2026-12-01 00:10', 40);
    v.lastMinute = await makeVisit(t.db, speech, '2026-11-30 23:50', 40);
  });
  afterAll(() => t.close());

  it('refuses without a token (401) and to the wrong roles (403)', async () => {
    expect((await t.http().post('/api/billing-runs').send({ month: '2026-11' })).status).toBe(401);
    expect((await t.http().post('/api/billing-runs').set(runaAdmin.auth).send({ month: '2026-11' })).status).toBe(403);
    expect((await t.http().post('/api/billing-runs').set(analyst.auth).send({ month: '2026-11' })).status).toBe(403);
    const bad = await t.http().post('/api/billing-runs').set(maker.auth).send({ month: '2026-13', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ month: 'matches', extra: 'whitelistValidation' });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM billing_run`)).toEqual([{ n: 0 }]);
  });

  it('bills every verified visit of the month exactly once, priced by the rules, spending on the ledger', async () => {
    const run = await runMonth(t, maker, '2026-11');
    expect(run).toMatchObject({
      status: 'completed',
      providersTotal: 2,
      providersDone: 2,
      percent: 100,
      linesCreated: 5,
      amountCents: 3500 + 2625 + 1000 + 1333 + 3500,
    });
    const rows = await lines(t);
    const byVisit = Object.fromEntries(rows.map((r: { visit_id: string }) => [r.visit_id, r]));
    expect(Object.keys(byVisit).sort()).toEqual([v.full, v.short, v.hourly, v.group, v.lastMinute].sort());
    expect(byVisit[v.full]).toMatchObject({ kind: 'claim', amount: 3500, billed_minutes: 40, funding_source: 'LM', payer_key: 'LM' });
    expect(byVisit[v.short]).toMatchObject({ amount: 2625, billed_minutes: 30 });
    expect(byVisit[v.hourly]).toMatchObject({ amount: 1000, billed_minutes: 60, payer_key: 'MUNICIPALITY:VALMIERA' });
    expect(byVisit[v.group]).toMatchObject({ amount: 1333, participants: 3 });
    // the ledger: committed → spent, one spend movement per line, equal amounts
    expect(await balancesOf(t.db, janis.basketLineId)).toEqual({ committed: 50_000 - (3500 + 2625 + 3500 + 1333), spent: 3500 + 2625 + 3500 + 1333 });
    expect(await balancesOf(t.db, liga.basketLineId)).toEqual({ committed: 49_000, spent: 1000 });
    const spends = await t.db.query(
      `SELECT count(*)::int AS n, sum(amount_cents)::int AS s FROM ledger_movement WHERE kind = 'spend' AND ref_type = 'claim_line'`,
    );
    expect(spends).toEqual([{ n: 5, s: 11958 }]);
    const billed = await t.db.query(`SELECT id FROM visit WHERE billed ORDER BY id`);
    expect(billed.map((b: { id: string }) => b.id).sort()).toEqual([v.full, v.short, v.hourly, v.group, v.lastMinute].sort());
  });

  it('makes one draft invoice per provider per month with totals per funding source', async () => {
    const res = await t
      .http()
      .get('/api/invoices')
      .query({ filter: JSON.stringify({ month: '2026-11' }), sort: JSON.stringify(['totalCents', 'DESC']) })
      .set(checker.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('invoices 0-1/2');
    expect(
      res.body.map((i: { providerName: string; totalCents: number; status: string; number: string | null }) => [
        i.providerName,
        i.totalCents,
        i.status,
        i.number,
      ]),
    ).toEqual([
      ['SIA Runa', 3500 + 2625 + 1000 + 3500, 'draft', null],
      ['Biedrība Kopā', 1333, 'draft', null],
    ]);
    const inv = await t.http().get(`/api/invoices/${res.body[0].id}`).set(checker.auth);
    expect(inv.body.bySource).toEqual([
      { fundingSource: 'LM', lineCount: 3, totalCents: 9625 },
      { fundingSource: 'MUNICIPALITY', lineCount: 1, totalCents: 1000 },
    ]);
    expect(inv.body.lines.map((l: { childName: string }) => l.childName)).toContain('Jānis Bērziņš');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'invoice.read' AND subject_id = $1`, [res.body[0].id])).toEqual([
      { n: 1 },
    ]);
  });

  it('running the same month again creates nothing new', async () => {
    const before = await lines(t);
    const movements = await t.db.query(`SELECT count(*)::int AS n FROM ledger_movement`);
    const run = await runMonth(t, checker, '2026-11');
    expect(run).toMatchObject({ status: 'completed', linesCreated: 0, amountCents: 0 });
    expect(await lines(t)).toEqual(before);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM ledger_movement`)).toEqual(movements);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM invoice`)).toEqual([{ n: 2 }]);
  });

  it('maker-checker: the run’s starter cannot approve; a ministry analyst cannot approve; another admin can', async () => {
    const [inv] = await t.db.query(`SELECT id FROM invoice WHERE provider_organisation_id = $1`, [runa.id]);
    // the second (empty) run was started by `checker`, but it put no line on this invoice
    const bySelf = await t.http().post(`/api/invoices/${inv.id}/approve`).set(maker.auth);
    expect(bySelf.status).toBe(403);
    expect(bySelf.body.code).toBe('BILLING_MAKER_CHECKER');
    expect((await t.http().post(`/api/invoices/${inv.id}/approve`).set(analyst.auth)).status).toBe(403);
    expect((await t.http().post(`/api/invoices/${inv.id}/approve`).set(runaAdmin.auth)).status).toBe(403);
    expect(await t.db.query(`SELECT status, number FROM invoice WHERE id = $1`, [inv.id])).toEqual([{ status: 'draft', number: null }]);
    const ok = await t.http().post(`/api/invoices/${inv.id}/approve`).set(checker.auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', number: `${runa.code}-000001`, approvedByUserId: checker.user.id });
    const again = await t.http().post(`/api/invoices/${inv.id}/approve`).set(checker.auth);
    expect(again.body.code).toBe('BILLING_INVALID_TRANSITION');
  });

  it('a provider sees only its own issued invoices, with PDF and UBL downloads', async () => {
    const mine = await t.http().get('/api/invoices').set(runaAdmin.auth);
    expect(mine.body.map((i: { providerOrganisationId: string; status: string }) => [i.providerOrganisationId, i.status])).toEqual([[runa.id, 'approved']]);
    const theirs = await t.http().get('/api/invoices').set(otherAdmin.auth);
    expect(theirs.body).toEqual([]); // their invoice is still a draft
    const [otherInv] = await t.db.query(`SELECT id FROM invoice WHERE provider_organisation_id = $1`, [other.id]);
    expect((await t.http().get(`/api/invoices/${otherInv.id}`).set(runaAdmin.auth)).status).toBe(404);
    expect((await t.http().get(`/api/invoices/${otherInv.id}/pdf`).set(runaAdmin.auth)).status).toBe(404);
    const id = mine.body[0].id;
    const pdf = await t
      .http()
      .get(`/api/invoices/${id}/pdf`)
      .set(runaAdmin.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const ubl = await t.http().get(`/api/invoices/${id}/ubl`).set(runaAdmin.auth);
    expect(ubl.status).toBe(200);
    const doc = parseXml(ubl.text);
    expect(textOf(doc, 'ID')).toBe(`${runa.code}-000001`);
    expect(textOf(doc, 'LegalMonetaryTotal', 'PayableAmount')).toBe('106.25');
    expect(findAll(doc, 'InvoiceLine')).toHaveLength(4);
    expect((await t.http().get(`/api/invoices/${otherInv.id}/ubl`).set(checker.auth)).body.code).toBe('BILLING_NOT_ISSUED');
  });

  it('numbers a provider’s invoices without gaps, even when approvals race', async () => {
    const p = await makeProvider(t.db, { name: 'SIA Numuri' });
    const child = await makeFundedChild(t.db, { committedCents: 100_000, fundingSource: 'IZM', category: 'education_support' });
    const c = await makeContract(t.db, p, child, { unitPriceCents: 1000 });
    const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    for (const mo of months) await makeVisit(t.db, c, `${mo}-10 10:00`, 40);
    for (const mo of months) await runMonth(t, maker, mo, { providerOrganisationId: p.id });
    const drafts: { id: string }[] = await t.db.query(`SELECT id FROM invoice WHERE provider_organisation_id = $1 AND status = 'draft'`, [p.id]);
    expect(drafts).toHaveLength(5);
    const results = await Promise.all(drafts.map((d) => t.http().post(`/api/invoices/${d.id}/approve`).set(checker.auth)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const numbers = results.map((r) => r.body.number as string).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => `${p.code}-00000${n}`));
    expect(await t.db.query(`SELECT last_number FROM invoice_sequence WHERE provider_organisation_id = $1`, [p.id])).toEqual([{ last_number: 5 }]);
  });

  describe('corrections and payments', () => {
    let batchId: string;

    it('a visit rejected after billing gets a credit line, a reverse movement, and lands on the next invoice', async () => {
      await t.db.query(`UPDATE visit SET status = 'rejected' WHERE id = $1`, [v.short]);
      const spentBefore = (await balancesOf(t.db, janis.basketLineId)).spent;
      const speech = (
        await t.db.query(
          `SELECT id, child_id, provider_organisation_id, service_code FROM contract WHERE provider_organisation_id = $1 AND service_code = 'SPEECH'`,
          [runa.id],
        )
      )[0];
      v.dec = await makeVisit(t.db, { id: speech.id, childId: speech.child_id, providerId: runa.id, serviceCode: 'SPEECH' }, '2026-12-02 10:00', 40);
      const run = await runMonth(t, maker, '2026-12');
      expect(run).toMatchObject({ status: 'completed', creditsCreated: 1, linesCreated: 2 }); // December visit + the midnight one
      const credit = await lines(t, `kind = 'credit'`);
      expect(credit).toEqual([expect.objectContaining({ visit_id: v.short, amount: -2625 })]);
      const [decInvoice] = await t.db.query(
        `SELECT id, total_cents::int AS total, status FROM invoice WHERE provider_organisation_id = $1 AND month = '2026-12'`,
        [runa.id],
      );
      expect(credit[0].invoice_id).toBe(decInvoice.id);
      expect(decInvoice.total).toBe(3500 + 3500 - 2625);
      const reverse = await t.db.query(`SELECT amount_cents::int AS a FROM ledger_movement WHERE kind = 'reverse' AND ref_type = 'claim_line'`);
      expect(reverse).toEqual([{ a: 2625 }]);
      expect((await balancesOf(t.db, janis.basketLineId)).spent).toBe(spentBefore - 2625 + 7000);
      // the approved November invoice was never touched
      expect(
        await t.db.query(`SELECT total_cents::int AS total, line_count FROM invoice WHERE provider_organisation_id = $1 AND month = '2026-11'`, [runa.id]),
      ).toEqual([{ total: 10625, line_count: 4 }]);
    });

    it('SEPA batch per paying source: maker-checker, file parsed back, executed settles the invoice', async () => {
      const created = await t.http().post('/api/payment-batches').set(maker.auth).send({ payerKey: 'LM', executionDate: '2026-12-04' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ rail: 'sepa', status: 'draft', paymentCount: 1, totalCents: 3500 + 2625 + 3500 });
      batchId = created.body.id;
      expect((await t.http().post(`/api/payment-batches/${batchId}/approve`).set(maker.auth)).body.code).toBe('BILLING_MAKER_CHECKER');
      expect((await t.http().post(`/api/payment-batches/${batchId}/approve`).set(analyst.auth)).status).toBe(403);
      expect((await t.http().get(`/api/payment-batches/${batchId}/sepa.xml`).set(checker.auth)).body.code).toBe('BILLING_INVALID_TRANSITION');
      expect((await t.http().post(`/api/payment-batches/${batchId}/approve`).set(checker.auth)).body.status).toBe('approved');
      const file = await t.http().get(`/api/payment-batches/${batchId}/sepa.xml`).set(checker.auth);
      expect(file.status).toBe(200);
      const doc = parseXml(file.text);
      const pmtInf = find(doc, 'CstmrCdtTrfInitn', 'PmtInf')!;
      const txs = findAll(pmtInf, 'CdtTrfTxInf');
      const [payment] = await t.db.query(`SELECT id, amount_cents::int AS amount FROM payment WHERE batch_id = $1`, [batchId]);
      expect(textOf(doc, 'CstmrCdtTrfInitn', 'GrpHdr', 'NbOfTxs')).toBe('1');
      expect(textOf(doc, 'CstmrCdtTrfInitn', 'GrpHdr', 'CtrlSum')).toBe('96.25');
      expect(textOf(pmtInf, 'CtrlSum')).toBe('96.25');
      const [treasury] = await t.db.query(`SELECT iban FROM paying_account WHERE payer_key = 'LM'`);
      expect(textOf(pmtInf, 'DbtrAcct', 'Id', 'IBAN')).toBe(treasury.iban);
      expect(isValidIban(textOf(pmtInf, 'DbtrAcct', 'Id', 'IBAN')!)).toBe(true);
      expect(txs.map((tx) => textOf(tx, 'CdtrAcct', 'Id', 'IBAN'))).toEqual([runa.iban]);
      expect(txs.map((tx) => textOf(tx, 'PmtId', 'EndToEndId'))).toEqual([endToEndId(payment.id)]);
      expect(txs.map((tx) => textOf(tx, 'Amt', 'InstdAmt'))).toEqual(['96.25']);
      const done = await t.http().post(`/api/payment-batches/${batchId}/executed`).set(checker.auth);
      expect(done.body.status).toBe('settled');
      // the November invoice's LM lines are paid, its municipality line is not: partly paid
      expect(await t.db.query(`SELECT month, status FROM invoice WHERE provider_organisation_id = $1 ORDER BY month`, [runa.id])).toEqual([
        { month: '2026-11', status: 'partly_paid' },
        { month: '2026-12', status: 'draft' },
      ]);
    });

    it('a provider sees only its own payments', async () => {
      const mine = await t.http().get('/api/payments').set(runaAdmin.auth);
      expect(mine.body.map((p: { amountCents: number; status: string; payerKey: string }) => [p.amountCents, p.status, p.payerKey])).toEqual([
        [9625, 'paid', 'LM'],
      ]);
      expect((await t.http().get('/api/payments').set(otherAdmin.auth)).body).toEqual([]);
      expect((await t.http().get('/api/payment-batches').set(runaAdmin.auth)).status).toBe(403);
    });

    it('reconciles a month with corrections to the cent, and shows the rows behind a difference', async () => {
      const rep = await t.http().get('/api/reconciliation').query({ from: '2026-11-01', to: '2026-12-31' }).set(analyst.auth);
      expect(rep.status).toBe(200);
      expect(rep.body.balanced).toBe(true);
      const f = rep.body.figures;
      expect(f.ledgerNetSpendCents).toBe(f.claimLinesCents);
      expect(f.claimLinesCents).toBe(f.invoicedCents + f.uninvoicedCents);
      expect(f.invoicedCents).toBe(f.paidCents + f.outstandingCents);
      expect(f).toMatchObject({ claimLinesCents: 11958 + 7000 - 2625, paidCents: 9625 });
      const bad = await t.http().get('/api/reconciliation').query({ from: 'x' }).set(analyst.auth);
      expect(bad.body.errors).toEqual({ from: 'isDate', to: 'isDate' });
      // a line altered behind the ledger's back: the report finds it, to the cent, with the line
      const [line] = await t.db.query(`SELECT id FROM claim_line WHERE visit_id = $1`, [v.full]);
      await t.db.query(`UPDATE claim_line SET amount_cents = amount_cents + 7 WHERE id = $1`, [line.id]);
      const off = await t.http().get('/api/reconciliation').query({ from: '2026-11-01', to: '2026-12-31' }).set(checker.auth);
      expect(off.body.balanced).toBe(false);
      expect(off.body.checks[0]).toMatchObject({ name: 'ledger_vs_claims', differenceCents: -7 });
      expect(off.body.mismatches).toEqual([{ claimLineId: line.id, kind: 'claim', serviceDate: '2026-11-03', amountCents: 3507, ledgerCents: 3500 }]);
    });

    it('a camt.054 notification from the bank settles the matching payment and reports what it cannot match', async () => {
      const created = await t.http().post('/api/payment-batches').set(maker.auth).send({ payerKey: 'MUNICIPALITY:VALMIERA' });
      expect(created.body).toMatchObject({ rail: 'sepa', totalCents: 1000, paymentCount: 1 });
      const id = created.body.id;
      await t.http().post(`/api/payment-batches/${id}/approve`).set(checker.auth).expect(200);
      expect((await t.http().post(`/api/payment-batches/${id}/camt054`).set(checker.auth).send({ xml: '<x/>' })).body.code).toBe('BILLING_INVALID_TRANSITION');
      await t.http().get(`/api/payment-batches/${id}/sepa.xml`).set(checker.auth).expect(200);
      const [payment] = await t.db.query(`SELECT id FROM payment WHERE batch_id = $1`, [id]);
      const tx = (e2e: string, amount: string) =>
        `<NtryDtls><TxDtls><Refs><EndToEndId>${e2e}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">${amount}</Amt></TxAmt></AmtDtls></TxDtls></NtryDtls>`;
      const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn><Ntfctn><Ntry><Sts>BOOK</Sts>${tx('UNKNOWN1', '5.00')}${tx(endToEndId(payment.id), '10.01')}${tx(endToEndId(payment.id), '10.00')}</Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
      expect((await t.http().post(`/api/payment-batches/${id}/camt054`).set(checker.auth).send({ xml: '<!DOCTYPE x><x/>' })).body.errors).toEqual({
        xml: 'isXml',
      });
      const res = await t.http().post(`/api/payment-batches/${id}/camt054`).set(checker.auth).send({ xml });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        batchStatus: 'settled',
        settled: [payment.id],
        unmatched: [
          { endToEndId: 'UNKNOWN1', amount: '5.00' },
          { endToEndId: endToEndId(payment.id), amount: '10.01' },
        ],
      });
      expect(await t.db.query(`SELECT status FROM invoice WHERE provider_organisation_id = $1 AND month = '2026-11'`, [runa.id])).toEqual([{ status: 'paid' }]);
    });
  });
});
