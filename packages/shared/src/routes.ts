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
  /** From a card page: the sharer's share of one of their featured contents (found or made), answered with 302. */
  landingFeatured: (code: string, contentId: string) => `/s/${encodeURIComponent(code)}/c/${encodeURIComponent(contentId)}`,
  privacy: '/privacy',
  /** Pages: 不再联系 (`?t=<token>` for the signed link) and its form posts (urlencoded, no JS needed). */
  optOutPage: '/opt-out',
  optOutCodeForm: '/opt-out/code',
  publicOptOut: '/api/public/opt-out',
  publicOptOutCode: '/api/public/opt-out/code',
  wechatJssdk: '/api/public/wechat/jssdk',

  // Staff app (issue 8). Shapes in radar, stats, notification, tag, lead-care, subscribe, share-view, card-share.
  /** GET radarListQuerySchema → radarListResponseSchema. */
  radar: '/api/radar',
  /** GET radarVisitorListQuerySchema → radarVisitorListResponseSchema. */
  radarVisitors: '/api/radar/visitors',
  /** WebSocket, `?token=<accessToken>`; server messages are wsServerMessageSchema. */
  ws: '/api/ws',
  /** GET → cardSchema; PUT updateCardRequestSchema → cardSchema. */
  myCard: '/api/me/card',
  /** POST multipart (field `file`) → uploadResultSchema. */
  uploads: '/api/uploads',
  /**
   * GET → image/png; `?wxacode=1` for the mini-program code (wxacode.getUnlimited with `scene` = the share code and
   * `page` = `packages/share/pages/view/index`, the staff app's no-login share view).
   */
  sharePoster: (code: string) => `/api/shares/${encodeURIComponent(code)}/poster.png`,
  /** GET (no login) → publicShareViewSchema. */
  publicShare: (code: string) => `/api/public/shares/${encodeURIComponent(code)}`,
  /** GET ?days=1|7|30 → myStatsSchema. */
  myStats: '/api/stats/me',
  /** POST → 204. */
  notificationRead: (id: string) => `/api/notifications/${encodeURIComponent(id)}/read`,
  /** DELETE (dismiss) → 204. */
  notificationItem: (id: string) => `/api/notifications/${encodeURIComponent(id)}`,
  /** POST → markAllReadResultSchema. */
  notificationsReadAll: '/api/notifications/read-all',
  /** GET → unreadCountSchema. */
  notificationsUnread: '/api/notifications/unread-count',
  /** GET → leadTagListResponseSchema. */
  tags: '/api/tags',
  /** PUT setHqTagsRequestSchema → leadTagListResponseSchema (hq_admin). */
  hqTags: '/api/tags/hq',
  /** PUT setLeadTagsRequestSchema → leadTagsSchema. */
  leadTags: (id: string) => `/api/leads/${encodeURIComponent(id)}/tags`,
  /** GET → followUpSummarySchema. */
  followUpSummary: '/api/leads/follow-up-summary',
  /** GET/POST → subscriptionStatusSchema (POST takes reportSubscriptionsRequestSchema). */
  mySubscriptions: '/api/me/subscriptions',
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
  /** GET → brandSettingsAdminSchema; PUT updateBrandSettingsRequestSchema → brandSettingsAdminSchema (hq_admin). */
  brandSettings: '/api/settings/brand',
  /** GET auditListQuerySchema → auditListResponseSchema. */
  auditLogs: '/api/audit-logs',
  // ── Privacy and operations (issue 11). Shapes: privacy.schema. ──
  /** GET privacySubjectQuerySchema → privacySubjectSchema (hq_admin). */
  privacySubjects: '/api/privacy/subjects',
  /** POST eraseSubjectRequestSchema → eraseSubjectResponseSchema (hq_admin). */
  privacySubjectsErase: '/api/privacy/subjects/erase',
  /** The process answers (no dependency checked). */
  healthLive: '/api/health/live',
  /** POST → retentionRunResultSchema (hq_admin). */
  retentionJob: '/api/jobs/retention',
  /** The customer's rights-request page (no JS needed) and its form posts. */
  privacyRequestPage: '/privacy/request',
  /** POST privacyRequestCodeSchema → 204. */
  publicPrivacyRequestCode: '/api/public/privacy-requests/code',
  /** POST submitPrivacyRequestSchema → 201 privacyRequestReceiptSchema. */
  publicPrivacyRequests: '/api/public/privacy-requests',
  /** GET privacyRequestListQuerySchema → privacyRequestListSchema (hq_admin). */
  privacyRequests: '/api/privacy/requests',
  /** POST closePrivacyRequestSchema → privacyRequestSchema (hq_admin). */
  privacyRequestDone: (id: string) => `/api/privacy/requests/${encodeURIComponent(id)}/done`,
} as const;

/** Turn a query object into `?a=1&b=2`, leaving out empty values. */
export function toQueryString(query: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
