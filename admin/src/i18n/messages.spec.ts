import { describe, expect, it } from '@jest/globals';
import englishMessages from 'ra-language-english';
import { en } from './en';
import { messageKeys, missingKeys, type MessageTree } from './keys';
import { lv } from './lv';
import { pluralRules } from './plural';

// Pure data: runs under Jest without a browser (add admin/src/**/*.spec.ts to the unit project).
const tree = (m: unknown) => m as MessageTree;

describe('admin messages', () => {
  it('translate every react-admin key into Latvian', () => {
    expect(missingKeys(tree(englishMessages), tree(lv))).toEqual([]);
  });

  it('have the same keys in Latvian and English', () => {
    expect(messageKeys(tree(lv))).toEqual(messageKeys(tree(en)));
  });

  it('name every API error code and validator the admin must show', () => {
    const keys = new Set(messageKeys(tree(lv)));
    const codes = ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'RATE_LIMITED', 'INTERNAL', 'AUTH_INVALID_CREDENTIALS', 'AUTH_LOCKED', 'AUTH_REFRESH_REUSED', 'AUTH_REFRESH_INVALID', 'AUTH_RESET_INVALID'];
    const validators = ['isEmail', 'isNotEmpty', 'isString', 'minLength', 'maxLength', 'isIn', 'isEnum', 'isInt', 'min', 'max', 'isUUID', 'isBoolean', 'whitelistValidation'];
    expect([...codes.map((c) => `errors.${c}`), ...validators.map((v) => `validation.${v}`)].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('keep the placeholders of each message in both languages', () => {
    const placeholders = (s: string) => [...new Set(s.match(/%\{\w+\}/g) ?? [])].filter((p) => p !== '%{smart_count}').sort();
    const lookup = (m: MessageTree, key: string) => key.split('.').reduce<unknown>((node, part) => (node as MessageTree)[part], m) as string;
    const differ = messageKeys(tree(en))
      .filter((key) => !['ra.sort.sort_by', 'ra.message.bulk_update_content', 'ra.message.bulk_update_title'].includes(key))
      .filter((key) => placeholders(lookup(tree(en), key)).join() !== placeholders(lookup(tree(lv), key)).join());
    expect(differ).toEqual([]);
  });

  it('use the singular for 1, 21 and 101 but not 11 in Latvian', () => {
    const form = pluralRules.pluralTypes.latvian;
    expect([1, 21, 101, 11, 0, 2, 5, 12].map(form)).toEqual([0, 0, 0, 1, 1, 1, 1, 1]);
  });
});
