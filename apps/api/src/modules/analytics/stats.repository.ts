import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { type Transaction, TransactionConflict } from '../../core/database/transaction.runner';
import { StatsDailyDimEntity, StatsDailyEntity, StatsVisitorDayEntity } from './stats-daily.entity';
import { type StatScope, whereInScope } from './stat-scope';

/** One roll-up row's key and what to add to it. */
export interface StatsDelta {
  day: string;
  staffId: string;
  contentId: string;
  depth: number;
  branchId: string | null;
  shares?: number;
  views?: number;
  uniqueVisitors?: number;
  reshares?: number;
  leads?: number;
}

export interface StatsFilter {
  scope: StatScope;
  fromDay: string;
  toDay: string;
  staffId?: string;
  branchId?: string;
  contentId?: string;
}

export interface StatsSums {
  /** Staff members' own shares (depth 0). */
  shares: number;
  views: number;
  uniqueVisitors: number;
  leads: number;
}

export type StatsGroup = 'day' | 'staff' | 'branch' | 'content' | 'depth';

const COUNTERS = ['shares', 'views', 'uniqueVisitors', 'reshares', 'leads'] as const;
const COLUMN = { shares: 'shares', allShares: 'all_shares', views: 'views', uniqueVisitors: 'unique_visitors', reshares: 'reshares', leads: 'leads' } as const;
const GROUP_COLUMN = { day: 's.day', staff: 's.staff_id', branch: 's.branch_id', content: 's.content_id', depth: 's.depth' } as const;

/** HQ's view of the whole organisation, without a filter: read along one dimension. */
const wide = (f: StatsFilter) => f.scope === 'all' && !f.staffId && !f.branchId && !f.contentId;

const keyOf = (d: Pick<StatsDelta, 'day' | 'staffId' | 'contentId' | 'depth'>) => `${d.day}|${d.staffId}|${d.contentId}|${d.depth}`;

/** `stats_daily` and `stats_visitor_days`: counters added to as things happen, summed per period when read. */
@Injectable()
export class StatsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Adds the deltas (merged per row) in the caller's unit, to `stats_daily` and along each dimension to
   * `stats_daily_dims`: an atomic increment, or the row's first insert.
   */
  async add(tx: Transaction, deltas: StatsDelta[]): Promise<void> {
    const rows = new Map<string, { key: Record<string, string | number | null>; where: Record<string, string | number>; counts: Record<string, number> }>();
    const dims = new Map<string, { key: Record<string, string>; where: Record<string, string>; counts: Record<string, number> }>();
    const addTo = <K>(map: Map<string, { key: K; where: Record<string, string | number>; counts: Record<string, number> }>, id: string, key: K, where: Record<string, string | number>, counts: Record<string, number>) => {
      const row = map.get(id) ?? { key, where, counts: {} };
      for (const [c, n] of Object.entries(counts)) if (n) row.counts[c] = (row.counts[c] ?? 0) + n;
      map.set(id, row);
    };
    for (const d of deltas) {
      const counts = Object.fromEntries(COUNTERS.map((c) => [c, d[c] ?? 0]));
      addTo(rows, keyOf(d), { day: d.day, staffId: d.staffId, contentId: d.contentId, depth: d.depth, branchId: d.branchId }, { day: d.day, staff_id: d.staffId, content_id: d.contentId, depth: d.depth }, counts);
      const dimCounts = { ...counts, shares: d.depth === 0 ? (d.shares ?? 0) : 0, allShares: d.shares ?? 0 };
      for (const [dim, value] of [['all', ''], ['branch', d.branchId ?? ''], ['staff', d.staffId], ['content', d.contentId], ['depth', String(d.depth)]] as const) {
        addTo(dims, `${d.day}|${dim}|${value}`, { day: d.day, dim, dimValue: value }, { day: d.day, dim, dim_value: value }, dimCounts);
      }
    }
    for (const row of rows.values()) await this.bump(tx, StatsDailyEntity, row);
    for (const row of dims.values()) await this.bump(tx, StatsDailyDimEntity, row);
  }

  private async bump(tx: Transaction, entity: typeof StatsDailyEntity | typeof StatsDailyDimEntity, row: { key: object; where: Record<string, unknown>; counts: Record<string, number> }): Promise<void> {
    const sets = Object.entries(row.counts).filter(([, n]) => n);
    if (!sets.length) return;
    const repo = tx.manager.getRepository<object>(entity);
    const result = await repo
      .createQueryBuilder()
      .update(entity)
      .set(Object.fromEntries(sets.map(([c, n]) => [c, () => `${COLUMN[c as keyof typeof COLUMN]} + ${Math.trunc(n)}`])))
      .where(Object.keys(row.where).map((k) => `${k} = :${k}`).join(' AND '), row.where)
      .execute();
    if (result.affected) return;
    try {
      await repo.insert({ ...row.key, ...Object.fromEntries(sets) });
    } catch (error) {
      // Another process made the row first: run the unit again, the update will find it.
      if (isUniqueViolation(error)) throw new TransactionConflict('a new stats row');
      throw error;
    }
  }

  /** Of these visitor-days, the ones not seen before, now recorded (each counts once in `unique_visitors`). */
  async firstVisitorDays(tx: Transaction, days: StatsVisitorDayEntity[]): Promise<StatsVisitorDayEntity[]> {
    const unique = new Map(days.map((d) => [`${d.day}|${d.staffId}|${d.contentId}|${d.visitorId}`, d]));
    if (!unique.size) return [];
    const all = [...unique.values()];
    const repo = tx.manager.getRepository(StatsVisitorDayEntity);
    const seen = new Set<string>();
    for (let i = 0; i < all.length; i += 200) {
      const chunk = all.slice(i, i + 200);
      const rows = await repo
        .createQueryBuilder('d')
        .where('d.day IN (:...days) AND d.visitor_id IN (:...visitors)', { days: [...new Set(chunk.map((d) => d.day))], visitors: [...new Set(chunk.map((d) => d.visitorId))] })
        .getMany();
      for (const r of rows) seen.add(`${r.day}|${r.staffId}|${r.contentId}|${r.visitorId}`);
    }
    const fresh = all.filter((d) => !seen.has(`${d.day}|${d.staffId}|${d.contentId}|${d.visitorId}`));
    try {
      for (let i = 0; i < fresh.length; i += 200) await repo.insert(fresh.slice(i, i + 200));
    } catch (error) {
      if (isUniqueViolation(error)) throw new TransactionConflict('a visitor-day seen by another process');
      throw error;
    }
    return fresh;
  }

  async sums(filter: StatsFilter): Promise<StatsSums> {
    if (wide(filter)) {
      const [row] = await this.groupedDims(filter, 'all');
      return { shares: row?.shares ?? 0, views: row?.views ?? 0, uniqueVisitors: row?.uniqueVisitors ?? 0, leads: row?.leads ?? 0 };
    }
    const row = await this.filtered(filter)
      .select('SUM(CASE WHEN s.depth = 0 THEN s.shares ELSE 0 END)', 'shares')
      .addSelect('SUM(s.views)', 'views')
      .addSelect('SUM(s.unique_visitors)', 'uniqueVisitors')
      .addSelect('SUM(s.leads)', 'leads')
      .getRawOne<Record<string, string | number | null>>();
    return { shares: Number(row?.shares ?? 0), views: Number(row?.views ?? 0), uniqueVisitors: Number(row?.uniqueVisitors ?? 0), leads: Number(row?.leads ?? 0) };
  }

  /** Sums per group (day, staff, branch, content or depth), ordered by `orderBy` when given. */
  async grouped(filter: StatsFilter, group: StatsGroup, orderBy?: { metric: keyof StatsSums | 'reshares'; limit: number }): Promise<(StatsSums & { key: string; reshares: number; allShares: number })[]> {
    if (wide(filter)) return this.groupedDims(filter, group, orderBy);
    const column = GROUP_COLUMN[group];
    const qb = this.filtered(filter)
      .select(column, 'key')
      .addSelect('SUM(CASE WHEN s.depth = 0 THEN s.shares ELSE 0 END)', 'shares')
      .addSelect('SUM(s.shares)', 'allShares')
      .addSelect('SUM(s.views)', 'views')
      .addSelect('SUM(s.unique_visitors)', 'uniqueVisitors')
      .addSelect('SUM(s.leads)', 'leads')
      .addSelect('SUM(s.reshares)', 'reshares')
      .groupBy(column);
    if (orderBy) qb.orderBy(`SUM(${orderBy.metric === 'shares' ? 'CASE WHEN s.depth = 0 THEN s.shares ELSE 0 END' : `s.${COLUMN[orderBy.metric]}`})`, 'DESC').addOrderBy(column, 'ASC').limit(orderBy.limit);
    const rows = await qb.getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({
      key: String(r.key ?? ''),
      shares: Number(r.shares ?? 0),
      allShares: Number(r.allShares ?? 0),
      views: Number(r.views ?? 0),
      uniqueVisitors: Number(r.uniqueVisitors ?? 0),
      leads: Number(r.leads ?? 0),
      reshares: Number(r.reshares ?? 0),
    }));
  }

  /** Sums per content for these contents only (the content list's numbers). */
  async groupedForContents(filter: StatsFilter, contentIds: string[]): Promise<Map<string, StatsSums>> {
    const rows = await this.filtered(filter)
      .andWhere('s.content_id IN (:...contentIds)', { contentIds })
      .select('s.content_id', 'key')
      .addSelect('SUM(CASE WHEN s.depth = 0 THEN s.shares ELSE 0 END)', 'shares')
      .addSelect('SUM(s.views)', 'views')
      .addSelect('SUM(s.unique_visitors)', 'uniqueVisitors')
      .addSelect('SUM(s.leads)', 'leads')
      .groupBy('s.content_id')
      .getRawMany<Record<string, string | number | null>>();
    return new Map(rows.map((r) => [String(r.key), { shares: Number(r.shares ?? 0), views: Number(r.views ?? 0), uniqueVisitors: Number(r.uniqueVisitors ?? 0), leads: Number(r.leads ?? 0) }]));
  }

  /** HQ's organisation-wide numbers from `stats_daily_dims`: one dimension's rows of the period. */
  private async groupedDims(filter: StatsFilter, group: StatsGroup | 'all', orderBy?: { metric: keyof StatsSums | 'reshares'; limit: number }): Promise<(StatsSums & { key: string; reshares: number; allShares: number })[]> {
    const dim = group === 'day' ? 'all' : group;
    const column = group === 'day' ? 'd.day' : 'd.dim_value';
    const qb = this.dataSource
      .getRepository(StatsDailyDimEntity)
      .createQueryBuilder('d')
      .select(column, 'key')
      .addSelect('SUM(d.shares)', 'shares')
      .addSelect('SUM(d.all_shares)', 'allShares')
      .addSelect('SUM(d.views)', 'views')
      .addSelect('SUM(d.unique_visitors)', 'uniqueVisitors')
      .addSelect('SUM(d.leads)', 'leads')
      .addSelect('SUM(d.reshares)', 'reshares')
      .where('d.dim = :dim AND d.day >= :fromDay AND d.day <= :toDay', { dim, fromDay: filter.fromDay, toDay: filter.toDay })
      .groupBy(column);
    if (orderBy) qb.orderBy(`SUM(d.${COLUMN[orderBy.metric]})`, 'DESC').addOrderBy(column, 'ASC').limit(orderBy.limit);
    const rows = await qb.getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({
      key: group === 'branch' && r.key === '' ? '' : String(r.key ?? ''),
      shares: Number(r.shares ?? 0),
      allShares: Number(r.allShares ?? 0),
      views: Number(r.views ?? 0),
      uniqueVisitors: Number(r.uniqueVisitors ?? 0),
      leads: Number(r.leads ?? 0),
      reshares: Number(r.reshares ?? 0),
    }));
  }

  private filtered(filter: StatsFilter): SelectQueryBuilder<StatsDailyEntity> {
    const qb = this.dataSource.getRepository(StatsDailyEntity).createQueryBuilder('s');
    whereInScope(qb, 's', filter.scope);
    qb.andWhere('s.day >= :fromDay AND s.day <= :toDay', { fromDay: filter.fromDay, toDay: filter.toDay });
    if (filter.staffId) qb.andWhere('s.staff_id = :staffId', { staffId: filter.staffId });
    if (filter.branchId) qb.andWhere('s.branch_id = :branchId', { branchId: filter.branchId });
    if (filter.contentId) qb.andWhere('s.content_id = :contentId', { contentId: filter.contentId });
    return qb;
  }
}
