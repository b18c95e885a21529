import {
  API,
  markAllReadResultSchema,
  notificationListSchema,
  unreadCountSchema,
  z,
  type NotificationItem,
} from '@fenji/shared';
import { request } from './request';

/** My notices, newest first (dismissed ones are gone). */
export function listNotifications(): Promise<NotificationItem[]> {
  return request(API.notifications, { schema: notificationListSchema, toast: false });
}

export async function unreadCount(): Promise<number> {
  return (await request(API.notificationsUnread, { schema: unreadCountSchema, toast: false })).unread;
}

export async function markRead(id: string): Promise<void> {
  await request(API.notificationRead(id), { method: 'POST', schema: z.unknown(), toast: false });
}

export async function markAllRead(): Promise<number> {
  return (await request(API.notificationsReadAll, { method: 'POST', schema: markAllReadResultSchema })).updated;
}

/** Dismiss: the notice leaves the list for good. */
export async function dismissNotification(id: string): Promise<void> {
  await request(API.notificationItem(id), { method: 'DELETE', schema: z.unknown() });
}
