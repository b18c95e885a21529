/** Paths of the HTTP API, relative to the API origin. Clients build URLs from these, never by hand. */
export const API = {
  health: '/api/health',
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  activate: '/api/auth/activate',
  wechatLogin: '/api/auth/wechat',
  wechatBind: '/api/auth/wechat/bind',
  me: '/api/auth/me',
  branches: '/api/branches',
  staff: '/api/staff',
  staffItem: (id: string) => `/api/staff/${encodeURIComponent(id)}`,
  staffInvite: (id: string) => `/api/staff/${encodeURIComponent(id)}/invite`,
  contents: '/api/contents',
  contentItem: (id: string) => `/api/contents/${encodeURIComponent(id)}`,
  shares: '/api/shares',
  leads: '/api/leads',
  leadItem: (id: string) => `/api/leads/${encodeURIComponent(id)}`,
  leadClaim: (id: string) => `/api/leads/${encodeURIComponent(id)}/claim`,
  leadAssign: (id: string) => `/api/leads/${encodeURIComponent(id)}/assign`,
  leadRelease: (id: string) => `/api/leads/${encodeURIComponent(id)}/release`,
  leadStatus: (id: string) => `/api/leads/${encodeURIComponent(id)}/status`,
  leadFollowUps: (id: string) => `/api/leads/${encodeURIComponent(id)}/follow-ups`,
  collisions: '/api/collisions',
  notifications: '/api/notifications',
  poolSettings: '/api/pool-settings',
  recycleJob: '/api/jobs/recycle',
  publicLeads: '/api/public/leads',
  publicEvents: '/api/public/events',
  reshare: (code: string) => `/api/public/shares/${encodeURIComponent(code)}/reshare`,
  landing: (code: string) => `/s/${encodeURIComponent(code)}`,
  /** The no-JS lead form's target (urlencoded); answers 303 to `landingThanks` or a page with the errors. */
  landingLeadForm: (code: string) => `/s/${encodeURIComponent(code)}/lead`,
  landingThanks: (code: string) => `/s/${encodeURIComponent(code)}/thanks`,
  /** The sharer's card as a vCard (`text/vcard`), from a card landing page's 保存联系人. */
  landingVcard: (code: string) => `/s/${encodeURIComponent(code)}/contact.vcf`,
  privacy: '/privacy',
  /** Pages: 不再联系 (`?t=<token>` for the signed link) and its form posts (urlencoded, no JS needed). */
  optOutPage: '/opt-out',
  optOutCodeForm: '/opt-out/code',
  publicOptOut: '/api/public/opt-out',
  publicOptOutCode: '/api/public/opt-out/code',
  wechatJssdk: '/api/public/wechat/jssdk',
} as const;

/** Turn a query object into `?a=1&b=2`, leaving out empty values. */
export function toQueryString(query: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
