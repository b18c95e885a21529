import { Inject, Injectable } from '@nestjs/common';
import type { RadarItemType } from '@fenji/shared';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { RadarItemEntity } from './radar-item.entity';
import { type StatScope, whereInScope } from './stat-scope';

export interface RadarPageFilter {
  scope: StatScope;
  type?: RadarItemType;
  /** Only these types (the console's activity strip). */
  types?: RadarItemType[];
  /** Older than this id (a page further down). */
  before?: string;
  /** Newer than this id (catch-up after a gap). */
  after?: string;
  limit: number;
}

/** The `radar_items` table: the radar feed, newest first by id. */
@Injectable()
export class RadarRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(tx: Transaction, items: RadarItemEntity[]): Promise<void> {
    for (let i = 0; i < items.length; i += 100) await tx.manager.getRepository(RadarItemEntity).insert(items.slice(i, i + 100));
  }

  page(filter: RadarPageFilter): Promise<RadarItemEntity[]> {
    const qb = this.dataSource.getRepository(RadarItemEntity).createQueryBuilder('r');
    whereInScope(qb, 'r', filter.scope);
    if (filter.type) qb.andWhere('r.type = :type', { type: filter.type });
    if (filter.types) qb.andWhere('r.type IN (:...types)', { types: filter.types });
    if (filter.before) qb.andWhere('r.id < :before', { before: filter.before });
    if (filter.after) qb.andWhere('r.id > :after', { after: filter.after });
    return qb.orderBy('r.id', 'DESC').limit(filter.limit).getMany();
  }
}
