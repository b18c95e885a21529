/**
 * Pages and services run in jsdom against hand-written mocks of `@tarojs/taro` and `@tarojs/components`
 * (test/mocks): `@tarojs/test-utils-react` does not work with Taro 4.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/taro-components.tsx',
    '^@fenji/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '\\.css$': '<rootDir>/test/mocks/style.ts',
  },
  transform: {
    '^.+\\.(ts|tsx|js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
      },
    ],
  },
};
