import { API, contentSchema, type Content } from '@fenji/shared';
import { request } from './request';

const contentListSchema = contentSchema.array();

/**
 * Published content to share, newest first. Business cards are each staff member's own now (我的名片): a `card`
 * content left from before would show its author to every sharer's customers, so it is not offered.
 */
export async function listContents(): Promise<Content[]> {
  const contents = await request(API.contents, { schema: contentListSchema, toast: false });
  return contents.filter((content) => content.kind !== 'card');
}

export function getContent(id: string): Promise<Content> {
  return request(API.contentItem(id), { schema: contentSchema, toast: false });
}
