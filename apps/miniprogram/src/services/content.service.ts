import { API, contentSchema, type Content } from '@fenji/shared';
import { request } from './request';

const contentListSchema = contentSchema.array();

/** Published content, newest first. */
export function listContents(): Promise<Content[]> {
  return request(API.contents, { schema: contentListSchema, toast: false });
}

export function getContent(id: string): Promise<Content> {
  return request(API.contentItem(id), { schema: contentSchema, toast: false });
}
