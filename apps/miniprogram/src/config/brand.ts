import { BRAND } from '@fenji/shared';

/**
 * The brand colour as CSS variables: the app's own styles use `--fj-*`, NutUI its `--nutui-*` theme variables.
 * One source (`BRAND` in @fenji/shared), shared with the console and the landing pages.
 */
export const BRAND_CSS_VARS: Readonly<Record<string, string>> = {
  '--fj-primary': BRAND.colorPrimary,
  '--fj-text': BRAND.colorText,
  '--fj-text-secondary': BRAND.colorTextSecondary,
  '--fj-bg': BRAND.colorBg,
  '--fj-success': BRAND.colorSuccess,
  '--fj-warning': BRAND.colorWarning,
  '--fj-danger': BRAND.colorDanger,
  '--nutui-color-primary': BRAND.colorPrimary,
  '--nutui-color-primary-stop-1': BRAND.colorPrimary,
  '--nutui-color-primary-stop-2': BRAND.colorPrimary,
  '--nutui-color-primary-pressed': BRAND.colorPrimary,
  '--nutui-color-primary-light-pressed': '#e8f0fe',
  '--nutui-color-primary-disabled-special': '#a9c4f5',
  '--nutui-color-primary-text': '#ffffff',
  '--nutui-tabs-titles-item-active-color': BRAND.colorPrimary,
  '--nutui-tabs-tab-line-color': BRAND.colorPrimary,
  '--nutui-tabs-titles-background-color': 'transparent',
};

/** The same variables as an inline style string (mini-program pages take a string). */
export const BRAND_STYLE = Object.entries(BRAND_CSS_VARS)
  .map(([k, v]) => `${k}:${v}`)
  .join(';');
