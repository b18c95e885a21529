import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { VisitModule } from '../visit/visit.module';
import { ConsentEntity } from './consent.entity';
import { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';
import { PrivacyNoticeService } from './privacy-notice.service';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { PrivacyRequestService } from './privacy-request.service';
import { PrivacySubjectService } from './privacy-subject.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyRequestPageController } from './privacy-request-page.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

export const PRIVACY_ENTITIES = [ConsentEntity, PrivacyRequestEntity];

/**
 * PIPL: the consent ledger (lead intake records each consent through `ConsentService`), the notice and its hash,
 * rights requests by phone (export, erase) and the retention job. The lead module registers its records with
 * `PrivacySubjectService` at init, so this module imports nothing from lead.
 */
@Module({
  imports: [VisitModule, OrgModule],
  controllers: [PrivacyController, PrivacyRequestPageController],
  providers: [ConsentService, ConsentRepository, PrivacyNoticeService, PrivacySubjectService, RetentionService, RetentionScheduler, PrivacyRequestService, PrivacyRequestRepository],
  exports: [ConsentService, PrivacyNoticeService, PrivacySubjectService],
})
export class PrivacyModule {}
