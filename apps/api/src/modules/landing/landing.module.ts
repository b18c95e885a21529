import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { LeadModule } from '../lead/lead.module';
import { OrgModule } from '../org/org.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ShareModule } from '../share/share.module';
import { VisitModule } from '../visit/visit.module';
import { LandingController, PublicEventsController } from './landing.controller';
import { LandingService } from './landing.service';

/** The customer's pages and beacons; visits are recorded by the visit module, the no-JS form goes to intake. */
@Module({
  imports: [ContentModule, ShareModule, OrgModule, VisitModule, LeadModule, PrivacyModule],
  controllers: [LandingController, PublicEventsController],
  providers: [LandingService],
})
export class LandingModule {}
