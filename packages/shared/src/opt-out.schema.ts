import { z } from 'zod';
import { phoneSchema } from './auth.schema';

/**
 * 不再联系 (opt-out) without signing in, two ways, both also as plain HTML forms (urlencoded, no JavaScript):
 * - the visitor who left details gets a signed link (`/opt-out?t=<token>`, made by the API when the lead is
 *   accepted); confirming posts the token back;
 * - anyone else proves the phone number with a 6-digit code sent by SMS, then confirms with phone + code.
 * The lead is marked `doNotContact` at once, for every staff member.
 */
export const optOutTokenSchema = z.string().regex(/^[0-9A-Za-z_.-]{16,400}$/, { message: '链接无效或已过期' });
export const smsCodeSchema = z.string().trim().regex(/^\d{6}$/, { message: '请输入短信里的 6 位验证码' });

/** `POST /api/public/opt-out/code` and the form `POST /opt-out/code`: send a code to this phone. */
export const optOutCodeRequestSchema = z.object({ phone: phoneSchema });
export type OptOutCodeRequest = z.infer<typeof optOutCodeRequestSchema>;

/** `POST /api/public/opt-out` and the form `POST /opt-out`: either the signed link's token, or phone + code. */
export const optOutRequestSchema = z.union([
  z.object({ token: optOutTokenSchema }),
  z.object({ phone: phoneSchema, code: smsCodeSchema }),
]);
export type OptOutRequest = z.infer<typeof optOutRequestSchema>;

/** `200` of `POST /api/public/opt-out`: the number now marked, masked (`138****5678`). */
export const optOutResponseSchema = z.object({ ok: z.literal(true), maskedPhone: z.string() });
export type OptOutResponse = z.infer<typeof optOutResponseSchema>;

/** `GET /api/public/wechat/jssdk?url=` (contract, "WeChat's browser"). */
export const wechatJssdkConfigSchema = z.object({
  appId: z.string(),
  timestamp: z.number().int(),
  nonceStr: z.string(),
  signature: z.string(),
});
export type WechatJssdkConfig = z.infer<typeof wechatJssdkConfigSchema>;
