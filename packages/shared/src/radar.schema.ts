import { z } from 'zod';

import { SHARE_CHANNELS } from './enums';

/**
 * 客户雷达: what visitors do on a staff member's shares, newest first, and live over the WebSocket.
 * `GET /api/radar` (staff: own shares; branch_manager: branch; hq_admin: all) and `GET /api/ws?token=`.
 */

/** What a visitor did. `lead` is a submitted lead form; the rest are landing-page events. */
export const RADAR_ITEM_TYPES = ['view', 'dwell', 'reshare', 'form_open', 'lead'] as const;
export type RadarItemType = (typeof RADAR_ITEM_TYPES)[number];

/** Heat: 0–100 from recency, frequency, dwell, read depth and re-shares (see {@link describeHeat} for its words). */
export const heatScoreSchema = z.number().int().min(0).max(100);

export const radarVisitorRefSchema = z.object({
  /** Stable id of the visitor (for grouping only; never shown to a person). */
  id: z.string(),
  /** A readable name: `访客 3F2A` until the visitor leaves details, then the lead's name. */
  label: z.string(),
});

export const radarItemSchema = z.object({
  /** Time-ordered id (ULID): newer items have greater ids; used as the catch-up point (`after`). */
  id: z.string(),
  type: z.enum(RADAR_ITEM_TYPES),
  /** When it happened (ISO-8601, UTC). */
  at: z.string(),
  visitor: radarVisitorRefSchema,
  /** The visitor's lead once they left details. */
  leadId: z.string().optional(),
  leadName: z.string().optional(),
  /** What was opened; for a business-card share `id` is the card owner's staff id and `card` is true. */
  content: z.object({ id: z.string(), title: z.string() }),
  /** The share the event came through (never shown to a person; lets the app open the share's poster). */
  shareCode: z.string(),
  /** dwell: seconds on the page so far. */
  dwellSeconds: z.number().int().min(0).optional(),
  /** The visitor's heat right after this event. */
  heat: heatScoreSchema.optional(),
  /** Heat in words, e.g. `3 次查看 · 停留 4 分钟 · 转发 2 人` ({@link describeHeat}). */
  heatReason: z.string().optional(),
  /** Which visit of this visitor's this is (1 = first time), counted over all the staff member's shares. */
  visitNumber: z.number().int().min(1).optional(),
  /** dwell: how far down the page they read, 0–100 %. */
  readPercent: z.number().int().min(0).max(100).optional(),
  /** reshare: how many new visitors the re-share has brought so far. */
  reshareVisitors: z.number().int().min(0).optional(),
  /** The channel of the share the visitor came through. */
  channel: z.enum(SHARE_CHANNELS).optional(),
  /** True when the share was the staff member's business card. */
  card: z.boolean().optional(),
  /** A visitor reached through another customer's re-share: that customer's label. */
  viaLabel: z.string().optional(),
});
export type RadarItem = z.infer<typeof radarItemSchema>;

export const radarListQuerySchema = z.object({
  /** Older page: items before this cursor (from `nextCursor`). */
  cursor: z.string().max(100).optional(),
  /** Catch-up after a gap: only items whose id is greater than this one, newest first (at most `limit`). */
  after: z.string().max(40).optional(),
  /** Only events of this type. */
  type: z.enum(RADAR_ITEM_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type RadarListQuery = z.infer<typeof radarListQuerySchema>;

export const radarListResponseSchema = z.object({
  items: z.array(radarItemSchema),
  /** More older items: pass as `cursor`; null at the end. With `after`, non-null means the gap was larger than `limit`. */
  nextCursor: z.string().nullable(),
});
export type RadarListResponse = z.infer<typeof radarListResponseSchema>;

/** One visitor of my shares with their heat: `GET /api/radar/visitors` (same scope as the feed). */
export const radarVisitorSchema = z.object({
  id: z.string(),
  label: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  heat: heatScoreSchema,
  /** Heat in words ({@link describeHeat}). */
  heatReason: z.string(),
  /** Page views over all the staff member's shares. */
  views: z.number().int().min(0),
  totalDwellSeconds: z.number().int().min(0),
  /** Deepest read, 0–100 %. */
  maxReadPercent: z.number().int().min(0).max(100),
  /** Re-shares by this visitor, and the new visitors they brought. */
  reshares: z.number().int().min(0),
  reshareVisitors: z.number().int().min(0),
  lastAt: z.string(),
  /** What they looked at last. */
  lastContent: z.object({ id: z.string(), title: z.string() }),
});
export type RadarVisitor = z.infer<typeof radarVisitorSchema>;

export const radarVisitorListQuerySchema = z.object({
  /** `heat` (default): hottest first; `recent`: last seen first. */
  sort: z.enum(['heat', 'recent']).optional(),
  /** Only visitors seen in the last N days (default 30). */
  days: z.coerce.number().int().min(1).max(90).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type RadarVisitorListQuery = z.infer<typeof radarVisitorListQuerySchema>;

export const radarVisitorListResponseSchema = z.object({
  items: z.array(radarVisitorSchema),
  nextCursor: z.string().nullable(),
});
export type RadarVisitorListResponse = z.infer<typeof radarVisitorListResponseSchema>;

/**
 * Messages the server sends on `GET /api/ws?token=<accessToken>` (JSON text frames). Within 5 s of an event each
 * connected user whose scope includes it receives `{ type: 'radar', item }`; `notification` tells the app a new
 * notice arrived (it reloads the unread count). Anything else is ignored by clients.
 */
export const wsServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('radar'), item: radarItemSchema }),
  z.object({ type: z.literal('notification'), unread: z.number().int().min(0) }),
]);
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;
