import {
  API,
  leadDetailSchema,
  leadListResponseSchema,
  type LeadListQuery,
  type LeadListResponse,
  type z,
} from '@fenji/shared';
import { request } from './request';

export type MyLeadsQuery = Pick<LeadListQuery, 'status' | 'pool' | 'q' | 'cursor' | 'limit'>;

/** The signed-in staff member's leads (我的客户), one page at a time. */
export function listLeads(query: MyLeadsQuery): Promise<LeadListResponse> {
  return request(API.leads, { query: { ...query }, schema: leadListResponseSchema });
}

/**
 * A lead and its timeline (`LeadDetail`). The chain and consent fields are optional here: this page shows them when the API
 * sends them, and needs only the lead and its timeline.
 */
const leadDetailViewSchema = leadDetailSchema.partial({
  message: true,
  consentVersion: true,
  consentedAt: true,
  referrerVisitorId: true,
  chainDepth: true,
  shareChain: true,
});
export type LeadDetailView = z.infer<typeof leadDetailViewSchema>;

export function getLead(id: string): Promise<LeadDetailView> {
  return request(API.leadItem(id), { schema: leadDetailViewSchema });
}
