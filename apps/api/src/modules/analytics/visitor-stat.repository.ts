import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { type StatScope, whereInScope } from './stat-scope';
import { VisitorStatEntity } from './visitor-stat.entity';


export interface VisitorPageFilter {
  scope: StatScope;
  sort: 'heat' | 'recent';
  since: Date;
  /** Keyset: the last row of the previous page. */
  after?: { key: number; id: string };
  limit: number;
}

/** The `visitor_stats` table: one row per (staff member, visitor). */
@Injectable()
export class VisitorStatRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The rows of these visitors among these staff members' visitors, locked for the rest of the unit. */
  findForUpdate(tx: Transaction, staffIds: string[], visitorIds: string[]): Promise<VisitorStatEntity[]> {
    if (!staffIds.length || !visitorIds.length) return Promise.resolve([]);
    return tx.manager.getRepository(VisitorStatEntity).find({ where: { visitorId: In(visitorIds), staffId: In(staffIds) }, ...tx.forUpdate });
  }

  /** The rows of these visitors among these staff members' visitors (no lock: for reading). */
  find(staffIds: string[], visitorIds: string[]): Promise<VisitorStatEntity[]> {
    if (!staffIds.length || !visitorIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(VisitorStatEntity).find({ where: { visitorId: In(visitorIds), staffId: In(staffIds) } });
  }

  async insert(tx: Transaction, rows: VisitorStatEntity[]): Promise<void> {
    if (rows.length) await tx.manager.getRepository(VisitorStatEntity).insert(rows);
  }

  async update(tx: Transaction, row: VisitorStatEntity): Promise<void> {
    const { id, staffId: _staff, visitorId: _visitor, firstSeenAt: _first, ...rest } = row;
    await tx.manager.getRepository(VisitorStatEntity).update({ id }, rest);
  }

  /** A page of visitors, hottest (by today's heat) or most recent first, keyset on (sort key, id). */
  page(filter: VisitorPageFilter): Promise<VisitorStatEntity[]> {
    const qb = this.dataSource.getRepository(VisitorStatEntity).createQueryBuilder('v');
    whereInScope(qb, 'v', filter.scope);
    qb.andWhere('v.last_seen_at >= :since', { since: filter.since });
    const column = filter.sort === 'heat' ? 'v.heat_rank' : 'v.last_seen_at';
    if (filter.after) {
      const key = filter.sort === 'heat' ? filter.after.key : new Date(filter.after.key);
      qb.andWhere(new Brackets((w) => w.where(`${column} < :key`, { key }).orWhere(`(${column} = :key AND v.id < :id)`, { key, id: filter.after!.id })));
    }
    return qb.orderBy(column, 'DESC').addOrderBy('v.id', 'DESC').limit(filter.limit).getMany();
  }

  /** Visitors whose re-shares brought the most new visitors, seen in [since, until]. */
  topResharers(filter: { scope: StatScope; staffId?: string; branchId?: string; since: Date; until: Date; limit: number }): Promise<VisitorStatEntity[]> {
    const qb = this.dataSource.getRepository(VisitorStatEntity).createQueryBuilder('v');
    whereInScope(qb, 'v', filter.scope);
    qb.andWhere('v.reshares > 0 AND v.last_seen_at >= :since AND v.last_seen_at <= :until', { since: filter.since, until: filter.until });
    if (filter.staffId) qb.andWhere('v.staff_id = :staffId', { staffId: filter.staffId });
    if (filter.branchId) qb.andWhere('v.branch_id = :branchId', { branchId: filter.branchId });
    return qb.orderBy('v.reshare_visitors', 'DESC').addOrderBy('v.reshares', 'DESC').addOrderBy('v.id', 'ASC').limit(filter.limit).getMany();
  }
}
