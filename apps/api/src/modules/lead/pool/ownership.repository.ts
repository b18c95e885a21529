import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { isUniqueViolation } from '../../../core/database/db-errors.util';
import type { Transaction } from '../../../core/database/transaction.runner';
import { OwnershipChangeEntity } from './ownership-change.entity';

/** The `lead_ownership_changes` table: every change of a lead's owner, numbered per lead. */
@Injectable()
export class OwnershipRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Writes a change; false when another change already took that seq. */
  async insert(tx: Transaction, change: OwnershipChangeEntity): Promise<boolean> {
    try {
      await tx.manager.getRepository(OwnershipChangeEntity).insert(change);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  latest(tx: Transaction, leadId: string): Promise<OwnershipChangeEntity | null> {
    return tx.manager.getRepository(OwnershipChangeEntity).findOne({ where: { leadId }, order: { seq: 'DESC' } });
  }

  changesOf(leadId: string): Promise<OwnershipChangeEntity[]> {
    return this.dataSource.getRepository(OwnershipChangeEntity).find({ where: { leadId }, order: { id: 'ASC' } });
  }

  /** Leads a staff member took from the public pool (claims and touches through their own share) since `sinceId`. */
  countTakenFromPool(tx: Transaction, staffId: string, sinceId: string): Promise<number> {
    return tx.manager.getRepository(OwnershipChangeEntity).countBy({ toStaffId: staffId, rule: In(['claimed', 'public_touch']), id: MoreThanOrEqual(sinceId) });
  }
}
