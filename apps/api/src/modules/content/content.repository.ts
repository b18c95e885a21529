import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { ContentEntity } from './content.entity';

@Injectable()
export class ContentRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ContentEntity);
  }

  findById(id: string): Promise<ContentEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Titles by content id, in one query. */
  async titlesByIds(ids: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.repo.find({ where: { id: In(unique) }, select: { id: true, title: true } });
    return new Map(rows.map((c) => [c.id, c.title]));
  }

  listPublishedNewestFirst(limit = 200): Promise<ContentEntity[]> {
    return this.repo.find({ where: { published: true }, order: { id: 'DESC' }, take: limit });
  }

  listAllNewestFirst(limit = 500): Promise<ContentEntity[]> {
    return this.repo.find({ order: { id: 'DESC' }, take: limit });
  }

  async insert(tx: Transaction, content: ContentEntity): Promise<void> {
    await tx.manager.getRepository(ContentEntity).insert(content);
  }

  async update(tx: Transaction, id: string, patch: Partial<ContentEntity>): Promise<void> {
    await tx.manager.getRepository(ContentEntity).update({ id }, patch);
  }
}
