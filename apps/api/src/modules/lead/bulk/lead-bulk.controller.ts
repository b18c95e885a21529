import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { bulkLeadRequestSchema, bulkLeadResponseSchema, type BulkLeadRequest, type BulkLeadResponse } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { ClientIp, CurrentUser, Roles } from '../../../core/auth/auth.decorators';
import { ApiZodBody, ApiZodResponse } from '../../../core/openapi/zod-openapi';
import { ZodPipe } from '../../../core/validation/zod.pipe';
import { LeadBulkService } from './lead-bulk.service';

@ApiTags('lead pool')
@ApiBearerAuth()
@Controller('api/leads')
export class LeadBulkController {
  constructor(@Inject(LeadBulkService) private readonly bulk: LeadBulkService) {}

  @Post('bulk')
  @HttpCode(200)
  @Roles('hq_admin', 'branch_manager')
  @ApiZodBody(bulkLeadRequestSchema)
  @ApiZodResponse(200, bulkLeadResponseSchema, 'each lead through the single-lead rules and audit (with the reason); dryRun: counts only; by filter at most 5,000 leads')
  run(@CurrentUser() user: AuthUser, @Body(new ZodPipe(bulkLeadRequestSchema)) dto: BulkLeadRequest, @ClientIp() ip: string): Promise<BulkLeadResponse> {
    return this.bulk.run(user, dto, ip);
  }
}
