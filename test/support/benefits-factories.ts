import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Minimal rows of the children context for the benefits tests, by plain SQL: a child in a household,
 * a disability decision and an open case in a case manager's caseload.
 */
export async function makeBenefitChild(
  db: DataSource,
  opts: { householdOrganisationId?: string | null; birthDate: string; municipalityCode?: string; firstName?: string },
): Promise<string> {
  const code = `${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}-${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  const rows: { id: string }[] = await db.query(
    `INSERT INTO child (personal_code, first_name, last_name, birth_date, municipality_code, languages, household_organisation_id) VALUES ($1, $2, 'Tests', $3, $4, '{lv}', $5) RETURNING id`,
    [code, opts.firstName ?? 'Bērns', opts.birthDate, opts.municipalityCode ?? 'RIGA', opts.householdOrganisationId ?? null],
  );
  return rows[0].id;
}

export async function makeDecision(
  db: DataSource,
  childId: string,
  opts: { kind?: string; specialCare?: boolean; validFrom: string; validTo?: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO disability_decision (number, child_id, decision_date, kind, special_care, valid_from, valid_to, consent_to_contact) VALUES ($1, $2, $3, $4, $5, $3, $6, true)`,
    [`VDEAVK-${randomBytes(5).toString('hex')}`, childId, opts.validFrom, opts.kind ?? 'child', opts.specialCare ?? false, opts.validTo ?? null],
  );
}

export async function makeOpenCase(db: DataSource, childId: string, caseManagerUserId: string, municipalityCode = 'RIGA'): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO child_case (child_id, municipality_code, case_manager_user_id, status) VALUES ($1, $2, $3, 'open') RETURNING id`,
    [childId, municipalityCode, caseManagerUserId],
  );
  return rows[0].id;
}
