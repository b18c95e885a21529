import {
  API,
  authTokensSchema,
  sessionUserSchema,
  wechatLoginResponseSchema,
  type ActivateRequest,
  type AuthTokens,
  type LoginRequest,
  type SessionUser,
  type WechatBindRequest,
  type WechatLoginResponse,
} from '@fenji/shared';
import { request } from './request';
import { saveSession } from './session.service';

export async function loginWithPassword(body: LoginRequest): Promise<AuthTokens> {
  const tokens = await request(API.login, { method: 'POST', data: body, schema: authTokensSchema, auth: false });
  saveSession(tokens);
  return tokens;
}

export async function activateAccount(body: ActivateRequest): Promise<AuthTokens> {
  const tokens = await request(API.activate, { method: 'POST', data: body, schema: authTokensSchema, auth: false });
  saveSession(tokens);
  return tokens;
}

/** Exchanges a `Taro.login()` code: tokens when this WeChat account is bound, otherwise a bind ticket. */
export async function loginWithWechatCode(code: string): Promise<WechatLoginResponse> {
  const res = await request(API.wechatLogin, { method: 'POST', data: { code }, schema: wechatLoginResponseSchema, auth: false });
  if ('accessToken' in res) saveSession(res);
  return res;
}

export async function bindWechat(body: WechatBindRequest): Promise<AuthTokens> {
  const tokens = await request(API.wechatBind, { method: 'POST', data: body, schema: authTokensSchema, auth: false });
  saveSession(tokens);
  return tokens;
}

export function fetchMe(): Promise<SessionUser> {
  return request(API.me, { schema: sessionUserSchema });
}
