import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { VisitModule } from '../visit/visit.module';
import { FollowUpController } from './follow-up/follow-up.controller';
import { FollowUpEntity } from './follow-up/follow-up.entity';
import { FollowUpRepository } from './follow-up/follow-up.repository';
import { FollowUpService } from './follow-up/follow-up.service';
import { LeadStatusChangeEntity } from './follow-up/lead-status-change.entity';
import { MemberEntity } from './follow-up/member.entity';
import { LeadIntakeController } from './intake/lead-intake.controller';
import { LeadIntakeService } from './intake/lead-intake.service';
import { TouchEntity } from './intake/touch.entity';
import { TouchRepository } from './intake/touch.repository';
import { LeadSearchGramEntity } from './lead-search-gram.entity';
import { LeadController } from './lead.controller';
import { LeadEntity } from './lead.entity';
import { LeadRepository } from './lead.repository';
import { LeadService } from './lead.service';
import { LeadPoolController } from './pool/lead-pool.controller';
import { LeadPoolService } from './pool/lead-pool.service';
import { NotificationEntity } from './pool/notification.entity';
import { NotificationRepository } from './pool/notification.repository';
import { NotificationService } from './pool/notification.service';
import { OwnershipChangeEntity } from './pool/ownership-change.entity';
import { OwnershipRepository } from './pool/ownership.repository';
import { OwnershipService } from './pool/ownership.service';
import { PoolSettingsEntity } from './settings/pool-settings.entity';
import { PoolSettingsRepository } from './settings/pool-settings.repository';
import { PoolSettingsService } from './settings/pool-settings.service';
import { RecycleScheduler } from './pool/recycle.scheduler';
import { RecycleService } from './pool/recycle.service';
import { StaffLeadHandover } from './pool/staff-lead-handover';
import { LeadTimelineService } from './timeline/lead-timeline.service';
import { LeadErasureRepository } from './privacy/lead-erasure.repository';
import { LeadSubjectRecords } from './privacy/lead-subject-records';

export const LEAD_ENTITIES = [
  LeadEntity,
  LeadSearchGramEntity,
  TouchEntity,
  OwnershipChangeEntity,
  FollowUpEntity,
  LeadStatusChangeEntity,
  MemberEntity,
  NotificationEntity,
  PoolSettingsEntity,
];

/**
 * Leads (lead.*: the rows, the list, the lead an action locks) and their parts: access/ (the one access policy),
 * settings/ (HQ's pool rules), intake/ (the form, touches and their attribution), pool/ (claims, assignment,
 * release, hand-over, recycling, ownership changes, notifications), follow-up/ (follow-ups, status, members),
 * timeline/ (a lead's detail and timeline, the collisions list, and their mappers).
 */
@Module({
  imports: [OrgModule, ShareModule, ContentModule, VisitModule, PrivacyModule],
  controllers: [LeadController, LeadIntakeController, LeadPoolController, FollowUpController],
  providers: [
    LeadService,
    LeadRepository,
    LeadTimelineService,
    LeadIntakeService,
    TouchRepository,
    LeadPoolService,
    OwnershipService,
    OwnershipRepository,
    NotificationService,
    NotificationRepository,
    PoolSettingsService,
    PoolSettingsRepository,
    RecycleService,
    RecycleScheduler,
    StaffLeadHandover,
    FollowUpService,
    FollowUpRepository,
    LeadErasureRepository,
    LeadSubjectRecords,
  ],
  exports: [LeadIntakeService, LeadService, LeadPoolService, FollowUpService],
})
export class LeadModule {}
