/** Bank identifiers checked before any file leaves the platform (ISO 13616 IBAN, ISO 9362 BIC). */

/** IBAN length per country for the SEPA countries providers are likely to bank in. */
const IBAN_LENGTH: Record<string, number> = {
  LV: 21,
  LT: 20,
  EE: 20,
  FI: 18,
  SE: 24,
  DE: 22,
  PL: 28,
  DK: 18,
  NO: 15,
  NL: 18,
  BE: 16,
  FR: 27,
  AT: 20,
  IE: 22,
  ES: 24,
  IT: 27,
  LU: 20,
  CZ: 24,
  SK: 24,
};

export function normaliseIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

export function isValidIban(raw: string): boolean {
  const iban = normaliseIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTH[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

export function isValidBic(raw: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(raw.trim().toUpperCase());
}

/**
 * Names in SEPA files are limited to the EPC basic Latin set; Latvian letters lose their marks
 * ("Bērziņš" → "Berzins") and anything else becomes a space.
 */
export function sepaText(text: string, max: number): string {
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}
