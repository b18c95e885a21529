import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { privacyUrl, renderOptOutPage, type OptOutPageData } from '@fenji/h5/landing';
import {
  API,
  optOutCodeRequestSchema,
  optOutRequestSchema,
  optOutResponseSchema,
  optOutTokenSchema,
  maskPhone,
  normalizePhone,
  PRIVACY_NOTICE_VERSION,
  z,
  type OptOutCodeRequest,
  type OptOutRequest,
  type OptOutResponse,
} from '@fenji/shared';
import type { FastifyReply } from 'fastify';
import { ClientIp, Public } from '../../../core/auth/auth.decorators';
import { AppException } from '../../../core/errors/app.exception';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { BrandSettingsService } from '../../brand/brand-settings.service';
import { formField, type FormBody } from '../landing-form.util';
import { HTML_HEADERS } from '../landing-headers';
import { CODE_VALID_MINUTES, OptOutService } from './opt-out.service';


/** 不再联系 without login: the pages (no JavaScript needed) and the same as JSON. */
@ApiTags('public')
@Public()
@Controller()
export class OptOutController {
  constructor(
    @Inject(OptOutService) private readonly optOuts: OptOutService,
    @Inject(BrandSettingsService) private readonly brands: BrandSettingsService,
  ) {}

  @Get('opt-out')
  @ApiExcludeEndpoint()
  async page(@Query('t') token: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (token === undefined) return this.send(reply, 200, { state: { step: 'phone' } });
    try {
      if (!optOutTokenSchema.safeParse(token).success) throw AppException.badRequest('OPT_OUT_INVALID', '链接无效或已过期，请用手机号验证码登记');
      const { maskedPhone } = this.optOuts.phoneOfToken(token);
      return this.send(reply, 200, { state: { step: 'confirm', token, maskedPhone } });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      return this.send(reply, error.status, { state: { step: 'phone' }, error: error.message });
    }
  }

  /** The form: confirm (the token, or phone + code). */
  @Post('opt-out')
  @ApiExcludeEndpoint()
  async confirmForm(@Body() body: FormBody, @Res() reply: FastifyReply, @ClientIp() ip: string): Promise<void> {
    const token = formField(body, 'token') ?? '';
    const phone = formField(body, 'phone') ?? '';
    try {
      const { maskedPhone } = token ? await this.optOuts.confirmByToken(token, ip) : await this.optOuts.confirmByCode(phone, (formField(body, 'code') ?? ''), ip);
      return this.send(reply, 200, { state: { step: 'done', maskedPhone } });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      const state: OptOutPageData['state'] = !token && phone && error.code === 'OPT_OUT_INVALID' ? { step: 'code', phone, maskedPhone: maskOrEmpty(phone), validMinutes: CODE_VALID_MINUTES } : { step: 'phone', phone };
      return this.send(reply, error.status, { state, error: error.message });
    }
  }

  /** The form: send a code to this phone. */
  @Post('opt-out/code')
  @ApiExcludeEndpoint()
  async codeForm(@Body() body: FormBody, @Res() reply: FastifyReply, @ClientIp() ip: string): Promise<void> {
    const phone = formField(body, 'phone') ?? '';
    try {
      const { maskedPhone } = await this.optOuts.sendCode(phone, ip);
      return this.send(reply, 200, { state: { step: 'code', phone, maskedPhone, validMinutes: CODE_VALID_MINUTES } });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      return this.send(reply, error.status, { state: { step: 'phone', phone }, error: error.message });
    }
  }

  @Post('api/public/opt-out/code')
  @HttpCode(200)
  @ApiZodBody(optOutCodeRequestSchema)
  @ApiZodResponse(200, z.object({ maskedPhone: z.string(), validMinutes: z.number() }), 'a 6-digit code sent by SMS; 429 when asked too often')
  async sendCode(@Body(new ZodPipe(optOutCodeRequestSchema)) dto: OptOutCodeRequest, @ClientIp() ip: string) {
    return { ...(await this.optOuts.sendCode(dto.phone, ip)), validMinutes: CODE_VALID_MINUTES };
  }

  @Post('api/public/opt-out')
  @HttpCode(200)
  @ApiZodBody(optOutRequestSchema)
  @ApiZodResponse(200, optOutResponseSchema, 'the signed link’s token, or phone + code; 400 OPT_OUT_INVALID otherwise')
  async confirm(@Body(new ZodPipe(optOutRequestSchema)) dto: OptOutRequest, @ClientIp() ip: string): Promise<OptOutResponse> {
    const { maskedPhone } = 'token' in dto ? await this.optOuts.confirmByToken(dto.token, ip) : await this.optOuts.confirmByCode(dto.phone, dto.code, ip);
    return { ok: true, maskedPhone };
  }

  private async send(reply: FastifyReply, status: number, data: Omit<OptOutPageData, 'brand' | 'privacyUrl' | 'urls'>): Promise<void> {
    const { brand } = await this.brands.forPages();
    const page = renderOptOutPage({ ...data, brand, privacyUrl: privacyUrl(PRIVACY_NOTICE_VERSION), urls: { confirm: API.optOutPage, sendCode: API.optOutCodeForm } });
    await reply.status(status).headers({ ...HTML_HEADERS, 'cache-control': 'no-store' }).send(page);
  }
}

function maskOrEmpty(phone: string): string {
  const normal = normalizePhone(phone);
  return normal ? maskPhone(normal) : '';
}
