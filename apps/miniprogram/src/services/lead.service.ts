import {
  API,
  followUpSchema,
  followUpSummarySchema,
  leadCareDetailSchema,
  leadPageResponseSchema,
  leadListItemSchema,
  z,
  type ChangeLeadStatusRequest,
  type CreateFollowUpRequest,
  type FollowUp,
  type FollowUpSummary,
  type LeadPageQuery,
  type LeadPageResponse,
  type LeadListItem,
  type ReleaseLeadRequest,
  type UpdateLeadRequest,
} from '@fenji/shared';
import { request } from './request';

export type MyLeadsQuery = Pick<LeadPageQuery, 'status' | 'q' | 'cursor' | 'limit' | 'tagId' | 'due' | 'sort'>;

/** The signed-in staff member's leads (我的客户), one page at a time. Failures are shown by the page, not toasted. */
export function listLeads(query: MyLeadsQuery): Promise<LeadPageResponse> {
  return request(API.leads, { query: { ...query }, schema: leadPageResponseSchema, toast: false });
}

export type PublicLeadsQuery = Pick<LeadPageQuery, 'q' | 'cursor' | 'limit'>;

/** The public pool (公海): leads nobody owns, open for claiming; phones come masked. */
export function listPublicLeads(query: PublicLeadsQuery): Promise<LeadPageResponse> {
  return request(API.leads, { query: { pool: 'public', ...query }, schema: leadPageResponseSchema, toast: false });
}

/** How many of my follow-ups are overdue or due today (the badge on 客户). */
export function getFollowUpSummary(): Promise<FollowUpSummary> {
  return request(API.followUpSummary, { schema: followUpSummarySchema, toast: false });
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
 * A lead with its timeline and follow-ups. The chain and consent fields are optional here: this page needs only
 * the lead, its timeline and its follow-ups, plus the care fields (tags, WeChat ID, 不再联系…) when the API sends them.
 */
const leadDetailViewSchema = leadCareDetailSchema.partial({
  message: true,
  consentVersion: true,
  consentedAt: true,
  referrerVisitorId: true,
  chainDepth: true,
  shareChain: true,
});
export type LeadDetailView = z.infer<typeof leadDetailViewSchema>;

export function getLead(leadId: string, options: { toast?: boolean } = {}): Promise<LeadDetailView> {
  return request(API.leadItem(leadId), { schema: leadDetailViewSchema, toast: options.toast ?? false });
}

/** WeChat ID, 不再联系 (with a reason). */
export function updateLead(leadId: string, body: UpdateLeadRequest): Promise<LeadDetailView> {
  return request(API.leadItem(leadId), { method: 'PATCH', data: body, schema: leadDetailViewSchema });
}
