import { apiBase } from '../config/env';

/** An absolute http(s) URL for an image the API serves at a path (`/uploads/x.jpg`), as WeChat needs. */
export function absoluteUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//.test(url)) return url;
  if (url.startsWith('/')) return apiBase() + url;
  return undefined;
}
