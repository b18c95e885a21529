import { API, shareSchema, type CreateShareRequest, type Share } from '@fenji/shared';
import { request } from './request';

/** Records one share of one content on one channel; the answer carries the code and the landing URL. */
export function createShare(body: CreateShareRequest): Promise<Share> {
  return request(API.shares, { method: 'POST', data: body, schema: shareSchema });
}
