import { z } from 'zod';

/**
 * The signed-in user's notices on their own page: read, dismiss. Extends the items of `GET /api/notifications`
 * (which keeps its array shape) with `readAt` and new kinds; `leadId`/`leadName` are null for notices about no lead.
 */
export const NOTIFICATION_KINDS = [
  'recycle_warning',
  'recycled',
  'assigned',
  /** A new lead came in through one of my shares. */
  'new_lead',
  /** A known customer came back and is hot again. */
  'hot_return',
  /** A follow-up I planned is due. */
  'follow_up_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS = {
  recycle_warning: '即将回收',
  recycled: '已回收',
  assigned: '新分配',
  new_lead: '新客户',
  hot_return: '客户回访',
  follow_up_due: '待跟进',
} satisfies Record<NotificationKind, string>;

export const notificationItemSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  /** A sentence for people, e.g. `王芳 将在 2 天后回到公海，请及时跟进`. */
  message: z.string(),
  createdAt: z.string(),
  /** When I read it; null while unread. Absent from older servers: treated as unread. */
  readAt: z.string().nullable().default(null),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

/** `GET /api/notifications` (newest first, dismissed ones left out): the array of {@link notificationItemSchema}. */
export const notificationListSchema = z.array(notificationItemSchema);

/** `GET /api/notifications/unread-count` → how many are unread (for the badge on 我的). */
export const unreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/**
 * `POST /api/notifications/:id/read` → 204 (own notices only; 404 otherwise);
 * `POST /api/notifications/read-all` → 200 {@link markAllReadResultSchema};
 * `DELETE /api/notifications/:id` (dismiss) → 204: it no longer appears in the list.
 */
export const markAllReadResultSchema = z.object({ updated: z.number().int().min(0) });
export type MarkAllReadResult = z.infer<typeof markAllReadResultSchema>;
