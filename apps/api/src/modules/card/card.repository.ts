import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { StaffCardEntity } from './card.entity';

@Injectable()
export class CardRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findByStaffId(staffId: string): Promise<StaffCardEntity | null> {
    return this.dataSource.getRepository(StaffCardEntity).findOneBy({ staffId });
  }

  /** Insert or replace the member's card. */
  async save(tx: Transaction, card: StaffCardEntity): Promise<void> {
    const repo = tx.manager.getRepository(StaffCardEntity);
    const { staffId, ...rest } = card;
    const updated = await repo.update({ staffId }, rest);
    if (!updated.affected) await repo.insert(card);
  }
}
