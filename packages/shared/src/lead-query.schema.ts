import { z } from 'zod';
import { LEAD_POOLS, LEAD_STATUSES, SHARE_CHANNELS } from './enums';
import { leadListItemSchema } from './lead.schema';
import { dateFilterSchema } from './date.schema';
import { idSchema } from './org.schema';
import { HEAT_LABELS, HEAT_LEVELS, heatLevel } from './heat';

/**
 * `GET /api/leads`: ONE query and ONE item shape for the HQ console (the lead pool) and the staff app (我的客户, 公海).
 * A superset of the contract's list (lead.schema.ts): more filters, a sort, a total, and what each app shows.
 * Built for 1,000,000 leads: keyset cursors on (sort value, id) for every sort (never offsets), and a total that
 * is exact up to a bound and estimated past it.
 */

/** An ISO-8601 instant (the console sends local day boundaries as UTC instants). */
export const isoInstantSchema = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), { message: '时间格式不正确' });

/**
 * Orders of the lead list (console and staff app alike). Every order is keyset-paged on (sort value, id).
 * `next_follow_up_asc`: soonest planned follow-up first (the staff app's 待跟进).
 */
export const LEAD_SORTS = ['created_desc', 'created_asc', 'last_touch_desc', 'last_touch_asc', 'heat_desc', 'heat_asc', 'next_follow_up_asc'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];


export const LEAD_QUERY_LABELS = {
  sort: {
    created_desc: '最新创建',
    created_asc: '最早创建',
    last_touch_desc: '最近触达',
    last_touch_asc: '最久未触达',
    heat_desc: '热度从高到低',
    heat_asc: '热度从低到高',
    next_follow_up_asc: '最早待跟进',
  } satisfies Record<LeadSort, string>,
  heat: HEAT_LABELS,
} as const;

/** Where a score falls (the same cut-offs as the API's filter). */
export const heatLevelOf = heatLevel;

/**
 * Every filter of the lead pool. The same object is the query of the list and of the export, and the `filter`
 * of a bulk action, so "what I see" and "what I act on" cannot drift apart. Scoping (staff: own; branch
 * manager: branch; HQ: all) is always laid over it by the API.
 */
export const leadFilterSchema = z.object({
  status: z.enum(LEAD_STATUSES).optional(),
  pool: z.enum(LEAD_POOLS).optional(),
  branchId: idSchema.optional(),
  ownerStaffId: idSchema.optional(),
  /** Leads first brought by a share of this content. */
  contentId: idSchema.optional(),
  /** Leads first brought through this channel. */
  channel: z.enum(SHARE_CHANNELS).optional(),
  /** Leads carrying this tag (an id from `GET /api/tags`; HQ's tags and free ones alike). */
  tagId: idSchema.optional(),
  /** Leads in this heat band. */
  heat: z.enum(HEAT_LEVELS).optional(),
  /** '1': private leads whose next follow-up date has passed, or that will be recycled within the warning days. */
  overdue: z.enum(['1']).optional(),
  /**
   * '1' (the staff app's 待跟进): private leads whose planned next follow-up is due by the end of today (China time)
   * or overdue, soonest first (implies `sort=next_follow_up_asc`); 不再联系, converted and lost leads are left out.
   */
  due: z.enum(['1']).optional(),
  /** Name, or a run of the phone's digits (the contract's `q` rules). */
  q: z.string().trim().min(1).max(40).optional(),
  /** Created in [from, to]. */
  from: dateFilterSchema.optional(),
  to: dateFilterSchema.optional(),
  /** Last touched in [touchFrom, touchTo]. */
  touchFrom: dateFilterSchema.optional(),
  touchTo: dateFilterSchema.optional(),
});
export type LeadFilter = z.infer<typeof leadFilterSchema>;
export type LeadFilterKey = keyof LeadFilter;
export const LEAD_FILTER_KEYS = Object.keys(leadFilterSchema.shape) as LeadFilterKey[];

/** `GET /api/leads` query (both apps): the filters, an order, and a keyset page. */
export const leadPageQuerySchema = leadFilterSchema.extend({
  /** Default created_desc (newest first, as the contract's list). */
  sort: z.enum(LEAD_SORTS).optional(),
  /** Opaque; from the previous page's `nextCursor`; valid only with the same filters and sort. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  /** '1': answer `total` as well (the console asks on the first page only). */
  withTotal: z.enum(['0', '1']).optional(),
});
export type LeadPageQuery = z.infer<typeof leadPageQuerySchema>;

/** A lead's interest, always with its reason in words. */
export const leadHeatSchema = z.object({
  /** 0–100, from recency, frequency, dwell, read depth and re-shares. */
  score: z.number().int().min(0).max(100),
  level: z.enum(HEAT_LEVELS),
  /** e.g. "3 天内访问 4 次，平均停留 2 分钟，转发过 1 次". */
  reason: z.string().max(200),
});
export type LeadHeat = z.infer<typeof leadHeatSchema>;

/** A tag on a lead: its id (to filter by) and its name (to show). */
export const leadTagRefSchema = z.object({ id: z.string(), name: z.string() });
export type LeadTagRef = z.infer<typeof leadTagRefSchema>;

/** How many leads match: exact up to a bound (e.g. 10,000), then estimated from index statistics. */
export const listTotalSchema = z.object({
  count: z.number().int().min(0),
  /** false: an estimate, shown as "约 1,230,000 条". */
  exact: z.boolean(),
});
export type ListTotal = z.infer<typeof listTotalSchema>;

/**
 * What both apps show beside the contract's fields, on the list item and on the detail alike. Optional on the wire
 * so an older server still parses; this API sends every one of them.
 */
export const leadItemExtrasSchema = z.object({
  /** null until the lead's visitors have been seen (heat is kept by the analytics module). */
  heat: leadHeatSchema.nullable().optional(),
  /** In the order they were added. */
  tags: z.array(leadTagRefSchema).optional(),
  /** The customer asked not to be contacted (不再联系), by themselves or marked by staff: no call, copy or follow-up. */
  doNotContact: z.boolean().optional(),
  /** The customer's WeChat ID as staff recorded it; only for the owner (null for everyone else). */
  wechatId: z.string().nullable().optional(),
  branchName: z.string().nullable().optional(),
  /** The `nextAt` of the owner's latest follow-up; null when it planned none (or the owner changed since). */
  nextFollowUpAt: z.string().nullable().optional(),
  /** The same rule as the `overdue` filter. */
  followUpOverdue: z.boolean().optional(),
  /**
   * Public-pool leads only, for the caller: until when they may not claim it back (they released it or it was
   * recycled from them); null when they may claim it now.
   */
  reclaimBlockedUntil: z.string().nullable().optional(),
  /** The content and channel of the share that first brought the lead. */
  source: z
    .object({ contentId: z.string(), contentTitle: z.string(), channel: z.enum(SHARE_CHANNELS) })
    .nullable()
    .optional(),
});
export type LeadItemExtras = z.infer<typeof leadItemExtrasSchema>;

/** A row of `GET /api/leads` (console and staff app): the contract's list item plus {@link leadItemExtrasSchema}. */
export const leadPageItemSchema = leadListItemSchema.extend(leadItemExtrasSchema.shape);
export type LeadPageItem = z.infer<typeof leadPageItemSchema>;

/** `GET /api/leads` answer: the contract's `{ items, nextCursor }` plus `total` when asked for (`withTotal=1`). */
export const leadPageResponseSchema = z.object({
  items: z.array(leadPageItemSchema),
  nextCursor: z.string().nullable(),
  total: listTotalSchema.optional(),
});
export type LeadPageResponse = z.infer<typeof leadPageResponseSchema>;

