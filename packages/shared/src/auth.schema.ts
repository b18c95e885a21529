import { z } from 'zod';
import { ROLES } from './enums';
import { passwordProblem } from './password';
import { normalizePhone } from './phone';

export const phoneSchema = z
  .string({ error: '请输入手机号' })
  .refine((v) => normalizePhone(v) !== null, { message: '手机号格式不正确' });

/** A new password (activation, reset): see password.ts for the rule. Logging in checks no rule. */
export const passwordSchema = z.string({ error: '请输入密码' }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const loginRequestSchema = z.object({
  phone: phoneSchema,
  password: z.string({ error: '请输入密码' }).min(1, { message: '请输入密码' }).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(10).max(200) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const inviteCodeSchema = z
  .string({ error: '请输入邀请码' })
  .trim()
  .regex(/^[A-Za-z0-9]{6,16}$/, { message: '邀请码格式不正确' });

export const activateRequestSchema = z.object({ inviteCode: inviteCodeSchema, password: passwordSchema });
export type ActivateRequest = z.infer<typeof activateRequestSchema>;

export const wechatLoginRequestSchema = z.object({ code: z.string().min(1).max(128) });
export type WechatLoginRequest = z.infer<typeof wechatLoginRequestSchema>;

export const wechatBindRequestSchema = z.object({ bindTicket: z.string().min(10).max(2000), inviteCode: inviteCodeSchema });
export type WechatBindRequest = z.infer<typeof wechatBindRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  branchId: z.string().nullable(),
  /** Given by GET /api/auth/me. */
  branchName: z.string().nullable().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const authTokensSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  user: sessionUserSchema,
});
export type AuthTokens = z.infer<typeof authTokensSchema>;

export const wechatLoginResponseSchema = z.union([authTokensSchema, z.object({ bindTicket: z.string() })]);
export type WechatLoginResponse = z.infer<typeof wechatLoginResponseSchema>;
