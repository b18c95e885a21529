import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { WechatClient } from '../../core/wechat/wechat.client';
import { VisitorWechatEntity } from './wechat-visitor.entity';

/** The `state` our authorize redirects carry: a request that has it came back from WeChat, so it is never sent again. */
export const OAUTH_STATE = 'fj';
/** Set once a browser went through OAuth (or failed it): never asked again. */
export const OAUTH_COOKIE = 'fj_wx';

/**
 * WeChat's web OAuth for landing pages (`snsapi_base`, silent): a visitor in WeChat's browser without an openid is
 * sent once to the authorize page; the code it brings back is exchanged for the openid, which is kept with the
 * visitor. Whatever WeChat answers, the page is served; the redirect never loops.
 */
@Injectable()
export class WechatOauthService {
  private readonly logger = new Logger('WechatOauth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WechatClient) private readonly wechat: WechatClient,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Where to send this request first, or null to serve the page. */
  redirectFor(userAgent: string | undefined, pathAndQuery: string, query: Record<string, unknown>, asked: boolean): string | null {
    const oa = this.wechat.officialAccount;
    if (!oa || asked || query.state !== undefined || !/MicroMessenger/i.test(userAgent ?? '')) return null;
    const back = `${this.config.publicBaseUrl}${pathAndQuery}`;
    const params = new URLSearchParams({ appid: oa.appId, redirect_uri: back, response_type: 'code', scope: 'snsapi_base', state: OAUTH_STATE });
    return `${oa.openBase}/connect/oauth2/authorize?${params.toString()}#wechat_redirect`;
  }

  /** The redirect back: exchanges the code and keeps the openid with the visitor. Never throws. */
  async complete(query: Record<string, unknown>, visitorId: string): Promise<void> {
    if (query.state !== OAUTH_STATE || typeof query.code !== 'string' || !/^[0-9A-Za-z_-]{1,128}$/.test(query.code)) return;
    try {
      const openid = await this.wechat.oauthOpenid(query.code);
      const repo = this.dataSource.getRepository(VisitorWechatEntity);
      if (!(await repo.existsBy({ visitorId }))) await repo.insert({ visitorId, openid, createdAt: new Date() });
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'WeChat OAuth failed: page served without an openid');
    }
  }

  /** The openid kept with a visitor, or null. */
  async openidOf(visitorId: string): Promise<string | null> {
    return (await this.dataSource.getRepository(VisitorWechatEntity).findOneBy({ visitorId }))?.openid ?? null;
  }
}
