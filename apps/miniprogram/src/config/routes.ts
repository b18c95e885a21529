/** Page paths of this app, one place for navigation and share paths. */
export const PAGES = {
  login: '/pages/login/index',
  library: '/pages/library/index',
  customers: '/pages/customers/index',
  me: '/pages/me/index',
  contentDetail: (id: string) => `/packages/content/pages/detail/index?id=${encodeURIComponent(id)}`,
  /** 公海: the public pool, where staff claim unowned leads. */
  pool: '/packages/pool/pages/index/index',
  leadDetail: (id: string) => `/packages/lead/pages/detail/index?id=${encodeURIComponent(id)}`,
  /** What a friend opens from a shared card: the customer landing page in a web-view. */
  landing: (code: string) => `/packages/landing/pages/view/index?code=${encodeURIComponent(code)}`,
} as const;
