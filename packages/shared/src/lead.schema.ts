import { z } from 'zod';
import { LEAD_POOLS, LEAD_STATUSES, SHARE_CHANNELS } from './enums';
import { phoneSchema } from './auth.schema';
import { dateFilterSchema } from './date.schema';
import { idSchema } from './org.schema';
import { shareCodeSchema } from './share.schema';
import { followUpSchema } from './pool.schema';

/** The privacy notice customers consent to (apps/h5 renders it); change the text, change the version. */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

/** Notice versions are dates, with an optional suffix for a second change on one day (`2026-11-01`, `2026-11-01b`). */
export const privacyVersionSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}[a-z]?$/, { message: '隐私政策版本不正确' });

/**
 * The lead form's optional fields besides name, phone and message, as HQ picks them per content
 * (`EXTRA_FORM_FIELDS`); keys as there.
 */
export const leadExtraFieldsSchema = z.object({
  company: z.string().trim().max(60, { message: '公司名称最多 60 字' }).optional(),
  city: z.string().trim().max(30, { message: '城市最多 30 字' }).optional(),
  preferred_time: z.string().trim().max(30, { message: '联系时间最多 30 字' }).optional(),
});
export type LeadExtraFields = z.infer<typeof leadExtraFieldsSchema>;

export const submitLeadRequestSchema = z.object({
  shareCode: shareCodeSchema,
  name: z.string({ error: '请输入姓名' }).trim().min(1, { message: '请输入姓名' }).max(40, { message: '姓名最多 40 字' }),
  phone: phoneSchema,
  consent: z.literal(true, { error: '请阅读并同意隐私政策' }),
  message: z.string().trim().max(500, { message: '留言最多 500 字' }).optional(),
  idempotencyKey: z
    .string()
    .regex(/^[0-9A-Za-z_-]{8,64}$/, { message: 'idempotencyKey 格式不正确' })
    .optional(),
  visitorId: z.string().regex(/^[0-9A-Za-z_-]{16,40}$/).optional(),
  /** The privacy notice version the form showed; the server's current one when omitted. */
  consentVersion: privacyVersionSchema.optional(),
  fields: leadExtraFieldsSchema.optional(),
});
export type SubmitLeadRequest = z.infer<typeof submitLeadRequestSchema>;

/**
 * `201` of `POST /api/public/leads`. `optOutUrl`: the submitter's own signed 不再联系 link (the landing page shows
 * it in the confirmation and keeps it on the device); absent until the API signs them.
 */
export const submitLeadResponseSchema = z.object({ ok: z.literal(true), optOutUrl: z.string().optional() });
export type SubmitLeadResponse = z.infer<typeof submitLeadResponseSchema>;

export const leadListQuerySchema = z.object({
  status: z.enum(LEAD_STATUSES).optional(),
  ownerStaffId: idSchema.optional(),
  branchId: idSchema.optional(),
  pool: z.enum(LEAD_POOLS).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  from: dateFilterSchema.optional(),
  to: dateFilterSchema.optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

export const leadListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  phoneMasked: z.boolean(),
  status: z.enum(LEAD_STATUSES),
  ownerStaffId: z.string().nullable(),
  ownerName: z.string().nullable(),
  branchId: z.string().nullable(),
  pool: z.enum(LEAD_POOLS),
  touchCount: z.number().int(),
  createdAt: z.string(),
  lastTouchAt: z.string(),
  /** Until then another staff member's touch is a collision (null in the public pool). */
  protectedUntil: z.string().nullable(),
  /** When the lead returns to the public pool unless followed up (null when not private or closed). */
  recycleAt: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
});
export type LeadListItem = z.infer<typeof leadListItemSchema>;

export const leadListResponseSchema = z.object({
  items: z.array(leadListItemSchema),
  nextCursor: z.string().nullable(),
});
export type LeadListResponse = z.infer<typeof leadListResponseSchema>;

export const TIMELINE_KINDS = ['submission', 'visit', 'collision', 'ownership', 'follow_up', 'status'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  /** Root staff of the share involved, or the person who acted. */
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  shareCode: z.string().nullable(),
  channel: z.enum(SHARE_CHANNELS).nullable(),
  contentTitle: z.string().nullable(),
  /** Human-readable Chinese sentence: what happened and why. */
  summary: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const shareChainLinkSchema = z.object({
  shareCode: z.string(),
  depth: z.number().int(),
  /** null for the root share (a staff member's); the re-sharing visitor otherwise. */
  sharerVisitorId: z.string().nullable(),
  staffId: z.string(),
  channel: z.enum(SHARE_CHANNELS),
});

export const leadDetailSchema = leadListItemSchema.extend({
  message: z.string().nullable(),
  consentVersion: z.string(),
  consentedAt: z.string(),
  referrerVisitorId: z.string().nullable(),
  chainDepth: z.number().int(),
  shareChain: z.array(shareChainLinkSchema),
  timeline: z.array(timelineEntrySchema),
  followUps: z.array(followUpSchema),
  /** Set once the lead converted: the company's own customer. */
  memberId: z.string().nullable(),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;
