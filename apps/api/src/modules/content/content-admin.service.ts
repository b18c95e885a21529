import { Inject, Injectable } from '@nestjs/common';
import type { ContentAdminListQuery, ContentAdminListResponse, ContentCategory, ContentStats, SaveContentCategoryRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { newId } from '../../core/database/id.util';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { ContentCategoryRepository } from './category/content-category.repository';
import type { ContentEntity } from './content.entity';
import { ContentNumbers, ZERO_CONTENT_STATS } from './content-numbers.port';
import { ContentRepository } from './content.repository';

const PAGE = 20;
const categoryNotFound = () => AppException.notFound('CONTENT_CATEGORY_NOT_FOUND', '分类不存在');
const nameTaken = () => AppException.conflict('CATEGORY_NAME_TAKEN', '已有同名分类');

/** Cursors are opaque to clients: base64url of the sort value and id (or the offset, for the number sorts). */
const encode = (value: unknown[]) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decode(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v)) return v;
  } catch {
    // fall through
  }
  throw AppException.badRequest('VALIDATION_FAILED', '翻页参数不正确');
}

/** HQ's content library: the list with its numbers, and the categories. */
@Injectable()
export class ContentAdminService {
  constructor(
    @Inject(ContentRepository) private readonly contents: ContentRepository,
    @Inject(ContentCategoryRepository) private readonly categories: ContentCategoryRepository,
    @Inject(ContentNumbers) private readonly numbers: ContentNumbers,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async list(query: ContentAdminListQuery): Promise<ContentAdminListResponse> {
    const limit = query.limit ?? PAGE;
    const sort = query.sort ?? 'updated_desc';
    const filter = { status: query.status, kind: query.kind, categoryId: query.categoryId, q: query.q };
    let rows: ContentEntity[];
    let nextCursor: string | null = null;
    let stats: Map<string, ContentStats>;
    if (sort === 'updated_desc' || sort === 'published_desc') {
      const after = decode(query.cursor);
      const column = sort === 'updated_desc' ? 'updatedAt' : 'publishedAt';
      const page = await this.contents.adminPage(filter, column, after ? { at: new Date(String(after[0])), id: String(after[1]) } : null, limit + 1);
      rows = page.slice(0, limit);
      const last = rows[rows.length - 1];
      if (page.length > limit && last) nextCursor = encode([(last[column] ?? new Date(0)).toISOString(), last.id]);
      stats = await this.numbers.forContents(rows.map((r) => r.id));
    } else {
      // By a number: the library is small (hundreds of contents), so every match is ranked by its number.
      const offset = Number(decode(query.cursor)?.[0] ?? 0);
      if (!Number.isInteger(offset) || offset < 0) throw AppException.badRequest('VALIDATION_FAILED', '翻页参数不正确');
      const all = await this.contents.adminAll(filter);
      stats = await this.numbers.forContents(all.map((r) => r.id));
      const key = sort === 'leads_desc' ? 'leads' : 'views';
      all.sort((a, b) => (stats.get(b.id)?.[key] ?? 0) - (stats.get(a.id)?.[key] ?? 0) || (a.id < b.id ? 1 : -1));
      rows = all.slice(offset, offset + limit);
      if (offset + limit < all.length) nextCursor = encode([offset + limit]);
    }
    const names = new Map((await this.categories.listWithCounts()).map((c) => [c.id, c.name]));
    return {
      items: rows.map((c) => ({
        id: c.id,
        kind: c.kind,
        title: c.title,
        summary: c.summary,
        coverUrl: c.coverUrl,
        status: c.status,
        categoryId: c.categoryId,
        categoryName: c.categoryId ? (names.get(c.categoryId) ?? null) : null,
        publishedAt: c.publishedAt?.toISOString() ?? null,
        updatedAt: c.updatedAt.toISOString(),
        stats: stats.get(c.id) ?? ZERO_CONTENT_STATS,
      })),
      nextCursor,
      total: { count: await this.contents.adminCount(filter), exact: true },
    };
  }

  async listCategories(): Promise<ContentCategory[]> {
    return (await this.categories.listWithCounts()).map((c) => ({ id: c.id, name: c.name, contentCount: c.contentCount }));
  }

  async createCategory(actor: AuthUser, dto: SaveContentCategoryRequest, ip: string): Promise<ContentCategory> {
    const category = { id: newId(), name: dto.name, createdAt: new Date() };
    await this.write(() =>
      this.transactions.run(async (tx) => {
        await this.categories.insert(tx, category);
        await this.audit.record({ actorStaffId: actor.id, action: 'content_category.create', targetType: 'content_category', targetId: category.id, detail: { name: dto.name }, ip }, tx);
      }),
    );
    return { id: category.id, name: category.name, contentCount: 0 };
  }

  async renameCategory(actor: AuthUser, id: string, dto: SaveContentCategoryRequest, ip: string): Promise<ContentCategory> {
    const current = (await this.categories.listWithCounts()).find((c) => c.id === id);
    if (!current) throw categoryNotFound();
    await this.write(() =>
      this.transactions.run(async (tx) => {
        await this.categories.rename(tx, id, dto.name);
        await this.audit.record({ actorStaffId: actor.id, action: 'content_category.rename', targetType: 'content_category', targetId: id, detail: { from: current.name, to: dto.name }, ip }, tx);
      }),
    );
    return { id, name: dto.name, contentCount: current.contentCount };
  }

  async deleteCategory(actor: AuthUser, id: string, ip: string): Promise<void> {
    const current = await this.categories.findById(id);
    if (!current) throw categoryNotFound();
    await this.transactions.run(async (tx) => {
      await this.categories.delete(tx, id);
      await this.audit.record({ actorStaffId: actor.id, action: 'content_category.delete', targetType: 'content_category', targetId: id, detail: { name: current.name }, ip }, tx);
    });
  }

  private async write(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }
}
