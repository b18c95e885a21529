import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  publicEventsRequestSchema,
  publicShareViewSchema,
  shareCodeSchema,
  wechatJssdkConfigSchema,
  z,
  type PublicEventsRequest,
  type PublicShareView,
  type WechatJssdkConfig,
} from '@fenji/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/auth.decorators';
import { clientIp } from '../../core/http/client-ip.util';
import { readVisitorCookie } from '../../core/http/visitor-cookie.util';
import { ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { WechatJssdkService } from '../../core/wechat/wechat-jssdk.service';
import { ShareService } from '../share/share.service';
import { VisitService } from '../visit/visit.service';
import { PublicShareViewService } from './public-share-view.service';

const jssdkQuerySchema = z.object({ url: z.string({ error: '请提供页面地址' }).min(8, { message: '请提供页面地址' }).max(1000) });

/** Beacons, the no-login share view and WeChat's JS-SDK signature: the landing pages' public API. */
@ApiTags('public')
@Public()
@Controller('api/public')
export class PublicEventsController {
  constructor(
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(WechatJssdkService) private readonly jssdk: WechatJssdkService,
    @Inject(PublicShareViewService) private readonly views: PublicShareViewService,
  ) {}

  /** Always 202 at once; events past the per-visitor and per-address limits are dropped silently. */
  @Post('events')
  async events(@Body(new ZodPipe(publicEventsRequestSchema)) dto: PublicEventsRequest, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const events = 'events' in dto ? dto.events : [dto];
    const cookieVisitor = readVisitorCookie(request);
    const ip = clientIp(request);
    for (const e of events) {
      const share = await this.shares.findByCode(e.shareCode);
      const visitorId = e.visitorId ?? cookieVisitor;
      if (!share || !visitorId) continue; // beacons are best-effort: unknown shares are ignored
      this.visits.record({ shareId: share.id, staffId: share.staffId, visitorId, type: e.type, value: e.value ?? null }, ip);
    }
    await reply.status(202).send({ accepted: true });
  }

  /** `wx.config` for one of our pages (contract); 503 WECHAT_NOT_CONFIGURED without the official account. */
  @Get('wechat/jssdk')
  @ApiZodQuery(jssdkQuerySchema)
  @ApiZodResponse(200, wechatJssdkConfigSchema)
  async wechatJssdk(@Query(new ZodPipe(jssdkQuerySchema)) query: z.infer<typeof jssdkQuerySchema>, @Res({ passthrough: true }) reply: FastifyReply): Promise<WechatJssdkConfig> {
    void reply.header('cache-control', 'no-store');
    return this.jssdk.configFor(query.url);
  }

  /** What a share shows, as data, for the staff app's pages opened without a session; records a view. */
  @Get('shares/:code')
  @ApiZodResponse(200, publicShareViewSchema, '404 SHARE_NOT_FOUND for an unknown code')
  async share(@Param('code', new ZodPipe(shareCodeSchema)) code: string, @Req() request: FastifyRequest): Promise<PublicShareView> {
    return this.views.view(code, readVisitorCookie(request), clientIp(request));
  }
}
