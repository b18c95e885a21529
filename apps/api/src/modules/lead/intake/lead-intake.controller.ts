import { Body, Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { submitLeadRequestSchema, z, type SubmitLeadRequest } from '@fenji/shared';
import type { FastifyRequest } from 'fastify';
import { ClientIp, Public } from '../../../core/auth/auth.decorators';
import { readVisitorCookie } from '../../../core/http/visitor-cookie.util';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { LeadIntakeService } from './lead-intake.service';

/** The customer's lead form over JSON (the no-JS form posts to the landing page, which hands it here). */
@ApiTags('leads')
@Controller('api')
export class LeadIntakeController {
  constructor(@Inject(LeadIntakeService) private readonly intake: LeadIntakeService) {}

  @Post('public/leads')
  @Public()
  @ApiZodBody(submitLeadRequestSchema)
  @ApiZodResponse(201, z.object({ ok: z.literal(true) }), 'the same answer for a new and for a known phone; a used idempotencyKey with another body is 409 IDEMPOTENCY_KEY_REUSED')
  submit(@Body(new ZodPipe(submitLeadRequestSchema)) dto: SubmitLeadRequest, @Req() request: FastifyRequest, @ClientIp() ip: string): Promise<{ ok: true }> {
    return this.intake.submit(dto, { ip, visitorId: readVisitorCookie(request) });
  }
}
