import { z } from 'zod';
import { LEAD_POOLS, SHARE_CHANNELS, VISIT_EVENT_TYPES, type VisitEventType } from './enums';
import { leadDetailSchema, shareChainLinkSchema, timelineEntrySchema, type TimelineKind } from './lead.schema';
import { leadItemExtrasSchema } from './lead-query.schema';
import { OWNERSHIP_RULES } from './pool.schema';

/**
 * `GET /api/leads/:id` as the HQ console reads it: the contract's detail plus structured records, so that no
 * screen has to show an event code, a share code or a visitor id. Every added field is optional: an API that
 * does not send one yet leaves that part of the drawer out.
 */

/** How each kind of timeline entry is named. */
export const TIMELINE_LABELS = {
  submission: '留资',
  visit: '访问',
  collision: '撞单',
  ownership: '归属变更',
  follow_up: '跟进',
  status: '状态变更',
} satisfies Record<TimelineKind, string>;

/** A visit event in words. */
export const VISIT_EVENT_LABELS = {
  view: '打开了页面',
  dwell: '阅读停留',
  reshare: '转发给了朋友',
  form_open: '打开了留资表单',
  read_depth: '阅读进度',
} satisfies Record<VisitEventType, string>;

/** A timeline entry with the visit's facts, so the console writes the sentence itself. */
export const timelineEntryViewSchema = timelineEntrySchema.extend({
  /** Visits only: what the visitor did. */
  visitType: z.enum(VISIT_EVENT_TYPES).optional(),
  /** Dwell events: seconds on the page. */
  dwellSeconds: z.number().int().min(0).nullable().optional(),
  /** How far down the page the visitor read, 0–100 %. */
  readDepth: z.number().int().min(0).max(100).nullable().optional(),
  /** Who the visit or submission came through: the staff member, or the re-sharing customer's readable label. */
  viaLabel: z.string().nullable().optional(),
});
export type TimelineEntryView = z.infer<typeof timelineEntryViewSchema>;

/** One page visit of the lead's visitor(s), with its dwell and read depth. */
export const leadVisitSchema = z.object({
  id: z.string(),
  at: z.string(),
  contentTitle: z.string().nullable(),
  channel: z.enum(SHARE_CHANNELS).nullable(),
  /** Seconds on the page (null while unknown). */
  dwellSeconds: z.number().int().min(0).nullable(),
  /** 0–100 %. */
  readDepth: z.number().int().min(0).max(100).nullable(),
  /** The visitor re-shared the page from this visit. */
  reshared: z.boolean(),
  /** Who shared the link they opened: "李娜" or "访客 3F2A". */
  viaLabel: z.string().nullable(),
});
export type LeadVisit = z.infer<typeof leadVisitSchema>;

/** One change of owner, with its rule and reason (the `lead_ownership_changes` row, names resolved). */
export const leadOwnershipChangeSchema = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  rule: z.enum(OWNERSHIP_RULES),
  fromStaffName: z.string().nullable(),
  toStaffName: z.string().nullable(),
  toPool: z.enum(LEAD_POOLS),
  toBranchName: z.string().nullable(),
  /** Who made the change (null: a rule did). */
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type LeadOwnershipChange = z.infer<typeof leadOwnershipChangeSchema>;

/** The consent the customer gave when leaving their details. */
export const leadConsentSchema = z.object({
  /** The privacy notice version agreed to. */
  version: z.string(),
  at: z.string(),
  /** Title of the page the form was on. */
  contentTitle: z.string().nullable(),
  /** The fields collected with it, in words ("姓名、手机号、留言"). */
  fields: z.array(z.string()),
});
export type LeadConsent = z.infer<typeof leadConsentSchema>;

/**
 * The share chain as a tree, flat: every share from the root staff member's down to the ones that brought this
 * lead, and their siblings with visits. The console draws it from `parentId`.
 */
export const shareTreeNodeSchema = z.object({
  /** Stable key inside this answer; never shown. */
  id: z.string(),
  parentId: z.string().nullable(),
  /** "李娜" for the root share, "访客 3F2A" (or the lead's name once known) for a customer's re-share. */
  label: z.string(),
  kind: z.enum(['staff', 'customer']),
  channel: z.enum(SHARE_CHANNELS),
  depth: z.number().int().min(0),
  at: z.string(),
  views: z.number().int().min(0),
  leads: z.number().int().min(0),
  /** On the path that brought this lead. */
  onLeadPath: z.boolean(),
});
export type ShareTreeNode = z.infer<typeof shareTreeNodeSchema>;

/** A chain link with the re-sharer's readable label (instead of the visitor id). */
export const shareChainLinkViewSchema = shareChainLinkSchema.extend({ sharerLabel: z.string().nullable().optional() });

export const leadDetailViewSchema = leadDetailSchema.extend({
  ...leadItemExtrasSchema.shape,
  timeline: z.array(timelineEntryViewSchema),
  shareChain: z.array(shareChainLinkViewSchema),
  shareTree: z.array(shareTreeNodeSchema).optional(),
  visits: z.array(leadVisitSchema).optional(),
  ownershipChanges: z.array(leadOwnershipChangeSchema).optional(),
  consent: leadConsentSchema.optional(),
  doNotContactAt: z.string().nullable().optional(),
  doNotContactReason: z.string().nullable().optional(),
});
export type LeadDetailView = z.infer<typeof leadDetailViewSchema>;

/** `POST /api/leads/:id/do-not-contact` (owner, branch_manager in branch, hq_admin): set or clear 不再联系; audited. */
export const doNotContactRequestSchema = z.object({
  doNotContact: z.boolean(),
  reason: z.string({ error: '请填写原因' }).trim().min(1, { message: '请填写原因' }).max(200, { message: '原因最多 200 字' }),
});
export type DoNotContactRequest = z.infer<typeof doNotContactRequestSchema>;

export const doNotContactResponseSchema = z.object({ doNotContact: z.boolean(), at: z.string().nullable() });
export type DoNotContactResponse = z.infer<typeof doNotContactResponseSchema>;
