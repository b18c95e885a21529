import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  leadDetailSchema,
  leadListQuerySchema,
  leadListResponseSchema,
  submitLeadRequestSchema,
  z,
  type LeadDetail,
  type LeadListQuery,
  type LeadListResponse,
  type SubmitLeadRequest,
} from '@fenji/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Public } from '../../core/auth/auth.decorators';
import { readVisitorCookie } from '../../core/http/visitor-cookie.util';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { LeadService } from './lead.service';

@ApiTags('leads')
@Controller('api')
export class LeadController {
  constructor(@Inject(LeadService) private readonly leads: LeadService) {}

  @Get('leads')
  @ApiBearerAuth()
  @ApiZodQuery(leadListQuerySchema)
  @ApiZodResponse(200, leadListResponseSchema, 'staff: own leads; branch manager: the branch; HQ: all. Newest first.')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(leadListQuerySchema)) query: LeadListQuery): Promise<LeadListResponse> {
    return this.leads.list(user, query);
  }

  @Get('leads/:id')
  @ApiBearerAuth()
  @ApiZodResponse(200, leadDetailSchema)
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<LeadDetail> {
    return this.leads.detail(user, id);
  }

  @Post('public/leads')
  @Public()
  @ApiZodBody(submitLeadRequestSchema)
  @ApiZodResponse(201, z.object({ ok: z.literal(true) }), 'the same answer for a new and for a known phone; a used idempotencyKey with another body is 409 IDEMPOTENCY_KEY_REUSED')
  submit(@Body(new ZodPipe(submitLeadRequestSchema)) dto: SubmitLeadRequest, @Req() request: FastifyRequest, @ClientIp() ip: string): Promise<{ ok: true }> {
    return this.leads.submit(dto, { ip, visitorId: readVisitorCookie(request) });
  }
}
