'use strict';
// Runs the TypeScript sources directly (API, libs, migrations) with the same SWC settings as the tests,
// so the benchmarks and the scale generator do not depend on a prior `tsc` build of every module.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const libsIndex = path.join(root, 'libs', 'src', 'index.ts');
const origResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === '@lidz/libs') return libsIndex;
  if (request.startsWith('@lidz/libs/')) request = path.join(root, 'libs', 'src', request.slice('@lidz/libs/'.length));
  return origResolve.call(this, request, parent, ...rest);
};
const options = {
  jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
require.extensions['.ts'] = function (module, filename) {
  const src = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(src, { ...options, filename });
  module._compile(code, filename);
};
