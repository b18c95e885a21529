import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  leadTagListResponseSchema,
  leadTagsSchema,
  setHqTagsRequestSchema,
  setLeadTagsRequestSchema,
  type LeadTagListResponse,
  type LeadTags,
  type SetHqTagsRequest,
  type SetLeadTagsRequest,
} from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { TagService } from './tag.service';

@ApiTags('tags')
@ApiBearerAuth()
@Controller('api')
export class TagController {
  constructor(@Inject(TagService) private readonly tags: TagService) {}

  @Get('tags')
  @ApiZodResponse(200, leadTagListResponseSchema, "HQ's tags in HQ's order, then the free tags on leads in the caller's scope, most used first; counts in the caller's scope")
  list(@CurrentUser() user: AuthUser): Promise<LeadTagListResponse> {
    return this.tags.list(user);
  }

  @Put('tags/hq')
  @Roles('hq_admin')
  @ApiZodBody(setHqTagsRequestSchema)
  @ApiZodResponse(200, leadTagListResponseSchema, "HQ's list replaced whole; audited")
  setHq(@CurrentUser() user: AuthUser, @Body(new ZodPipe(setHqTagsRequestSchema)) dto: SetHqTagsRequest, @ClientIp() ip: string): Promise<LeadTagListResponse> {
    return this.tags.setHq(user, dto.tags, ip);
  }

  @Put('leads/:id/tags')
  @ApiZodBody(setLeadTagsRequestSchema)
  @ApiZodResponse(200, leadTagsSchema, "the lead's owner only (403 NOT_LEAD_OWNER; 404 out of scope); a new name makes a free tag")
  setLeadTags(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(setLeadTagsRequestSchema)) dto: SetLeadTagsRequest): Promise<LeadTags> {
    return this.tags.setLeadTags(user, id, dto.tags);
  }
}
