import { z } from 'zod';
import { CONTENT_KINDS, SHARE_CHANNELS } from './enums';
import { isoInstantSchema } from './lead-query.schema';
import { idSchema } from './org.schema';

/**
 * 数据看板. Every stats route is scoped like the lead list (staff: own; branch_manager: branch; hq_admin: all)
 * and reads roll-ups kept as events arrive, never a scan at read time. Periods are [from, to] instants; days are
 * China-time calendar days ('YYYY-MM-DD').
 */
export const statsQuerySchema = z.object({
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  branchId: idSchema.optional(),
  staffId: idSchema.optional(),
  contentId: idSchema.optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** `GET /api/stats/funnel` (contract): the period's funnel. */
export const funnelSchema = z.object({
  shares: z.number().int().min(0),
  views: z.number().int().min(0),
  uniqueVisitors: z.number().int().min(0),
  leads: z.number().int().min(0),
  /** Leads of the period that reached 已联系 or further. */
  contacted: z.number().int().min(0),
  converted: z.number().int().min(0),
});
export type Funnel = z.infer<typeof funnelSchema>;
export type FunnelStep = keyof Funnel;
export const FUNNEL_STEPS = ['shares', 'views', 'uniqueVisitors', 'leads', 'contacted', 'converted'] as const satisfies readonly FunnelStep[];

export const STATS_LABELS = {
  funnel: {
    shares: '分享次数',
    views: '浏览次数',
    uniqueVisitors: '访客数',
    leads: '留资线索',
    contacted: '已联系',
    converted: '已成交',
  } satisfies Record<FunnelStep, string>,
} as const;

/** A rate as a share of 1, or null when the denominator is 0 (shown as —). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** `GET /api/stats/trend` (same query): one point per day of the period, days without events included as zeros. */
export const trendPointSchema = funnelSchema.extend({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export type TrendPoint = z.infer<typeof trendPointSchema>;
export const trendResponseSchema = z.object({ points: z.array(trendPointSchema).max(366) });
export type TrendResponse = z.infer<typeof trendResponseSchema>;

/** Leaderboards: by staff member or by branch, ranked on one metric. */
export const LEADERBOARD_DIMENSIONS = ['staff', 'branch'] as const;
export type LeaderboardDimension = (typeof LEADERBOARD_DIMENSIONS)[number];
export const LEADERBOARD_METRICS = ['leads', 'shares', 'views', 'converted'] as const;
export type LeaderboardMetric = (typeof LEADERBOARD_METRICS)[number];

export const leaderboardQuerySchema = statsQuerySchema.extend({
  by: z.enum(LEADERBOARD_DIMENSIONS),
  metric: z.enum(LEADERBOARD_METRICS).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

/** One row of a leaderboard; `conversionRate` = leads / uniqueVisitors (null when no visitors). */
export const leaderboardRowSchema = z.object({
  rank: z.number().int().min(1),
  id: z.string(),
  name: z.string(),
  /** Staff rows: their branch (null for HQ staff). */
  branchName: z.string().nullable(),
  shares: z.number().int().min(0),
  views: z.number().int().min(0),
  uniqueVisitors: z.number().int().min(0),
  leads: z.number().int().min(0),
  converted: z.number().int().min(0),
  conversionRate: z.number().min(0).max(1).nullable(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;
/** `GET /api/stats/leaderboard` → the top rows, best first. */
export const leaderboardResponseSchema = z.object({ items: z.array(leaderboardRowSchema) });
export type LeaderboardResponse = z.infer<typeof leaderboardResponseSchema>;

/** Per-content numbers (the dashboard's table and the content list). */
export const contentStatsSchema = z.object({
  shares: z.number().int().min(0),
  views: z.number().int().min(0),
  uniqueVisitors: z.number().int().min(0),
  leads: z.number().int().min(0),
  /** leads / uniqueVisitors; null when no visitors. */
  conversionRate: z.number().min(0).max(1).nullable(),
});
export type ContentStats = z.infer<typeof contentStatsSchema>;

export const CONTENT_PERFORMANCE_SORTS = ['leads', 'views', 'shares', 'conversion'] as const;
export type ContentPerformanceSort = (typeof CONTENT_PERFORMANCE_SORTS)[number];

export const contentPerformanceQuerySchema = statsQuerySchema.omit({ contentId: true }).extend({
  sort: z.enum(CONTENT_PERFORMANCE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ContentPerformanceQuery = z.infer<typeof contentPerformanceQuerySchema>;

export const contentPerformanceRowSchema = contentStatsSchema.extend({
  contentId: z.string(),
  title: z.string(),
  kind: z.enum(CONTENT_KINDS),
});
export type ContentPerformanceRow = z.infer<typeof contentPerformanceRowSchema>;
/** `GET /api/stats/contents` → contents of the period, best first. */
export const contentPerformanceResponseSchema = z.object({ items: z.array(contentPerformanceRowSchema) });
export type ContentPerformanceResponse = z.infer<typeof contentPerformanceResponseSchema>;

/** `GET /api/stats/chain-depth` (stats query): how far shares travel. Depth 0 = the staff member's own share. */
export const chainDepthBucketSchema = z.object({
  /** 0, 1, 2, 3 … the last bucket holds everything deeper (`orDeeper`). */
  depth: z.number().int().min(0),
  orDeeper: z.boolean(),
  shares: z.number().int().min(0),
  views: z.number().int().min(0),
  leads: z.number().int().min(0),
});
export type ChainDepthBucket = z.infer<typeof chainDepthBucketSchema>;
export const chainDepthResponseSchema = z.object({ buckets: z.array(chainDepthBucketSchema).max(20) });
export type ChainDepthResponse = z.infer<typeof chainDepthResponseSchema>;

/** `GET /api/stats/resharers` (stats query + limit ≤ 50): customers whose re-shares brought the most. */
export const resharerRowSchema = z.object({
  rank: z.number().int().min(1),
  /** "访客 3F2A", or the lead's name once they left details. */
  label: z.string(),
  leadId: z.string().nullable(),
  /** The staff member the customer's chain belongs to. */
  staffName: z.string().nullable(),
  reshares: z.number().int().min(0),
  /** Views and leads on the shares below theirs. */
  views: z.number().int().min(0),
  leads: z.number().int().min(0),
});
export type ResharerRow = z.infer<typeof resharerRowSchema>;
export const resharersQuerySchema = statsQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(50).optional() });
export type ResharersQuery = z.infer<typeof resharersQuerySchema>;
export const resharersResponseSchema = z.object({ items: z.array(resharerRowSchema) });
export type ResharersResponse = z.infer<typeof resharersResponseSchema>;

/** The live activity strip: the newest events in the caller's scope. */
export const ACTIVITY_TYPES = ['share', 'view', 'reshare', 'lead', 'collision', 'follow_up', 'converted'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_LABELS = {
  share: '分享',
  view: '浏览',
  reshare: '转发',
  lead: '留资',
  collision: '撞单',
  follow_up: '跟进',
  converted: '成交',
} satisfies Record<ActivityType, string>;

/** `GET /api/stats/activity?after&limit`: newest first; `after` = the newest id the client has (answers only newer ones). */
export const activityQuerySchema = z.object({
  after: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activityItemSchema = z.object({
  /** Time-ordered (ULID): newer ids sort after older ones. */
  id: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  at: z.string(),
  staffName: z.string().nullable(),
  branchName: z.string().nullable(),
  /** "访客 3F2A" or the lead's name. */
  visitorLabel: z.string().nullable(),
  leadId: z.string().nullable(),
  contentTitle: z.string().nullable(),
  channel: z.enum(SHARE_CHANNELS).nullable(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;
export const activityResponseSchema = z.object({ items: z.array(activityItemSchema) });
export type ActivityResponse = z.infer<typeof activityResponseSchema>;

// ── The staff app's own results (我的) ──

/** `GET /api/stats/me?days=1|7|30`: the signed-in staff member's own results over today / 7 / 30 days (China time). */
export const MY_STATS_DAYS = [1, 7, 30] as const;
export type MyStatsDays = (typeof MY_STATS_DAYS)[number];

export const myStatsQuerySchema = z.object({
  /** 1 = today since 00:00 China time; 7 and 30 = the last 7 / 30 days including today. */
  days: z.coerce
    .number()
    .int()
    .refine((d) => (MY_STATS_DAYS as readonly number[]).includes(d), { message: 'days 只能是 1、7 或 30' }),
});
export type MyStatsQuery = z.infer<typeof myStatsQuerySchema>;

export const myStatsSchema = z.object({
  /** Shares I created (every channel, card included). */
  shares: z.number().int().min(0),
  /** Page views on my shares and their re-shares. */
  views: z.number().int().min(0),
  /** Distinct visitors among those views. */
  uniqueVisitors: z.number().int().min(0),
  /** Leads attributed to me in the period (new leads and leads that came back to me). */
  leads: z.number().int().min(0),
  /** My leads that became members (status converted) in the period. */
  converted: z.number().int().min(0),
  /** My place in my branch by leads in the period (1 = first); null when I belong to no branch. */
  rankInBranch: z.number().int().min(1).nullable(),
  /** Active staff members in my branch (0 without a branch). */
  branchSize: z.number().int().min(0),
});
export type MyStats = z.infer<typeof myStatsSchema>;
