import { Inject, Injectable } from '@nestjs/common';
import type { SubscribeTopic } from '@fenji/shared';
import { DataSource, MoreThan } from 'typeorm';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { type Transaction, TransactionConflict } from '../../core/database/transaction.runner';
import { SubscriptionQuotaEntity } from './subscription-quota.entity';

/** The `subscription_quotas` table: our count of each staff member's remaining subscribe messages per topic. */
@Injectable()
export class SubscriptionQuotaRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async ofStaff(staffId: string): Promise<Map<SubscribeTopic, number>> {
    const rows = await this.dataSource.getRepository(SubscriptionQuotaEntity).findBy({ staffId });
    return new Map(rows.map((r) => [r.topic, r.remaining]));
  }

  /** Adds one to each topic (at most `max` in all), in the caller's unit. */
  async addOne(tx: Transaction, staffId: string, topics: SubscribeTopic[], max: number, now: Date): Promise<void> {
    const repo = tx.manager.getRepository(SubscriptionQuotaEntity);
    for (const topic of topics) {
      const row = await repo.findOne({ where: { staffId, topic }, ...tx.forUpdate });
      if (row) {
        await repo.update({ staffId, topic }, { remaining: Math.min(max, row.remaining + 1), updatedAt: now });
        continue;
      }
      try {
        await repo.insert({ staffId, topic, remaining: 1, updatedAt: now });
      } catch (error) {
        if (isUniqueViolation(error)) throw new TransactionConflict('a new subscription quota');
        throw error;
      }
    }
  }

  /** Takes one message from the quota if one is left; false when none is. */
  async takeOne(staffId: string, topic: SubscribeTopic, now: Date): Promise<boolean> {
    const repo = this.dataSource.getRepository(SubscriptionQuotaEntity);
    const result = await repo
      .createQueryBuilder()
      .update(SubscriptionQuotaEntity)
      .set({ remaining: () => 'remaining - 1', updatedAt: now })
      .where({ staffId, topic, remaining: MoreThan(0) })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** WeChat said the user has none left (43101): our count follows. */
  async zero(staffId: string, topic: SubscribeTopic, now: Date): Promise<void> {
    await this.dataSource.getRepository(SubscriptionQuotaEntity).update({ staffId, topic }, { remaining: 0, updatedAt: now });
  }
}
