import { Body, Controller, Get, Header, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { shareCodeSchema, submitLeadRequestSchema, publicEventsRequestSchema, type PublicEventsRequest } from '@fenji/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { ClientIp, Public } from '../../core/auth/auth.decorators';
import { AppException } from '../../core/errors/app.exception';
import { clientIp } from '../../core/http/client-ip.util';
import { ensureVisitorCookie, readVisitorCookie } from '../../core/http/visitor-cookie.util';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { LeadService } from '../lead/lead.service';
import { ShareService } from '../share/share.service';
import { BeaconThrottle } from './beacon-throttle.service';
import { LandingService } from './landing.service';
import { VisitBuffer } from './visit-buffer.service';

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  // Framed only by our own origin (the staff app's browser build previews a page in an iframe); WeChat's
  // mini-program <web-view> and WeChat's browser open it as a top-level page, which frame-ancestors does not touch.
  'content-security-policy': "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; script-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
};

const PLAIN_PAGE_HEADERS = { ...HTML_HEADERS, vary: 'accept-encoding' };
const GZIP_PAGE_HEADERS = { ...PLAIN_PAGE_HEADERS, 'content-encoding': 'gzip' };
const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

type FormBody = Record<string, string | string[] | undefined>;
const field = (body: FormBody, name: string) => {
  const v = body?.[name];
  return (Array.isArray(v) ? v[0] : v)?.toString();
};

/** The customer's side: server-rendered landing pages, the no-JS lead form, the privacy notice. */
@ApiExcludeController()
@Public()
@Controller()
export class LandingController {
  private readonly secureCookie: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LandingService) private readonly landing: LandingService,
    @Inject(VisitBuffer) private readonly visits: VisitBuffer,
    @Inject(LeadService) private readonly leads: LeadService,
    @Inject(BeaconThrottle) private readonly throttle: BeaconThrottle,
  ) {
    this.secureCookie = config.publicBaseUrl.startsWith('https:');
  }

  @Get('s/:code')
  async page(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const rendered = shareCodeSchema.safeParse(code).success ? await this.landing.render(code) : null;
    if (!rendered) {
      await reply.status(404).headers(HTML_HEADERS).send(this.landing.notFoundPage());
      return;
    }
    const visitor = ensureVisitorCookie(request, reply, this.secureCookie);
    if (this.throttle.allow(visitor.id, clientIp(request), rendered.share.id)) {
      this.visits.record({ shareId: rendered.share.id, staffId: rendered.share.staffId, visitorId: visitor.id, type: 'view' });
    }
    if (acceptsGzip(request)) {
      await reply.status(200).headers(GZIP_PAGE_HEADERS).send(rendered.gzip);
      return;
    }
    await reply.status(200).headers(PLAIN_PAGE_HEADERS).send(rendered.html);
  }

  /** The lead form posted without JavaScript: same rules as the JSON route, answered with a page. */
  @Post('s/:code/lead')
  async formPost(@Param('code') code: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @ClientIp() ip: string): Promise<void> {
    const values = { name: field(body, 'name') ?? '', phone: field(body, 'phone') ?? '', message: field(body, 'message') || undefined };
    const consent = ['true', 'on', '1'].includes(field(body, 'consent') ?? '');
    const parsed = submitLeadRequestSchema.safeParse({ shareCode: code, ...values, consent });
    try {
      if (!parsed.success) throw AppException.badRequest('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? '请检查填写的内容');
      await this.leads.submit(parsed.data, { ip, visitorId: readVisitorCookie(request) });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.code === 'SHARE_NOT_FOUND') {
        await reply.status(404).headers(HTML_HEADERS).send(this.landing.notFoundPage());
        return;
      }
      await reply.status(error.status).headers(HTML_HEADERS).send(this.landing.failedPage(code, error.message, values));
      return;
    }
    // Post/redirect/get: a reload of the answer page does not submit twice.
    await reply.status(303).header('location', `/s/${code}/thanks`).send();
  }

  @Get('s/:code/thanks')
  async thanks(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const safe = shareCodeSchema.safeParse(code).success ? code : '';
    await reply.status(200).headers(HTML_HEADERS).send(this.landing.thanksPage(safe));
  }

  @Get('privacy')
  @Header('cache-control', 'public, max-age=3600')
  async privacy(@Res() reply: FastifyReply): Promise<void> {
    await reply.status(200).headers({ ...HTML_HEADERS, 'cache-control': 'public, max-age=3600' }).send(this.landing.privacyPage());
  }
}

/** Beacons from landing pages: dwell time, form opens, re-shares. Accepted fast, written in batches. */
@Public()
@Controller('api/public')
export class PublicEventsController {
  constructor(
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(VisitBuffer) private readonly visits: VisitBuffer,
    @Inject(BeaconThrottle) private readonly throttle: BeaconThrottle,
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
      if (!this.throttle.allow(visitorId, ip, share.id)) continue;
      this.visits.record({ shareId: share.id, staffId: share.staffId, visitorId, type: e.type, value: e.value ?? null });
    }
    await reply.status(202).send({ accepted: true });
  }
}
