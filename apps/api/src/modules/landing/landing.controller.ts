import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { API, EXTRA_FORM_FIELDS, privacyVersionSchema, shareCodeSchema, submitLeadRequestSchema, type ExtraFormField } from '@fenji/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { ClientIp, Public } from '../../core/auth/auth.decorators';
import { AppException } from '../../core/errors/app.exception';
import { clientIp } from '../../core/http/client-ip.util';
import { ensureVisitorCookie, readVisitorCookie } from '../../core/http/visitor-cookie.util';
import { LeadIntakeService } from '../lead/intake/lead-intake.service';
import { ShareService } from '../share/share.service';
import { VisitService } from '../visit/visit.service';
import { formField, type FormBody } from './landing-form.util';
import { HTML_HEADERS } from './landing-headers';
import { LandingService } from './landing.service';
import { OAUTH_COOKIE, WechatOauthService } from './wechat-oauth.service';

const PLAIN_PAGE_HEADERS = { ...HTML_HEADERS, vary: 'accept-encoding' };
const GZIP_PAGE_HEADERS = { ...PLAIN_PAGE_HEADERS, 'content-encoding': 'gzip' };
const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
const YEAR_SECONDS = 365 * 24 * 3600;


/** A landing URL without the `code` and `state` WeChat's OAuth added. */
function withoutOauthParams(url: string): string {
  const [path, search = ''] = url.split('?');
  const params = new URLSearchParams(search);
  params.delete('code');
  params.delete('state');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : (path as string);
}

/** The customer's side: server-rendered landing pages, the no-JS lead form, the vCard, the privacy notice. */
@ApiExcludeController()
@Public()
@Controller()
export class LandingController {
  private readonly secureCookie: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LandingService) private readonly landing: LandingService,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(LeadIntakeService) private readonly leads: LeadIntakeService,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(WechatOauthService) private readonly oauth: WechatOauthService,
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
    // WeChat's browser: once per browser, the silent OAuth round trip for the visitor's openid (never a loop).
    const query = request.query as Record<string, unknown>;
    const asked = request.cookies?.[OAUTH_COOKIE] === '1';
    const redirect = this.oauth.redirectFor(request.headers['user-agent'], request.url, query, asked);
    if (redirect) {
      void reply.setCookie(OAUTH_COOKIE, '1', { path: '/s/', maxAge: YEAR_SECONDS, sameSite: 'lax', secure: this.secureCookie, httpOnly: true });
      await reply.status(302).header('cache-control', 'no-store').header('location', redirect).send();
      return;
    }
    const visitor = ensureVisitorCookie(request, reply, this.secureCookie);
    if (query.state !== undefined) {
      // Back from WeChat's authorize page: keep the openid; then, when cookies work (no loop is possible), go to
      // the page's own URL without code and state, the URL the page signs for the JS-SDK and shares on.
      if (query.code !== undefined) await this.oauth.complete(query, visitor.id);
      if (asked) {
        await reply.status(302).header('cache-control', 'no-store').header('location', withoutOauthParams(request.url)).send();
        return;
      }
      void reply.setCookie(OAUTH_COOKIE, '1', { path: '/s/', maxAge: YEAR_SECONDS, sameSite: 'lax', secure: this.secureCookie, httpOnly: true });
    }
    this.visits.record({ shareId: rendered.share.id, staffId: rendered.share.staffId, visitorId: visitor.id, type: 'view' }, clientIp(request));
    if (acceptsGzip(request)) {
      await reply.status(rendered.status).headers(GZIP_PAGE_HEADERS).send(rendered.gzip);
      return;
    }
    await reply.status(rendered.status).headers(PLAIN_PAGE_HEADERS).send(rendered.html);
  }

  /** 存到通讯录: the sharer's card as a vCard (only what they chose to show). */
  @Get('s/:code/contact.vcf')
  async vcard(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const vcard = shareCodeSchema.safeParse(code).success ? await this.landing.vcard(code) : null;
    if (!vcard) {
      await reply.status(404).headers(HTML_HEADERS).send(this.landing.notFoundPage());
      return;
    }
    await reply
      .status(200)
      .headers({ 'content-type': 'text/vcard; charset=utf-8', 'content-disposition': 'inline; filename="contact.vcf"', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' })
      .send(vcard);
  }

  /** A featured content on a card page: the sharer's own share of it (found or made), so the visit is theirs. */
  @Get('s/:code/c/:contentId')
  async featured(@Param('code') code: string, @Param('contentId') contentId: string, @Res() reply: FastifyReply): Promise<void> {
    const share = shareCodeSchema.safeParse(code).success ? await this.shares.featuredShare(code, contentId).catch((e) => (e instanceof AppException ? null : Promise.reject(e))) : null;
    if (!share) {
      await reply.status(404).headers(HTML_HEADERS).send(this.landing.notFoundPage());
      return;
    }
    await reply.status(302).header('cache-control', 'no-store').header('location', API.landing(share.code)).send();
  }

  /** The lead form posted without JavaScript: same rules as the JSON route, answered with a page. */
  @Post('s/:code/lead')
  async formPost(@Param('code') code: string, @Body() body: FormBody, @Req() request: FastifyRequest, @Res() reply: FastifyReply, @ClientIp() ip: string): Promise<void> {
    const extra = Object.fromEntries(EXTRA_FORM_FIELDS.filter((f) => f !== 'message').flatMap((f) => (formField(body, f)?.trim() ? [[f, formField(body, f)?.trim()]] : []))) as Partial<Record<ExtraFormField, string>>;
    const values = { name: formField(body, 'name') ?? '', phone: formField(body, 'phone') ?? '', message: formField(body, 'message') || undefined };
    const consent = ['true', 'on', '1'].includes(formField(body, 'consent') ?? '');
    const parsed = submitLeadRequestSchema.safeParse({ shareCode: code, ...values, consent, ...(Object.keys(extra).length ? { fields: extra } : {}) });
    try {
      if (!parsed.success) throw AppException.badRequest('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? '请检查填写的内容');
      await this.leads.submit(parsed.data, { ip, visitorId: readVisitorCookie(request) });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.code === 'SHARE_NOT_FOUND') {
        await reply.status(404).headers(HTML_HEADERS).send(this.landing.notFoundPage());
        return;
      }
      await reply.status(error.status).headers(HTML_HEADERS).send(this.landing.failedPage(code, error.message, { ...values, ...extra }));
      return;
    }
    // Post/redirect/get: a reload of the answer page does not submit twice.
    await reply.status(303).header('location', API.landingThanks(code)).send();
  }

  @Get('s/:code/thanks')
  async thanks(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const safe = shareCodeSchema.safeParse(code).success ? code : '';
    await reply.status(200).headers(HTML_HEADERS).send(await this.landing.thanksPage(safe));
  }

  /** The privacy notice (`?v=` names the version a page linked; only the current text is served, and names its version). */
  @Get('privacy')
  async privacy(@Query('v') version: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (version !== undefined && !privacyVersionSchema.safeParse(version).success) {
      await reply.status(302).header('location', API.privacy).send();
      return;
    }
    await reply.status(200).headers({ ...HTML_HEADERS, 'cache-control': 'public, max-age=300' }).send(await this.landing.privacyPage());
  }
}
