import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { ContentKind, ContentStatus } from '@fenji/shared';
import type { Transaction } from '../../core/database/transaction.runner';
import { ContentEntity } from './content.entity';

export interface ContentAdminFilter {
  status?: ContentStatus;
  kind?: ContentKind;
  categoryId?: string;
  q?: string;
}

/** LIKE with `!` as the escape character (the same on MariaDB and SQLite). */
const likeEscape = (s: string) => s.replace(/[!%_]/g, (c) => `!${c}`);

@Injectable()
export class ContentRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ContentEntity);
  }

  findById(id: string): Promise<ContentEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<ContentEntity[]> {
    return ids.length ? this.repo.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
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

  /** One page of HQ's list by `column` descending, after the keyset `after` (value, id). */
  adminPage(filter: ContentAdminFilter, column: 'updatedAt' | 'publishedAt', after: { at: Date; id: string } | null, take: number): Promise<ContentEntity[]> {
    const sql = `c.${column}`;
    const qb = this.filtered(filter);
    if (column === 'publishedAt') qb.andWhere('c.publishedAt IS NOT NULL');
    if (after) qb.andWhere(new Brackets((w) => w.where(`${sql} < :at`, { at: after.at }).orWhere(`${sql} = :at AND c.id < :id`, { at: after.at, id: after.id })));
    return qb.orderBy(sql, 'DESC').addOrderBy('c.id', 'DESC').take(take).getMany();
  }

  adminAll(filter: ContentAdminFilter, cap = 5000): Promise<ContentEntity[]> {
    return this.filtered(filter).orderBy('c.id', 'DESC').take(cap).getMany();
  }

  adminCount(filter: ContentAdminFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter: ContentAdminFilter): SelectQueryBuilder<ContentEntity> {
    const qb = this.repo.createQueryBuilder('c');
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.categoryId) qb.andWhere('c.categoryId = :categoryId', { categoryId: filter.categoryId });
    if (filter.q) {
      const like = `%${likeEscape(filter.q)}%`;
      qb.andWhere(new Brackets((w) => w.where("c.title LIKE :like ESCAPE '!'", { like }).orWhere("c.summary LIKE :like ESCAPE '!'", { like })));
    }
    return qb;
  }
}
