import { API, notificationSchema, poolSettingsSchema, type Notification, type PoolSettings } from '@fenji/shared';
import { request } from './request';

const notificationListSchema = notificationSchema.array();

/** HQ's pool rules (caps, protection and recycle days). Quiet on failure: pages show them only as a hint. */
export function getPoolSettings(): Promise<PoolSettings> {
  return request(API.poolSettings, { schema: poolSettingsSchema, toast: false });
}

/** The signed-in staff member's notices (recycle warnings, recycled and assigned leads), newest first. */
export function listNotifications(): Promise<Notification[]> {
  return request(API.notifications, { schema: notificationListSchema, toast: false });
}
