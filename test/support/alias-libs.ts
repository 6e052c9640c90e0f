import Module from 'node:module';
import * as path from 'node:path';

/**
 * Jest's moduleNameMapper does not apply to globalSetup/globalTeardown, which Node resolves itself; a
 * fresh clone has no built `libs/dist`, so `@lidz/libs` is pointed at its sources here (Jest's transform
 * compiles them). Imported first by the global setup.
 */
const libs = path.resolve(__dirname, '..', '..', 'libs', 'src');
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === '@lidz/libs') return original.call(this, path.join(libs, 'index.ts'), ...rest);
  if (request.startsWith('@lidz/libs/')) return original.call(this, path.join(libs, request.slice('@lidz/libs/'.length)), ...rest);
  return original.call(this, request, ...rest);
};
