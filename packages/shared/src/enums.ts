export const ROLES = ['hq_admin', 'branch_manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_STATUSES = ['active', 'disabled'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const CONTENT_KINDS = ['product', 'article', 'event', 'card'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const SHARE_CHANNELS = ['wechat_friend', 'moments', 'poster', 'link'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_POOLS = ['private', 'public'] as const;
export type LeadPool = (typeof LEAD_POOLS)[number];

/** `read_depth`: how far down the page the visitor read, in percent (0–100), sent with the dwell beacon. */
export const VISIT_EVENT_TYPES = ['view', 'dwell', 'reshare', 'form_open', 'read_depth'] as const;
export type VisitEventType = (typeof VISIT_EVENT_TYPES)[number];

/** Chinese labels for the UI, one place for every app. */
export const LABELS = {
  role: { hq_admin: '总部管理员', branch_manager: '门店负责人', staff: '员工' } satisfies Record<Role, string>,
  staffStatus: { active: '在职', disabled: '已停用' } satisfies Record<StaffStatus, string>,
  contentKind: { product: '产品', article: '文章', event: '活动', card: '名片' } satisfies Record<ContentKind, string>,
  channel: { wechat_friend: '微信好友', moments: '朋友圈', poster: '海报', link: '链接' } satisfies Record<
    ShareChannel,
    string
  >,
  leadStatus: { new: '新线索', contacted: '已联系', qualified: '有意向', converted: '已成交', lost: '已流失' } satisfies Record<
    LeadStatus,
    string
  >,
  pool: { private: '私海', public: '公海' } satisfies Record<LeadPool, string>,
} as const;
