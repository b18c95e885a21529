/**
 * Headers of every customer page. The CSP lets WeChat's JS-SDK load from res.wx.qq.com (only in WeChat's browser
 * does the page ask for it) and nothing else beyond our own origin; images may come from anywhere (HQ's https
 * covers). Framed only by our own origin (the console's preview, the staff app's browser build); WeChat's
 * mini-program <web-view> and WeChat's browser open pages top-level, which frame-ancestors does not touch.
 */
export const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy':
    "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; script-src 'self' https://res.wx.qq.com; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
} as const;
