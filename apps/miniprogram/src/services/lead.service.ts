import {
  API,
  followUpSchema,
  leadDetailSchema,
  leadListItemSchema,
  leadListResponseSchema,
  z,
  type ChangeLeadStatusRequest,
  type CreateFollowUpRequest,
  type FollowUp,
  type LeadListItem,
  type LeadListQuery,
  type LeadListResponse,
  type ReleaseLeadRequest,
} from '@fenji/shared';
import { request } from './request';

export type MyLeadsQuery = Pick<LeadListQuery, 'status' | 'pool' | 'q' | 'cursor' | 'limit'>;

/** The signed-in staff member's leads (我的客户), one page at a time. */
export function listLeads(query: MyLeadsQuery): Promise<LeadListResponse> {
  return request(API.leads, { query: { ...query }, schema: leadListResponseSchema });
}

export type PublicLeadsQuery = Pick<LeadListQuery, 'q' | 'cursor' | 'limit'>;

/** The public pool (公海): leads nobody owns, open for claiming; phones come masked. */
export function listPublicLeads(query: PublicLeadsQuery): Promise<LeadListResponse> {
  return request(API.leads, { query: { pool: 'public', ...query }, schema: leadListResponseSchema });
}

/**
 * Claims a public lead; resolves with the lead now owned by the caller. A 409 (`LEAD_ALREADY_CLAIMED`,
 * `CLAIM_LIMIT_REACHED`, `RECLAIM_BLOCKED`) rejects with the server's message, which the caller shows itself.
 */
export function claimLead(leadId: string): Promise<LeadListItem> {
  return request(API.leadClaim(leadId), { method: 'POST', schema: leadListItemSchema, toast: false });
}

/** The owner puts a lead back into the public pool. The answer's body is not part of the contract. */
export async function releaseLead(leadId: string, body: ReleaseLeadRequest): Promise<LeadListItem | null> {
  const res = await request(API.leadRelease(leadId), { method: 'POST', data: body, schema: z.unknown() });
  const lead = leadListItemSchema.safeParse(res);
  return lead.success ? lead.data : null;
}

/** Records a follow-up (owner only); it renews the protection period and the recycle clock. */
export function createFollowUp(leadId: string, body: CreateFollowUpRequest): Promise<FollowUp> {
  return request(API.leadFollowUps(leadId), { method: 'POST', data: body, schema: followUpSchema });
}

/** Moves the lead to one of `LEAD_STATUS_TRANSITIONS[current]`; 409 `STATUS_TRANSITION_INVALID` otherwise. */
export function changeLeadStatus(leadId: string, body: ChangeLeadStatusRequest): Promise<LeadListItem> {
  return request(API.leadStatus(leadId), { method: 'POST', data: body, schema: leadListItemSchema });
}

/**
 * A lead with its timeline and follow-ups (`LeadDetail`). The chain and consent fields are optional here: this
 * page shows them when the API sends them, and needs only the lead, its timeline and its follow-ups.
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

export function getLead(leadId: string, options: { toast?: boolean } = {}): Promise<LeadDetailView> {
  return request(API.leadItem(leadId), { schema: leadDetailViewSchema, toast: options.toast });
}
