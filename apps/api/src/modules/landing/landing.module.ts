import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { LeadModule } from '../lead/lead.module';
import { OrgModule } from '../org/org.module';
import { ShareModule } from '../share/share.module';
import { BeaconThrottle } from './beacon-throttle.service';
import { LandingController, PublicEventsController } from './landing.controller';
import { LandingService } from './landing.service';
import { VisitBuffer } from './visit-buffer.service';
import { VisitRepository } from './visit.repository';

@Module({
  imports: [ContentModule, ShareModule, OrgModule, LeadModule],
  controllers: [LandingController, PublicEventsController],
  providers: [LandingService, VisitBuffer, VisitRepository, BeaconThrottle],
  exports: [VisitBuffer],
})
export class LandingModule {}
