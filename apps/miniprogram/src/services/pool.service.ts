import { API, poolSettingsSchema, type PoolSettings } from '@fenji/shared';
import { request } from './request';

/** HQ's pool rules (caps, protection and recycle days). Quiet on failure: pages show them only as a hint. */
export function getPoolSettings(): Promise<PoolSettings> {
  return request(API.poolSettings, { schema: poolSettingsSchema, toast: false });
}
