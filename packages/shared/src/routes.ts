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

  // ── HQ console (issue 9). Shapes: lead-query, lead-detail, lead-bulk, lead-privacy, stats, audit, upload,
  // content-admin, org-admin and collision-admin schemas. ──
  /** POST { reason } → { phone } (contract). */
  leadReveal: (id: string) => `/api/leads/${encodeURIComponent(id)}/reveal`,
  /** POST doNotContactRequestSchema → doNotContactResponseSchema. */
  leadDoNotContact: (id: string) => `/api/leads/${encodeURIComponent(id)}/do-not-contact`,
  /** POST bulkLeadRequestSchema → bulkLeadResponseSchema (contract). */
  leadBulk: '/api/leads/bulk',
  /** GET leadExportQuerySchema → streamed CSV (contract) / XLSX. */
  leadExportCsv: '/api/leads/export.csv',
  leadExportXlsx: '/api/leads/export.xlsx',
  /** POST downloadTicketRequestSchema → downloadTicketResponseSchema. */
  downloadTickets: '/api/download-tickets',
  /** GET → leadTagListResponseSchema; POST createLeadTagRequestSchema → leadTagSchema. */
  tags: '/api/tags',
  /** POST /api/collisions/:id/resolve resolveCollisionRequestSchema → collisionViewSchema. */
  collisionResolve: (id: string) => `/api/collisions/${encodeURIComponent(id)}/resolve`,
  /** PATCH updateBranchRequestSchema → branchSchema; DELETE → 204. */
  branchItem: (id: string) => `/api/branches/${encodeURIComponent(id)}`,
  /** GET → handoverPreviewSchema. */
  staffHandoverPreview: (id: string) => `/api/staff/${encodeURIComponent(id)}/handover-preview`,
  /** GET contentAdminListQuerySchema → contentAdminListResponseSchema. */
  contentsAdmin: '/api/contents/admin',
  /** POST contentStatusRequestSchema → contentAdminSchema. */
  contentStatus: (id: string) => `/api/contents/${encodeURIComponent(id)}/status`,
  /** POST contentPreviewRequestSchema → contentPreviewResponseSchema. */
  contentPreview: '/api/contents/preview',
  /** GET → contentCategoryListResponseSchema; POST saveContentCategoryRequestSchema → contentCategorySchema. */
  contentCategories: '/api/content-categories',
  /** PATCH saveContentCategoryRequestSchema → contentCategorySchema; DELETE → 204. */
  contentCategoryItem: (id: string) => `/api/content-categories/${encodeURIComponent(id)}`,
  /** POST multipart `file` → uploadResponseSchema (contract). */
  uploads: '/api/uploads',
  /** GET statsQuerySchema → funnelSchema (contract). */
  statsFunnel: '/api/stats/funnel',
  /** GET statsQuerySchema → trendResponseSchema. */
  statsTrend: '/api/stats/trend',
  /** GET leaderboardQuerySchema → leaderboardResponseSchema. */
  statsLeaderboard: '/api/stats/leaderboard',
  /** GET contentPerformanceQuerySchema → contentPerformanceResponseSchema. */
  statsContents: '/api/stats/contents',
  /** GET statsQuerySchema → chainDepthResponseSchema. */
  statsChainDepth: '/api/stats/chain-depth',
  /** GET resharersQuerySchema → resharersResponseSchema. */
  statsResharers: '/api/stats/resharers',
  /** GET activityQuerySchema → activityResponseSchema. */
  statsActivity: '/api/stats/activity',
  /** GET auditListQuerySchema → auditListResponseSchema. */
  auditLogs: '/api/audit-logs',
} as const;

/** Turn a query object into `?a=1&b=2`, leaving out empty values. */
export function toQueryString(query: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
