import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppException } from '../errors/app.exception';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

/**
 * The one client for WeChat's server API. Its base URL is WECHAT_API_BASE, so tests and local runs
 * point it at the WeChat sandbox in tools/wechat-sandbox.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');
  private accessToken: { value: string; expiresAt: number } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private credentials(): { appid: string; secret: string } {
    const { appId, appSecret } = this.config.wechat;
    if (!appId || !appSecret) throw new AppException(503, 'WECHAT_UNAVAILABLE', '未配置微信小程序（WECHAT_APPID / WECHAT_SECRET）');
    return { appid: appId, secret: appSecret };
  }

  /** `wx.login` code → openid, via `sns/jscode2session`. */
  async code2Session(code: string): Promise<WechatSession> {
    const { appid, secret } = this.credentials();
    const body = await this.get<WechatErrorBody & { openid?: string; unionid?: string; session_key?: string }>('/sns/jscode2session', {
      appid,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    if (!body.openid) throw this.toException(body, 'jscode2session');
    return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
  }

  /** The server access token (`cgi-bin/token`), cached until five minutes before it expires. */
  async getAccessToken(now = Date.now()): Promise<string> {
    if (this.accessToken && this.accessToken.expiresAt > now) return this.accessToken.value;
    const { appid, secret } = this.credentials();
    const body = await this.get<WechatErrorBody & { access_token?: string; expires_in?: number }>('/cgi-bin/token', {
      grant_type: 'client_credential',
      appid,
      secret,
    });
    if (!body.access_token) throw this.toException(body, 'cgi-bin/token');
    this.accessToken = { value: body.access_token, expiresAt: now + Math.max(0, (body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }

  /**
   * One subscribe message (`cgi-bin/message/subscribe/send`) to a mini-program user. Answers WeChat's errcode (0 when
   * sent) rather than throwing for the codes a caller acts on: 43101 (the user has no subscription left), 40037 (bad
   * template id), 47003 (data the template refuses), 40003 (bad openid). An expired token (40001, 42001) is fetched
   * again once. Unreachable WeChat is 503 WECHAT_UNAVAILABLE.
   */
  async sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, string> }): Promise<{ errcode: number; errmsg: string }> {
    const body = {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    };
    for (let attempt = 0; ; attempt++) {
      const token = await this.getAccessToken();
      const answer = await this.post<WechatErrorBody>('/cgi-bin/message/subscribe/send', { access_token: token }, body);
      const errcode = answer.errcode ?? 0;
      if ((errcode === 40001 || errcode === 42001) && attempt === 0) {
        this.accessToken = null;
        continue;
      }
      return { errcode, errmsg: answer.errmsg ?? '' };
    }
  }

  private post<T>(path: string, query: Record<string, string>, body: unknown): Promise<T> {
    return this.call<T>(path, query, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  private get<T>(path: string, query: Record<string, string>): Promise<T> {
    return this.call<T>(path, query, {});
  }

  private async call<T>(path: string, query: Record<string, string>, init: RequestInit): Promise<T> {
    const url = `${this.config.wechat.apiBase}${path}?${new URLSearchParams(query).toString()}`;
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    } catch (error) {
      this.logger.warn({ err: error, path }, 'WeChat API unreachable');
      throw new AppException(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
    }
    try {
      return (await response.json()) as T;
    } catch {
      throw new AppException(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
    }
  }

  private toException(body: WechatErrorBody, api: string): AppException {
    const errcode = body.errcode ?? -1;
    switch (errcode) {
      case 40029: // invalid code
      case 40163: // code been used
        return AppException.badRequest('WECHAT_CODE_INVALID', '微信登录已失效，请重试');
      case 45011: // api minute-quota reach limit
        return AppException.rateLimited(60);
      case 40226: // high risk user
        return AppException.forbidden('该微信账号暂时无法登录');
      default:
        this.logger.error({ api, errcode, errmsg: body.errmsg }, 'WeChat API error');
        return new AppException(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试', { errcode });
    }
  }
}
