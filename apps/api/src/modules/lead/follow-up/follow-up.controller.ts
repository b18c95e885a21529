import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  changeLeadStatusRequestSchema,
  createFollowUpRequestSchema,
  followUpSchema,
  leadListItemSchema,
  type ChangeLeadStatusRequest,
  type CreateFollowUpRequest,
  type FollowUp,
  type LeadListItem,
} from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { CurrentUser } from '../../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { FollowUpService } from './follow-up.service';

/** The owner's work on a lead: follow-ups and its status along the lifecycle. */
@ApiTags('lead pool')
@ApiBearerAuth()
@Controller('api/leads/:id')
export class FollowUpController {
  constructor(@Inject(FollowUpService) private readonly followUps: FollowUpService) {}

  @Post('status')
  @HttpCode(200)
  @ApiZodBody(changeLeadStatusRequestSchema)
  @ApiZodResponse(200, leadListItemSchema)
  status(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(changeLeadStatusRequestSchema)) dto: ChangeLeadStatusRequest): Promise<LeadListItem> {
    return this.followUps.changeStatus(user, id, dto);
  }

  @Post('follow-ups')
  @ApiZodBody(createFollowUpRequestSchema)
  @ApiZodResponse(201, followUpSchema, "the owner's record; renews the protection period and the recycle clock")
  followUp(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(createFollowUpRequestSchema)) dto: CreateFollowUpRequest): Promise<FollowUp> {
    return this.followUps.add(user, id, dto);
  }
}
