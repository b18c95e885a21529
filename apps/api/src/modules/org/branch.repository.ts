import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { BranchEntity } from './branch.entity';

@Injectable()
export class BranchRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(BranchEntity);
  }

  findById(id: string): Promise<BranchEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<BranchEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  listAll(): Promise<BranchEntity[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  /** Renames a branch; a taken name fails on the unique index. */
  async rename(tx: Transaction, id: string, name: string): Promise<void> {
    await tx.manager.getRepository(BranchEntity).update({ id }, { name });
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.manager.getRepository(BranchEntity).delete({ id });
  }

  async insert(branch: BranchEntity, tx?: Transaction): Promise<void> {
    await (tx?.manager ?? this.dataSource.manager).getRepository(BranchEntity).insert(branch);
  }
}
