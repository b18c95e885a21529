import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { VisitEventType } from '@fenji/shared';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { newId } from '../../core/database/id.util';
import { Metrics } from '../../core/metrics/metrics';
import { TransactionRunner } from '../../core/database/transaction.runner';
import type { VisitEventEntity } from './visit-event.entity';
import type { VisitorEntity } from './visitor.entity';
import { VisitRepository } from './visit.repository';

const MAX_BATCH = 500;
const MAX_PENDING = 50_000;

/** Told about each batch once it is in the database (in the flush, before `flush()` resolves). */
export type FlushedVisitsListener = (events: VisitEventEntity[]) => Promise<void>;

export interface VisitInput {
  shareId: string;
  staffId: string;
  visitorId: string;
  type: VisitEventType;
  value?: number | null;
  /** Also write the visitor's row (a re-share or a lead makes one anyway; a bare view does not need it). */
  newVisitor?: boolean;
}

/**
 * Visit events are analytics, not leads: they are buffered in memory and written in batches, so a
 * landing page costs no database round trip. Flushed every VISIT_FLUSH_MS, when a batch fills, and at
 * shutdown. A crash loses at most one interval of views; leads never pass through here.
 */
@Injectable()
export class VisitBuffer implements BeforeApplicationShutdown {
  private readonly logger = new Logger('VisitBuffer');
  private events: VisitEventEntity[] = [];
  private visitors: VisitorEntity[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly listeners: FlushedVisitsListener[] = [];
  dropped = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VisitRepository) private readonly visits: VisitRepository,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  /** Registration point for what is derived from visits (analytics' aggregates, heat and radar). */
  onFlushed(listener: FlushedVisitsListener): void {
    this.listeners.push(listener);
  }

  record(input: VisitInput, now = new Date()): void {
    if (this.events.length >= MAX_PENDING) {
      this.dropped++;
      this.metrics.visitsDropped.inc();
      return;
    }
    this.events.push({ id: newId(now.getTime()), shareId: input.shareId, staffId: input.staffId, visitorId: input.visitorId, type: input.type, value: input.value ?? null, createdAt: now });
    if (input.newVisitor) this.visitors.push({ id: input.visitorId, leadId: null, firstShareId: input.shareId, createdAt: now });
    if (this.events.length >= MAX_BATCH) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.config.visitFlushMs);
  }

  /** Writes everything buffered so far; resolves when it is in the database. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const events = this.events;
    const visitors = this.visitors;
    this.events = [];
    this.visitors = [];
    // Counted per batch, not per view: the landing page's path stays free of metric updates.
    if (events.length) this.metrics.visitsBuffered.inc(events.length);
    this.flushing = this.flushing.then(async () => {
      for (let i = 0; i < Math.max(events.length, visitors.length); i += MAX_BATCH) {
        const batch = events.slice(i, i + MAX_BATCH);
        try {
          await this.transactions.run((tx) => this.visits.insertBatch(tx, visitors.slice(i, i + MAX_BATCH), batch));
          this.metrics.visitsFlushed.inc(batch.length);
        } catch (error) {
          this.dropped += batch.length;
          this.metrics.visitsDropped.inc(batch.length);
          this.logger.error({ err: error }, 'could not write visit events');
          continue;
        }
        for (const listener of this.listeners) {
          try {
            if (batch.length) await listener(batch);
          } catch (error) {
            this.logger.error({ err: error }, 'a listener of written visit events failed');
          }
        }
      }
    });
    return this.flushing;
  }

  get pending(): number {
    return this.events.length;
  }

  /** Before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
