import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { renderPrivacyRequestPage, type PrivacyRequestStep } from '@fenji/h5/landing';
import { maskPhone, normalizePhone, privacyRequestCodeSchema, submitPrivacyRequestSchema, type PrivacyRequestKind } from '@fenji/shared';
import { ClientIp, Public } from '../../core/auth/auth.decorators';
import { AppException } from '../../core/errors/app.exception';
import { PrivacyRequestService } from './privacy-request.service';

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy': "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; script-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
};

type FormBody = Record<string, string | string[] | undefined> | undefined;
const field = (body: FormBody, name: string) => {
  const v = body?.[name];
  return (Array.isArray(v) ? v[0] : v)?.toString() ?? '';
};

/**
 * The customer's rights-request page (`/privacy/request`), linked from every landing page: plain forms, no
 * JavaScript, the same rules as the JSON routes (phone + SMS code), answered with pages.
 */
@ApiExcludeController()
@Public()
@Controller('privacy/request')
export class PrivacyRequestPageController {
  constructor(@Inject(PrivacyRequestService) private readonly requests: PrivacyRequestService) {}

  @Get()
  async page(@Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, 200, { step: 'phone' });
  }

  @Post('code')
  async sendCode(@Body() body: FormBody, @ClientIp() ip: string, @Res() reply: FastifyReply): Promise<void> {
    const phone = field(body, 'phone');
    const parsed = privacyRequestCodeSchema.safeParse({ phone });
    if (!parsed.success) return this.send(reply, 400, { step: 'phone', phone }, parsed.error.issues[0]?.message);
    try {
      await this.requests.sendCode(parsed.data.phone, ip);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      return this.send(reply, error.status, { step: 'phone', phone }, error.message);
    }
    const normalized = normalizePhone(parsed.data.phone) as string;
    await this.send(reply, 200, { step: 'code', phone: normalized, maskedPhone: maskPhone(normalized) });
  }

  @Post()
  async submit(@Body() body: FormBody, @Res() reply: FastifyReply): Promise<void> {
    const values = { phone: field(body, 'phone'), code: field(body, 'code'), kind: field(body, 'kind'), message: field(body, 'message') || undefined };
    const normalized = normalizePhone(values.phone);
    if (!normalized) return this.send(reply, 400, { step: 'phone', phone: values.phone }, '手机号格式不正确');
    const again: PrivacyRequestStep = { step: 'code', phone: normalized, maskedPhone: maskPhone(normalized), kind: values.kind as PrivacyRequestKind, message: values.message };
    const parsed = submitPrivacyRequestSchema.safeParse(values);
    if (!parsed.success) return this.send(reply, 400, again, parsed.error.issues[0]?.message);
    try {
      const receipt = await this.requests.submit(parsed.data);
      await this.send(reply, 201, { step: 'done', maskedPhone: maskPhone(normalized), kind: parsed.data.kind, dueDate: receipt.dueDate });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      await this.send(reply, error.status, again, error.message);
    }
  }

  private async send(reply: FastifyReply, status: number, state: PrivacyRequestStep, error?: string): Promise<void> {
    await reply.status(status).headers(HTML_HEADERS).send(renderPrivacyRequestPage({ state, ...(error ? { error } : {}) }));
  }
}
