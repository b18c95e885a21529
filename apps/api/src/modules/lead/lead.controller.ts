import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  collisionListResponseSchema,
  cursorQuerySchema,
  leadDetailSchema,
  leadListQuerySchema,
  leadListResponseSchema,
  type CollisionListResponse,
  type CursorQuery,
  type LeadDetail,
  type LeadListQuery,
  type LeadListResponse,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
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

  @Get('collisions')
  @Roles('hq_admin', 'branch_manager')
  @ApiZodQuery(cursorQuerySchema)
  @ApiZodResponse(200, collisionListResponseSchema)
  collisions(@CurrentUser() user: AuthUser, @Query(new ZodPipe(cursorQuerySchema)) query: CursorQuery): Promise<CollisionListResponse> {
    return this.timeline.collisions(user, query);
  }
}
