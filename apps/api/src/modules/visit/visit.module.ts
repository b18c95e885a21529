import { Module } from '@nestjs/common';
import { BeaconThrottle } from './beacon-throttle.service';
import { VisitBuffer } from './visit-buffer.service';
import { VisitEventEntity } from './visit-event.entity';
import { VisitRepository } from './visit.repository';
import { VisitService } from './visit.service';
import { VisitorEntity } from './visitor.entity';

export const VISIT_ENTITIES = [VisitorEntity, VisitEventEntity];

/** Visitors and visit events, recorded by the landing pages and stitched to leads by intake. */
@Module({
  providers: [VisitService, VisitBuffer, VisitRepository, BeaconThrottle],
  exports: [VisitService],
})
export class VisitModule {}
