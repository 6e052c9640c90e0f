import Stripe from 'stripe';
import { AppError } from '../../api/src/common/errors/app-error';
import { StripeClient } from '../../api/src/modules/billing/stripe/stripe.gateway';
import { FakeStripe, startFakeStripe } from '../support/fake-stripe';

const WEBHOOK_SECRET = 'whsec_test_billing_secret';

describe('Stripe adapter against a local fake Stripe server', () => {
  let fake: FakeStripe;
  let client: StripeClient;
  beforeAll(async () => {
    fake = await startFakeStripe();
    client = new StripeClient({ secretKey: fake.secretKey, webhookSecret: WEBHOOK_SECRET, apiBase: fake.url });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.requests.splice(0));

  it('creates a connected account and an onboarding link with the real SDK', async () => {
    const account = await client.createConnectedAccount('prov-1', 'info@runa.lv', 'SIA Runa');
    expect(account).toMatch(/^acct_/);
    const url = await client.createOnboardingLink(account, 'http://portal/refresh', 'http://portal/return');
    expect(url).toContain(account);
    const [a, l] = fake.requests;
    expect(a).toMatchObject({
      method: 'POST',
      path: '/v1/accounts',
      authorization: `Bearer ${fake.secretKey}`,
      idempotencyKey: 'account-prov-1',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(a.form).toMatchObject({
      type: 'express',
      country: 'LV',
      email: 'info@runa.lv',
      'capabilities[transfers][requested]': 'true',
      'metadata[providerOrganisationId]': 'prov-1',
    });
    expect(a.stripeVersion).toBeTruthy();
    expect(l).toMatchObject({
      path: '/v1/account_links',
      form: { account, type: 'account_onboarding', refresh_url: 'http://portal/refresh', return_url: 'http://portal/return' },
    });
  });

  it('sends one transfer per payment with the payment id as idempotency key; a retry returns the same transfer', async () => {
    const input = { paymentId: 'pay-42', batchId: 'batch-1', amountCents: 123_45, destination: 'acct_123', description: 'Invoice RUNA-000001' };
    const first = await client.createTransfer(input);
    const again = await client.createTransfer(input);
    expect(again).toBe(first);
    expect(fake.requests).toHaveLength(2);
    for (const r of fake.requests) {
      expect(r).toMatchObject({ path: '/v1/transfers', idempotencyKey: 'transfer-pay-42' });
      expect(r.form).toMatchObject({
        amount: '12345',
        currency: 'eur',
        destination: 'acct_123',
        transfer_group: 'batch_batch-1',
        'metadata[paymentId]': 'pay-42',
      });
    }
  });

  it('retries a server error with the same idempotency key', async () => {
    fake.failNext(1);
    const id = await client.createTransfer({ paymentId: 'pay-43', batchId: 'b', amountCents: 100, destination: 'acct_9', description: 'x' });
    expect(id).toMatch(/^tr_/);
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual(['transfer-pay-43', 'transfer-pay-43']);
  });

  it('surfaces Stripe’s refusal as an SDK error, and a wrong key as an authentication error', async () => {
    await expect(client.createTransfer({ paymentId: 'p', batchId: 'b', amountCents: 100, destination: 'nope', description: 'x' })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    const wrong = new StripeClient({ secretKey: 'sk_test_wrong', webhookSecret: null, apiBase: fake.url });
    await expect(wrong.createConnectedAccount('p', null, 'x')).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('is off without a key', async () => {
    const off = new StripeClient({ secretKey: null, webhookSecret: null, apiBase: null });
    expect(off.enabled).toBe(false);
    await expect(off.createConnectedAccount('p', null, 'x')).rejects.toMatchObject({ code: 'STRIPE_NOT_CONFIGURED' });
  });

  describe('webhook signatures', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payout.paid', data: { object: { id: 'po_1' } } });

    it('accepts a payload signed with the signing secret', () => {
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      expect(client.verifyWebhook(Buffer.from(payload), header)).toMatchObject({ id: 'evt_1', type: 'payout.paid' });
    });

    it.each([
      ['another secret', () => Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }), payload],
      ['a tampered body', () => Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }), payload.replace('po_1', 'po_2')],
      [
        'a stale timestamp',
        () => Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 }),
        payload,
      ],
      ['garbage', () => 't=1,v1=abc', payload],
      ['no header', () => undefined, payload],
    ])('refuses %s', (_name, header, body) => {
      let thrown: unknown;
      try {
        client.verifyWebhook(Buffer.from(body), header());
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('STRIPE_SIGNATURE_INVALID');
      expect((thrown as AppError).status).toBe(400);
    });
  });
});
