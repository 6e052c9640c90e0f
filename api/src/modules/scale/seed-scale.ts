import { randomUUID } from 'node:crypto';
import { makeCardNumber, type FundingSource } from '@lidz/libs';
import type { DataSource } from 'typeorm';
import { priceClaim, type UnitKind } from '../billing/claim.rules';
import { ReportsRepository } from '../reports/reports.repository';
import { BulkLoader } from './bulk-loader';
import { pgArray } from './scale.tables';

/**
 * The national-scale population (`npm run seed:scale`): municipalities' children with decisions and
 * cases, approved baskets whose ledgers balance (allocate → commit per contract → spend per claim line),
 * providers with specialists, offers and contracts, and months of visits with realistic shares of
 * exceptions, rejections, group sessions and manual entries. Past months are billed (claim lines on
 * approved invoices, spends on the ledger); the last `unbilledMonths` are left for a billing run.
 *
 * Everything random comes from one seeded generator, so `--visits-factor 10` with the same seed builds
 * the same children, baskets and contracts with ten times the visits (and ten times the units).
 */
export interface ScaleOptions {
  children: number;
  providers?: number;
  caseManagers?: number;
  months: number;
  visitsFactor?: number;
  unbilledMonths?: number;
  /** The month after the last generated one, `YYYY-MM` (default: the current month). */
  untilMonth?: string;
  seed?: number;
  batchSize?: number;
  /** argon2 hash every generated user gets (the benchmarks sign in with its password). */
  passwordHash: string;
  log?: (line: string) => void;
}

export interface ScaleStats {
  rows: Partial<Record<string, number>>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
  visits: number;
  months: string[];
  rollupSeconds: number;
}

export const SCALE_EMAIL_DOMAIN = 'scale.lidz.lv';
export const SCALE_PASSWORD = 'scale-Password-1';

/** mulberry32: small, fast, good enough for synthetic data, and reproducible from a seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const FIRST = ['Jānis', 'Anna', 'Elza', 'Roberts', 'Marta', 'Kārlis', 'Sofija', 'Markuss', 'Emīlija', 'Olivers', 'Alise', 'Gustavs', 'Paula', 'Artūrs', 'Līga'];
const LAST = ['Bērziņš', 'Kalniņa', 'Ozols', 'Jansons', 'Liepa', 'Krūmiņš', 'Zariņa', 'Vītols', 'Kļaviņa', 'Lapiņš', 'Eglīte', 'Siliņš'];
const MANUAL_REASONS = ['DEVICE_BROKEN', 'CARD_FORGOTTEN', 'NO_NETWORK_NO_QR', 'HOME_VISIT_NO_SIGNAL', 'OTHER'];
/** Chance a child has a line in each category (age-dependent ones are checked below). */
const CATEGORY_CHANCE: Record<string, number> = {
  therapy: 0.85,
  psychological: 0.2,
  education_support: 0.3,
  assistance: 0.25,
  early_intervention: 0.5,
  employment: 0.25,
  respite_day_care: 0.12,
};

/** Shares of visit outcomes, the scale's assumptions (DESIGN §5 rules applied to a year of visits). */
export const SHARES = { manual: 0.03, exception: 0.04, exceptionRejected: 0.4, exceptionStillOpen: 0.2, card: 0.18, groupContract: 0.15 };

interface Service {
  code: string;
  category: string;
  unitKind: UnitKind;
  unitMinutes: number;
  deliveryMode: string;
  priceCents: number;
}
interface Provider {
  id: string;
  reg: string;
  adminUserId: string;
  specialists: string[];
  services: string[];
  offers: Map<string, string>;
}
interface Contract {
  id: string;
  childId: string;
  muni: string;
  provider: Provider;
  service: Service;
  lineId: string;
  source: FundingSource;
  units: number;
  uptake: number;
  group: boolean;
  groupSize: number;
  specialistId: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (ym: string, n: number) => {
  const [y, m] = ym.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const monthStartUtc = (ym: string) => new Date(`${ym}-01T00:00:00Z`);
const daysIn = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).getUTCDate();

/** The tables that take millions of rows; their indexes not backing a constraint are built after the load. */
const BIG_TABLES = ['visit', 'claim_line', 'ledger_movement', 'visit_exception'];

/** Drops the plain (not constraint-backing, not primary) indexes of the tables; returns the statements re-creating them. */
async function dropSecondaryIndexes(q: (sql: string, params?: unknown[]) => Promise<unknown>, tables: string[]): Promise<string[]> {
  const rows = (await q(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  )) as { name: string; def: string }[];
  const defs: string[] = [];
  for (const r of rows) {
    await q(`DROP INDEX ${r.name}`);
    defs.push(r.def);
  }
  return defs;
}

export async function seedScale(db: DataSource, opts: ScaleOptions): Promise<ScaleStats> {
  const log = opts.log ?? (() => {});
  const factor = Math.max(1, Math.floor(opts.visitsFactor ?? 1));
  const providersN = opts.providers ?? Math.max(2, Math.round(opts.children / 8));
  const managersN = opts.caseManagers ?? Math.max(1, Math.round(opts.children / 20));
  const unbilled = Math.min(opts.months, Math.max(0, opts.unbilledMonths ?? 1));
  const until = opts.untilMonth ?? new Date().toISOString().slice(0, 7);
  const months = Array.from({ length: opts.months }, (_, i) => addMonths(until, i - opts.months));
  const periodStart = `${months[0]}-01`;
  const periodEnd = day(new Date(monthStartUtc(until).getTime() - 86_400_000));
  const rng = prng(opts.seed ?? 20261201);
  const runner = db.createQueryRunner();
  await runner.connect();
  const q = (sql: string, params?: unknown[]) => runner.query(sql, params);
  // A bulk load's own session: no wait for the WAL flush per statement, and — where the role may (a
  // superuser, as on the embedded server) — no per-row foreign-key and trigger checks: the generator
  // builds consistent rows by construction, and `npm run seed:scale` is never pointed at live data.
  await q('SET synchronous_commit = off');
  const fastLoad = await q('SET session_replication_role = replica').then(
    () => true,
    () => false,
  );
  const loader = new BulkLoader(q, opts.batchSize ?? 5000);
  const started = Date.now();
  let phaseStart = started;
  let phaseRows = 0;
  const phase = async (name: string) => {
    await loader.drain();
    const rows = loader.total - phaseRows;
    const s = (Date.now() - phaseStart) / 1000;
    log(`${name}: ${rows.toLocaleString('en')} rows in ${s.toFixed(1)} s (${Math.round(rows / Math.max(s, 0.001)).toLocaleString('en')} rows/s)`);
    phaseStart = Date.now();
    phaseRows = loader.total;
  };

  let deferred: string[] = [];
  try {
    const existing: { n: number }[] = await q(`SELECT count(*)::int AS n FROM app_user WHERE email LIKE $1`, [`%@${SCALE_EMAIL_DOMAIN}`]);
    if (existing[0].n > 0) throw new Error('this database already holds a scale population; seed an empty (migrated) database');
    // tolerant reading of the reference data the other contexts' migrations put in; a period starting before the
    // catalogue's first prices takes each service's earliest price
    const munis: { code: string }[] = await q(`SELECT code FROM municipality ORDER BY code`);
    if (!munis.length) throw new Error('no municipalities: run the migrations first');
    const services: Service[] = (
      await q(
        `SELECT s.code, s.category, s.unit_kind, s.unit_minutes, s.delivery_mode,
                (SELECT p.reference_price_cents FROM catalogue_price p WHERE p.service_code = s.code ORDER BY (p.valid_from <= $1::date) DESC, CASE WHEN p.valid_from <= $1::date THEN -extract(epoch FROM p.valid_from) ELSE extract(epoch FROM p.valid_from) END LIMIT 1) AS price
           FROM catalogue_service s WHERE s.active AND s.unit_kind IN ('session','hour','day') AND s.unit_minutes BETWEEN 15 AND 480 ORDER BY s.code`,
        [periodStart],
      )
    )
      .filter((r: { price: string | null }) => r.price !== null)
      .map((r: { code: string; category: string; unit_kind: UnitKind; unit_minutes: number; delivery_mode: string; price: string }) => ({
        code: r.code,
        category: r.category,
        unitKind: r.unit_kind,
        unitMinutes: r.unit_minutes,
        deliveryMode: r.delivery_mode,
        priceCents: Number(r.price),
      }));
    if (!services.length) throw new Error('no priced catalogue services: run the migrations first');
    const sourceRows: { category: string; funding_source: FundingSource }[] = await q(
      `SELECT DISTINCT ON (category) category, funding_source FROM funding_rule ORDER BY category, valid_from DESC`,
    ).catch(() => []);
    const sourceOf = new Map(sourceRows.map((r) => [r.category, r.funding_source]));
    const byCategory = new Map<string, Service[]>();
    for (const s of services) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);

    // --- organisations and users
    const orgRows: { id: string; code: string }[] = await q(`SELECT id, code FROM organisation WHERE kind = 'municipality' AND code IS NOT NULL`);
    const muniOrg = new Map(orgRows.map((r) => [r.code, r.id]));
    for (const { code } of munis) {
      if (muniOrg.has(code)) continue;
      const id = randomUUID();
      muniOrg.set(code, id);
      await loader.add('organisation', [id, `${code} (municipality)`, 'municipality', code]);
    }
    const platformOrg = randomUUID();
    const ministryOrg = randomUUID();
    await loader.add('organisation', [platformOrg, 'Scale platform', 'platform', null]);
    // a ministry analyst's scope is the funding source named by the organisation's code
    const lmTaken: unknown[] = await q(`SELECT 1 FROM organisation WHERE code = 'LM'`);
    await loader.add('organisation', [ministryOrg, 'Scale ministry', 'ministry', lmTaken.length ? null : 'LM']);
    const user = async (email: string, name: string, role: string, org: string) => {
      const id = randomUUID();
      await loader.add('appUser', [id, `${email}@${SCALE_EMAIL_DOMAIN}`, name, role, org, opts.passwordHash]);
      return id;
    };
    await user('admin', 'Scale admin', 'platform_admin', platformOrg);
    await user('analyst', 'Scale analyst', 'ministry_analyst', ministryOrg);
    const officerOf = new Map<string, string>();
    for (const { code } of munis)
      officerOf.set(code, await user(`officer.${code.toLowerCase()}`, `Officer ${code}`, 'municipality_officer', muniOrg.get(code)!));

    // --- children spread over municipalities (Rīga about a third)
    const weights = munis.map(({ code }) => (code === 'RIGA' ? 20 : 0.5 + rng.next()));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const pickMuni = () => {
      let r = rng.next() * wsum;
      for (let i = 0; i < munis.length; i++) if ((r -= weights[i]) <= 0) return munis[i].code;
      return munis[munis.length - 1].code;
    };
    const childMuni = Array.from({ length: opts.children }, pickMuni);
    const perMuni = new Map<string, number>();
    for (const m of childMuni) perMuni.set(m, (perMuni.get(m) ?? 0) + 1);
    const limit = Math.max(1, Math.ceil(opts.children / managersN));
    const managersOf = new Map<string, string[]>();
    let managerNo = 0;
    for (const { code } of munis) {
      const n = perMuni.get(code) ? Math.ceil(perMuni.get(code)! / limit) : 0;
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await user(`cm${++managerNo}`, `Case manager ${managerNo}`, 'case_manager', muniOrg.get(code)!));
      managersOf.set(code, ids);
    }

    // --- providers, specialists, offers
    const providers: Provider[] = [];
    const providersOf = new Map<string, Provider[]>();
    let specialistNo = 0;
    for (let p = 0; p < providersN; p++) {
      const id = randomUUID();
      const reg = `5${String(p + 1).padStart(10, '0')}`;
      await loader.add('organisation', [id, `Provider ${p + 1}`, 'provider', null]);
      const adminUserId = await user(`admin.p${p + 1}`, `Provider admin ${p + 1}`, 'provider_admin', id);
      await loader.add('providerProfile', [
        id,
        reg,
        'company',
        `LV80BANK${String(p).padStart(13, '0')}`,
        `p${p + 1}@${SCALE_EMAIL_DOMAIN}`,
        pgArray(['lv']),
        'approved',
        `${periodStart}T08:00:00Z`,
      ]);
      // every service has providers: the first ones take the catalogue in turn, the rest favour therapy
      const own = new Set<string>([services[p % services.length].code]);
      const extra = rng.int(0, 2);
      for (let i = 0; i < extra; i++) own.add(rng.chance(0.5) ? rng.pick(byCategory.get('therapy') ?? services).code : rng.pick(services).code);
      const prov: Provider = { id, reg, adminUserId, specialists: [], services: [...own], offers: new Map() };
      const nSpec = rng.int(1, 5);
      for (let s = 0; s < nSpec; s++) {
        specialistNo += 1;
        const sid = randomUUID();
        const uid = await user(`s${specialistNo}`, `Specialist ${specialistNo}`, 'specialist', id);
        await loader.add('specialist', [sid, uid, `Specialist ${specialistNo}`, `SP${String(specialistNo).padStart(8, '0')}`, pgArray([]), pgArray(['lv'])]);
        await loader.add('providerSpecialist', [randomUUID(), id, sid]);
        prov.specialists.push(sid);
      }
      for (const code of prov.services) {
        const svc = services.find((s) => s.code === code)!;
        const offerId = randomUUID();
        prov.offers.set(code, offerId);
        await loader.add('offer', [
          offerId,
          id,
          code,
          svc.priceCents,
          svc.unitMinutes,
          svc.deliveryMode === 'group' ? 'group' : 'individual',
          svc.deliveryMode === 'individual' ? 1 : 4,
          pgArray([]),
          pgArray(['lv']),
          periodStart,
          10,
        ]);
        providersOf.set(code, [...(providersOf.get(code) ?? []), prov]);
      }
      providers.push(prov);
    }
    await phase('organisations, users, providers, specialists, offers');

    // --- children, decisions, cases, baskets, lines, contracts, ledgers
    const contracts: Contract[] = [];
    const caseCount = new Map<string, number>();
    const nowIso = `${periodStart}T09:00:00Z`;
    for (let i = 0; i < opts.children; i++) {
      const muni = childMuni[i];
      const age = rng.int(1, 23);
      const birth = new Date(Date.UTC(Number(until.slice(0, 4)) - age, rng.int(0, 11), rng.int(1, 28)));
      const bd = day(birth);
      const code = `${bd.slice(8, 10)}${bd.slice(5, 7)}${bd.slice(2, 4)}-${i.toString(36).toUpperCase().padStart(5, '0')}`;
      const childId = randomUUID();
      await loader.add('child', [childId, code, rng.pick(FIRST), rng.pick(LAST), bd, muni, pgArray(rng.chance(0.2) ? ['lv', 'ru'] : ['lv'])]);
      const decisionId = randomUUID();
      const decided = day(new Date(monthStartUtc(months[0]).getTime() - rng.int(30, 700) * 86_400_000));
      const kind = age < 18 ? 'child' : rng.pick(['group_1', 'group_2', 'group_2', 'group_3', 'group_3']);
      const validTo =
        age < 18 ? `${birth.getUTCFullYear() + 18}-${bd.slice(5)}` : rng.chance(0.3) ? null : `${Number(decided.slice(0, 4)) + 5}${decided.slice(4)}`;
      await loader.add('decision', [
        decisionId,
        `SC-${String(i + 1).padStart(7, '0')}`,
        childId,
        decided,
        kind,
        rng.chance(0.15),
        decided,
        validTo === null ? null : validTo.endsWith('02-29') ? validTo.replace('02-29', '02-28') : validTo,
        rng.chance(0.9),
      ]);
      await loader.add('card', [randomUUID(), childId, makeCardNumber(`9${String(i + 1).padStart(10, '0')}`), 'active']);
      const managers = managersOf.get(muni)!;
      const caseId = randomUUID();
      if (rng.chance(0.03) || !managers.length) {
        // waiting for a case manager: no basket yet
        await loader.add('childCase', [caseId, childId, muni, null, 'unassigned', decisionId, `${decided}T10:00:00Z`, null, null, null]);
        continue;
      }
      const assigned = caseCount.get(muni) ?? 0;
      caseCount.set(muni, assigned + 1);
      const manager = managers[assigned % managers.length];
      await loader.add('childCase', [
        caseId,
        childId,
        muni,
        manager,
        'open',
        decisionId,
        `${decided}T10:00:00Z`,
        decided,
        decided,
        rng.pick(['phone', 'visit', 'email']),
      ]);
      const basketId = randomUUID();
      const officer = officerOf.get(muni)!;
      const categories = Object.keys(CATEGORY_CHANCE).filter(
        (c) => byCategory.has(c) && (c !== 'early_intervention' || age < 7) && (c !== 'employment' || age >= 16) && rng.chance(CATEGORY_CHANCE[c]),
      );
      if (!categories.length) categories.push(byCategory.has('therapy') ? 'therapy' : services[0].category);
      let basketTotal = 0;
      const lines: unknown[][] = [];
      const ledgers: unknown[][] = [];
      for (const category of categories) {
        const service = rng.pick(byCategory.get(category)!);
        const candidates = providersOf.get(service.code) ?? providers;
        const provider = rng.pick(candidates);
        const group = service.deliveryMode === 'group' || (service.deliveryMode === 'either' && rng.chance(SHARES.groupContract));
        const groupSize = group ? 4 : 1;
        const units = (service.unitKind === 'hour' ? rng.int(8, 20) : service.unitKind === 'day' ? rng.int(4, 10) : rng.pick([4, 4, 8, 8, 8, 12])) * factor;
        const value = units * opts.months * service.priceCents;
        const allocated = Math.ceil((value * 1.1) / 100) * 100;
        const lineId = randomUUID();
        const source = sourceOf.get(category) ?? 'MUNICIPALITY';
        lines.push([lineId, basketId, childId, category, source, allocated, allocated, allocated, category === 'assistance']);
        basketTotal += allocated;
        const contractId = randomUUID();
        const specialistId = group ? provider.specialists[0] : rng.pick(provider.specialists);
        contracts.push({
          id: contractId,
          childId,
          muni,
          provider,
          service,
          lineId,
          source,
          units,
          uptake: 0.6 + rng.next() * 0.4,
          group,
          groupSize,
          specialistId,
        });
        ledgers.push([lineId, 'allocate', allocated, 'basket_version', basketId, officer, 'v1', `${periodStart}T08:00:00Z`]);
        ledgers.push([lineId, 'commit', value, 'contract', contractId, officer, 'contract.approved', `${periodStart}T08:30:00Z`]);
      }
      await loader.add('basket', [basketId, childId, caseId, muni, 1, 'active', periodStart, periodEnd, basketTotal, manager, officer, nowIso]);
      for (const l of lines) await loader.add('basketLine', l);
      for (const c of contracts.slice(contracts.length - categories.length)) {
        const value = c.units * opts.months * c.service.priceCents;
        await loader.add('contract', [
          c.id,
          c.childId,
          c.provider.id,
          c.provider.offers.get(c.service.code) ?? null,
          c.service.code,
          c.lineId,
          c.service.unitMinutes,
          c.service.priceCents,
          c.units,
          c.group ? 'group' : 'individual',
          c.groupSize,
          periodStart,
          periodEnd,
          'active',
          value,
          value,
          c.provider.adminUserId,
          nowIso,
          nowIso,
        ]);
        await loader.add('contractSpecialist', [c.id, c.specialistId]);
      }
      for (const l of ledgers) await loader.add('ledger', l);
    }
    await phase(`children, decisions, cases, baskets, contracts (${contracts.length.toLocaleString('en')} contracts)`);

    // --- visits month by month; past months billed onto approved invoices. The big tables' secondary
    // indexes are built once after the load instead of row by row during it (several times faster).
    deferred = await dropSecondaryIndexes(q, BIG_TABLES);
    let visits = 0;
    const invoiceSeq = new Map<string, number>();
    for (let mi = 0; mi < months.length; mi++) {
      const ym = months[mi];
      const billed = mi < months.length - unbilled;
      const base = monthStartUtc(ym).getTime();
      const days = daysIn(ym);
      const slot = new Map<string, number>();
      const sessions = new Map<string, string>();
      const invoices = new Map<string, string>();
      for (const c of contracts) {
        const n = Math.min(c.units, Math.round(c.units * c.uptake * (0.85 + rng.next() * 0.15)));
        for (let k = 0; k < n; k++) {
          let start: number;
          let groupSessionId: string | null = null;
          if (c.group) {
            // children of the same specialist's group contracts meet in the same sessions
            const key = `${c.specialistId}:${k}`;
            groupSessionId = sessions.get(key) ?? randomUUID();
            sessions.set(key, groupSessionId);
            start = base + ((k * 2) % days) * 86_400_000 + (15 + Math.floor((k * 2) / days)) * 3_600_000;
          } else {
            const s = slot.get(c.specialistId) ?? 0;
            slot.set(c.specialistId, s + 1);
            start = base + (s % days) * 86_400_000 + (6 + (Math.floor(s / days) % 9)) * 3_600_000;
          }
          const unit = c.service.unitMinutes;
          // one unit per visit, so visits within units_per_month never spend more than the contract committed
          let duration: number | null = unit;
          let status = 'verified';
          let method = rng.chance(SHARES.card) ? 'card' : 'qr';
          let manualReason: string | null = null;
          const reasons: string[] = [];
          let exception: { reason: string; open: boolean; action: string | null; code: string | null } | null = null;
          if (rng.chance(SHARES.manual)) {
            method = 'manual';
            manualReason = rng.pick(MANUAL_REASONS);
            reasons.push('MANUAL_ENTRY');
          } else if (rng.chance(SHARES.exception)) {
            const reason = rng.pick(['SHORT_VISIT', 'SHORT_VISIT', 'NO_CHECK_OUT', 'SPECIALIST_OVERLAP']);
            reasons.push(reason);
            if (reason === 'SHORT_VISIT') duration = Math.floor(unit * 0.6);
            if (reason === 'NO_CHECK_OUT') duration = null;
            const open = !billed || rng.chance(SHARES.exceptionStillOpen);
            const rejected = !open && (duration === null || rng.chance(SHARES.exceptionRejected));
            status = open ? 'exception' : rejected ? 'rejected' : 'verified';
            exception = {
              reason,
              open,
              action: open ? null : rejected ? 'reject' : 'accept',
              code: open ? null : rejected ? 'NOT_DELIVERED' : 'EVIDENCE_SUFFICIENT',
            };
          }
          const visitId = randomUUID();
          const checkIn = new Date(start);
          const checkOut = duration === null ? null : new Date(start + duration * 60_000);
          const price =
            status === 'verified' && duration !== null
              ? priceClaim(
                  { unitKind: c.service.unitKind, unitMinutes: unit, unitPriceCents: c.service.priceCents, deliveryMode: c.group ? 'group' : 'individual' },
                  { durationMinutes: duration, groupSize: c.groupSize },
                )
              : null;
          const isBilled = billed && price !== null;
          await loader.add('visit', [
            visitId,
            c.id,
            c.childId,
            c.specialistId,
            c.provider.id,
            c.service.code,
            checkIn.toISOString(),
            checkOut?.toISOString() ?? null,
            duration,
            price?.billedMinutes ?? 0,
            price?.amountCents ?? 0,
            status,
            method,
            groupSessionId,
            c.groupSize,
            method === 'manual',
            manualReason,
            pgArray(reasons),
            isBilled,
            (checkOut ?? checkIn).toISOString(),
          ]);
          visits += 1;
          if (exception) {
            const decidedAt = exception.open ? null : new Date(start + 3 * 86_400_000).toISOString();
            await loader.add('visitException', [
              randomUUID(),
              visitId,
              c.childId,
              c.provider.id,
              exception.reason,
              pgArray([exception.reason]),
              exception.open ? 'open' : 'resolved',
              (checkOut ?? checkIn).toISOString(),
              exception.action,
              exception.code,
              decidedAt,
            ]);
          }
          if (isBilled && price) {
            let invoiceId = invoices.get(c.provider.id);
            if (!invoiceId) {
              invoiceId = randomUUID();
              invoices.set(c.provider.id, invoiceId);
              const seq = (invoiceSeq.get(c.provider.id) ?? 0) + 1;
              invoiceSeq.set(c.provider.id, seq);
              const issued = `${addMonths(ym, 1)}-05`;
              await loader.add('invoice', [
                invoiceId,
                c.provider.id,
                ym,
                'approved',
                seq,
                `${c.provider.reg}-${String(seq).padStart(4, '0')}`,
                issued,
                `${issued}T10:00:00Z`,
              ]);
            }
            const claimId = randomUUID();
            await loader.add('claimLine', [
              claimId,
              'claim',
              visitId,
              c.id,
              c.childId,
              c.provider.id,
              c.lineId,
              c.source,
              c.source === 'MUNICIPALITY' ? `MUNICIPALITY:${c.muni}` : c.source,
              c.service.code,
              day(checkIn),
              c.service.unitKind,
              unit,
              c.service.priceCents,
              duration ?? 0,
              price.billedMinutes,
              price.quantityMilli,
              price.participants,
              price.amountCents,
              invoiceId,
            ]);
            if (price.amountCents > 0)
              await loader.add('ledger', [
                c.lineId,
                'spend',
                price.amountCents,
                'claim_line',
                claimId,
                null,
                `visit ${visitId}`,
                `${addMonths(ym, 1)}-03T02:00:00Z`,
              ]);
          }
        }
      }
      await phase(`visits ${ym}${billed ? ' (billed)' : ''}`);
    }
    await q(
      `UPDATE invoice i SET total_cents = t.total, line_count = t.n FROM (SELECT invoice_id, sum(amount_cents) AS total, count(*)::int AS n FROM claim_line WHERE invoice_id IS NOT NULL GROUP BY 1) t WHERE t.invoice_id = i.id`,
    );
    const indexStarted = Date.now();
    await q(`SET maintenance_work_mem = '256MB'`);
    for (const def of deferred.splice(0)) await q(def);
    if (BIG_TABLES.length) log(`secondary indexes of ${BIG_TABLES.join(', ')} rebuilt in ${((Date.now() - indexStarted) / 1000).toFixed(1)} s`);
    // vacuumed as well as analysed: a loaded database in the state a live one is in (visibility map set),
    // so autovacuum does not spend the next minutes catching up on the load while it is being measured
    await q('VACUUM (ANALYZE)');
    const loadSeconds = (Date.now() - started) / 1000;
    const total = loader.total;
    log(
      `loaded ${total.toLocaleString('en')} rows (${visits.toLocaleString('en')} visits) in ${loadSeconds.toFixed(1)} s: ${Math.round(total / loadSeconds).toLocaleString('en')} rows/s`,
    );
    const rollupStarted = Date.now();
    await db.transaction((m) => new ReportsRepository().rebuildRollups(m, null));
    const rollupSeconds = (Date.now() - rollupStarted) / 1000;
    log(`database time per table (ms): ${JSON.stringify(loader.millis)}${fastLoad ? '' : ' (foreign keys checked per row: not a superuser)'}`);
    log(`report rollups rebuilt in ${rollupSeconds.toFixed(1)} s`);
    return {
      rows: { ...loader.counts },
      totalRows: total,
      seconds: loadSeconds,
      rowsPerSecond: Math.round(total / loadSeconds),
      visits,
      months,
      rollupSeconds,
    };
  } catch (e) {
    // a failed load still leaves the schema whole
    for (const def of deferred.splice(0)) await q(def).catch(() => {});
    throw e;
  } finally {
    if (fastLoad) await q('RESET session_replication_role').catch(() => {});
    await q('RESET synchronous_commit').catch(() => {});
    await runner.release();
  }
}
