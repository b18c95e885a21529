import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { auditListQuerySchema, auditListResponseSchema, type AuditListQuery, type AuditListResponse } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser, Roles } from '../../core/auth/auth.decorators';
import { ApiZodQuery, ApiZodResponse } from '../../core/openapi/zod-openapi';
import { ZodPipe } from '../../core/validation/zod.pipe';
import { AuditLogService } from './audit-log.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit-logs')
export class AuditLogController {
  constructor(@Inject(AuditLogService) private readonly auditLog: AuditLogService) {}

  @Get()
  @Roles('hq_admin', 'branch_manager')
  @ApiZodQuery(auditListQuerySchema)
  @ApiZodResponse(200, auditListResponseSchema, 'newest first; HQ: every entry; branch manager: entries by the people of their branch')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(auditListQuerySchema)) query: AuditListQuery): Promise<AuditListResponse> {
    return this.auditLog.list(user, query);
  }
}
