import type { DecisionKind } from '@lidz/libs';
import { checkCodeAndBirthDate } from './personal-code.rules';

/**
 * The VDEĀVK decision file: one decision per row. Columns (header names, any order):
 * number, date, personalCode, firstName, lastName, birthDate, municipality, kind, specialCare,
 * validFrom, validTo (empty or "lifelong"), consentToContact. Names, birth date (new-form codes) and
 * municipality are needed only when the child is not known yet.
 */
export const DECISION_COLUMNS = ['number', 'date', 'personalCode', 'firstName', 'lastName', 'birthDate', 'municipality', 'kind', 'specialCare', 'validFrom', 'validTo', 'consentToContact'] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface DecisionRow {
  number: string;
  date: string;
  personalCode: string;
  firstName: string | null;
  lastName: string | null;
  birthDate: string;
  municipality: string | null;
  kind: DecisionKind;
  specialCare: boolean;
  validFrom: string;
  validTo: string | null;
  consentToContact: boolean;
}

export interface RowError {
  field: string;
  code: string;
}

const KIND_ALIASES: Record<string, DecisionKind> = { child: 'child', 'bērns': 'child', group_1: 'group_1', i: 'group_1', '1': 'group_1', group_2: 'group_2', ii: 'group_2', '2': 'group_2', group_3: 'group_3', iii: 'group_3', '3': 'group_3' };
const TRUE = ['true', 'yes', 'jā', 'ja', '1', 'y'];
const FALSE = ['false', 'no', 'nē', 'ne', '0', 'n', ''];

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '\u0000'; // objects and arrays are never a valid cell
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const s = str(v).toLowerCase();
  if (TRUE.includes(s)) return true;
  if (FALSE.includes(s)) return false;
  return null;
}

/**
 * A name as a file may bring it: a replacement character means the file was saved in another encoding
 * (Windows-1257 read as UTF-8), and a leading = + - @ is a spreadsheet formula waiting to run when the
 * name is exported again. Both are refused rather than stored.
 */
export function nameProblem(name: string): 'brokenEncoding' | 'formula' | null {
  if (/[\uFFFD\u0000-\u001F\u007F]/.test(name)) return 'brokenEncoding';
  if (/^[=+\-@]/.test(name)) return 'formula';
  return null;
}

/** Validates one raw row (strings from CSV, or JSON values); every failing field is reported. */
export function parseDecisionRow(raw: Record<string, unknown>): { ok: true; row: DecisionRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: [{ field: 'row', code: 'isObject' }] };
  const number = str(raw.number);
  if (!number) errors.push({ field: 'number', code: 'required' });
  else if (number.length > 40 || !/^[\p{L}\p{N}\-/._ ]+$/u.test(number)) errors.push({ field: 'number', code: 'format' });
  const date = str(raw.date);
  if (!isDate(date)) errors.push({ field: 'date', code: date ? 'isDate' : 'required' });
  const kind = KIND_ALIASES[str(raw.kind).toLowerCase()];
  if (!kind) errors.push({ field: 'kind', code: str(raw.kind) ? 'isIn' : 'required' });
  const specialCare = bool(raw.specialCare);
  if (specialCare === null) errors.push({ field: 'specialCare', code: 'isBoolean' });
  const consentToContact = bool(raw.consentToContact);
  if (consentToContact === null) errors.push({ field: 'consentToContact', code: 'isBoolean' });
  const validFrom = str(raw.validFrom) || date;
  if (!isDate(validFrom)) errors.push({ field: 'validFrom', code: 'isDate' });
  const rawTo = str(raw.validTo);
  const validTo = rawTo === '' || rawTo.toLowerCase() === 'lifelong' || rawTo.toLowerCase() === 'beztermiņa' ? null : rawTo;
  if (validTo !== null && !isDate(validTo)) errors.push({ field: 'validTo', code: 'isDate' });
  else if (validTo !== null && isDate(validFrom) && validTo < validFrom) errors.push({ field: 'validTo', code: 'afterValidFrom' });
  const code = checkCodeAndBirthDate(str(raw.personalCode), str(raw.birthDate) || null);
  if (!code.ok) errors.push({ field: code.field, code: code.error });
  const firstName = str(raw.firstName) || null;
  const lastName = str(raw.lastName) || null;
  if (firstName && firstName.length > 100) errors.push({ field: 'firstName', code: 'maxLength' });
  if (lastName && lastName.length > 100) errors.push({ field: 'lastName', code: 'maxLength' });
  for (const [field, value] of [['firstName', firstName], ['lastName', lastName]] as const) {
    const problem = value ? nameProblem(value) : null;
    if (problem) errors.push({ field, code: problem });
  }
  const municipality = str(raw.municipality).toUpperCase() || null;
  if (errors.length || !code.ok) return { ok: false, errors };
  return {
    ok: true,
    row: { number, date, personalCode: code.normalised, firstName, lastName, birthDate: code.birthDate, municipality, kind: kind!, specialCare: specialCare!, validFrom, validTo, consentToContact: consentToContact! },
  };
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF; comma or semicolon, as
 * Latvian spreadsheets save it) into objects keyed by the header row. Empty lines are skipped.
 */
export function parseCsv(text: string): { rows: Record<string, string>[]; error?: 'empty' | 'header' | 'unterminatedQuote' } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (quoted) return { rows: [], error: 'unterminatedQuote' };
  if (field !== '' || record.length) endRecord();
  const nonEmpty = records.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { rows: [], error: 'empty' };
  const header = nonEmpty[0].map((h) => h.trim());
  if (!header.includes('number') || !header.includes('personalCode')) return { rows: [], error: 'header' };
  return { rows: nonEmpty.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}
