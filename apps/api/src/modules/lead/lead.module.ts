import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { VisitModule } from '../visit/visit.module';
import { LeadBulkController } from './bulk/lead-bulk.controller';
import { LeadBulkService } from './bulk/lead-bulk.service';
import { LeadCareController } from './care/lead-care.controller';
import { CollisionController } from './collision/collision.controller';
import { CollisionResolutionEntity } from './collision/collision-resolution.entity';
import { CollisionResolutionRepository } from './collision/collision-resolution.repository';
import { CollisionService } from './collision/collision.service';
import { LeadExportController } from './export/lead-export.controller';
import { LeadExportService } from './export/lead-export.service';
import { LeadCareService } from './care/lead-care.service';
import { FollowUpController } from './follow-up/follow-up.controller';
import { FollowUpEntity } from './follow-up/follow-up.entity';
import { FollowUpRepository } from './follow-up/follow-up.repository';
import { FollowUpService } from './follow-up/follow-up.service';
import { LeadStatusChangeEntity } from './follow-up/lead-status-change.entity';
import { MemberEntity } from './follow-up/member.entity';
import { LeadIntakeController } from './intake/lead-intake.controller';
import { LeadAcceptedEvents } from './intake/lead-accepted.events';
import { LeadIntakeService } from './intake/lead-intake.service';
import { TouchEntity } from './intake/touch.entity';
import { TouchRepository } from './intake/touch.repository';
import { LeadSearchGramEntity } from './lead-search-gram.entity';
import { LeadHeatRepository } from './lead-heat.repository';
import { LeadAnalyticsService } from './lead-analytics.service';
import { LeadStatsRepository } from './lead-stats.repository';
import { LeadController } from './lead.controller';
import { LeadEntity } from './lead.entity';
import { LeadRepository } from './lead.repository';
import { LeadService } from './lead.service';
import { LeadPoolController } from './pool/lead-pool.controller';
import { LeadPoolService } from './pool/lead-pool.service';
import { NotificationController } from './pool/notification.controller';
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
import { LeadTagEntity } from './tag/lead-tag.entity';
import { TagController } from './tag/tag.controller';
import { TagEntity } from './tag/tag.entity';
import { TagRepository } from './tag/tag.repository';
import { TagService } from './tag/tag.service';
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
  TagEntity,
  LeadTagEntity,
  CollisionResolutionEntity,
];

/**
 * Leads (lead.*: the rows, the list, the lead an action locks) and their parts: access/ (the one access policy),
 * settings/ (HQ's pool rules), intake/ (the form, touches and their attribution), pool/ (claims, assignment,
 * release, hand-over, recycling, ownership changes, notifications), follow-up/ (follow-ups, status, members),
 * timeline/ (a lead's detail and timeline, the collisions list, and their mappers), tag/ (tags, one model for both apps), care/ (不再联系, WeChat ID, due follow-ups), bulk/ (one action on many leads through the single-lead rules), export/ (the pool as a streamed CSV), collision/ (撞单 as a work list: keep or reassign).
 */
@Module({
  imports: [OrgModule, ShareModule, ContentModule, VisitModule, PrivacyModule],
  controllers: [LeadCareController, CollisionController, LeadBulkController, LeadExportController, LeadController, LeadIntakeController, LeadPoolController, FollowUpController, TagController, NotificationController],
  providers: [
    LeadService,
    LeadRepository,
    LeadTimelineService,
    LeadIntakeService,
    LeadAcceptedEvents,
    LeadAnalyticsService,
    LeadHeatRepository,
    LeadStatsRepository,
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
    TagService,
    TagRepository,
    LeadCareService,
    LeadBulkService,
    LeadExportService,
    CollisionService,
    CollisionResolutionRepository,
    LeadErasureRepository,
    LeadSubjectRecords,
  ],
  exports: [LeadIntakeService, LeadService, LeadPoolService, FollowUpService, LeadCareService, TagService, LeadAcceptedEvents, LeadAnalyticsService, NotificationService],
})
export class LeadModule {}
