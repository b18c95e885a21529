import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { BrandSettingsEntity } from './brand-settings.entity';

export const BRAND_ROW_ID = 1;

@Injectable()
export class BrandSettingsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  find(): Promise<BrandSettingsEntity | null> {
    return this.dataSource.getRepository(BrandSettingsEntity).findOneBy({ id: BRAND_ROW_ID });
  }

  async save(tx: Transaction, row: BrandSettingsEntity): Promise<void> {
    const repo = tx.manager.getRepository(BrandSettingsEntity);
    const { id, ...rest } = row;
    const updated = await repo.update({ id }, rest);
    if (!updated.affected) await repo.insert(row);
  }
}
