import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { WechatJssdkConfig } from '@fenji/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppException } from '../errors/app.exception';
import { WechatClient } from './wechat.client';

/** WeChat's JS-SDK signature: hex sha1 of `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (the url without `#…`). */
export function jssdkSignature(ticket: string, nonceStr: string, timestamp: number, url: string): string {
  return createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`).digest('hex');
}

/** `GET /api/public/wechat/jssdk?url=`: the config a landing page passes to `wx.config`. */
@Injectable()
export class WechatJssdkService {
  private readonly origin: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(WechatClient) private readonly wechat: WechatClient,
  ) {
    this.origin = new URL(config.publicBaseUrl).origin;
  }

  /** Signs one of our own pages (another origin's URL is refused: we do not sign for others). */
  async configFor(rawUrl: string, now = Date.now()): Promise<WechatJssdkConfig> {
    const oa = this.wechat.officialAccount;
    if (!oa) throw new AppException(503, 'WECHAT_NOT_CONFIGURED', '未配置微信公众号，无法使用微信分享');
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw AppException.badRequest('VALIDATION_FAILED', '页面地址不正确（url）');
    }
    if (url.origin !== this.origin) throw AppException.badRequest('VALIDATION_FAILED', '只能为本站页面签名（url）');
    const page = rawUrl.split('#')[0] as string;
    const ticket = await this.wechat.jsapiTicket();
    const timestamp = Math.floor(now / 1000);
    const nonceStr = randomBytes(12).toString('base64url');
    return { appId: oa.appId, timestamp, nonceStr, signature: jssdkSignature(ticket, nonceStr, timestamp, page) };
  }
}
