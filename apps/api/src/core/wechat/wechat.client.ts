import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SharedCache } from '../coordination/shared-cache';
import { AppException } from '../errors/app.exception';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** access_token invalid (40001), expired (42001), or not the latest (40014): fetch a new one and retry once. */
const STALE_TOKEN = new Set([40001, 42001, 40014]);

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

  /** Fetches in flight in this process, by cache key: a burst at expiry asks WeChat once. */
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SharedCache) private readonly shared: SharedCache,
  ) {}

  /** Whether the official account (JS-SDK, web OAuth) is configured. */
  get officialAccount(): { appId: string; openBase: string } | null {
    const oa = this.config.wechatOa;
    return oa ? { appId: oa.appId, openBase: oa.openBase } : null;
  }

  private oaCredentials(): { appid: string; secret: string } {
    const oa = this.config.wechatOa;
    if (!oa) throw new AppException(503, 'WECHAT_NOT_CONFIGURED', '未配置微信公众号（WECHAT_OA_APPID / WECHAT_OA_SECRET）');
    return { appid: oa.appId, secret: oa.appSecret };
  }

  /**
   * The official account's JS-SDK ticket (`cgi-bin/ticket/getticket`), and the access token it needs, each kept in
   * the SharedCache (every API process shares them) until five minutes before it expires. A token WeChat no
   * longer takes (40001, 42001, 40014) is dropped and fetched again once, and the call retried.
   */
  async jsapiTicket(): Promise<string> {
    const { appid } = this.oaCredentials();
    return this.cached(`wechat:oa:${appid}:jsapi_ticket`, async () => {
      for (let attempt = 0; ; attempt++) {
        const token = await this.oaAccessToken();
        const body = await this.get<WechatErrorBody & { ticket?: string; expires_in?: number }>('/cgi-bin/ticket/getticket', { access_token: token, type: 'jsapi' });
        if (body.ticket && (body.errcode ?? 0) === 0) return { value: body.ticket, expiresIn: body.expires_in ?? 7200 };
        if (attempt === 0 && STALE_TOKEN.has(body.errcode ?? 0)) {
          await this.shared.delete(`wechat:oa:${appid}:access_token`);
          continue;
        }
        throw this.toException(body, 'cgi-bin/ticket/getticket');
      }
    });
  }

  /** The official account's access token (`cgi-bin/token`), shared through the SharedCache. */
  async oaAccessToken(): Promise<string> {
    const { appid, secret } = this.oaCredentials();
    return this.cached(`wechat:oa:${appid}:access_token`, async () => {
      const body = await this.get<WechatErrorBody & { access_token?: string; expires_in?: number }>('/cgi-bin/token', { grant_type: 'client_credential', appid, secret });
      if (!body.access_token) throw this.toException(body, 'cgi-bin/token');
      return { value: body.access_token, expiresIn: body.expires_in ?? 7200 };
    });
  }

  /**
   * The mini-program code for a page with a `scene` (`wxa/getwxacodeunlimit`, WeChat's `wxacode.getUnlimited`): PNG
   * bytes. WeChat answers an image, or JSON with an errcode; a stale token is fetched again once.
   */
  async wxacodeUnlimited(scene: string, page: string): Promise<Buffer> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.getAccessToken();
      const url = `${this.config.wechat.apiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`;
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scene, page, check_path: false, width: 430 }), signal: AbortSignal.timeout(8000) });
      } catch (error) {
        this.logger.warn({ err: error }, 'WeChat API unreachable');
        throw new AppException(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试');
      }
      const body = Buffer.from(await response.arrayBuffer());
      if (response.ok && !(response.headers.get('content-type') ?? '').includes('json')) return body;
      let error: WechatErrorBody = {};
      try {
        error = JSON.parse(body.toString('utf8')) as WechatErrorBody;
      } catch {
        // not JSON: reported as unavailable below
      }
      if (attempt === 0 && STALE_TOKEN.has(error.errcode ?? 0)) {
        this.accessToken = null;
        continue;
      }
      throw this.toException(error, 'wxa/getwxacodeunlimit');
    }
  }

  /** Web OAuth (`snsapi_base`): the code from the authorize redirect → the visitor's openid (nothing else kept). */
  async oauthOpenid(code: string): Promise<string> {
    const { appid, secret } = this.oaCredentials();
    const body = await this.get<WechatErrorBody & { openid?: string }>('/sns/oauth2/access_token', { appid, secret, code, grant_type: 'authorization_code' });
    if (!body.openid) throw this.toException(body, 'sns/oauth2/access_token');
    return body.openid;
  }

  private async cached(key: string, fetchValue: () => Promise<{ value: string; expiresIn: number }>): Promise<string> {
    const hit = await this.shared.get(key);
    if (hit) return hit;
    const running = this.inflight.get(key);
    if (running) return running;
    const task = (async () => {
      const { value, expiresIn } = await fetchValue();
      await this.shared.set(key, value, Math.max(60, expiresIn - 300) * 1000);
      return value;
    })().finally(() => this.inflight.delete(key));
    this.inflight.set(key, task);
    return task;
  }

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
