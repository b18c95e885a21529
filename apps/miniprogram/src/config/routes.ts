/** Page paths of this app, one place for navigation and share paths. */
const q = encodeURIComponent;

export const PAGES = {
  login: '/pages/login/index',
  library: '/pages/library/index',
  radar: '/pages/radar/index',
  customers: '/pages/customers/index',
  me: '/pages/me/index',
  contentDetail: (id: string) => `/packages/content/pages/detail/index?id=${q(id)}`,
  /** 公海: the public pool, where staff claim unowned leads. */
  pool: '/packages/pool/pages/index/index',
  leadDetail: (id: string) => `/packages/lead/pages/detail/index?id=${q(id)}`,
  /** My business card: edit it. */
  cardEdit: '/packages/card/pages/edit/index',
  /** My business card as customers see it, with the ways to share it. */
  cardShare: '/packages/card/pages/share/index',
  /** A poster of a content (`contentId`) or of my card. */
  poster: (target: { contentId: string } | { card: true }) =>
    `/packages/share/pages/poster/index?${'card' in target ? 'card=1' : `contentId=${q(target.contentId)}`}`,
  /** A share as data, without login: what Moments' single-page mode and a poster's mini-program code open. */
  shareView: (code: string) => `/packages/share/pages/view/index?code=${q(code)}`,
  notifications: '/packages/me/pages/notifications/index',
  privacy: '/packages/me/pages/privacy/index',
  /** What a friend opens from a shared card: the customer landing page in a web-view. */
  landing: (code: string) => `/packages/landing/pages/view/index?code=${q(code)}`,
} as const;
