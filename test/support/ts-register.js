'use strict';
// Lets a child process started by a test load the TypeScript sources directly (as Jest does):
//   node -r ./test/support/ts-register.js some-file.ts
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@lidz/libs') request = path.join(root, 'libs/src/index.ts');
  else if (request.startsWith('@lidz/libs/')) request = path.join(root, 'libs/src', request.slice('@lidz/libs/'.length));
  return resolve.call(this, request, ...rest);
};
require.extensions['.ts'] = (m, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  m._compile(code, filename);
};
