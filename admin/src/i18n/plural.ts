/**
 * Plural rules for Polyglot. Polyglot knows no Latvian rule, and giving it one replaces its defaults,
 * so English is restated. Latvian takes the singular after 1, 21, 31… (not 11) and the plural
 * otherwise ("1 ieraksts", "21 ieraksts", "11 ieraksti", "5 ieraksti").
 */
export const pluralRules = {
  pluralTypes: {
    latvian: (n: number) => (n % 10 === 1 && n % 100 !== 11 ? 0 : 1),
    english: (n: number) => (n === 1 ? 0 : 1),
  },
  pluralTypeToLanguages: {
    latvian: ['lv'],
    english: ['en'],
  },
};
