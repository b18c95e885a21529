/**
 * HTML for the server-rendered landing pages.
 *
 * Every value interpolated into an `html` template goes through `escapeHtml` (text, attributes and URLs alike),
 * unless it is itself the result of an `html` template. Nothing from data can become markup.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Markup produced by `html` (already escaped) or by `trustedHtml` (a constant in this package). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value as string | number);
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` fragments stay markup. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += renderValue(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** For compile-time constants of this package only (the inline stylesheet). Never for data. */
export function trustedHtml(constant: string): SafeHtml {
  return new SafeHtml(constant);
}

/**
 * Links and images may only point to http(s) or same-origin paths: escaping stops markup injection,
 * this stops `javascript:` and `data:` URLs.
 */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  return /^(https?:)?\/\//i.test(trimmed) || /^\/(?!\/)/.test(trimmed) ? trimmed : null;
}
