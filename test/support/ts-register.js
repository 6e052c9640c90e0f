'use strict';
// Lets a child process started by a test load the TypeScript sources directly (as Jest does):
//   node -r ./test/support/ts-register.js some-file.ts
const fs = require('node:fs');
const swc = require('@swc/core');

require('./libs-alias');

require.extensions['.ts'] = (m, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  m._compile(code, filename);
};
