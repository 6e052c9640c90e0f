// One lint setup for the whole repository: type-aware rules for TypeScript (no floating promises,
// exhaustive switches), plain recommended rules for the Node scripts. Formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeAware = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
  '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
  '@typescript-eslint/no-explicit-any': 'error',
  eqeqeq: ['error', 'always', { null: 'ignore' }],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'coverage/**', 'bench/results*'] },
  js.configs.recommended,
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['test/**/*.js'], languageOptions: { globals: { ...globals.jest } } },
  { files: ['**/*.{ts,tsx}'], rules: { 'no-undef': 'off' } },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.{ts,tsx}'] })),
  {
    files: ['api/**/*.ts', 'libs/**/*.ts', 'migrations/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname }, globals: { ...globals.node } },
    rules: typeAware,
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: ['./admin/tsconfig.json'], tsconfigRootDir: import.meta.dirname }, globals: { ...globals.browser } },
    rules: typeAware,
  },
  {
    files: ['provider-portal/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: ['./provider-portal/tsconfig.json'], tsconfigRootDir: import.meta.dirname }, globals: { ...globals.browser } },
    rules: typeAware,
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
