import { randomBytes, randomInt } from 'node:crypto';
import type { FundingSource } from '@lidz/libs';
import type { DataSource } from 'typeorm';

/**
 * Minimal rows for billing tests, written with plain SQL so billing can be tested on its own: a
 * provider with a bank account, a child with a funded basket line (money allocated and committed on
 * the ledger, as contract approval leaves it), an active contract, and verified visits.
 */
const hex = (n = 4) => randomBytes(n).toString('hex');

/** A valid Latvian IBAN for a random account (ISO 13616 check digits). */
export function randomIban(bank = 'HABA'): string {
  const bban = `${bank}${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e4)).padStart(4, '0')}`;
  const numeric = (bban + 'LV00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of numeric) rem = (rem * 10 + Number(d)) % 97;
  return `LV${String(98 - rem).padStart(2, '0')}${bban}`;
}

export interface TestProvider {
  id: string;
  code: string;
  name: string;
  iban: string | null;
}

export async function makeProvider(db: DataSource, opts: { name?: string; iban?: string | null } = {}): Promise<TestProvider> {
  const code = `4000${String(randomInt(1e7)).padStart(7, '0')}`;
  const name = opts.name ?? `SIA Terapija ${hex(2)}`;
  const iban = opts.iban === undefined ? randomIban() : opts.iban;
  const [org] = await db.query(`INSERT INTO organisation (name, kind, code) VALUES ($1, 'provider', $2) RETURNING id`, [name, code]);
  await db.query(
    `INSERT INTO provider_profile (organisation_id, registration_number, kind, iban, contact_email, status) VALUES ($1, $2, 'private', $3, $4, 'approved')`,
    [org.id, code, iban, `info-${hex(2)}@example.lv`],
  );
  return { id: org.id, code, name, iban };
}

export interface FundedLine {
  childId: string;
  basketLineId: string;
  municipalityCode: string;
  fundingSource: FundingSource;
}

export async function makeFundedChild(
  db: DataSource,
  opts: { municipalityCode?: string; fundingSource?: FundingSource; category?: string; committedCents?: number; firstName?: string; lastName?: string } = {},
): Promise<FundedLine> {
  const municipalityCode = opts.municipalityCode ?? 'RIGA';
  const fundingSource = opts.fundingSource ?? 'LM';
  const committed = opts.committedCents ?? 100_000;
  const personal = `${String(randomInt(1, 28)).padStart(2, '0')}0616-${String(randomInt(1e5)).padStart(5, '0')}`.slice(0, 12);
  const [child] = await db.query(
    `INSERT INTO child (personal_code, first_name, last_name, birth_date, municipality_code, languages) VALUES ($1, $2, $3, '2016-06-01', $4, '{lv}') RETURNING id`,
    [personal, opts.firstName ?? `Bērns${hex(1)}`, opts.lastName ?? 'Testa', municipalityCode],
  );
  const creator = '00000000-0000-4000-8000-000000000001';
  const [basket] = await db.query(
    `INSERT INTO basket (child_id, municipality_code, status, period_start, period_end, created_by_user_id) VALUES ($1, $2, 'active', '2026-01-01', '2026-12-31', $3) RETURNING id`,
    [child.id, municipalityCode, creator],
  );
  const [line] = await db.query(
    `INSERT INTO basket_line (basket_id, child_id, category, funding_source, allocated_cents) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [basket.id, child.id, opts.category ?? 'therapy', fundingSource, committed],
  );
  await db.query(
    `INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id) VALUES ($1, 'allocate', $2, 'test', $3), ($1, 'commit', $2, 'test', $3)`,
    [line.id, committed, hex(8)],
  );
  return { childId: child.id, basketLineId: line.id, municipalityCode, fundingSource };
}

export interface TestContract {
  id: string;
  childId: string;
  providerId: string;
  serviceCode: string;
}

export async function makeContract(
  db: DataSource,
  p: TestProvider,
  f: FundedLine,
  opts: { serviceCode?: string; unitPriceCents?: number; unitMinutes?: number | null; deliveryMode?: 'individual' | 'group'; groupSize?: number } = {},
): Promise<TestContract> {
  const serviceCode = opts.serviceCode ?? 'SPEECH';
  const [c] = await db.query(
    `INSERT INTO contract (child_id, provider_organisation_id, service_code, basket_line_id, unit_minutes, unit_price_cents, units_per_month, delivery_mode, group_size, valid_from, valid_to, status, proposed_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, 8, $7, $8, '2026-01-01', '2026-12-31', 'active', '00000000-0000-4000-8000-000000000001') RETURNING id`,
    [
      f.childId,
      p.id,
      serviceCode,
      f.basketLineId,
      opts.unitMinutes === undefined ? 40 : opts.unitMinutes,
      opts.unitPriceCents ?? 3500,
      opts.deliveryMode ?? 'individual',
      opts.groupSize ?? 1,
    ],
  );
  return { id: c.id, childId: f.childId, providerId: p.id, serviceCode };
}

/** A visit at a Riga local time ("2026-11-03 10:00"), verified unless said otherwise. */
export async function makeVisit(
  db: DataSource,
  c: TestContract,
  at: string,
  durationMinutes: number,
  opts: { status?: string; groupSize?: number } = {},
): Promise<string> {
  const [v] = await db.query(
    `INSERT INTO visit (contract_id, child_id, specialist_id, provider_organisation_id, service_code, check_in_at, check_out_at, duration_minutes, status, method, group_size)
     VALUES ($1, $2, gen_random_uuid(), $3, $4, ($5::timestamp AT TIME ZONE 'Europe/Riga'), ($5::timestamp AT TIME ZONE 'Europe/Riga') + make_interval(mins => $6), $6, $7, 'card', $8) RETURNING id`,
    [c.id, c.childId, c.providerId, c.serviceCode, at, durationMinutes, opts.status ?? 'verified', opts.groupSize ?? 1],
  );
  return v.id;
}

/** Ledger balances of a line, from its movements. */
export async function balancesOf(db: DataSource, basketLineId: string): Promise<{ committed: number; spent: number }> {
  const rows: { kind: string; s: string }[] = await db.query(
    `SELECT kind, sum(amount_cents)::text AS s FROM ledger_movement WHERE basket_line_id = $1 GROUP BY kind`,
    [basketLineId],
  );
  const k = (n: string) => Number(rows.find((r) => r.kind === n)?.s ?? 0);
  return { committed: k('commit') - k('release') - k('spend') + k('reverse'), spent: k('spend') - k('reverse') };
}
