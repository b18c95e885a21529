/**
 * Pages and services run in jsdom against hand-written mocks of `@tarojs/taro`, `@tarojs/components` and the NutUI
 * components the app uses (test/mocks): `@tarojs/test-utils-react` does not work with Taro 4.
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
    '^@nutui/nutui-react-taro/dist/es/packages/[a-z]+/style/css$': '<rootDir>/test/mocks/style.ts',
    '^@nutui/nutui-react-taro/dist/es/packages/([a-z]+)/index$': '<rootDir>/test/mocks/nutui/$1.tsx',
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
