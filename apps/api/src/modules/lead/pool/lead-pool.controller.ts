import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  assignLeadRequestSchema,
  leadListItemSchema,
  poolSettingsSchema,
  recycleRunResultSchema,
  releaseLeadRequestSchema,
  type AssignLeadRequest,
  type LeadListItem,
  type PoolSettings,
  type RecycleRunResult,
  type ReleaseLeadRequest,
} from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { LeadPoolService } from './lead-pool.service';
import { PoolSettingsService } from '../settings/pool-settings.service';
import { RecycleService } from './recycle.service';

@ApiTags('lead pool')
@ApiBearerAuth()
@Controller('api')
export class LeadPoolController {
  constructor(
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(RecycleService) private readonly recycling: RecycleService,
  ) {}

  @Post('leads/:id/claim')
  @HttpCode(200)
  @ApiZodResponse(200, leadListItemSchema, 'the lead, now yours; 409 LEAD_ALREADY_CLAIMED, CLAIM_LIMIT_REACHED or RECLAIM_BLOCKED; 404 for another staff member\'s private lead (unless it left the public pool minutes ago)')
  claim(@CurrentUser() user: AuthUser, @Param('id') id: string, @ClientIp() ip: string): Promise<LeadListItem> {
    return this.pool.claim(user, id, ip);
  }

  @Post('leads/:id/assign')
  @HttpCode(200)
  @Roles('hq_admin', 'branch_manager')
  @ApiZodBody(assignLeadRequestSchema)
  @ApiZodResponse(200, leadListItemSchema, 'staffId null sends the lead to the public pool')
  assign(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(assignLeadRequestSchema)) dto: AssignLeadRequest, @ClientIp() ip: string): Promise<LeadListItem> {
    return this.pool.assign(user, id, dto, ip);
  }

  @Post('leads/:id/release')
  @HttpCode(200)
  @ApiZodBody(releaseLeadRequestSchema)
  @ApiZodResponse(200, leadListItemSchema)
  release(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body(new ZodPipe(releaseLeadRequestSchema)) dto: ReleaseLeadRequest, @ClientIp() ip: string): Promise<LeadListItem> {
    return this.pool.release(user, id, dto.reason, ip);
  }

  @Get('pool-settings')
  @ApiZodResponse(200, poolSettingsSchema)
  getSettings(): Promise<PoolSettings> {
    return this.settings.get();
  }

  @Put('pool-settings')
  @Roles('hq_admin')
  @ApiZodBody(poolSettingsSchema)
  @ApiZodResponse(200, poolSettingsSchema)
  putSettings(@CurrentUser() user: AuthUser, @Body(new ZodPipe(poolSettingsSchema)) dto: PoolSettings, @ClientIp() ip: string): Promise<PoolSettings> {
    return this.settings.update(user, dto, ip);
  }

  @Post('jobs/recycle')
  @HttpCode(200)
  @Roles('hq_admin')
  @ApiZodResponse(200, recycleRunResultSchema, 'runs the recycling job now (it also runs on a timer)')
  recycle(): Promise<RecycleRunResult> {
    return this.recycling.recycle();
  }
}
