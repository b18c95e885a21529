import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  leadDetailViewSchema,
  leadPageQuerySchema,
  leadPageResponseSchema,
  revealPhoneRequestSchema,
  revealPhoneResponseSchema,
  type LeadDetailView,
  type LeadPageQuery,
  type LeadPageResponse,
  type RevealPhoneRequest,
  type RevealPhoneResponse,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { LeadService } from './lead.service';
import { LeadTimelineService } from './timeline/lead-timeline.service';

/** Reading leads: the list, one lead with its timeline, and revealing a phone. */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('api')
export class LeadController {
  constructor(
    @Inject(LeadService) private readonly leads: LeadService,
    @Inject(LeadTimelineService) private readonly timeline: LeadTimelineService,
  ) {}

  @Get('leads')
  @ApiZodQuery(leadPageQuerySchema)
  @ApiZodResponse(
    200,
    leadPageResponseSchema,
    'One list for the console and the staff app. staff: own leads (and the public pool with pool=public); branch manager: the branch; HQ: all. Keyset-paged in every sort (default newest first); phones in full for the owner only; total (withTotal=1) exact up to 10,000, estimated past it.',
  )
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(leadPageQuerySchema)) query: LeadPageQuery): Promise<LeadPageResponse> {
    return this.leads.list(user, query);
  }

  @Get('leads/:id')
  @ApiZodResponse(200, leadDetailViewSchema, 'the same scope as the list (404 outside it); the phone in full for the owner only')
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<LeadDetailView> {
    return this.timeline.detail(user, id);
  }

  @Post('leads/:id/reveal')
  @HttpCode(200)
  @Roles('hq_admin', 'branch_manager')
  @ApiZodBody(revealPhoneRequestSchema)
  @ApiZodResponse(200, revealPhoneResponseSchema, 'the full phone, written to the audit log with who, when and why; 404 outside scope')
  reveal(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(revealPhoneRequestSchema)) dto: RevealPhoneRequest, @ClientIp() ip: string): Promise<RevealPhoneResponse> {
    return this.leads.revealPhone(user, id, dto.reason, ip);
  }
}
