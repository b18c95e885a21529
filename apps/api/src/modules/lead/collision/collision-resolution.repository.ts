import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { CollisionResolutionEntity } from './collision-resolution.entity';

@Injectable()
export class CollisionResolutionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async byTouchIds(ids: string[]): Promise<Map<string, CollisionResolutionEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(CollisionResolutionEntity).findBy({ touchId: In(ids) });
    return new Map(rows.map((r) => [r.touchId, r]));
  }

  findForUpdate(tx: Transaction, touchId: string): Promise<CollisionResolutionEntity | null> {
    return tx.manager.getRepository(CollisionResolutionEntity).findOne({ where: { touchId }, ...tx.forUpdate });
  }

  async insert(tx: Transaction, row: CollisionResolutionEntity): Promise<void> {
    await tx.manager.getRepository(CollisionResolutionEntity).insert(row);
  }
}
