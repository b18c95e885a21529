import { Injectable, Logger } from '@nestjs/common';

/** A submission intake accepted (not a replay), told after its unit of work committed. */
export interface LeadAccepted {
  leadId: string;
  leadName: string;
  /** True when the submission created the lead. */
  isNew: boolean;
  /** The lead's owner after the submission (null: the public pool). */
  ownerStaffId: string | null;
  shareId: string;
  /** The share's root staff member. */
  staffId: string;
  visitorId: string | null;
  at: Date;
}

export type LeadAcceptedHandler = (event: LeadAccepted) => Promise<void>;

/**
 * Registration point for what follows an accepted lead outside its unit of work (the radar, notifications, alerts):
 * the lead module cannot import those modules, so they register here at init. Handlers run after the answer is
 * decided, one after another; a failing handler is logged and never touches the lead.
 */
@Injectable()
export class LeadAcceptedEvents {
  private readonly logger = new Logger('LeadAcceptedEvents');
  private readonly handlers: LeadAcceptedHandler[] = [];
  private pending: Promise<void> = Promise.resolve();

  on(handler: LeadAcceptedHandler): void {
    this.handlers.push(handler);
  }

  /** Runs the handlers in the background, in the order leads were accepted. */
  emit(event: LeadAccepted): void {
    if (!this.handlers.length) return;
    this.pending = this.pending.then(async () => {
      for (const handler of this.handlers) {
        try {
          await handler(event);
        } catch (error) {
          this.logger.error({ err: error }, 'a handler of an accepted lead failed');
        }
      }
    });
  }
}
