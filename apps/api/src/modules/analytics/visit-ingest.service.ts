import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { heatLevel, type RadarItem } from '@fenji/shared';
import { LRUCache } from 'lru-cache';
import { EventBus } from '../../core/coordination/event-bus';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { newId } from '../../core/database/id.util';
import { type Transaction, TransactionConflict, TransactionRunner } from '../../core/database/transaction.runner';
import { LeadAnalyticsService } from '../lead/lead-analytics.service';
import { type LeadAccepted, LeadAcceptedEvents } from '../lead/intake/lead-accepted.events';
import { NotificationService } from '../lead/pool/notification.service';
import { OrgService } from '../org/org.service';
import type { ShareEntity } from '../share/share.entity';
import { ShareService } from '../share/share.service';
import type { VisitEventEntity } from '../visit/visit-event.entity';
import { VisitService } from '../visit/visit.service';
import type { RadarItemEntity } from './radar-item.entity';
import { type Alert, AlertService } from './alert.service';
import { RadarRepository } from './radar.repository';
import { RadarService } from './radar.service';
import { applyVisitEvent, inApplyOrder, newVisitorStat, refreshHeat } from './visitor-aggregate';
import type { VisitorStatEntity } from './visitor-stat.entity';
import { VisitorStatRepository } from './visitor-stat.repository';
import { chinaDay, depthBucket } from './china-day.util';
import type { StatsDelta } from './stats.repository';
import { StatsRepository } from './stats.repository';

/** EventBus topics: a radar line for whoever's scope includes it, and "you have a new notice". */
export const RADAR_TOPIC = 'radar';
export const NOTIFICATION_TOPIC = 'notification';

export interface RadarMessage {
  staffId: string;
  branchId: string | null;
  item: RadarItem;
}

export interface NotificationMessage {
  staffId: string;
  unread: number;
}

/** A known customer back after this long, and hot, is worth a notice. */
const RETURN_AFTER_MS = 12 * 3600 * 1000;

const key = (staffId: string, visitorId: string) => `${staffId}|${visitorId}`;

/** Accepted leads are handled together: after this long, or at this many. */
const LEAD_BATCH_MS = 100;
const MAX_LEAD_BATCH = 200;

/**
 * Turns written visit events into what analytics keeps: each visitor's aggregates and heat per staff member, the
 * radar's lines, the heat of the lead a visitor became, and a notice when a known customer comes back hot. Runs as
 * batches are flushed (never on the landing request), one unit of work a batch; then the new lines go out on the
 * EventBus to every process's WebSocket clients.
 */
@Injectable()
export class VisitIngestService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('VisitIngestService');
  private leadQueue: LeadAccepted[] = [];
  private leadTimer: NodeJS.Timeout | null = null;
  private leadsDone: Promise<void> = Promise.resolve();
  /** A staff member's branch, for scoping: read once a minute at most. */
  private readonly branches = new LRUCache<string, { branchId: string | null }>({ max: 10_000, ttl: 60_000 });

  constructor(
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(LeadAnalyticsService) private readonly leads: LeadAnalyticsService,
    @Inject(LeadAcceptedEvents) private readonly accepted: LeadAcceptedEvents,
    @Inject(NotificationService) private readonly notifications: NotificationService,
    @Inject(VisitorStatRepository) private readonly stats: VisitorStatRepository,
    @Inject(RadarRepository) private readonly radar: RadarRepository,
    @Inject(RadarService) private readonly radarService: RadarService,
    @Inject(StatsRepository) private readonly rollups: StatsRepository,
    @Inject(AlertService) private readonly alerts: AlertService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.visits.onFlushed((events) => this.ingest(events));
    this.accepted.on((event) => this.leadAccepted(event));
    this.shares.onCreated((share) => this.shareCreated(share));
  }

  /** A staff member's share or a customer's re-share: one more in the roll-up of its day. */
  async shareCreated(share: ShareEntity): Promise<void> {
    const branchId = (await this.branchesOf([share.staffId])).get(share.staffId) ?? null;
    await this.transactions.run((tx) =>
      this.rollups.add(tx, [{ day: chinaDay(share.createdAt), staffId: share.staffId, contentId: contentOf(share), depth: depthBucket(share.depth), branchId, shares: 1 }]),
    );
  }

  async ingest(events: VisitEventEntity[]): Promise<void> {
    const shares = new Map((await this.shares.findByIds([...new Set(events.map((e) => e.shareId))])).map((s) => [s.id, s]));
    const known = events.filter((e) => shares.has(e.shareId));
    if (!known.length) return;
    const staffIds = [...new Set(known.map((e) => e.staffId))];
    const branchOf = await this.branchesOf(staffIds);
    const sharers = known.flatMap((e) => shares.get(e.shareId)?.sharerVisitorId ?? []);
    const visitorIds = [...new Set([...known.map((e) => e.visitorId), ...sharers])];
    const leadOfVisitor = await this.visits.leadsOfVisitors(visitorIds);
    // Read before the unit: on SQLite a read outside the unit would wait for it.
    const leadNames = await this.leads.namesOf(leadOfVisitor.values());

    const outcome = await this.transactions.run(async (tx) => {
      const rows = new Map((await this.stats.findForUpdate(tx, staffIds, visitorIds)).map((r) => [key(r.staffId, r.visitorId), r]));
      const created: VisitorStatEntity[] = [];
      const changed = new Set<VisitorStatEntity>();
      const items: RadarItemEntity[] = [];
      const returns: { staffId: string; leadId: string; stat: VisitorStatEntity }[] = [];
      for (const e of inApplyOrder(known)) {
        const share = shares.get(e.shareId) as ShareEntity;
        const event = { type: e.type, value: e.value, at: e.createdAt, shareId: share.id, contentId: contentOf(share) };
        let stat = rows.get(key(e.staffId, e.visitorId));
        if (!stat) {
          stat = newVisitorStat(newId(e.createdAt.getTime()), e.staffId, branchOf.get(e.staffId) ?? null, e.visitorId, event);
          rows.set(key(e.staffId, e.visitorId), stat);
          created.push(stat);
          // A new visitor brought by a customer's re-share counts for that customer.
          const sharer = share.sharerVisitorId && share.sharerVisitorId !== e.visitorId ? rows.get(key(e.staffId, share.sharerVisitorId)) : undefined;
          if (sharer) {
            sharer.reshareVisitors += 1;
            refreshHeat(sharer, sharer.lastSeenAt);
            changed.add(sharer);
          }
        }
        const lastSeen = stat.lastSeenAt.getTime();
        const draft = applyVisitEvent(stat, event);
        changed.add(stat);
        const leadId = leadOfVisitor.get(e.visitorId) ?? null;
        if (e.type === 'view' && leadId && stat.views > 1 && e.createdAt.getTime() - lastSeen >= RETURN_AFTER_MS && heatLevel(stat.heat) === 'hot') {
          returns.push({ staffId: e.staffId, leadId, stat });
        }
        if (!draft) continue;
        items.push({
          id: e.id,
          staffId: e.staffId,
          branchId: stat.branchId,
          visitorId: e.visitorId,
          shareId: share.id,
          contentId: contentOf(share),
          viaVisitorId: share.sharerVisitorId && share.sharerVisitorId !== e.visitorId ? share.sharerVisitorId : null,
          leadId,
          createdAt: e.createdAt,
          ...draft,
        });
      }
      try {
        await this.stats.insert(tx, created);
      } catch (error) {
        // Another process saw the same new visitor first: the unit runs again and finds its row.
        if (isUniqueViolation(error)) throw new TransactionConflict('a new visitor stat');
        throw error;
      }
      for (const stat of changed) if (!created.includes(stat)) await this.stats.update(tx, stat);
      await this.radar.insert(tx, items);
      await this.addToRollups(tx, known, shares, branchOf);
      // The lead's heat follows its visitor's latest activity.
      const latestOfLead = new Map<string, VisitorStatEntity>();
      for (const stat of changed) {
        const leadId = leadOfVisitor.get(stat.visitorId);
        const seen = leadId ? latestOfLead.get(leadId) : undefined;
        if (leadId && (!seen || stat.lastSeenAt > seen.lastSeenAt)) latestOfLead.set(leadId, stat);
      }
      for (const [leadId, stat] of latestOfLead) await this.leads.setHeat(tx, leadId, stat.heat, stat.heatReason);
      const told: Alert[] = [];
      for (const r of returns) {
        const name = leadNames.get(r.leadId) ?? '老客户';
        await this.notifications.notifyAbout(tx, r.staffId, 'hot_return', r.leadId, `${name} 又来看了，${r.stat.heatReason}，正是联系的好时机`, r.stat.lastSeenAt);
        told.push({ staffId: r.staffId, topic: 'hot_return', leadId: r.leadId, name, subject: r.stat.heatReason, at: r.stat.lastSeenAt });
      }
      return { items, told };
    });
    await this.publish(outcome.items);
    await this.announce(outcome.told);
  }

  /**
   * A lead left through a share: queued and handled with the others of the next LEAD_BATCH_MS in one unit of work
   * (on SQLite every unit is a turn of the one connection: one per lead would halve the submissions a second).
   */
  leadAccepted(event: LeadAccepted): Promise<void> {
    this.leadQueue.push(event);
    if (this.leadQueue.length >= MAX_LEAD_BATCH) return this.drainLeads();
    this.leadTimer ??= setTimeout(() => void this.drainLeads(), LEAD_BATCH_MS);
    return Promise.resolve();
  }

  /** Handles every queued lead now; resolves when done (tests, shutdown). */
  drainLeads(): Promise<void> {
    if (this.leadTimer) clearTimeout(this.leadTimer);
    this.leadTimer = null;
    const batch = this.leadQueue.splice(0);
    if (batch.length) {
      this.leadsDone = this.leadsDone.then(() => this.leadsAccepted(batch)).catch((error: unknown) => this.logger.error({ err: error }, 'could not record accepted leads'));
    }
    return this.leadsDone;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drainLeads();
  }

  /** The radar's 留资 lines, the new leads' notices and roll-ups, and each lead's heat from its visitor: one unit. */
  private async leadsAccepted(events: LeadAccepted[]): Promise<void> {
    const shares = new Map((await this.shares.findByIds([...new Set(events.map((e) => e.shareId))])).map((s) => [s.id, s]));
    const branchOf = await this.branchesOf([...new Set(events.map((e) => e.staffId))]);
    const accepted = events.flatMap((event) => {
      const share = shares.get(event.shareId);
      if (!share) return [];
      const visitorId = event.visitorId ?? `lead:${event.leadId}`;
      const item: RadarItemEntity = {
        id: newId(event.at.getTime()),
        staffId: event.staffId,
        branchId: branchOf.get(event.staffId) ?? null,
        visitorId,
        type: 'lead',
        shareId: share.id,
        contentId: contentOf(share),
        dwellSeconds: null,
        readPercent: null,
        visitNumber: null,
        heat: null,
        heatReason: null,
        reshareVisitors: null,
        viaVisitorId: share.sharerVisitorId && share.sharerVisitorId !== visitorId ? share.sharerVisitorId : null,
        leadId: event.leadId,
        createdAt: event.at,
      };
      return [{ event, share, item }];
    });
    if (!accepted.length) return;
    // Labels and titles read once, before the unit (on SQLite a read outside the unit would wait for it).
    const mapped = await this.radarService.toItems(accepted.map((a) => a.item));
    const visitorIds = accepted.flatMap((a) => (a.event.visitorId ? [a.event.visitorId] : []));
    const alerts = await this.transactions.run(async (tx) => {
      const stats = new Map((await this.stats.findForUpdate(tx, [...new Set(accepted.map((a) => a.event.staffId))], visitorIds)).map((r) => [key(r.staffId, r.visitorId), r]));
      const told: Alert[] = [];
      const deltas: StatsDelta[] = [];
      for (const [i, { event, share, item }] of accepted.entries()) {
        const stat = event.visitorId ? stats.get(key(event.staffId, event.visitorId)) : undefined;
        if (stat) {
          item.heat = stat.heat;
          item.heatReason = stat.heatReason || null;
          item.visitNumber = Math.max(1, stat.views);
          Object.assign(mapped[i]!, { heat: stat.heat, visitNumber: item.visitNumber }, stat.heatReason ? { heatReason: stat.heatReason } : {});
          await this.leads.setHeat(tx, event.leadId, stat.heat, stat.heatReason);
        }
        if (!event.isNew) continue;
        deltas.push({ day: chinaDay(event.at), staffId: event.staffId, contentId: contentOf(share), depth: depthBucket(share.depth), branchId: item.branchId, leads: 1 });
        if (!event.ownerStaffId) continue;
        const title = mapped[i]!.content.title;
        await this.notifications.notifyAbout(tx, event.ownerStaffId, 'new_lead', event.leadId, `${event.leadName} 通过《${title}》留下了联系方式，请尽快联系`, event.at);
        told.push({ staffId: event.ownerStaffId, topic: 'new_lead', leadId: event.leadId, name: event.leadName, subject: title, at: event.at });
      }
      await this.radar.insert(tx, accepted.map((a) => a.item));
      await this.rollups.add(tx, deltas);
      return told;
    });
    await this.send(accepted.map((a, i) => ({ staffId: a.item.staffId, branchId: a.item.branchId, item: mapped[i]! })));
    await this.announce(alerts);
  }

  /** Views (once per visitor and day in unique visitors) and re-shares, per day, staff member, content and depth. */
  private async addToRollups(tx: Transaction, events: VisitEventEntity[], shares: Map<string, ShareEntity>, branchOf: Map<string, string | null>): Promise<void> {
    const deltas: StatsDelta[] = [];
    const firstViews = new Map<string, StatsDelta>();
    for (const e of events) {
      if (e.type !== 'view' && e.type !== 'reshare') continue;
      const share = shares.get(e.shareId) as ShareEntity;
      const row = { day: chinaDay(e.createdAt), staffId: e.staffId, contentId: contentOf(share), depth: depthBucket(share.depth), branchId: branchOf.get(e.staffId) ?? null };
      if (e.type === 'reshare') {
        deltas.push({ ...row, reshares: 1 });
        continue;
      }
      deltas.push({ ...row, views: 1 });
      const visitorDay = `${row.day}|${row.staffId}|${row.contentId}|${e.visitorId}`;
      if (!firstViews.has(visitorDay)) firstViews.set(visitorDay, { ...row, uniqueVisitors: 1 });
    }
    const fresh = await this.rollups.firstVisitorDays(
      tx,
      [...firstViews.keys()].map((k) => {
        const [day, staffId, contentId, visitorId] = k.split('|') as [string, string, string, string];
        return { day, staffId, contentId, visitorId };
      }),
    );
    for (const d of fresh) deltas.push(firstViews.get(`${d.day}|${d.staffId}|${d.contentId}|${d.visitorId}`) as StatsDelta);
    await this.rollups.add(tx, deltas);
  }

  private async publish(items: RadarItemEntity[]): Promise<void> {
    if (!items.length) return;
    const mapped = await this.radarService.toItems(items);
    await this.send(items.map((row, i) => ({ staffId: row.staffId, branchId: row.branchId, item: mapped[i]! })));
  }

  private async send(messages: RadarMessage[]): Promise<void> {
    for (const message of messages) await this.bus.publish(RADAR_TOPIC, message);
  }

  /** New notices: the unread count to the staff member's open apps, and the WeChat alert when they asked for one. */
  private async announce(alerts: Alert[]): Promise<void> {
    for (const staffId of new Set(alerts.map((a) => a.staffId))) {
      const message: NotificationMessage = { staffId, unread: await this.notifications.unreadCount(staffId) };
      await this.bus.publish(NOTIFICATION_TOPIC, message);
    }
    for (const alert of alerts) await this.alerts.send(alert);
  }

  private async branchesOf(staffIds: string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const id of staffIds) {
      let cached = this.branches.get(id);
      if (!cached) {
        cached = { branchId: (await this.org.staffById(id))?.branchId ?? null };
        this.branches.set(id, cached);
      }
      out.set(id, cached.branchId);
    }
    return out;
  }
}


/**
 * What a share's views count against: its content, or for a card share (no content) the card, keyed by its owner's
 * staff id, as the radar contract says.
 */
function contentOf(share: ShareEntity): string {
  return share.contentId ?? share.staffId;
}
