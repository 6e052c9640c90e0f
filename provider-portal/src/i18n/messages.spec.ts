import { describe, expect, it } from '@jest/globals';
import { en } from './en';
import { lv } from './lv';

// The type of `en` already refuses a missing key at build time; these checks also catch what a type
// cannot: an empty text, a key added to English only through a cast, a placeholder lost in translation.
const placeholders = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort().join();

describe('portal messages', () => {
  it('have the same keys in Latvian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(lv).sort());
  });

  it('leave no text empty in either language', () => {
    const empty = [...Object.entries(lv), ...Object.entries(en)].filter(([, text]) => String(text).trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('keep the placeholders of each message in both languages', () => {
    const differ = Object.keys(lv).filter((key) => placeholders(String(lv[key as keyof typeof lv])) !== placeholders(String(en[key as keyof typeof en])));
    expect(differ).toEqual([]);
  });
});
