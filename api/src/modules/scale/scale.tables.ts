/**
 * The ONE place where the scale population meets the schema: each table the generator fills, with the
 * columns it writes and their PostgreSQL types. Columns left out take their defaults, so another
 * context adding a column with a default does not break the generator; renaming one means editing here.
 *
 * Rows are plain arrays in the column order below. Array-typed columns (`text[]`, `uuid[]`) travel as
 * array literals (`{a,b}`) and are cast back in the INSERT, because `unnest` flattens nested arrays.
 */
export interface TableSpec {
  table: string;
  columns: readonly (readonly [name: string, pgType: string])[];
}

const t = (table: string, columns: TableSpec['columns']): TableSpec => ({ table, columns });

export const TABLES = {
  organisation: t('organisation', [
    ['id', 'uuid'],
    ['name', 'varchar'],
    ['kind', 'varchar'],
    ['code', 'varchar'],
  ]),
  appUser: t('app_user', [
    ['id', 'uuid'],
    ['email', 'varchar'],
    ['full_name', 'varchar'],
    ['role', 'varchar'],
    ['organisation_id', 'uuid'],
    ['password_hash', 'varchar'],
  ]),
  child: t('child', [
    ['id', 'uuid'],
    ['personal_code', 'varchar'],
    ['first_name', 'varchar'],
    ['last_name', 'varchar'],
    ['birth_date', 'date'],
    ['municipality_code', 'varchar'],
    ['languages', 'text[]'],
  ]),
  decision: t('disability_decision', [
    ['id', 'uuid'],
    ['number', 'varchar'],
    ['child_id', 'uuid'],
    ['decision_date', 'date'],
    ['kind', 'varchar'],
    ['special_care', 'bool'],
    ['valid_from', 'date'],
    ['valid_to', 'date'],
    ['consent_to_contact', 'bool'],
  ]),
  childCase: t('child_case', [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['municipality_code', 'varchar'],
    ['case_manager_user_id', 'uuid'],
    ['status', 'varchar'],
    ['decision_id', 'uuid'],
    ['opened_at', 'timestamptz'],
    ['first_contact_deadline', 'date'],
    ['first_contact_at', 'date'],
    ['first_contact_channel', 'varchar'],
  ]),
  basket: t('basket', [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['case_id', 'uuid'],
    ['municipality_code', 'varchar'],
    ['version', 'int4'],
    ['status', 'varchar'],
    ['period_start', 'date'],
    ['period_end', 'date'],
    ['indicative_cents', 'int8'],
    ['created_by_user_id', 'uuid'],
    ['approved_by_user_id', 'uuid'],
    ['approved_at', 'timestamptz'],
  ]),
  basketLine: t('basket_line', [
    ['id', 'uuid'],
    ['basket_id', 'uuid'],
    ['child_id', 'uuid'],
    ['category', 'varchar'],
    ['funding_source', 'varchar'],
    ['allocated_cents', 'int8'],
    ['planned_cents', 'int8'],
    ['indicative_cents', 'int8'],
    ['transferable', 'bool'],
  ]),
  ledger: t('ledger_movement', [
    ['basket_line_id', 'uuid'],
    ['kind', 'varchar'],
    ['amount_cents', 'int8'],
    ['ref_type', 'varchar'],
    ['ref_id', 'varchar'],
    ['actor_user_id', 'uuid'],
    ['reason', 'text'],
    ['at', 'timestamptz'],
  ]),
  providerProfile: t('provider_profile', [
    ['organisation_id', 'uuid'],
    ['registration_number', 'varchar'],
    ['kind', 'varchar'],
    ['iban', 'varchar'],
    ['contact_email', 'varchar'],
    ['languages', 'text[]'],
    ['status', 'varchar'],
    ['decided_at', 'timestamptz'],
  ]),
  specialist: t('specialist', [
    ['id', 'uuid'],
    ['user_id', 'uuid'],
    ['full_name', 'varchar'],
    ['registration_number', 'varchar'],
    ['qualifications', 'text[]'],
    ['languages', 'text[]'],
  ]),
  providerSpecialist: t('provider_specialist', [
    ['id', 'uuid'],
    ['provider_organisation_id', 'uuid'],
    ['specialist_id', 'uuid'],
  ]),
  offer: t('offer', [
    ['id', 'uuid'],
    ['provider_organisation_id', 'uuid'],
    ['service_code', 'varchar'],
    ['price_cents', 'int8'],
    ['unit_minutes', 'int4'],
    ['delivery_mode', 'varchar'],
    ['group_size', 'int4'],
    ['municipalities', 'text[]'],
    ['languages', 'text[]'],
    ['earliest_start', 'date'],
    ['free_capacity', 'int4'],
  ]),
  contract: t('contract', [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['provider_organisation_id', 'uuid'],
    ['offer_id', 'uuid'],
    ['service_code', 'varchar'],
    ['basket_line_id', 'uuid'],
    ['unit_minutes', 'int4'],
    ['unit_price_cents', 'int8'],
    ['units_per_month', 'int4'],
    ['delivery_mode', 'varchar'],
    ['group_size', 'int4'],
    ['valid_from', 'date'],
    ['valid_to', 'date'],
    ['status', 'varchar'],
    ['value_cents', 'int8'],
    ['committed_cents', 'int8'],
    ['proposed_by_user_id', 'uuid'],
    ['accepted_at', 'timestamptz'],
    ['approved_at', 'timestamptz'],
  ]),
  contractSpecialist: t('contract_specialist', [
    ['contract_id', 'uuid'],
    ['specialist_id', 'uuid'],
  ]),
  card: t('card', [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['number', 'varchar'],
    ['status', 'varchar'],
  ]),
  familyDevice: t('family_device', [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['user_id', 'uuid'],
    ['label', 'varchar'],
    ['secret', 'varchar'],
  ]),
  visit: t('visit', [
    ['id', 'uuid'],
    ['contract_id', 'uuid'],
    ['child_id', 'uuid'],
    ['specialist_id', 'uuid'],
    ['provider_organisation_id', 'uuid'],
    ['service_code', 'varchar'],
    ['check_in_at', 'timestamptz'],
    ['check_out_at', 'timestamptz'],
    ['duration_minutes', 'int4'],
    ['billable_minutes', 'int4'],
    ['price_cents', 'int8'],
    ['status', 'varchar'],
    ['method', 'varchar'],
    ['group_session_id', 'uuid'],
    ['group_size', 'int4'],
    ['manual', 'bool'],
    ['manual_reason', 'varchar'],
    ['reasons', 'text[]'],
    ['billed', 'bool'],
    ['created_at', 'timestamptz'],
  ]),
  visitException: t('visit_exception', [
    ['id', 'uuid'],
    ['visit_id', 'uuid'],
    ['child_id', 'uuid'],
    ['provider_organisation_id', 'uuid'],
    ['reason_code', 'varchar'],
    ['reason_codes', 'text[]'],
    ['status', 'varchar'],
    ['opened_at', 'timestamptz'],
    ['resolution_action', 'varchar'],
    ['resolution_code', 'varchar'],
    ['decided_at', 'timestamptz'],
  ]),
  invoice: t('invoice', [
    ['id', 'uuid'],
    ['provider_organisation_id', 'uuid'],
    ['month', 'varchar'],
    ['status', 'varchar'],
    ['sequence', 'int4'],
    ['number', 'varchar'],
    ['issue_date', 'date'],
    ['approved_at', 'timestamptz'],
  ]),
  claimLine: t('claim_line', [
    ['id', 'uuid'],
    ['kind', 'varchar'],
    ['visit_id', 'uuid'],
    ['contract_id', 'uuid'],
    ['child_id', 'uuid'],
    ['provider_organisation_id', 'uuid'],
    ['basket_line_id', 'uuid'],
    ['funding_source', 'varchar'],
    ['payer_key', 'varchar'],
    ['service_code', 'varchar'],
    ['service_date', 'date'],
    ['unit_kind', 'varchar'],
    ['unit_minutes', 'int4'],
    ['unit_price_cents', 'int8'],
    ['verified_minutes', 'int4'],
    ['billed_minutes', 'int4'],
    ['quantity_milli', 'int4'],
    ['participants', 'int4'],
    ['amount_cents', 'int8'],
    ['invoice_id', 'uuid'],
  ]),
} as const;

export type TableName = keyof typeof TABLES;

/** Order in which buffered rows are written, parents before children (foreign keys). */
export const LOAD_ORDER: readonly TableName[] = [
  'organisation',
  'appUser',
  'child',
  'decision',
  'childCase',
  'basket',
  'basketLine',
  'providerProfile',
  'specialist',
  'providerSpecialist',
  'offer',
  'contract',
  'contractSpecialist',
  'card',
  'familyDevice',
  'invoice',
  'visit',
  'visitException',
  'claimLine',
  'ledger',
];

/** `INSERT … SELECT FROM unnest(...)`: one statement, one parameter per column, any number of rows. */
export function bulkInsertSql(spec: TableSpec): string {
  const cols = spec.columns.map(([n]) => n);
  const params = spec.columns.map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`);
  const select = spec.columns.map(([n, type]) => (type.endsWith('[]') ? `u.${n}::${type}` : `u.${n}`));
  return `INSERT INTO ${spec.table} (${cols.join(', ')}) SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS u(${cols.join(', ')})`;
}

/** A JS string array as a PostgreSQL array literal (values here are codes: no quoting needed beyond this). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
