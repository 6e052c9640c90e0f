import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { qrPayloadAt } from '@lidz/libs';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/database/data-source';
import { AuditChainService } from '../../api/src/modules/audit/audit-chain.service';
import type { Organisation } from '../../api/src/modules/identity/entities/organisation.entity';
import { makeContract, makeFundedChild, makeProvider, type TestProvider } from '../support/billing-factories';
import { createTestDatabase } from '../support/database';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factories';
import { freePort, waitFor } from '../support/poll';

/**
 * Scale-out: two API processes and two worker processes on one PostgreSQL (and one Redis when
 * REDIS_URL is set, else BullMQ's PostgreSQL backend). The same scan stream goes to both APIs — every
 * scan at once to A and B, some twice to one of them, some retried later — and a billing month is
 * started through both. Every pair of scans must make one visit, every scan be stored once, every
 * verified visit get one claim line and one ledger spend, and every billing job run once.
 */

const root = path.resolve(__dirname, '..', '..');
const SPECIALISTS = 10;
const CHILDREN_PER_SPECIALIST = 2;
const PAIRS_PER_SPECIALIST = 4;
const PROVIDERS = 3;
const UNIT_MINUTES = 40;
const VISIT_MINUTES = 45;
const COMMITTED_CENTS = 200_000;

// ---------------------------------------------------------------------------------------------------
// The processes: the real entry points (api/src/main.ts, api/src/worker.ts) from the TypeScript sources.

interface Service {
  name: string;
  kind: 'api' | 'worker';
  child: ChildProcess;
  base: string;
  /** Parsed JSON log lines (stdout and stderr) since start. */
  events: Record<string, unknown>[];
  tail: () => string;
}

function spawnService(name: string, kind: 'api' | 'worker', env: Record<string, string>, port: number, running: Service[]): Promise<Service> {
  const entry = kind === 'api' ? 'api/src/main.ts' : 'api/src/worker.ts';
  const child = spawn(process.execPath, ['-r', path.join(root, 'test/support/ts-register.js'), path.join(root, entry)], {
    cwd: root,
    // logs to stdout/stderr (read here), at info level: the start line names the queue backend
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FILE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let raw = '';
  const events: Record<string, unknown>[] = [];
  const lines: string[] = [];
  const take = (buffer: { rest: string }) => (d: Buffer) => {
    buffer.rest += d.toString();
    const parts = buffer.rest.split('\n');
    buffer.rest = parts.pop() ?? '';
    for (const line of parts) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
      if (line.startsWith('{')) {
        try {
          events.push(JSON.parse(line));
        } catch {
          /* not a log line */
        }
      }
    }
    raw = (raw + d.toString()).slice(-2000);
  };
  child.stdout!.on('data', take({ rest: '' }));
  child.stderr!.on('data', take({ rest: '' }));
  const service: Service = { name, kind, child, base: `http://127.0.0.1:${port}`, events, tail: () => lines.slice(-15).join('\n') || raw };
  // registered before it is ready, so a failed start is still stopped by the teardown
  running.push(service);
  return (async () => {
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start: ${service.tail()}`);
        if (kind === 'worker') return events.some((e) => e.event === 'worker.started');
        try {
          return (await fetch(`${service.base}/api/health`)).ok;
        } catch {
          return false;
        }
      },
      150_000,
      250,
    ).catch((e: Error) => {
      throw new Error(`${name} did not start: ${e.message}\n${service.tail()}`);
    });
    return service;
  })();
}

function stopService(s: Service): Promise<void> {
  const { child } = s;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The queue backend the process reported at start ("api.listening" / "worker.started"). */
function reportedQueue(s: Service): unknown {
  return s.events.find((e) => e.event === (s.kind === 'api' ? 'api.listening' : 'worker.started'))?.queue;
}

// ---------------------------------------------------------------------------------------------------
// HTTP

interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(api: Service, method: string, url: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${api.base}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text: text.slice(0, 300) };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

async function login(api: Service, email: string): Promise<string> {
  const r = await call(api, 'POST', '/api/auth/login', { email, password: TEST_PASSWORD });
  if (r.status !== 200) throw new Error(`login ${email} via ${api.name}: ${r.status} ${JSON.stringify(r.body)}`);
  return String(r.body.accessToken);
}

// ---------------------------------------------------------------------------------------------------
// Time: the visits fall in the previous Riga month, which nothing has billed yet (entries are accepted
// up to 95 days late, so any day of last month is still in the window).

function previousMonth(now = new Date()): { month: string; year: number; monthIndex: number } {
  const riga = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit' }).format(now);
  const [y, m] = riga.split('-').map(Number);
  const year = m === 1 ? y - 1 : y;
  const monthIndex = m === 1 ? 11 : m - 2;
  return { month: `${year}-${String(monthIndex + 1).padStart(2, '0')}`, year, monthIndex };
}

// ---------------------------------------------------------------------------------------------------

interface Card {
  contractId: string;
  childId: string;
  secret: string;
  cardNumber: string;
}
interface Specialist {
  email: string;
  specialistId: string;
  providerId: string;
  token: string;
  cards: Card[];
}
interface ScanBody {
  clientScanId: string;
  kind: 'check_in' | 'check_out';
  method: 'qr';
  code: string;
  contractId: string;
  scannedAt: string;
}
interface Pair {
  specialist: Specialist;
  card: Card;
  checkIn: ScanBody;
  checkOut: ScanBody;
}

describe('scale-out: two API processes and two workers on one database and one queue', () => {
  const useRedis = !!process.env.REDIS_URL;
  const queuePrefix = `so${randomBytes(4).toString('hex')}`;
  const services: Service[] = [];
  const target = previousMonth();
  let database: { url: string; drop: () => Promise<void> } | null = null;
  let db: DataSource | null = null;
  let mailDir: string | null = null;
  let apiA: Service;
  let apiB: Service;
  let workers: Service[];
  let specialists: Specialist[] = [];
  const providers: TestProvider[] = [];
  let adminEmail = '';
  const pairs: Pair[] = [];
  const replies = new Map<string, Reply[]>();
  let requestsSent = 0;
  let lastWorkerStartedAt = 0;
  let started: Promise<void> = Promise.resolve();
  let stopping = false;

  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => db!.query(sql, params);
  const n = async (sql: string, params: unknown[] = []): Promise<number> => Number((await q<{ n: number }>(sql, params))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-scale-out-mail-'));
    // every process gets the same configuration: one database, one queue (prefix), one JWT secret, so a
    // token issued by one API is accepted by the other
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      MAIL_DIR: mailDir,
      DB_POOL_SIZE: '4',
      OUTBOX_POLL_MS: '200',
      QUEUE_PREFIX: queuePrefix,
      AUTH_RATE_LIMIT: '100000',
      RUN_WORKER_IN_API: 'false',
      ...(useRedis ? { REDIS_URL: process.env.REDIS_URL as string } : {}),
    };
    console.log(
      `scale-out: queue backend ${useRedis ? `Redis (${new URL(process.env.REDIS_URL as string).host}, db ${new URL(process.env.REDIS_URL as string).pathname.slice(1) || '0'})` : 'PostgreSQL (BullMQ in the app database)'}, prefix ${queuePrefix}`,
    );

    // the population is written while the four processes start. They start one after another, the
    // workers apart: with the PostgreSQL queue backend a starting worker holds ~40 connections for
    // about ten seconds (a pool per queue, closed when idle), ~16 after that
    started = (async () => {
      for (const [name, kind] of [
        ['worker-1', 'worker'],
        ['api-a', 'api'],
        ['api-b', 'api'],
        ['worker-2', 'worker'],
      ] as const) {
        if (stopping) throw new Error('the suite is shutting down');
        await spawnService(name, kind, env, await freePort(), services);
        if (kind === 'worker') lastWorkerStartedAt = Date.now();
      }
    })();
    started.catch(() => {}); // awaited below; a rejection before then must not go unhandled

    db = createDataSource(database.url, 4);
    await db.initialize();
    const firstDay = `${target.year}-01-01`;
    const lastDay = `${target.year}-12-31`;
    const household = await makeOrganisation(db, 'household');
    const family = await makeUser(db, 'family', { organisation: household });
    adminEmail = (await makeUser(db, 'platform_admin')).email;
    for (let p = 0; p < PROVIDERS; p++) providers.push(await makeProvider(db, { name: `SIA Mērogs ${p}` }));
    const seeded: (Omit<Specialist, 'token' | 'cards'> & { contracts: { contractId: string; childId: string }[] })[] = [];
    for (let s = 0; s < SPECIALISTS; s++) {
      const provider = providers[s % PROVIDERS];
      const user = await makeUser(db, 'specialist', { organisation: { id: provider.id } as Organisation });
      const [row] = await q<{ id: string }>(`INSERT INTO specialist (user_id, full_name, registration_number) VALUES ($1, $2, $3) RETURNING id`, [
        user.id,
        `Speciālists ${s}`,
        `REG-${randomBytes(4).toString('hex')}`,
      ]);
      const contracts: { contractId: string; childId: string }[] = [];
      for (let c = 0; c < CHILDREN_PER_SPECIALIST; c++) {
        const funded = await makeFundedChild(db, { committedCents: COMMITTED_CENTS, firstName: `Bērns${s}x${c}` });
        await q(`UPDATE child SET household_organisation_id = $2 WHERE id = $1`, [funded.childId, household.id]);
        await q(`UPDATE basket SET period_start = $2, period_end = $3 WHERE child_id = $1`, [funded.childId, firstDay, lastDay]);
        const contract = await makeContract(db, provider, funded, { unitMinutes: UNIT_MINUTES, unitPriceCents: 3500 + s * 10 + c });
        await q(`UPDATE contract SET committed_cents = $2, value_cents = $2, valid_from = $3, valid_to = $4 WHERE id = $1`, [
          contract.id,
          COMMITTED_CENTS,
          firstDay,
          lastDay,
        ]);
        await q(`INSERT INTO contract_specialist (contract_id, specialist_id) VALUES ($1, $2)`, [contract.id, row.id]);
        contracts.push({ contractId: contract.id, childId: funded.childId });
      }
      seeded.push({ email: user.email, specialistId: row.id, providerId: provider.id, contracts });
    }

    await started;
    [apiA, apiB] = services.filter((s) => s.kind === 'api');
    workers = services.filter((s) => s.kind === 'worker');
    for (const s of services) expect([s.name, reportedQueue(s)]).toEqual([s.name, useRedis ? 'redis' : 'postgres']);

    // the family's phone for each child (through either API), and the specialists' sessions
    const familyToken = await login(apiB, family.email);
    specialists = [];
    for (const [i, s] of seeded.entries()) {
      const cards: Card[] = [];
      for (const [j, c] of s.contracts.entries()) {
        const res = await call((i + j) % 2 ? apiA : apiB, 'POST', '/api/family-devices', { childId: c.childId, label: 'Telefons' }, familyToken);
        if (res.status !== 201) throw new Error(`provisioning a device: ${res.status} ${JSON.stringify(res.body)}`);
        cards.push({ ...c, secret: String(res.body.secret), cardNumber: String(res.body.cardNumber) });
      }
      specialists.push({ email: s.email, specialistId: s.specialistId, providerId: s.providerId, token: await login(i % 2 ? apiA : apiB, s.email), cards });
    }

    // each specialist's pairs: on different days of the month, one unit and a bit long, in daytime
    for (const [s, sp] of specialists.entries()) {
      for (let j = 0; j < PAIRS_PER_SPECIALIST; j++) {
        const card = sp.cards[j % sp.cards.length];
        const inAt = Date.UTC(target.year, target.monthIndex, 3 + j * 6, 7 + (s % 6), (s * 7) % 60);
        const outAt = inAt + VISIT_MINUTES * 60_000;
        const body = (kind: ScanBody['kind'], at: number): ScanBody => ({
          clientScanId: randomUUID(),
          kind,
          method: 'qr',
          code: qrPayloadAt(card.secret, card.cardNumber, at),
          contractId: card.contractId,
          scannedAt: new Date(at).toISOString(),
        });
        pairs.push({ specialist: sp, card, checkIn: body('check_in', inAt), checkOut: body('check_out', outAt) });
      }
    }
  }, 240_000);

  afterAll(async () => {
    // no process starts after this; one still starting is stopped too (and its start then fails)
    stopping = true;
    await Promise.all(services.map(stopService));
    await started.catch(() => {});
    await Promise.all(services.map(stopService));
    await db?.destroy().catch(() => {});
    await database?.drop();
    if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
    if (useRedis) {
      // the queues' keys of this run; nothing else on that Redis database is touched
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Redis = require('ioredis');
      const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys]: [string, string[]] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    }
  }, 60_000);

  it('makes one visit per pair of scans and stores each scan once, whichever API gets it and how often', async () => {
    // the last worker's start-up connections are closed (idle pools) before the load begins
    if (!useRedis) await new Promise((r) => setTimeout(r, Math.max(0, lastWorkerStartedAt + 12_000 - Date.now())));
    // one specialist's scans go in order (check-in, then check-out, pair after pair); all specialists at
    // once; every scan to A and B at the same moment, some a third time to one of them, some retried later
    let k = 0;
    const send = async (body: ScanBody, token: string) => {
      const i = k++;
      const targets = [apiA, apiB];
      if (i % 3 === 0) targets.push(apiA);
      if (i % 4 === 1) targets.push(apiB);
      const got = await Promise.all(targets.map((api) => call(api, 'POST', '/api/visits/scan', body, token)));
      if (i % 5 === 2) got.push(await call(i % 2 ? apiA : apiB, 'POST', '/api/visits/scan', body, token));
      requestsSent += got.length;
      replies.set(body.clientScanId, got);
    };
    await Promise.all(
      specialists.map(async (sp) => {
        for (const p of pairs.filter((x) => x.specialist === sp)) {
          await send(p.checkIn, sp.token);
          await send(p.checkOut, sp.token);
        }
      }),
    );

    // the answers: no 5xx, every copy of a scan answered with the same stored result
    const statuses: Record<number, number> = {};
    for (const rs of replies.values()) for (const r of rs) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    // a 5xx is reported with the cause the API logged for it
    const serverErrors = Object.entries(statuses).filter(([s]) => Number(s) >= 500);
    const causes = new Set(
      [apiA, apiB].flatMap((a) =>
        a.events.filter((e) => e.event === 'request.failed').map((e) => `${a.name} ${e.code}: ${String(e.stack ?? e.error).split(' | ')[0]}`),
      ),
    );
    expect({ serverErrors, causes: [...causes] }).toEqual({ serverErrors: [], causes: [] });
    expect(statuses).toEqual({ 200: requestsSent });
    for (const [clientScanId, rs] of replies) {
      expect(rs[0].body).toMatchObject({ clientScanId, verdict: 'genuine' });
      for (const r of rs.slice(1)) expect({ clientScanId, body: r.body }).toEqual({ clientScanId, body: rs[0].body });
    }
    for (const p of pairs) {
      const inReply = replies.get(p.checkIn.clientScanId)![0].body;
      const outReply = replies.get(p.checkOut.clientScanId)![0].body;
      expect(outReply.visitId).toBe(inReply.visitId);
      expect(outReply).toMatchObject({ visitStatus: 'verified', durationMinutes: VISIT_MINUTES });
    }

    // the database: each clientScanId once, one visit per pair, each scan audited once
    const sent = [...replies.keys()];
    expect(sent).toHaveLength(pairs.length * 2);
    const scans = await q<{ client_scan_id: string; id: string; visit_id: string; n: number }>(
      `SELECT client_scan_id, min(id::text) AS id, min(visit_id::text) AS visit_id, count(*)::int AS n FROM scan WHERE client_scan_id = ANY($1::uuid[]) GROUP BY 1`,
      [sent],
    );
    expect(scans).toHaveLength(sent.length);
    expect(scans.filter((s) => s.n !== 1)).toEqual([]);
    expect(await n(`SELECT count(*)::int AS n FROM scan`)).toBe(sent.length);
    for (const s of scans)
      expect({ id: s.id, visitId: s.visit_id }).toEqual({
        id: replies.get(s.client_scan_id)![0].body.scanId,
        visitId: replies.get(s.client_scan_id)![0].body.visitId,
      });

    const doubles = await q(`SELECT contract_id, specialist_id, check_in_at, count(*)::int AS n FROM visit GROUP BY 1, 2, 3 HAVING count(*) > 1`);
    expect(doubles).toEqual([]);
    const visits = await q<{ id: string; status: string; check_in_scan_id: string; check_out_scan_id: string }>(
      `SELECT id, status, check_in_scan_id, check_out_scan_id FROM visit ORDER BY check_in_at`,
    );
    expect(visits).toHaveLength(pairs.length);
    const byVisit = new Map(visits.map((v) => [v.id, v]));
    for (const p of pairs) {
      const visitId = String(replies.get(p.checkIn.clientScanId)![0].body.visitId);
      expect(byVisit.get(visitId)).toEqual({
        id: visitId,
        status: 'verified',
        check_in_scan_id: replies.get(p.checkIn.clientScanId)![0].body.scanId,
        check_out_scan_id: replies.get(p.checkOut.clientScanId)![0].body.scanId,
      });
    }
    // (a check-in entered days later is NO_CHECK_OUT until its check-out arrives, which resolves that exception)
    expect(await n(`SELECT count(*)::int AS n FROM visit_exception WHERE status = 'open'`)).toBe(0);
    expect(await n(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'visit.scanned'`)).toBe(sent.length);
    console.log(
      `scale-out: ${specialists.length} specialists, ${sent.length} scans sent as ${requestsSent} requests to 2 APIs -> ${scans.length} scan rows, ${visits.length} visits (${pairs.length} pairs)`,
    );
  }, 120_000);

  it('runs each billing job once, on whichever worker takes it: one claim line and one spend per verified visit', async () => {
    const admin = await login(apiA, adminEmail);
    const admin2 = await login(apiB, adminEmail);
    const key = randomUUID();
    // the same start with the same Idempotency-Key through both APIs at once, and a second officer's
    // separate start of the same month through B: two runs, which the two workers may take in parallel
    const [viaA, viaB, second] = await Promise.all([
      call(apiA, 'POST', '/api/billing-runs', { month: target.month }, admin, { 'Idempotency-Key': key }),
      call(apiB, 'POST', '/api/billing-runs', { month: target.month }, admin2, { 'Idempotency-Key': key }),
      call(apiB, 'POST', '/api/billing-runs', { month: target.month }, admin2),
    ]);
    const keyed = [viaA, viaB];
    for (const r of [...keyed, second]) expect(r.status).toBeLessThan(500);
    expect(second.status).toBe(201);
    const created = keyed.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of keyed.filter((x) => x.status !== 201)) expect(r.body).toMatchObject({ statusCode: 409, code: 'IDEMPOTENCY_IN_PROGRESS' });
    const runId = String(created[0].body.id);
    expect(second.body.id).not.toBe(runId);
    // a later retry of the keyed start, through the other API, is answered from the stored reply
    const retry = await call(viaA.status === 201 ? apiB : apiA, 'POST', '/api/billing-runs', { month: target.month }, admin, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(runId);

    const runIds = [runId, String(second.body.id)];
    await waitFor(async () => (await n(`SELECT count(*)::int AS n FROM billing_run WHERE status IN ('completed', 'failed')`)) === 2, 90_000, 250);
    const runs = await q<{
      id: string;
      status: string;
      attempts: number;
      providers_total: number;
      providers_done: number;
      lines_created: number;
      amount_cents: string;
    }>(`SELECT id, status, attempts, providers_total, providers_done, lines_created, amount_cents::text FROM billing_run ORDER BY created_at`);
    expect(runs.map((r) => r.id).sort()).toEqual([...runIds].sort());
    for (const r of runs)
      expect({ id: r.id, status: r.status, attempts: r.attempts, done: r.providers_done }).toEqual({
        id: r.id,
        status: 'completed',
        attempts: 1,
        done: r.providers_total,
      });

    // each run's job was processed by exactly one worker, once (its log line follows the commit: wait
    // for both, then a moment longer, in which a second processing would show up too)
    const jobLines = () =>
      workers.flatMap((w) => w.events.filter((e) => e.event === 'billing.run_job').map((e) => ({ worker: w.name, runId: String(e.runId), status: e.status })));
    await waitFor(() => jobLines().length >= runIds.length, 15_000, 100);
    await new Promise((r) => setTimeout(r, 1000));
    const jobs = jobLines();
    expect(jobs.map((j) => j.runId).sort()).toEqual([...runIds].sort());
    expect(jobs.every((j) => j.status === 'completed')).toBe(true);

    // claims: every verified visit of the month exactly one claim line, nothing else billed
    const verified = await n(`SELECT count(*)::int AS n FROM visit WHERE status = 'verified'`);
    expect(verified).toBe(pairs.length);
    expect(await q(`SELECT visit_id, kind, count(*)::int AS n FROM claim_line GROUP BY 1, 2 HAVING count(*) > 1`)).toEqual([]);
    expect(
      await n(
        `SELECT count(*)::int AS n FROM visit v WHERE v.status = 'verified' AND (SELECT count(*) FROM claim_line cl WHERE cl.visit_id = v.id AND cl.kind = 'claim') <> 1`,
      ),
    ).toBe(0);
    const claims = await n(`SELECT count(*)::int AS n FROM claim_line WHERE kind = 'claim'`);
    expect(claims).toBe(verified);
    expect(await n(`SELECT count(*)::int AS n FROM claim_line WHERE kind <> 'claim'`)).toBe(0);
    expect(await n(`SELECT count(*)::int AS n FROM visit WHERE status = 'verified' AND NOT billed`)).toBe(0);
    expect(runs.reduce((s, r) => s + r.lines_created, 0)).toBe(claims);

    // the ledger: one spend per claim line with an amount, of that amount; nothing spent twice
    const unmatched = await q(
      `SELECT cl.id, cl.amount_cents, count(lm.id)::int AS spends, coalesce(sum(lm.amount_cents), 0)::text AS spent
         FROM claim_line cl LEFT JOIN ledger_movement lm ON lm.ref_type = 'claim_line' AND lm.ref_id = cl.id::text AND lm.kind = 'spend'
        GROUP BY cl.id, cl.amount_cents
       HAVING count(lm.id) <> (CASE WHEN cl.amount_cents > 0 THEN 1 ELSE 0 END) OR coalesce(sum(lm.amount_cents), 0) <> greatest(cl.amount_cents, 0)`,
    );
    expect(unmatched).toEqual([]);
    const [money] = await q<{ spends: number; spent: string; billed: string }>(
      `SELECT (SELECT count(*)::int FROM ledger_movement WHERE kind = 'spend') AS spends,
              (SELECT coalesce(sum(amount_cents), 0)::text FROM ledger_movement WHERE kind = 'spend') AS spent,
              (SELECT coalesce(sum(amount_cents), 0)::text FROM claim_line) AS billed`,
    );
    expect(money.spends).toBe(await n(`SELECT count(*)::int AS n FROM claim_line WHERE amount_cents > 0`));
    expect(money.spent).toBe(money.billed);
    expect(runs.reduce((s, r) => s + Number(r.amount_cents), 0)).toBe(Number(money.billed));

    // invoices: one draft per provider and month, holding all of its lines
    const invoices = await q<{ provider_organisation_id: string; line_count: number; total_cents: string }>(
      `SELECT provider_organisation_id, line_count, total_cents::text FROM invoice WHERE month = $1 ORDER BY 1`,
      [target.month],
    );
    expect(invoices).toHaveLength(providers.length);
    expect(invoices.reduce((s, i) => s + i.line_count, 0)).toBe(claims);
    expect(invoices.reduce((s, i) => s + Number(i.total_cents), 0)).toBe(Number(money.billed));

    // four processes wrote the audit log at once: sealed, its chain still verifies
    const chain = new AuditChainService(db!);
    await chain.seal();
    expect((await chain.verify()).firstBreak).toBeNull();
    console.log(
      `scale-out: keyed start answered ${keyed.map((r) => r.status).join(' + ')}; ${runs.length} billing runs of ${target.month} (${jobs.map((j) => `${j.runId.slice(0, 8)} on ${j.worker}`).join(', ')}): ${claims} claim lines for ${verified} verified visits, ${money.spends} spends, ${invoices.length} invoices`,
    );
  }, 150_000);
});
