import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  doNotContactRequestSchema,
  doNotContactResponseSchema,
  followUpSummarySchema,
  leadDetailViewSchema,
  updateLeadRequestSchema,
  type DoNotContactRequest,
  type DoNotContactResponse,
  type FollowUpSummary,
  type LeadDetailView,
  type UpdateLeadRequest,
} from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { ClientIp, CurrentUser } from '../../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { LeadTimelineService } from '../timeline/lead-timeline.service';
import { LeadCareService } from './lead-care.service';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('api/leads')
export class LeadCareController {
  constructor(
    @Inject(LeadCareService) private readonly care: LeadCareService,
    @Inject(LeadTimelineService) private readonly timeline: LeadTimelineService,
  ) {}

  @Get('follow-up-summary')
  @ApiZodResponse(200, followUpSummarySchema, "the caller's own private open leads with a planned follow-up: overdue, and due later today (China time)")
  summary(@CurrentUser() user: AuthUser): Promise<FollowUpSummary> {
    return this.care.followUpSummary(user);
  }

  @Patch(':id')
  @ApiZodBody(updateLeadRequestSchema)
  @ApiZodResponse(200, leadDetailViewSchema, 'wechatId: the owner only (403 NOT_LEAD_OWNER); doNotContact with a reason: the owner, HQ, the branch manager in scope; only HQ clears it; audited')
  async update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(updateLeadRequestSchema)) dto: UpdateLeadRequest, @ClientIp() ip: string): Promise<LeadDetailView> {
    await this.care.update(user, id, dto, ip);
    return this.timeline.detail(user, id);
  }

  @Post(':id/do-not-contact')
  @HttpCode(200)
  @ApiZodBody(doNotContactRequestSchema)
  @ApiZodResponse(200, doNotContactResponseSchema, 'the same rule as PATCH doNotContact')
  doNotContact(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(doNotContactRequestSchema)) dto: DoNotContactRequest, @ClientIp() ip: string): Promise<DoNotContactResponse> {
    return this.care.setDoNotContact(user, id, dto.doNotContact, dto.reason, ip);
  }
}
