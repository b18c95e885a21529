import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { PoolSettingsEntity } from './pool-settings.entity';

/** The `pool_settings` table: one row, HQ's rules. */
@Injectable()
export class PoolSettingsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  find(id: string, tx?: Transaction): Promise<PoolSettingsEntity | null> {
    return (tx?.manager ?? this.dataSource.manager).getRepository(PoolSettingsEntity).findOneBy({ id });
  }

  async save(tx: Transaction, row: PoolSettingsEntity): Promise<void> {
    await tx.manager.getRepository(PoolSettingsEntity).upsert(row, ['id']);
  }
}
