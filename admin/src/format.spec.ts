import { describe, expect, it } from '@jest/globals';
import { formatCents, formatDate, formatDateTime, intlLocale } from './format';

// Intl output uses no-break spaces; compare with plain spaces
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it.each([
    [123456, 'lv', '1234,56 €'], // Latvian groups digits from five up (CLDR minimum grouping)
    [1234567, 'lv', '12 345,67 €'],
    [123456, 'en', '€1,234.56'],
    [5, 'lv', '0,05 €'],
    [-1999, 'lv', '-19,99 €'],
    [900719925474099, 'en', '€9,007,199,254,740.99'],
  ])('formats %i cents in %s as %s', (cents, locale, expected) => {
    expect(plain(formatCents(cents, locale))).toBe(expected);
  });

  it('leaves a missing amount empty', () => {
    expect(formatCents(null)).toBe('');
    expect(formatCents(undefined, 'en')).toBe('');
  });

  it('shows moments in Riga time', () => {
    // 22:30 UTC on 31 December is already 1 January in Riga (UTC+2)
    expect(plain(formatDate('2025-12-31T22:30:00Z', 'en'))).toBe('1 Jan 2026');
    expect(plain(formatDateTime('2026-07-01T09:05:00Z', 'en'))).toBe('1 Jul 2026, 12:05');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('uses Latvian formats unless English is chosen', () => {
    expect([intlLocale('lv'), intlLocale('en'), intlLocale(undefined)]).toEqual(['lv-LV', 'en-GB', 'lv-LV']);
  });
});
