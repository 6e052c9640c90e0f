import { randomBytes, randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Organisation } from '../../api/src/modules/identity/entities/organisation.entity';
import { makeOrganisation } from './factories';

const hex = () => randomBytes(4).toString('hex');

/** A provider organisation with an approved profile and accreditations (plain SQL; valid from 2026-01-01). */
export async function makeProvider(
  db: DataSource,
  opts: { status?: string; services?: string[]; accreditedUntil?: string | null; name?: string; locations?: { name: string; address: string; municipalityCode: string }[] } = {},
): Promise<Organisation> {
  const org = await makeOrganisation(db, 'provider', opts.name);
  await db.query(`INSERT INTO provider_profile (organisation_id, registration_number, kind, iban, status, languages, locations) VALUES ($1, $2, 'private', 'LV80BANK0000435195001', $3, '{lv}', $4)`, [
    org.id,
    org.code,
    opts.status ?? 'approved',
    JSON.stringify(opts.locations ?? []),
  ]);
  for (const code of opts.services ?? ['SPEECH']) {
    await db.query(`INSERT INTO accreditation (provider_organisation_id, service_code, register_number, valid_from, valid_to) VALUES ($1, $2, $3, '2026-01-01', $4)`, [org.id, code, `AKR-${hex()}`, opts.accreditedUntil ?? null]);
  }
  return org;
}

/** A specialist working for the provider (one identity; pass a registration number to reuse one). */
export async function makeSpecialist(db: DataSource, providerId: string, opts: { registrationNumber?: string; userId?: string | null; fullName?: string } = {}): Promise<string> {
  const reg = opts.registrationNumber ?? `SP-${hex()}`;
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO specialist (full_name, registration_number, user_id, qualifications) VALUES ($1, $2, $3, '{speech_therapist}') ON CONFLICT (registration_number) DO UPDATE SET full_name = specialist.full_name RETURNING id`,
    [opts.fullName ?? 'Speciāliste Testa', reg, opts.userId ?? null],
  );
  await db.query(`INSERT INTO provider_specialist (provider_organisation_id, specialist_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [providerId, row.id]);
  return row.id;
}

export async function makeOffer(db: DataSource, providerId: string, over: Record<string, unknown> = {}): Promise<string> {
  const o = { serviceCode: 'SPEECH', priceCents: 2500, unitMinutes: 40, deliveryMode: 'individual', groupSize: 1, municipalities: ['RIGA'], languages: ['lv'], earliestStart: '2026-12-01', freeCapacity: 5, ...over };
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO offer (provider_organisation_id, service_code, price_cents, unit_minutes, delivery_mode, group_size, municipalities, languages, earliest_start, free_capacity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [providerId, o.serviceCode, o.priceCents, o.unitMinutes, o.deliveryMode, o.groupSize, o.municipalities, o.languages, o.earliestStart, o.freeCapacity],
  );
  return row.id;
}

/** A child of a household, in the caseload of the case manager (open case), in RIGA by default. */
export async function makeMarketChild(db: DataSource, opts: { householdOrganisationId: string; caseManagerUserId?: string; municipalityCode?: string; firstName?: string }): Promise<string> {
  const code = `32${String(randomInt(0, 10_000)).padStart(4, '0')}-${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  const muni = opts.municipalityCode ?? 'RIGA';
  const [child]: { id: string }[] = await db.query(
    `INSERT INTO child (personal_code, first_name, last_name, birth_date, municipality_code, languages, household_organisation_id) VALUES ($1, $2, 'Bērziņš', '2017-05-10', $3, '{lv}', $4) RETURNING id`,
    [code, opts.firstName ?? 'Jānis', muni, opts.householdOrganisationId],
  );
  if (opts.caseManagerUserId) await db.query(`INSERT INTO child_case (child_id, municipality_code, case_manager_user_id, status) VALUES ($1, $2, $3, 'open')`, [child.id, muni, opts.caseManagerUserId]);
  return child.id;
}

/** An active basket for the child with one line of the category, allocated `allocatedCents` through a ledger movement. */
export async function makeFundedLine(db: DataSource, childId: string, opts: { category?: string; fundingSource?: string; allocatedCents: number; periodStart?: string; periodEnd?: string }): Promise<string> {
  const [basket]: { id: string }[] = await db.query(
    `INSERT INTO basket (child_id, municipality_code, status, period_start, period_end, created_by_user_id) VALUES ($1, 'RIGA', 'active', $2, $3, gen_random_uuid()) RETURNING id`,
    [childId, opts.periodStart ?? '2026-07-01', opts.periodEnd ?? '2027-12-31'],
  );
  const [line]: { id: string }[] = await db.query(
    `INSERT INTO basket_line (basket_id, child_id, category, funding_source, allocated_cents) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [basket.id, childId, opts.category ?? 'therapy', opts.fundingSource ?? 'VM', opts.allocatedCents],
  );
  await db.query(`INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id) VALUES ($1, 'allocate', $2, 'basket_version', $3)`, [line.id, opts.allocatedCents, basket.id]);
  return line.id;
}
