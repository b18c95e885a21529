import { BRAND, type BrandSettings } from '@fenji/shared';
import { readableBrandColor, tintColor } from './brand-color.util';
import { html, trustedHtml, type SafeHtml } from './escape-html';
import { LANDING_CSS } from './landing-styles';

export interface DocumentParts {
  title: string;
  description: string;
  body: SafeHtml;
  /** HQ's brand: its colour becomes the page's accent. */
  brand?: Pick<BrandSettings, 'colorPrimary'>;
  /** Open Graph data for link previews outside WeChat (WeChat uses the JS-SDK's share data). */
  og?: { title: string; description: string; image: string | null };
  /** The progressive-enhancement script; the page works without it. */
  scriptUrl?: string | null;
}

/** `--c`: the brand colour, readable on white and under white text; `--t`: its tint. Hex digits only. */
function brandVariables(brand: DocumentParts['brand']): string {
  const color = readableBrandColor(brand?.colorPrimary ?? BRAND.colorPrimary, BRAND.colorPrimary);
  return `:root{--c:${color};--t:${tintColor(color)}}`;
}

/** The complete HTML document around a page body: meta, inline CSS, optional deferred script. */
export function renderDocument(parts: DocumentParts): string {
  const { og } = parts;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<meta name="format-detection" content="telephone=no">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${parts.title}</title>
<meta name="description" content="${parts.description}">
${
  og
    ? html`<meta property="og:type" content="article">
<meta property="og:title" content="${og.title}">
<meta property="og:description" content="${og.description}">
${og.image ? html`<meta property="og:image" content="${og.image}">\n` : ''}`
    : ''
}<style>${trustedHtml(brandVariables(parts.brand))}${trustedHtml(LANDING_CSS)}</style>
${parts.scriptUrl ? html`<script src="${parts.scriptUrl}" defer></script>\n` : ''}</head>
<body>
${parts.body}
</body>
</html>
`.value;
}

/** A description for <meta>: the first characters of a text, on one line. */
export function toDescription(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
