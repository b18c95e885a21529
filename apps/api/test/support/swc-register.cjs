// Lets a plain `node` child process run the API from its TypeScript sources, as jest does (same .swcrc, same
// package mapping): tests that kill or race real processes need no build. Test support only.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const apiRoot = join(__dirname, '..', '..');
const options = JSON.parse(readFileSync(join(apiRoot, '.swcrc'), 'utf8'));
delete options.$schema;
const mapped = {
  '@fenji/shared': join(apiRoot, '..', '..', 'packages', 'shared', 'src', 'index.ts'),
  '@fenji/h5/landing': join(apiRoot, '..', 'h5', 'src', 'landing', 'index.ts'),
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, mapped[request] ?? request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false });
  module._compile(code, filename);
};
