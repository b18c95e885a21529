/** Fallback when the build did not define TARO_APP_API_BASE (config/index.ts always does). */
const DEFAULT_BASE = 'https://fenji.example.com';

/**
 * Origin the API calls go to. The H5 build is served by the API itself under /app/, so it calls its own
 * origin (`/api/...`); the mini-program needs an absolute https origin.
 */
export function apiBase(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return process.env.TARO_APP_API_BASE || DEFAULT_BASE;
}

/** Origin of the customer landing pages (`/s/<code>`), shown in the mini-program's web-view. */
export function landingBase(): string {
  return process.env.TARO_APP_PUBLIC_BASE || apiBase();
}
