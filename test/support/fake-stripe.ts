import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeStripeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  stripeVersion: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

export interface FakeStripe {
  url: string;
  secretKey: string;
  requests: FakeStripeRequest[];
  /** Makes the next N requests fail with a 500 (to prove retries stay idempotent). */
  failNext: (n: number) => void;
  close: () => Promise<void>;
}

/**
 * A local stand-in for the Stripe API with only the endpoints the platform uses (accounts, account
 * links, transfers). It checks what a real server would: the secret key, a form-encoded body, the
 * required fields; and it honours Idempotency-Key like Stripe (same key → same object, no new one).
 */
export async function startFakeStripe(secretKey = `sk_test_${randomBytes(6).toString('hex')}`): Promise<FakeStripe> {
  const requests: FakeStripeRequest[] = [];
  const byKey = new Map<string, { status: number; body: unknown }>();
  let failures = 0;
  const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;
  const error = (status: number, message: string, param?: string) => ({ status, body: { error: { type: 'invalid_request_error', message, param } } });

  const handle = (req: FakeStripeRequest): { status: number; body: unknown } => {
    if (req.authorization !== `Bearer ${secretKey}`)
      return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } };
    if (req.method === 'POST' && req.contentType !== 'application/x-www-form-urlencoded') return error(400, 'body must be form-encoded');
    const f = req.form;
    if (req.method === 'POST' && req.path === '/v1/accounts') {
      if (f.type !== 'express' || !f.country) return error(400, 'Missing required param: type/country', 'type');
      return {
        status: 200,
        body: {
          id: id('acct'),
          object: 'account',
          type: f.type,
          country: f.country,
          email: f.email ?? null,
          charges_enabled: false,
          payouts_enabled: false,
          details_submitted: false,
          metadata: pick(f, 'metadata'),
        },
      };
    }
    if (req.method === 'POST' && req.path === '/v1/account_links') {
      if (!f.account?.startsWith('acct_') || f.type !== 'account_onboarding' || !f.refresh_url || !f.return_url)
        return error(400, 'Missing required param', 'account');
      return {
        status: 200,
        body: { object: 'account_link', url: `https://connect.stripe.test/setup/e/${f.account}/${randomBytes(4).toString('hex')}`, created: 1, expires_at: 2 },
      };
    }
    if (req.method === 'POST' && req.path === '/v1/transfers') {
      const amount = Number(f.amount);
      if (!Number.isSafeInteger(amount) || amount <= 0) return error(400, 'Invalid positive integer', 'amount');
      if (f.currency !== 'eur') return error(400, 'Invalid currency', 'currency');
      if (!f.destination?.startsWith('acct_')) return error(400, 'No such destination', 'destination');
      return {
        status: 200,
        body: {
          id: id('tr'),
          object: 'transfer',
          amount,
          currency: f.currency,
          destination: f.destination,
          transfer_group: f.transfer_group ?? null,
          metadata: pick(f, 'metadata'),
          reversed: false,
        },
      };
    }
    return error(404, `Unrecognized request URL (${req.method}: ${req.path})`);
  };

  const server = http.createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => {
      const u = new URL(incoming.url ?? '/', 'http://fake');
      const body = Buffer.concat(chunks).toString('utf8');
      const req: FakeStripeRequest = {
        method: incoming.method ?? 'GET',
        path: u.pathname,
        authorization: incoming.headers.authorization,
        idempotencyKey: header(incoming.headers['idempotency-key']),
        stripeVersion: header(incoming.headers['stripe-version']),
        contentType: header(incoming.headers['content-type'])?.split(';')[0],
        form: Object.fromEntries(new URLSearchParams(body)),
      };
      requests.push(req);
      let out: { status: number; body: unknown };
      if (failures > 0) {
        failures--;
        out = { status: 500, body: { error: { type: 'api_error', message: 'injected failure' } } };
      } else if (req.idempotencyKey && byKey.has(`${req.path}|${req.idempotencyKey}`)) {
        out = byKey.get(`${req.path}|${req.idempotencyKey}`)!;
      } else {
        out = handle(req);
        if (req.idempotencyKey && out.status < 500) byKey.set(`${req.path}|${req.idempotencyKey}`, out);
      }
      res.writeHead(out.status, { 'Content-Type': 'application/json', 'Request-Id': id('req') });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    requests,
    failNext: (n) => (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** `metadata[paymentId]=x` form fields back to an object. */
function pick(form: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    const m = new RegExp(`^${prefix}\\[(.+)\\]$`).exec(k);
    if (m) out[m[1]] = v;
  }
  return out;
}
