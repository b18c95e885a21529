import { API } from '@fenji/shared';

/**
 * Lead-pool endpoints that `API` in @fenji/shared does not name yet, built from the shared paths wherever one
 * exists. Move them into `API` (packages/shared/src/routes.ts) and delete this file once the contract has them.
 */
export const POOL_API = {
  claim: (leadId: string) => `${API.leadItem(leadId)}/claim`,
  release: (leadId: string) => `${API.leadItem(leadId)}/release`,
  followUps: (leadId: string) => `${API.leadItem(leadId)}/follow-ups`,
  status: (leadId: string) => `${API.leadItem(leadId)}/status`,
  poolSettings: '/api/pool-settings',
  notifications: '/api/notifications',
} as const;
