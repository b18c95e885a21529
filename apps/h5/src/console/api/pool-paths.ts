import { API } from '@fenji/shared';

/**
 * Paths of the lead-pool endpoints that `API` in @fenji/shared (routes.ts) does not list yet.
 * One place, so they move to the shared map in one step.
 */
export const POOL_API = {
  poolSettings: '/api/pool-settings',
  collisions: '/api/collisions',
  recycleJob: '/api/jobs/recycle',
  leadAssign: (id: string) => `${API.leadItem(id)}/assign`,
  leadStatus: (id: string) => `${API.leadItem(id)}/status`,
} as const;
