import path from 'node:path';
import webpack from 'webpack';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Where the API lives for the WeChat build; the H5 build always calls its own origin. */
const DEFAULT_API_BASE = 'https://fenji.example.com';

const appRoot = path.resolve(__dirname, '..');
const workspaceRoot = path.resolve(appRoot, '..', '..');
const sharedSrc = path.join(workspaceRoot, 'packages', 'shared', 'src');
/**
 * Modules outside the app that must go through babel: the shared contracts (TypeScript source), zod (ES2020) and
 * NutUI (its Taro build imports @tarojs/components and must be compiled like the app).
 */
const isZod = (file: string): boolean => /[\\/]node_modules[\\/]zod[\\/]/.test(file);
const isNutui = (file: string): boolean => /[\\/]node_modules[\\/]@nutui[\\/]/.test(file);
const compileInclude = [sharedSrc, isZod, isNutui];

/**
 * zod's `z` namespace re-exports every one of its ~50 error-message locales (`z.locales`, ~290 KB minified), which
 * no bundler can shake off. The app never reads `z.locales` (every shared schema writes its own Chinese messages),
 * so the locales index is swapped for the English locale that zod itself imports anyway.
 */
function dropZodLocales(chain: { plugin: (name: string) => { use: (plugin: unknown, args: unknown[]) => unknown } }): void {
  chain.plugin('drop-zod-locales').use(webpack.NormalModuleReplacementPlugin, [
    /^\.\.\/locales\/index\.js$/,
    (resource: { context: string; request: string }) => {
      if (/[\\/]zod[\\/]v4[\\/]/.test(resource.context)) resource.request = '../locales/en.js';
    },
  ]);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const apiBase = process.env.TARO_APP_API_BASE || DEFAULT_API_BASE;
  /** Empty means "the same as the API base" (see src/config/env.ts). */
  const publicBase = process.env.TARO_APP_PUBLIC_BASE || '';

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fenji-staff',
    date: '2026-11-01',
    // NutUI is drawn for a 375-wide design, the app for 750: each file is scaled by its own design width.
    designWidth(input) {
      const file = typeof input === 'object' && input && 'file' in input ? String((input as { file?: string }).file ?? '') : '';
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      TARO_APP_PUBLIC_BASE: JSON.stringify(publicBase),
    },
    defineConstants: {},
    alias: {
      '@fenji/shared': path.join(sharedSrc, 'index.ts'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: compileInclude },
      webpackChain(chain) {
        dropZodLocales(chain);
      },
      // NutUI's per-component styles reach chunks in different orders; each is scoped by its own class names.
      miniCssExtractPluginOption: { ignoreOrder: true },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/app/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: compileInclude },
      webpackChain(chain) {
        dropZodLocales(chain);
        // Taro splits only the initial chunks, so every lazily loaded page would carry its own copy of zod and the
        // components; splitting all chunks lets the pages share them.
        const splitChunks = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
