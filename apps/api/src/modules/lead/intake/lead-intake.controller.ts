import { Body, Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { submitLeadRequestSchema, submitLeadResponseSchema, type SubmitLeadRequest, type SubmitLeadResponse } from '@fenji/shared';
import type { FastifyRequest } from 'fastify';
import { ClientIp, Public } from '../../../core/auth/auth.decorators';
import { readVisitorCookie } from '../../../core/http/visitor-cookie.util';
import { OptOutLinks } from '../../../core/links/opt-out-links';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { LeadIntakeService } from './lead-intake.service';

/** The customer's lead form over JSON (the no-JS form posts to the landing page, which hands it here). */
@ApiTags('leads')
@Controller('api')
export class LeadIntakeController {
  constructor(
    @Inject(LeadIntakeService) private readonly intake: LeadIntakeService,
    @Inject(OptOutLinks) private readonly optOutLinks: OptOutLinks,
  ) {}

  @Post('public/leads')
  @Public()
  @ApiZodBody(submitLeadRequestSchema)
  @ApiZodResponse(201, submitLeadResponseSchema, 'the same answer for a new and for a known phone (with the submitter’s signed 不再联系 link); a used idempotencyKey with another body is 409 IDEMPOTENCY_KEY_REUSED')
  async submit(@Body(new ZodPipe(submitLeadRequestSchema)) dto: SubmitLeadRequest, @Req() request: FastifyRequest, @ClientIp() ip: string): Promise<SubmitLeadResponse> {
    await this.intake.submit(dto, { ip, visitorId: readVisitorCookie(request) });
    return { ok: true, optOutUrl: this.optOutLinks.urlFor(dto.phone) };
  }
}
