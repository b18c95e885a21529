import Taro from '@tarojs/taro';
import {
  API,
  cardSchema,
  shareSchema,
  uploadResultSchema,
  type Card,
  type Share,
  type ShareChannel,
  type UpdateCardRequest,
  type UploadResult,
} from '@fenji/shared';
import { apiBase } from '../config/env';
import { ApiError } from './api-error';
import { request, withSession } from './request';

/** My own business card. */
export function getMyCard(): Promise<Card> {
  return request(API.myCard, { schema: cardSchema, toast: false });
}

export function updateMyCard(body: UpdateCardRequest): Promise<Card> {
  return request(API.myCard, { method: 'PUT', data: body, schema: cardSchema });
}

/** A share of my card on one channel (`POST /api/shares { card: true, channel }`). */
export function shareMyCard(channel: ShareChannel): Promise<Share> {
  return request(API.shares, { method: 'POST', data: { card: true, channel }, schema: shareSchema });
}

/** Uploads a photo picked with `Taro.chooseImage` / `chooseMedia` (multipart field `file`). */
export async function uploadImage(filePath: string): Promise<UploadResult> {
  const res = await withSession((token) =>
    Taro.uploadFile({ url: apiBase() + API.uploads, filePath, name: 'file', header: { Authorization: `Bearer ${token}` } }),
  );
  let body: unknown = null;
  try {
    body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
  } catch {
    body = null;
  }
  const parsed = uploadResultSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({ statusCode: res.statusCode, code: 'INVALID_RESPONSE', message: '服务器返回的数据格式不正确' });
  }
  return parsed.data;
}
