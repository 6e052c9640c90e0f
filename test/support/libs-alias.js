'use strict';
// `@lidz/libs` resolved to its TypeScript sources, for code Node loads outside Jest's module mapper: the
// global setup (a fresh clone has no built libs/dist) and processes started from sources by the tests.
const path = require('node:path');
const Module = require('node:module');

const libs = path.resolve(__dirname, '..', '..', 'libs', 'src');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === '@lidz/libs') return resolve.call(this, path.join(libs, 'index.ts'), parent, ...rest);
  if (request.startsWith('@lidz/libs/')) return resolve.call(this, path.join(libs, request.slice('@lidz/libs/'.length)), parent, ...rest);
  return resolve.call(this, request, parent, ...rest);
};
