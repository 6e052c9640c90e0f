import Stripe from 'stripe';
import { startTestApp, TestApp } from '../support/app';
import { loginAs, makeOrganisation, makeUser, Session } from '../support/factories';
import { makeContract, makeFundedChild, makeProvider, makeVisit, TestProvider } from '../support/billing-factories';
import { FakeStripe, startFakeStripe } from '../support/fake-stripe';

jest.setTimeout(90_000);
const WEBHOOK_SECRET = 'whsec_e2e_billing';

describe('billing over Stripe Connect (real SDK, local fake Stripe)', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let maker: Session;
  let checker: Session;
  let provider: TestProvider;
  let providerAdmin: Session;
  let accountId: string;

  const signed = (event: Record<string, unknown>) => {
    const payload = JSON.stringify({ object: 'event', api_version: '2026-10-28', created: Math.floor(Date.now() / 1000) + 5, livemode: false, ...event });
    return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
  };
  const post = (s: { payload: string; header: string }) =>
    t.http().post('/api/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', s.header).send(s.payload);

  beforeAll(async () => {
    fake = await startFakeStripe();
    t = await startTestApp({ worker: true, env: { STRIPE_SECRET_KEY: fake.secretKey, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: fake.url } });
    const platform = await makeOrganisation(t.db, 'platform');
    maker = await loginAs(t, await makeUser(t.db, 'platform_admin', { organisation: platform }));
    checker = await loginAs(t, await makeUser(t.db, 'platform_admin', { organisation: platform }));
    provider = await makeProvider(t.db, { name: 'SIA Kustība' });
    providerAdmin = await loginAs(t, await makeUser(t.db, 'provider_admin', { organisation: { id: provider.id } as never }));
    const child = await makeFundedChild(t.db, { fundingSource: 'VM' });
    const contract = await makeContract(t.db, provider, child, { serviceCode: 'PHYSIO', unitPriceCents: 2800, unitMinutes: 45 });
    await makeVisit(t.db, contract, '2026-11-10 10:00', 45);
    await makeVisit(t.db, contract, '2026-11-12 10:00', 45);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('onboards a provider: one connected account, a fresh onboarding link each time', async () => {
    expect((await t.http().post('/api/stripe/onboarding').set(maker.auth).send({})).status).toBe(403);
    const first = await t.http().post('/api/stripe/onboarding').set(providerAdmin.auth).send({});
    expect(first.status).toBe(200);
    accountId = first.body.accountId;
    expect(accountId).toMatch(/^acct_/);
    expect(first.body.url).toContain(accountId);
    const second = await t.http().post('/api/stripe/onboarding').set(providerAdmin.auth).send({});
    expect(second.body.accountId).toBe(accountId);
    expect(fake.requests.filter((r) => r.path === '/v1/accounts')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/v1/account_links')).toHaveLength(2);
    expect(fake.requests.find((r) => r.path === '/v1/accounts')!.form).toMatchObject({
      type: 'express',
      country: 'LV',
      'metadata[providerOrganisationId]': provider.id,
    });
    // account.updated marks it ready
    const res = await post(
      signed({
        id: 'evt_acct_1',
        type: 'account.updated',
        data: { object: { id: accountId, object: 'account', payouts_enabled: true, details_submitted: true } },
      }),
    );
    expect(res.body).toEqual({ received: true, outcome: 'processed' });
    expect((await t.http().get('/api/stripe/account').set(providerAdmin.auth)).body).toEqual({
      enabled: true,
      accountId,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
  });

  it('pays an approved batch with one transfer per provider, keyed by the payment id', async () => {
    const run = await t.http().post('/api/billing-runs').set(maker.auth).send({ month: '2026-11' });
    for (let i = 0; i < 100; i++) {
      await t.flushOutbox();
      if ((await t.http().get(`/api/billing-runs/${run.body.id}`).set(maker.auth)).body.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const [inv] = await t.db.query(`SELECT id FROM invoice`);
    expect((await t.http().post(`/api/invoices/${inv.id}/approve`).set(checker.auth)).status).toBe(200);
    const batch = await t.http().post('/api/payment-batches').set(maker.auth).send({ payerKey: 'VM' });
    expect(batch.body).toMatchObject({ rail: 'stripe', totalCents: 5600, paymentCount: 1 });
    expect((await t.http().get(`/api/payment-batches/${batch.body.id}/sepa.xml`).set(checker.auth)).body.code).toBe('BILLING_INVALID_TRANSITION');
    expect((await t.http().post(`/api/payment-batches/${batch.body.id}/approve`).set(checker.auth)).status).toBe(200);
    let payment: { id: string; status: string; stripe_transfer_id: string | null } | undefined;
    for (let i = 0; i < 100; i++) {
      await t.flushOutbox();
      [payment] = await t.db.query(`SELECT id, status, stripe_transfer_id FROM payment WHERE batch_id = $1`, [batch.body.id]);
      if (payment?.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(payment).toMatchObject({ status: 'sent', stripe_transfer_id: expect.stringMatching(/^tr_/) });
    const transfers = fake.requests.filter((r) => r.path === '/v1/transfers');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ authorization: `Bearer ${fake.secretKey}`, idempotencyKey: `transfer-${payment!.id}` });
    expect(transfers[0].form).toMatchObject({ amount: '5600', currency: 'eur', destination: accountId, 'metadata[paymentId]': payment!.id });
    expect(await t.db.query(`SELECT status FROM payment_batch WHERE id = $1`, [batch.body.id])).toEqual([{ status: 'sent' }]);
  });

  it('refuses a webhook with a bad signature (400) and changes nothing', async () => {
    const good = signed({ id: 'evt_forged', type: 'payout.paid', account: accountId, data: { object: { id: 'po_1', object: 'payout' } } });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload: good.payload, secret: 'whsec_someone_else' });
    const res = await post({ payload: good.payload, header: forged });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('STRIPE_SIGNATURE_INVALID');
    const tampered = await post({ payload: good.payload.replace('po_1', 'po_2'), header: good.header });
    expect(tampered.status).toBe(400);
    expect((await t.http().post('/api/stripe/webhook').set('Content-Type', 'application/json').send(good.payload)).status).toBe(400);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM stripe_event WHERE id = 'evt_forged'`)).toEqual([{ n: 0 }]);
    expect(await t.db.query(`SELECT status FROM payment`)).toEqual([{ status: 'sent' }]);
  });

  it('payout.paid settles the payment and the invoice once; a repeated event changes nothing', async () => {
    const event = signed({ id: 'evt_payout_1', type: 'payout.paid', account: accountId, data: { object: { id: 'po_1', object: 'payout', amount: 5600 } } });
    const first = await post(event);
    expect(first.body).toEqual({ received: true, outcome: 'processed' });
    const after = await t.db.query(`SELECT p.status, p.paid_at, i.status AS invoice_status FROM payment p, invoice i`);
    expect(after).toEqual([{ status: 'paid', paid_at: expect.any(Date), invoice_status: 'paid' }]);
    const again = await post(event);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, outcome: 'duplicate' });
    expect(await t.db.query(`SELECT p.status, p.paid_at, i.status AS invoice_status FROM payment p, invoice i`)).toEqual(after);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM stripe_event WHERE id = 'evt_payout_1'`)).toEqual([{ n: 1 }]);
    // the provider sees it paid
    const mine = await t.http().get('/api/payments').set(providerAdmin.auth);
    expect(mine.body.map((p: { status: string; rail: string }) => [p.status, p.rail])).toEqual([['paid', 'stripe']]);
  });

  it('transfer.reversed puts the lines back to outstanding for a later batch', async () => {
    const [p] = await t.db.query(`SELECT id, stripe_transfer_id FROM payment`);
    const res = await post(
      signed({ id: 'evt_rev_1', type: 'transfer.reversed', data: { object: { id: p.stripe_transfer_id, object: 'transfer', metadata: { paymentId: p.id } } } }),
    );
    expect(res.body.outcome).toBe('processed');
    expect(await t.db.query(`SELECT status FROM payment`)).toEqual([{ status: 'reversed' }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM claim_line WHERE payment_id IS NULL`)).toEqual([{ n: 2 }]);
  });
});
