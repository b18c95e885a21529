import { z } from 'zod';

/** Stable machine codes of every error the API returns. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PHONE_INVALID',
  'CONSENT_REQUIRED',
  'CONSENT_OUTDATED',
  'SMS_CODE_INVALID',
  'PRIVACY_REQUEST_NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'INVITE_INVALID',
  'BIND_TICKET_INVALID',
  'WECHAT_CODE_INVALID',
  'WECHAT_UNAVAILABLE',
  'FORBIDDEN',
  'NOT_FOUND',
  'BRANCH_NOT_FOUND',
  'BRANCH_NAME_TAKEN',
  'STAFF_NOT_FOUND',
  'PHONE_TAKEN',
  'CONTENT_NOT_FOUND',
  'SHARE_NOT_FOUND',
  'LEAD_NOT_FOUND',
  'LEAD_ALREADY_CLAIMED',
  'LEAD_NOT_PUBLIC',
  'CLAIM_LIMIT_REACHED',
  'RECLAIM_BLOCKED',
  'STATUS_TRANSITION_INVALID',
  'NOT_LEAD_OWNER',
  'RATE_LIMITED',
  'TICKET_INVALID',
  'BRANCH_NOT_EMPTY',
  'TAG_NAME_TAKEN',
  'CATEGORY_NAME_TAKEN',
  'COLLISION_NOT_FOUND',
  'COLLISION_RESOLVED',
  'UNSUPPORTED_MEDIA_TYPE',
  'DB_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'INTERNAL',
  // Contents, cards, uploads, the landing server (B3).
  'CONTENT_CATEGORY_NOT_FOUND',
  'CONTENT_NOT_SHAREABLE',
  'WECHAT_NOT_CONFIGURED',
  'OPT_OUT_INVALID',
  'UPLOAD_NOT_FOUND',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Which error code a failing request field maps to; anything else is VALIDATION_FAILED. */
export const FIELD_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  phone: 'PHONE_INVALID',
  consent: 'CONSENT_REQUIRED',
};
