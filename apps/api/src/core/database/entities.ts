import { AuditLogEntity } from '../audit/audit-log.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { RateLimitEntity } from '../rate-limit/rate-limit.entity';
import { ContentEntity } from '../../modules/content/content.entity';
import { VisitEventEntity } from '../../modules/landing/visit-event.entity';
import { VisitorEntity } from '../../modules/landing/visitor.entity';
import { LeadEntity } from '../../modules/lead/lead.entity';
import { FollowUpEntity } from '../../modules/lead/follow-up.entity';
import { LeadSearchGramEntity } from '../../modules/lead/lead-search-gram.entity';
import { LeadStatusChangeEntity } from '../../modules/lead/lead-status-change.entity';
import { MemberEntity } from '../../modules/lead/member.entity';
import { NotificationEntity } from '../../modules/lead/notification.entity';
import { OwnershipChangeEntity } from '../../modules/lead/ownership-change.entity';
import { PoolSettingsEntity } from '../../modules/lead/pool-settings.entity';
import { TouchEntity } from '../../modules/lead/touch.entity';
import { BranchEntity } from '../../modules/org/branch.entity';
import { StaffEntity } from '../../modules/org/staff.entity';
import { ShareEntity } from '../../modules/share/share.entity';

/** Every table the API maps. */
export const ENTITIES = [
  BranchEntity,
  StaffEntity,
  RefreshTokenEntity,
  RateLimitEntity,
  AuditLogEntity,
  ContentEntity,
  ShareEntity,
  VisitorEntity,
  VisitEventEntity,
  LeadEntity,
  TouchEntity,
  OwnershipChangeEntity,
  FollowUpEntity,
  LeadStatusChangeEntity,
  MemberEntity,
  NotificationEntity,
  PoolSettingsEntity,
  LeadSearchGramEntity,
];
