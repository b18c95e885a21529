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
  privacy: '/privacy',
} as const;

/** Turn a query object into `?a=1&b=2`, leaving out empty values. */
export function toQueryString(query: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
