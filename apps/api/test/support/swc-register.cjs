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

// FENJI_TEST_OPEN_DB_AT=<epoch ms>: processes started together open their database at that same moment, whatever
// their start-up took (the migration-lock test needs them to really meet).
if (process.env.FENJI_TEST_OPEN_DB_AT) {
  const { DataSource } = require('typeorm');
  const initialize = DataSource.prototype.initialize;
  DataSource.prototype.initialize = async function (...args) {
    const wait = Number(process.env.FENJI_TEST_OPEN_DB_AT) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return initialize.apply(this, args);
  };
}
