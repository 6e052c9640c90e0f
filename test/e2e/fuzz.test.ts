import fc from 'fast-check';
import type { Role } from '@lidz/libs';
import { startTestApp, TestApp } from '../support/app';
import { Session, userWithSession } from '../support/factories';

/**
 * Property-based bad input against every route of the API's own OpenAPI table: generated ids, query
 * strings and bodies, sent by every kind of caller. Whatever arrives, the answer is never a 5xx, never
 * carries a stack trace or SQL, and every error has the one error shape.
 */
interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  bodyFields: string[];
}

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);
const LEAKS = [/\bat [\w.<>]+ \(/, /QueryFailedError/, /\bSELECT\b.*\bFROM\b/i, /syntax error at or near/i, /violates .* constraint/i, /node_modules/, /TypeError|ReferenceError/];

const nasty = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE child; --",
    '" OR 1=1 --',
    '=cmd|" /C calc"!A0',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '𝔏𝔦𝔡𝔷 💥 \u202e ŗūķīšņ',
    'A'.repeat(5000),
    '010101-10000',
    '-1',
    '1e309',
    'NaN',
    '{}',
    '[]',
    'null',
    'true',
  ),
  fc.string({ maxLength: 40 }),
  fc.uuid().map((u) => u as string),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(Number.MAX_SAFE_INTEGER + 2),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

function bodyFor(fields: string[]): fc.Arbitrary<unknown> {
  const shaped = fields.length ? fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(shaped, value, fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 6 }));
}

const paramValue = fc.oneof(fc.uuid().map((u) => u as string), nasty, fc.integer().map(String));
const queryValue = fc.oneof(
  fc.record({ sort: fc.oneof(nasty, fc.constant('["id","DESC"]'), fc.constant('["nope; drop","ASC"]')), range: fc.oneof(nasty, fc.constant('[0,9]'), fc.constant('[-5,99999999]')), filter: fc.oneof(nasty, fc.constant('{"q":"\'"}'), fc.constant('{"id":["x"]}')) }, { requiredKeys: [] }),
  fc.dictionary(fc.string({ maxLength: 10 }), nasty, { maxKeys: 3 }),
);

function url(path: string, params: string[], query: Record<string, string>): string {
  let i = 0;
  const filled = path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++ % params.length] ?? 'x'));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${filled}?${qs}` : filled;
}

function checkAnswer(route: Route, sent: string, status: number, text: string, body: unknown): void {
  const where = `${route.method.toUpperCase()} ${sent} → ${status}: ${text.slice(0, 300)}`;
  if (status >= 500) throw new Error(`server error for ${where}`);
  for (const leak of LEAKS) if (leak.test(text)) throw new Error(`internals leaked (${leak}) for ${where}`);
  if (status >= 400) {
    const b = body as { statusCode?: unknown; code?: unknown; message?: unknown; requestId?: unknown };
    if (b?.statusCode !== status || typeof b.code !== 'string' || typeof b.message !== 'string' || typeof b.requestId !== 'string') throw new Error(`not the error shape for ${where}`);
  }
}

describe('bad input against every route (property-based)', () => {
  let t: TestApp;
  let routes: Route[];
  const sessions: Partial<Record<Role, Session>> = {};
  let requests = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT: '100000' } });
    for (const role of ['platform_admin', 'municipality_officer', 'case_manager', 'ministry_analyst', 'provider_admin', 'specialist', 'family', 'participant'] as Role[]) {
      sessions[role] = await userWithSession(t, role);
    }
    const doc = (await t.http().get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
      components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
    };
    routes = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = ref ? doc.components?.schemas?.[ref.split('/').pop()!] : undefined;
        routes.push({ method: method as Route['method'], path, bodyFields: Object.keys(schema?.properties ?? {}) });
      }
    }
  });
  afterAll(async () => {
    console.log(`fuzzed ${requests} requests over ${routes.length} routes`);
    await t.close();
  });

  it('reads the route table', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('never answers 5xx, never leaks internals, always the error shape', async () => {
    const roles = Object.keys(sessions) as Role[];
    for (const route of routes) {
      if (route.path.startsWith('/api/docs')) continue;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...roles), fc.array(paramValue, { minLength: 1, maxLength: 3 }), queryValue, bodyFor(route.bodyFields), async (role, params, query, body) => {
          const sent = url(route.path, params, query as Record<string, string>);
          let req = t.http()[route.method](sent).set(sessions[role]!.auth);
          if (route.method !== 'get' && route.method !== 'delete') req = req.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
          const res = await req;
          requests += 1;
          checkAnswer(route, sent, res.status, res.text, res.body);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.FUZZ_SEED ?? 20261201) },
      );
    }
    expect(requests).toBeGreaterThan(routes.length);
  }, 900_000);

  it('refuses oversized bodies, wrong content types and malformed JSON in the error shape', async () => {
    const admin = sessions.platform_admin!;
    const big = await t.http().post('/api/users').set(admin.auth).set('Content-Type', 'application/json').send(JSON.stringify({ fullName: 'x'.repeat(3_000_000) }));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const xml = await t.http().post('/api/users').set(admin.auth).set('Content-Type', 'application/xml').send('<user/>');
    expect(xml.status).toBe(415);
    expect(xml.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    // plain text is read as a string, which is not the object the route needs
    const text = await t.http().post('/api/users').set(admin.auth).set('Content-Type', 'text/plain').send('email=x');
    expect(text.status).toBe(400);
    expect(text.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const broken = await t.http().post('/api/users').set(admin.auth).set('Content-Type', 'application/json').send('{"email": ');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, code: expect.any(String) });
  });
});
