import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { ContentEntity } from '../content.entity';
import { ContentCategoryEntity } from './content-category.entity';

@Injectable()
export class ContentCategoryRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ContentCategoryEntity);
  }

  findById(id: string): Promise<ContentCategoryEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Every category with how many contents it holds, by name. */
  async listWithCounts(): Promise<Array<ContentCategoryEntity & { contentCount: number }>> {
    const [categories, counts] = await Promise.all([
      this.repo.find({ order: { name: 'ASC' } }),
      this.dataSource
        .getRepository(ContentEntity)
        .createQueryBuilder('c')
        .select('c.category_id', 'categoryId')
        .addSelect('COUNT(*)', 'n')
        .where('c.category_id IS NOT NULL')
        .groupBy('c.category_id')
        .getRawMany<{ categoryId: string; n: string | number }>(),
    ]);
    const byId = new Map(counts.map((r) => [r.categoryId, Number(r.n)]));
    return categories.map((c) => ({ ...c, contentCount: byId.get(c.id) ?? 0 }));
  }

  async insert(tx: Transaction, category: ContentCategoryEntity): Promise<void> {
    await tx.manager.getRepository(ContentCategoryEntity).insert(category);
  }

  async rename(tx: Transaction, id: string, name: string): Promise<void> {
    await tx.manager.getRepository(ContentCategoryEntity).update({ id }, { name });
  }

  /** Deletes the category; its contents become uncategorised. */
  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.manager.getRepository(ContentEntity).update({ categoryId: id }, { categoryId: null });
    await tx.manager.getRepository(ContentCategoryEntity).delete({ id });
  }
}
