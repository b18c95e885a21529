import { Module } from '@nestjs/common';
import { VisitModule } from '../visit/visit.module';
import { ConsentEntity } from './consent.entity';
import { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';
import { PrivacyNoticeService } from './privacy-notice.service';
import { PrivacySubjectService } from './privacy-subject.service';
import { PrivacyController } from './privacy.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

export const PRIVACY_ENTITIES = [ConsentEntity];

/**
 * PIPL: the consent ledger (lead intake records each consent through `ConsentService`), the notice and its hash,
 * rights requests by phone (export, erase) and the retention job. The lead module registers its records with
 * `PrivacySubjectService` at init, so this module imports nothing from lead.
 */
@Module({
  imports: [VisitModule],
  controllers: [PrivacyController],
  providers: [ConsentService, ConsentRepository, PrivacyNoticeService, PrivacySubjectService, RetentionService, RetentionScheduler],
  exports: [ConsentService, PrivacyNoticeService, PrivacySubjectService],
})
export class PrivacyModule {}
