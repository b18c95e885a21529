import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { LeadModule } from '../lead/lead.module';
import { OrgModule } from '../org/org.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';

/** 审计日志 as HQ reads it: core's audit_logs with names and sentences from the modules that own them. */
@Module({
  imports: [OrgModule, LeadModule, ContentModule],
  controllers: [AuditLogController],
  providers: [AuditLogService],
})
export class AuditLogModule {}
