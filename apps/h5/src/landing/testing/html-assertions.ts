import { expect } from 'vitest';
import { escapeHtml } from '../escape-html';

/** A string that breaks out of text and attributes alike if it is not escaped. */
export const HOSTILE = `<script>alert("x")</script> & 'quotes' "double"`;

/** The first element matching a pattern (attributes as the page has them). */
export function tag(html: string, pattern: RegExp): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`no match for ${pattern}`);
  return match[0];
}

/** `<body>`'s inner HTML: what a visitor sees, without <head>. */
export const bodyOf = (page: string): string => tag(page, /<body>[\s\S]*<\/body>/);

/**
 * Every string of a model replaced by `<its path>` + HOSTILE (keys in `keep` stay as they are). Returns the
 * poisoned model and the strings put in, by path.
 */
export function poison<T>(value: T, keep: readonly string[] = [], path = ''): { model: T; strings: Map<string, string> } {
  const strings = new Map<string, string>();
  const walk = (v: unknown, p: string, key: string): unknown => {
    if (typeof v === 'string') {
      if (keep.includes(key)) return v;
      const s = `${p}${HOSTILE}`;
      strings.set(p, s);
      return s;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${p}.${i}`, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, p ? `${p}.${k}` : k, k)]));
    return v;
  };
  return { model: walk(value, path, '') as T, strings };
}

/** No markup from data: the page's own <script> at most, no attribute ended early by a quote from data. */
export function expectNoInjection(page: string, ownScripts: number): void {
  expect(page.match(/<script/g) ?? []).toHaveLength(ownScripts);
  expect(page).not.toContain(HOSTILE);
  expect(page).not.toMatch(/"[^"=<>]*"double"/);
  expect(page).not.toContain(`'quotes'`);
}

/** Each poisoned string that the page shows is there escaped (some are shortened: their start is enough). */
export function expectEscaped(page: string, strings: Map<string, string>, skip: readonly string[] = []): void {
  for (const [path, value] of strings) {
    if (skip.some((s) => path === s || path.startsWith(`${s}.`))) continue;
    const escaped = escapeHtml(value);
    expect(page.includes(escaped) || page.includes(escapeHtml(value.slice(0, path.length + 8))), `${path} is shown escaped`).toBe(true);
  }
}
