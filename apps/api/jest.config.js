// NestJS 12 and a few of its dependencies ship only ESM: let swc compile them to CommonJS for jest. jose is ESM
// only; @fastify/cookie loads `cookie` with a dynamic import(), which jest's CommonJS runtime cannot run
// (a regular expression each: `+` in pnpm's store folder, `/` in the package path).
const esmPackages = ['@nestjs', 'content-disposition', 'cookie', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', 'load-esm', '@borewit', 'uid', 'jose', '@fastify[+/]cookie'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.property-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  transformIgnorePatterns: [`node_modules/(?!(\\.pnpm/)?(${esmPackages.join('|')}))`],
  moduleNameMapper: {
    '^@fenji/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '^@fenji/h5/landing$': '<rootDir>/../h5/src/landing/index.ts',
  },
  testTimeout: 60000,
  maxWorkers: 1,
};
