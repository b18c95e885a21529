import { Inject, Injectable } from '@nestjs/common';
import { idFloorAt } from '../../core/database/id.util';
import type { Transaction } from '../../core/database/transaction.runner';
import { BeaconThrottle } from './beacon-throttle.service';
import { type FlushedVisitsListener, VisitBuffer, type VisitInput } from './visit-buffer.service';
import type { VisitEventEntity } from './visit-event.entity';
import { VisitRepository } from './visit.repository';

/** Visitors and their visits: the one module that writes `visitors` and `visit_events`. */
@Injectable()
export class VisitService {
  constructor(
    @Inject(VisitBuffer) private readonly buffer: VisitBuffer,
    @Inject(BeaconThrottle) private readonly throttle: BeaconThrottle,
    @Inject(VisitRepository) private readonly visits: VisitRepository,
  ) {}

  /**
   * A page view or beacon from `ip`, written with the next batch; past the per-visitor or per-address limit it is
   * dropped silently (the page and the beacon still get their answer at once).
   */
  record(visit: VisitInput, ip: string): void {
    if (this.throttle.allow(visit.visitorId, ip, visit.shareId)) this.buffer.record(visit);
  }

  /** A visit at a given time, past the throttle: the demo seed's history (never a customer's request). */
  recordAt(visit: VisitInput, at: Date): void {
    this.buffer.record(visit, at);
  }

  /** In the submission's unit of work: the browser that left the lead now belongs to it, earlier visits too. */
  stitchVisitor(tx: Transaction, visitorId: string, leadId: string, shareId: string, at: Date): Promise<void> {
    return this.visits.stitchVisitor(tx, visitorId, leadId, shareId, at);
  }

  /** The visits of every browser stitched to a lead, oldest first (at most 500). */
  visitsOfLead(leadId: string): Promise<VisitEventEntity[]> {
    return this.visits.visitsOfLead(leadId, 500);
  }

  /** `listener` gets each batch of visit events once it is written (analytics derives its aggregates from them). */
  onFlushed(listener: FlushedVisitsListener): void {
    this.buffer.onFlushed(listener);
  }

  /** The lead each of these visitors was stitched to (visitors without a lead are left out). */
  leadsOfVisitors(visitorIds: string[]): Promise<Map<string, string>> {
    return this.visits.leadsOfVisitors(visitorIds);
  }

  /** Retention: deletes up to `limit` visit events made before `before`, in `tx`; how many went. */
  purgeEventsBefore(tx: Transaction, before: Date, limit: number): Promise<number> {
    return this.visits.purgeEventsBefore(tx, idFloorAt(before.getTime()), limit);
  }

  /** Erasure of a person, in its unit of work: the browsers stitched to the lead and all their visits. */
  eraseVisitorsOfLead(tx: Transaction, leadId: string): Promise<number> {
    return this.visits.eraseVisitorsOfLead(tx, leadId);
  }

  /** Writes what is buffered now. */
  flush(): Promise<void> {
    return this.buffer.flush();
  }
}
