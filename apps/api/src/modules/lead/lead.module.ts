import { Global, Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { StaffDisableHook } from '../org/staff-disable.hook';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { LeadPoolController } from './lead-pool.controller';
import { LeadPoolService } from './lead-pool.service';
import { LeadController } from './lead.controller';
import { LeadRepository } from './lead.repository';
import { LeadService } from './lead.service';
import { OwnershipService } from './ownership.service';
import { PoolSettingsService } from './pool-settings.service';
import { RecycleScheduler } from './recycle.scheduler';
import { StaffLeadHandover } from './staff-lead-handover';

/** Global only to give the org module its StaffDisableHook without a module cycle. */
@Global()
@Module({
  imports: [OrgModule, ShareModule, ContentModule],
  controllers: [LeadController, LeadPoolController],
  providers: [LeadService, LeadRepository, OwnershipService, LeadPoolService, PoolSettingsService, RecycleScheduler, { provide: StaffDisableHook, useClass: StaffLeadHandover }],
  exports: [LeadService, LeadPoolService, StaffDisableHook],
})
export class LeadModule {}
