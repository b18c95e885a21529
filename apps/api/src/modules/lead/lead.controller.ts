import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  collisionListResponseSchema,
  cursorQuerySchema,
  leadDetailSchema,
  leadListQuerySchema,
  leadListResponseSchema,
  revealPhoneRequestSchema,
  revealPhoneResponseSchema,
  type CollisionListResponse,
  type CursorQuery,
  type LeadDetail,
  type LeadListQuery,
  type LeadListResponse,
  type RevealPhoneRequest,
  type RevealPhoneResponse,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { LeadService } from './lead.service';
import { LeadTimelineService } from './timeline/lead-timeline.service';

/** Reading leads: the list, one lead with its timeline, HQ's collisions. */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('api')
export class LeadController {
  constructor(
    @Inject(LeadService) private readonly leads: LeadService,
    @Inject(LeadTimelineService) private readonly timeline: LeadTimelineService,
  ) {}

  @Get('leads')
  @ApiZodQuery(leadListQuerySchema)
  @ApiZodResponse(200, leadListResponseSchema, 'staff: own leads; branch manager: the branch; HQ: all. Newest first.')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(leadListQuerySchema)) query: LeadListQuery): Promise<LeadListResponse> {
    return this.leads.list(user, query);
  }

  @Get('leads/:id')
  @ApiZodResponse(200, leadDetailSchema)
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<LeadDetail> {
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

  @Get('collisions')
  @Roles('hq_admin', 'branch_manager')
  @ApiZodQuery(cursorQuerySchema)
  @ApiZodResponse(200, collisionListResponseSchema)
  collisions(@CurrentUser() user: AuthUser, @Query(new ZodPipe(cursorQuerySchema)) query: CursorQuery): Promise<CollisionListResponse> {
    return this.timeline.collisions(user, query);
  }
}
