import { trustedHtml, type SafeHtml } from './escape-html';

/** Inline icons (24×24 paths), decorative: the text next to each says what it does. */
const icon = (path: string): SafeHtml => trustedHtml(`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${path}"/></svg>`);

export const ICONS = {
  phone: icon('M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z'),
  chat: icon('M9 4C5.1 4 2 6.6 2 9.8c0 1.8 1 3.4 2.6 4.5L4 16.5l2.6-1.3c.8.2 1.6.4 2.4.4h.4a5 5 0 0 1-.2-1.4c0-3 2.9-5.4 6.5-5.4h.5C15.6 6 12.6 4 9 4zm6.7 6c-3.1 0-5.6 2-5.6 4.6s2.5 4.6 5.6 4.6c.6 0 1.3-.1 1.9-.3l2 1.1-.5-1.8c1.3-.9 2.1-2.2 2.1-3.6 0-2.5-2.5-4.6-5.5-4.6z'),
  play: icon('M8 5v14l11-7z'),
  check: icon('M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z'),
  contact: icon('M12 12a4 4 0 1 0-4-4 4 4 0 0 0 4 4zm0 2c-3.3 0-8 1.7-8 5v1h16v-1c0-3.3-4.7-5-8-5z'),
} as const;
