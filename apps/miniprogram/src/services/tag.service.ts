import { API, leadTagsSchema, tagOptionsSchema, type TagOptions } from '@fenji/shared';
import { request } from './request';

/** HQ's tags and the free ones I have used, to pick from. */
export function getTagOptions(): Promise<TagOptions> {
  return request(API.tags, { schema: tagOptionsSchema, toast: false });
}

/** Replaces a lead's tags (owner only); resolves with what the server kept. */
export async function setLeadTags(leadId: string, tags: string[]): Promise<string[]> {
  return (await request(API.leadTags(leadId), { method: 'PUT', data: { tags }, schema: leadTagsSchema })).tags;
}
