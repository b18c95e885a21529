import { Inject, Injectable } from '@nestjs/common';
import type {
  ActivityItem,
  ActivityQuery,
  ActivityResponse,
  ChainDepthResponse,
  ContentPerformanceQuery,
  ContentPerformanceResponse,
  ContentStats,
  Funnel,
  LeaderboardQuery,
  LeaderboardResponse,
  MyStats,
  MyStatsQuery,
  ResharersQuery,
  ResharersResponse,
  StatsQuery,
  TrendResponse,
} from '@fenji/shared';
import { rate } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { Clock, DAY_MS } from '../../core/clock/clock';
import { AppException } from '../../core/errors/app.exception';
import { ContentService } from '../content/content.service';
import { LeadAnalyticsService } from '../lead/lead-analytics.service';
import { OrgService } from '../org/org.service';
import { chinaDay, chinaDayStart, daysBetween, MAX_DEPTH } from './china-day.util';
import { isItemId } from './analytics-cursor.util';
import { RadarRepository } from './radar.repository';
import { RadarService } from './radar.service';
import { scopeOf } from './stat-scope';
import { type StatsFilter, StatsRepository } from './stats.repository';
import { visitorLabel } from './visitor-label.util';
import { VisitorStatRepository } from './visitor-stat.repository';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/** A period and its filters, checked against the caller's scope. */
interface Period {
  filter: StatsFilter;
  from: Date;
  to: Date;
  /** The lead counts' filter (owner instead of root staff: a lead is its owner's). */
  leads: { from: Date; to: Date; ownerStaffId?: string; branchId?: string; contentId?: string };
}

/** 数据看板 and 我的: every number from the roll-ups kept as events arrive, scoped like the lead list. */
@Injectable()
export class StatsService {
  constructor(
    @Inject(StatsRepository) private readonly rollups: StatsRepository,
    @Inject(VisitorStatRepository) private readonly visitors: VisitorStatRepository,
    @Inject(RadarRepository) private readonly radar: RadarRepository,
    @Inject(RadarService) private readonly radarService: RadarService,
    @Inject(LeadAnalyticsService) private readonly leads: LeadAnalyticsService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async funnel(user: AuthUser, query: StatsQuery): Promise<Funnel> {
    const period = await this.period(user, query);
    const [sums, tail] = await Promise.all([this.rollups.sums(period.filter), this.leads.contactedAndConverted(period.leads)]);
    return { shares: sums.shares, views: sums.views, uniqueVisitors: sums.uniqueVisitors, leads: sums.leads, ...tail };
  }

  async trend(user: AuthUser, query: StatsQuery): Promise<TrendResponse> {
    const period = await this.period(user, query);
    const [rows, tail] = await Promise.all([this.rollups.grouped(period.filter, 'day'), this.leads.contactedAndConvertedByDay(period.leads)]);
    const byDay = new Map(rows.map((r) => [r.key, r]));
    return {
      points: daysBetween(period.filter.fromDay, period.filter.toDay, MAX_DAYS).map((date) => {
        const r = byDay.get(date);
        const t = tail.get(date);
        return { date, shares: r?.shares ?? 0, views: r?.views ?? 0, uniqueVisitors: r?.uniqueVisitors ?? 0, leads: r?.leads ?? 0, contacted: t?.contacted ?? 0, converted: t?.converted ?? 0 };
      }),
    };
  }

  async leaderboard(user: AuthUser, query: LeaderboardQuery): Promise<LeaderboardResponse> {
    const period = await this.period(user, query);
    const limit = query.limit ?? 10;
    const metric = query.metric ?? 'leads';
    const group = query.by === 'staff' ? 'staff' : 'branch';
    const converted = await this.leads.convertedBy(period.leads, query.by === 'staff' ? 'owner' : 'branch');
    let rows = await this.rollups.grouped(period.filter, group, metric === 'converted' ? undefined : { metric, limit });
    if (metric === 'converted') rows = rows.sort((a, b) => (converted.get(b.key) ?? 0) - (converted.get(a.key) ?? 0) || a.key.localeCompare(b.key)).slice(0, limit);
    const keys = rows.map((r) => r.key).filter(Boolean);
    const branches = new Map((await this.org.listBranches()).map((b) => [b.id, b.name]));
    const staff = query.by === 'staff' ? await Promise.all(keys.map((id) => this.org.staffById(id))) : [];
    const staffOf = new Map(staff.flatMap((s) => (s ? [[s.id, s] as const] : [])));
    return {
      items: rows.map((r, i) => {
        const person = staffOf.get(r.key);
        return {
          rank: i + 1,
          id: r.key,
          name: query.by === 'staff' ? (person?.name ?? '已删除的员工') : r.key ? (branches.get(r.key) ?? '已删除的门店') : '总部',
          branchName: query.by === 'staff' ? (person?.branchId ? (branches.get(person.branchId) ?? null) : null) : null,
          shares: r.shares,
          views: r.views,
          uniqueVisitors: r.uniqueVisitors,
          leads: r.leads,
          converted: converted.get(r.key) ?? 0,
          conversionRate: conversion(r.leads, r.uniqueVisitors),
        };
      }),
    };
  }

  async contentPerformance(user: AuthUser, query: ContentPerformanceQuery): Promise<ContentPerformanceResponse> {
    const period = await this.period(user, query);
    const limit = query.limit ?? 20;
    const sort = query.sort ?? 'leads';
    let rows = await this.rollups.grouped(period.filter, 'content', sort === 'conversion' ? undefined : { metric: sort, limit });
    if (sort === 'conversion') rows = rows.sort((a, b) => (conversion(b.leads, b.uniqueVisitors) ?? -1) - (conversion(a.leads, a.uniqueVisitors) ?? -1)).slice(0, limit);
    const contents = await Promise.all(rows.map((r) => this.contents.find(r.key)));
    return {
      items: rows.flatMap((r, i) => {
        const content = contents[i];
        if (!content) return [];
        return [{ contentId: r.key, title: content.title, kind: content.kind, shares: r.shares, views: r.views, uniqueVisitors: r.uniqueVisitors, leads: r.leads, conversionRate: conversion(r.leads, r.uniqueVisitors) }];
      }),
    };
  }

  async chainDepth(user: AuthUser, query: StatsQuery): Promise<ChainDepthResponse> {
    const period = await this.period(user, query);
    const rows = new Map((await this.rollups.grouped(period.filter, 'depth')).map((r) => [Number(r.key), r]));
    const deepest = Math.max(1, ...rows.keys());
    return {
      buckets: Array.from({ length: deepest + 1 }, (_, depth) => {
        const r = rows.get(depth);
        return { depth, orDeeper: depth === MAX_DEPTH, shares: r?.allShares ?? 0, views: r?.views ?? 0, leads: r?.leads ?? 0 };
      }),
    };
  }

  async resharers(user: AuthUser, query: ResharersQuery): Promise<ResharersResponse> {
    const period = await this.period(user, query);
    const rows = await this.visitors.topResharers({ scope: period.filter.scope, staffId: period.filter.staffId, branchId: period.filter.branchId, since: period.from, until: period.to, limit: query.limit ?? 10 });
    const lookups = await this.radarService.lookupsOf(rows.map((r) => r.visitorId));
    const referred = await this.leads.referredBy(rows.map((r) => r.visitorId));
    const names = await this.org.staffNames(rows.map((r) => r.staffId));
    return {
      items: rows.map((r, i) => {
        const leadId = lookups.leadOfVisitor.get(r.visitorId) ?? null;
        const leadName = leadId ? lookups.leadNames.get(leadId) : undefined;
        return {
          rank: i + 1,
          label: leadName ?? visitorLabel(r.visitorId),
          leadId: leadName ? leadId : null,
          staffName: names.get(r.staffId) ?? null,
          reshares: r.reshares,
          views: r.reshareVisitors,
          leads: referred.get(r.visitorId) ?? 0,
        };
      }),
    };
  }

  async activity(user: AuthUser, query: ActivityQuery): Promise<ActivityResponse> {
    if (query.after !== undefined && !isItemId(query.after)) throw AppException.badRequest('VALIDATION_FAILED', '起点无效（after）');
    const scope = scopeOf(user);
    if (!scope) return { items: [] };
    const rows = await this.radar.page({ scope, types: ['view', 'reshare', 'lead'], after: query.after, limit: query.limit ?? 20 });
    const items = await this.radarService.toItems(rows);
    const branches = new Map((await this.org.listBranches()).map((b) => [b.id, b.name]));
    const names = await this.org.staffNames(rows.map((r) => r.staffId));
    return {
      items: rows.map((r, i): ActivityItem => {
        const item = items[i]!;
        return {
          id: r.id,
          type: r.type === 'lead' ? 'lead' : r.type === 'reshare' ? 'reshare' : 'view',
          at: item.at,
          staffName: names.get(r.staffId) ?? null,
          branchName: r.branchId ? (branches.get(r.branchId) ?? null) : null,
          visitorLabel: item.visitor.label,
          leadId: item.leadId ?? null,
          contentTitle: item.content.title,
          channel: item.channel ?? null,
        };
      }),
    };
  }

  /** 我的: the caller's own numbers today / over 7 / 30 days (China time), and their place in their branch by leads. */
  async mine(user: AuthUser, query: MyStatsQuery): Promise<MyStats> {
    const now = this.clock.now();
    const toDay = chinaDay(now);
    const fromDay = chinaDay(now.getTime() - (query.days - 1) * DAY_MS);
    const from = chinaDayStart(fromDay);
    const filter: StatsFilter = { scope: { staffId: user.id }, fromDay, toDay };
    const [sums, converted] = await Promise.all([this.rollups.sums(filter), this.leads.convertedOf(user.id, from, now)]);
    let rankInBranch: number | null = null;
    let branchSize = 0;
    if (user.branchId) {
      const [colleagues, board] = await Promise.all([
        this.org.activeStaffOfBranch(user.branchId),
        this.rollups.grouped({ scope: { branchId: user.branchId }, fromDay, toDay }, 'staff'),
      ]);
      branchSize = colleagues.length;
      const active = new Set(colleagues.map((s) => s.id));
      rankInBranch = 1 + board.filter((r) => active.has(r.key) && r.key !== user.id && r.leads > sums.leads).length;
    }
    return { ...sums, converted, rankInBranch, branchSize };
  }

  /** Numbers per content for the console's content list (B3 calls it through ContentNumbersService). */
  async perContent(contentIds: string[], from?: Date, to?: Date): Promise<Map<string, ContentStats>> {
    const out = new Map<string, ContentStats>();
    if (!contentIds.length) return out;
    const now = this.clock.now();
    const filter: StatsFilter = { scope: 'all', fromDay: chinaDay(from ?? new Date(Date.UTC(2000, 0, 1))), toDay: chinaDay(to ?? now) };
    const rows = await this.rollups.groupedForContents(filter, contentIds);
    for (const id of contentIds) {
      const r = rows.get(id);
      out.set(id, { shares: r?.shares ?? 0, views: r?.views ?? 0, uniqueVisitors: r?.uniqueVisitors ?? 0, leads: r?.leads ?? 0, conversionRate: conversion(r?.leads ?? 0, r?.uniqueVisitors ?? 0) });
    }
    return out;
  }

  /** The query's period (default: the last 30 days) and filters inside the caller's scope; outside it, 404. */
  private async period(user: AuthUser, query: StatsQuery): Promise<Period> {
    const now = this.clock.now();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
    if (from.getTime() > to.getTime()) throw AppException.badRequest('VALIDATION_FAILED', '开始时间不能晚于结束时间');
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw AppException.badRequest('VALIDATION_FAILED', '统计区间最长一年');
    const scope = scopeOf(user);
    if (!scope) throw AppException.notFound('BRANCH_NOT_FOUND', '门店不存在');
    if (query.branchId && scope !== 'all' && !('branchId' in scope && scope.branchId === query.branchId)) throw AppException.notFound('BRANCH_NOT_FOUND', '门店不存在');
    if (query.staffId && scope !== 'all') {
      const staff = 'staffId' in scope ? (scope.staffId === query.staffId ? { branchId: null } : null) : await this.org.staffById(query.staffId);
      if (!staff || ('branchId' in scope && staff.branchId !== scope.branchId)) throw AppException.notFound('STAFF_NOT_FOUND', '员工不存在');
    }
    const ownerStaffId = query.staffId ?? (scope !== 'all' && 'staffId' in scope ? scope.staffId : undefined);
    const branchId = query.branchId ?? (scope !== 'all' && 'branchId' in scope ? scope.branchId : undefined);
    return {
      from,
      to,
      filter: { scope, fromDay: chinaDay(from), toDay: chinaDay(to), staffId: query.staffId, branchId: query.branchId, contentId: query.contentId },
      leads: { from, to, ownerStaffId, branchId, contentId: query.contentId },
    };
  }
}

/** leads / unique visitors, or null without visitors (and never above 1: visitor-days can undercount leads). */
function conversion(leads: number, visitors: number): number | null {
  const r = rate(leads, visitors);
  return r === null ? null : Math.min(1, r);
}
