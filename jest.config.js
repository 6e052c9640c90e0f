// One Jest configuration, one project per tier. `npm test` (scripts/test.js) runs the tiers in order
// and prints the closing "N passed, N failed" line from Jest's own JSON results.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', decorators: true, tsx: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  // content-disposition 3 (used by @fastify/static) ships ESM only; Node loads it natively, Jest needs it compiled
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: { '^@lidz/libs$': '<rootDir>/libs/src/index.ts', '^@lidz/libs/(.*)$': '<rootDir>/libs/src/$1' },
};
const withDatabase = { globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' };

module.exports = {
  // testTimeout is a global option (a project's own value is ignored): the slowest tier's limit
  testTimeout: 300_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{api,libs,admin,provider-portal}/src/**/*.spec.{ts,tsx}', '<rootDir>/test/unit/**/*.spec.ts'] },
    { ...base, ...withDatabase, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/embedded-pg/**/*.test.js'], testTimeout: 60_000 },
    { ...base, ...withDatabase, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], testTimeout: 60_000 },
    { ...base, ...withDatabase, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.test.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'], testTimeout: 180_000 },
  ],
};
