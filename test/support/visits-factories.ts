import { randomBytes, randomUUID } from 'node:crypto';
import { qrPayloadAt } from '@lidz/libs';
import type { DataSource } from 'typeorm';
import type { Organisation } from '../../api/src/modules/identity/entities/organisation.entity';
import type { TestApp } from './app';
import { loginAs, makeOrganisation, makeUser, Session } from './factories';

const unique = () => randomBytes(4).toString('hex');

/** A child row (plain SQL: the children context owns the table). */
export async function makeChild(db: DataSource, opts: { household?: Organisation; municipality?: string } = {}): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO child (personal_code, first_name, last_name, birth_date, municipality_code, languages, household_organisation_id)
     VALUES ($1, 'Test', 'Bērns', '2017-05-05', $2, '{lv}', $3) RETURNING id`,
    [`T-${unique()}`, opts.municipality ?? 'RIGA', opts.household?.id ?? null],
  );
  return row.id;
}

export async function putInCaseload(db: DataSource, childId: string, caseManagerUserId: string): Promise<void> {
  await db.query(`INSERT INTO child_case (child_id, municipality_code, case_manager_user_id, status) VALUES ($1, 'RIGA', $2, 'open')`, [childId, caseManagerUserId]);
}

/** A specialist identity (one across providers), optionally a login at a provider. */
export async function makeSpecialist(t: TestApp, provider?: Organisation): Promise<{ specialistId: string; session: Session; provider: Organisation }> {
  const org = provider ?? (await makeOrganisation(t.db, 'provider'));
  const user = await makeUser(t.db, 'specialist', { organisation: org });
  const [row] = await t.db.query(`INSERT INTO specialist (user_id, full_name, registration_number) VALUES ($1, 'Test Specialist', $2) RETURNING id`, [user.id, `REG-${unique()}`]);
  return { specialistId: row.id, session: await loginAs(t, user), provider: org };
}

export interface ContractOpts {
  childId: string;
  provider: Organisation;
  specialistIds: string[];
  unitMinutes?: number;
  unitPriceCents?: number;
  unitsPerMonth?: number;
  deliveryMode?: 'individual' | 'group';
  status?: string;
  validFrom?: string;
  validTo?: string;
  committedCents?: number;
  serviceCode?: string;
}

export async function makeContract(db: DataSource, o: ContractOpts): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO contract (child_id, provider_organisation_id, service_code, unit_minutes, unit_price_cents, units_per_month, delivery_mode, valid_from, valid_to, status, committed_cents, value_cents, proposed_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id`,
    [o.childId, o.provider.id, o.serviceCode ?? 'SPEECH', o.unitMinutes ?? 40, o.unitPriceCents ?? 3000, o.unitsPerMonth ?? 100, o.deliveryMode ?? 'individual', o.validFrom ?? '2025-01-01', o.validTo ?? '2028-12-31', o.status ?? 'active', o.committedCents ?? 10_000_000, randomUUID()],
  );
  for (const s of o.specialistIds) await db.query(`INSERT INTO contract_specialist (contract_id, specialist_id) VALUES ($1, $2)`, [row.id, s]);
  return row.id;
}

/** A family with a child, a provisioned phone (secret) and a card. */
export async function makeFamilyWithDevice(t: TestApp): Promise<{ family: Session; household: Organisation; childId: string; secret: string; cardNumber: string; deviceId: string }> {
  const household = await makeOrganisation(t.db, 'household');
  const family = await loginAs(t, await makeUser(t.db, 'family', { organisation: household }));
  const childId = await makeChild(t.db, { household });
  const res = await t.http().post('/api/family-devices').set(family.auth).send({ childId, label: 'Mammas telefons' });
  if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { family, household, childId, secret: res.body.secret, cardNumber: res.body.cardNumber, deviceId: res.body.id };
}

export const qrAt = (secret: string, cardNumber: string, at: Date) => qrPayloadAt(secret, cardNumber, at);

export function scanBody(kind: 'check_in' | 'check_out', at: Date, extra: Record<string, unknown>) {
  return { clientScanId: randomUUID(), kind, scannedAt: at.toISOString(), ...extra };
}
