import { Inject, Injectable } from '@nestjs/common';
import type { RadarItem, RadarListQuery, RadarListResponse, RadarVisitorListQuery, RadarVisitorListResponse } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { Clock, DAY_MS } from '../../core/clock/clock';
import { AppException } from '../../core/errors/app.exception';
import { ContentService } from '../content/content.service';
import { LeadAnalyticsService } from '../lead/lead-analytics.service';
import { OrgService } from '../org/org.service';
import { ShareService } from '../share/share.service';
import { VisitService } from '../visit/visit.service';
import { decodeKeyCursor, encodeKeyCursor, isItemId } from './analytics-cursor.util';
import type { RadarItemEntity } from './radar-item.entity';
import { type RadarLookups, toRadarItem, toRadarVisitor } from './radar.mapper';
import { RadarRepository } from './radar.repository';
import { scopeOf } from './stat-scope';
import { VisitorStatRepository } from './visitor-stat.repository';

const PAGE = 20;

/** True when an item of `staffId`'s share in `branchId` is in the user's scope (the live fan-out's filter). */
export function inRadarScope(user: AuthUser, owner: { staffId: string; branchId: string | null }): boolean {
  const scope = scopeOf(user);
  if (scope === null) return false;
  if (scope === 'all') return true;
  return 'staffId' in scope ? scope.staffId === owner.staffId : scope.branchId === owner.branchId;
}

const invalidCursor = () => AppException.badRequest('VALIDATION_FAILED', '分页游标无效（cursor）');

/** 客户雷达: the feed and the visitors with their heat, read from what analytics keeps as events arrive. */
@Injectable()
export class RadarService {
  constructor(
    @Inject(RadarRepository) private readonly radar: RadarRepository,
    @Inject(VisitorStatRepository) private readonly stats: VisitorStatRepository,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(LeadAnalyticsService) private readonly leads: LeadAnalyticsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(OrgService) private readonly org: OrgService,
  ) {}

  async list(user: AuthUser, query: RadarListQuery): Promise<RadarListResponse> {
    const limit = query.limit ?? PAGE;
    let before: string | undefined;
    if (query.cursor) {
      const cursor = decodeKeyCursor(query.cursor);
      if (!cursor) throw invalidCursor();
      before = cursor.id;
    }
    if (query.after !== undefined && !isItemId(query.after)) throw AppException.badRequest('VALIDATION_FAILED', '起点无效（after）');
    const scope = scopeOf(user);
    if (!scope) return { items: [], nextCursor: null };
    const rows = await this.radar.page({ scope, type: query.type, before, after: query.after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.toItems(page), nextCursor: rows.length > limit && last ? encodeKeyCursor(0, last.id) : null };
  }

  async visitors(user: AuthUser, query: RadarVisitorListQuery): Promise<RadarVisitorListResponse> {
    const limit = query.limit ?? PAGE;
    const sort = query.sort ?? 'heat';
    const after = query.cursor ? (decodeKeyCursor(query.cursor) ?? undefined) : undefined;
    if (query.cursor && !after) throw invalidCursor();
    const scope = scopeOf(user);
    if (!scope) return { items: [], nextCursor: null };
    const now = this.clock.now();
    const since = new Date(now.getTime() - (query.days ?? 30) * DAY_MS);
    const rows = await this.stats.page({ scope, sort, since, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const lookups = await this.lookups(
      page.map((r) => r.visitorId),
      page.map((r) => r.lastContentId),
      [],
    );
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeKeyCursor(sort === 'heat' ? last.heatRank : last.lastSeenAt.getTime(), last.id) : null;
    return { items: page.map((r) => toRadarVisitor(r, lookups, now)), nextCursor };
  }

  /** Radar rows as the API shows them: titles, channels, and each visitor's label (the lead's name once known). */
  async toItems(rows: RadarItemEntity[]): Promise<RadarItem[]> {
    if (!rows.length) return [];
    const lookups = await this.lookups(
      rows.flatMap((r) => (r.viaVisitorId ? [r.visitorId, r.viaVisitorId] : [r.visitorId])),
      rows.map((r) => r.contentId),
      rows.map((r) => r.shareId),
      rows.flatMap((r) => (r.leadId ? [r.leadId] : [])),
    );
    const items = rows.map((r) => toRadarItem(r, lookups));
    // A re-share line says how many new visitors it has brought so far, not at the moment of sharing.
    const reshares = rows.filter((r) => r.type === 'reshare');
    if (reshares.length) {
      const stats = await this.stats.find([...new Set(reshares.map((r) => r.staffId))], [...new Set(reshares.map((r) => r.visitorId))]);
      const brought = new Map(stats.map((s) => [`${s.staffId}|${s.visitorId}`, s.reshareVisitors]));
      rows.forEach((r, i) => {
        const n = r.type === 'reshare' ? brought.get(`${r.staffId}|${r.visitorId}`) : undefined;
        if (n !== undefined) items[i]!.reshareVisitors = n;
      });
    }
    return items;
  }

  /** Who each visitor became (lead ids and names), for lists that label visitors. */
  lookupsOf(visitorIds: string[]): Promise<RadarLookups> {
    return this.lookups(visitorIds, [], []);
  }

  private async lookups(visitorIds: string[], contentIds: string[], shareIds: string[], leadIds: string[] = []): Promise<RadarLookups> {
    const [titles, shares, leadOfVisitor] = await Promise.all([
      this.contents.titlesByIds(new Set(contentIds)),
      this.shares.findByIds([...new Set(shareIds)]),
      this.visits.leadsOfVisitors([...new Set(visitorIds)]),
    ]);
    const leadNames = await this.leads.namesOf([...leadIds, ...leadOfVisitor.values()]);
    // A card share's "content" is the card, keyed by its owner's staff id (the radar contract): 王芳的名片.
    const cardOwners = await this.org.staffSummaries(contentIds.filter((id) => !titles.has(id)));
    for (const [id, staff] of cardOwners) titles.set(id, `${staff.name}的名片`);
    return { titles, shares: new Map(shares.map((s) => [s.id, { code: s.code, channel: s.channel, card: s.contentId === null }])), leadOfVisitor, leadNames };
  }
}
