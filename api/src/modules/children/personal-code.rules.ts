/**
 * Latvian personal codes (personas kods).
 *
 * Old form, issued until 30 June 2017: DDMMYY-CNNNN, where C is the century digit
 * (0 = 1800s, 1 = 1900s, 2 = 2000s) and the last digit is a checksum:
 *   (1101 − Σ dᵢ·wᵢ) mod 11 with weights 1,6,3,7,9,10,5,8,4,2 over the first ten digits;
 *   a result of 10 never appears in a valid code.
 * New form, issued from 1 July 2017: 32XXXX-XXXXX — no birth date inside; the eleventh digit is a
 * checksum computed the same way. Anything else is rejected.
 */

export type PersonalCodeError = 'required' | 'format' | 'checksum' | 'impossibleDate';

export type PersonalCode =
  | { ok: true; form: 'old'; normalised: string; birthDate: string }
  | { ok: true; form: 'new'; normalised: string; birthDate: null }
  | { ok: false; error: PersonalCodeError };

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function checksumDigit(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(firstTen[i]) * WEIGHTS[i];
  return (1101 - sum) % 11;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function parsePersonalCode(input: unknown): PersonalCode {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: 'required' };
  const raw = input.trim();
  const m = /^(\d{6})-?(\d{5})$/.exec(raw);
  if (!m) return { ok: false, error: 'format' };
  const digits = m[1] + m[2];
  const normalised = `${m[1]}-${m[2]}`;
  const check = checksumDigit(digits.slice(0, 10));
  if (digits.startsWith('32')) {
    if (check === 10 || check !== Number(digits[10])) return { ok: false, error: 'checksum' };
    return { ok: true, form: 'new', normalised, birthDate: null };
  }
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const century = Number(digits[6]);
  if (century > 2) return { ok: false, error: 'format' };
  const year = 1800 + century * 100 + yy;
  if (!isRealDate(year, month, day)) return { ok: false, error: 'impossibleDate' };
  if (check === 10 || check !== Number(digits[10])) return { ok: false, error: 'checksum' };
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, form: 'old', normalised, birthDate };
}

/**
 * Checks a personal code together with the birth date given for the child: the old form carries the
 * date, so a mismatch is an error; the new form needs the date from elsewhere. Returns the birth date
 * to store, or the field-keyed error.
 */
export function checkCodeAndBirthDate(code: unknown, birthDate: string | null | undefined): { ok: true; normalised: string; birthDate: string } | { ok: false; field: 'personalCode' | 'birthDate'; error: string } {
  const parsed = parsePersonalCode(code);
  if (!parsed.ok) return { ok: false, field: 'personalCode', error: parsed.error };
  if (birthDate != null && birthDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return { ok: false, field: 'birthDate', error: 'isDate' };
  if (birthDate && !isRealDate(Number(birthDate.slice(0, 4)), Number(birthDate.slice(5, 7)), Number(birthDate.slice(8, 10)))) return { ok: false, field: 'birthDate', error: 'isDate' };
  if (parsed.form === 'old') {
    if (birthDate && birthDate !== parsed.birthDate) return { ok: false, field: 'birthDate', error: 'matchesPersonalCode' };
    return { ok: true, normalised: parsed.normalised, birthDate: parsed.birthDate };
  }
  if (!birthDate) return { ok: false, field: 'birthDate', error: 'required' };
  return { ok: true, normalised: parsed.normalised, birthDate };
}

/** Builds a valid old-form code for a birth date (demo data and tests). `serial` is 0–999. */
export function oldFormCode(birthDate: string, serial: number): string {
  const [y, mo, d] = birthDate.split('-');
  const century = String(Math.floor(Number(y) / 100) - 18);
  for (let s = serial; s < serial + 1000; s++) {
    const first = `${d}${mo}${y.slice(2)}${century}${String(s % 1000).padStart(3, '0')}`;
    const c = checksumDigit(first);
    if (c !== 10) return `${first.slice(0, 6)}-${first.slice(6)}${c}`;
  }
  throw new Error('no valid serial');
}

/** Builds a valid new-form code (32XXXX-XXXXX) from a serial number (demo data and tests). */
export function newFormCode(serial: number): string {
  for (let s = serial; ; s++) {
    const first = `32${String(s % 100_000_000).padStart(8, '0')}`;
    const c = checksumDigit(first);
    if (c !== 10) return `${first.slice(0, 6)}-${first.slice(6)}${c}`;
  }
}
