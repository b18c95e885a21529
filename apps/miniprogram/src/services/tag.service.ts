import { API, leadTagListResponseSchema, leadTagsSchema, type LeadTag, type LeadTagRef } from '@fenji/shared';
import { request } from './request';

/** HQ's tags (first, `hq: true`) and the free ones on my leads, to pick from and filter by. */
export async function getTagOptions(): Promise<LeadTag[]> {
  return (await request(API.tags, { schema: leadTagListResponseSchema, toast: false })).items;
}

/** Replaces a lead's tags (owner only); resolves with what the server kept. */
export async function setLeadTags(leadId: string, tags: string[]): Promise<LeadTagRef[]> {
  return (await request(API.leadTags(leadId), { method: 'PUT', data: { tags }, schema: leadTagsSchema })).tags;
}
