import { Inject, Injectable } from '@nestjs/common';
import type { Content, ContentAdmin, ContentDraft, ContentStatus, UpdateContentDraft } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { newId } from '../../core/database/id.util';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { ContentEvents } from './content-events';
import type { ContentEntity } from './content.entity';
import { bodyOfBlocks, toContent, toContentAdmin } from './content.mapper';
import { ContentRepository } from './content.repository';
import { ContentCategoryRepository } from './category/content-category.repository';

const notFound = () => AppException.notFound('CONTENT_NOT_FOUND', '内容不存在');

@Injectable()
export class ContentService {
  constructor(
    @Inject(ContentRepository) private readonly contents: ContentRepository,
    @Inject(ContentCategoryRepository) private readonly categories: ContentCategoryRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ContentEvents) private readonly events: ContentEvents,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async create(actor: AuthUser, dto: ContentDraft, ip: string): Promise<ContentAdmin> {
    const now = new Date();
    const published = dto.published ?? false;
    await this.checkCategory(dto.categoryId);
    const entity: ContentEntity = {
      id: newId(),
      kind: dto.kind,
      title: dto.title,
      summary: dto.summary ?? '',
      body: dto.blocks && dto.body === undefined ? bodyOfBlocks(dto.blocks) : (dto.body ?? ''),
      coverUrl: dto.coverUrl ?? null,
      published,
      status: published ? 'published' : 'draft',
      blocks: dto.blocks ? JSON.stringify(dto.blocks) : null,
      ctaText: dto.ctaText ?? null,
      formFields: dto.formFields ? [...new Set(dto.formFields)].join(',') : null,
      categoryId: dto.categoryId ?? null,
      offlineAt: null,
      publishedAt: published ? now : null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      await this.contents.insert(tx, entity);
      await this.audit.record({ actorStaffId: actor.id, action: 'content.create', targetType: 'content', targetId: entity.id, detail: { title: entity.title, published }, ip }, tx);
    });
    return this.toAdmin(entity);
  }

  async update(actor: AuthUser, id: string, dto: UpdateContentDraft, ip: string): Promise<ContentAdmin> {
    const current = await this.contents.findById(id);
    if (!current) throw notFound();
    await this.checkCategory(dto.categoryId);
    const now = new Date();
    const patch: Partial<ContentEntity> = { updatedAt: now };
    if (dto.kind !== undefined) patch.kind = dto.kind;
    if (dto.title !== undefined) patch.title = dto.title;
    if (dto.summary !== undefined) patch.summary = dto.summary;
    if (dto.body !== undefined) patch.body = dto.body;
    if (dto.blocks !== undefined) {
      patch.blocks = JSON.stringify(dto.blocks);
      if (dto.body === undefined) patch.body = bodyOfBlocks(dto.blocks);
    }
    if (dto.coverUrl !== undefined) patch.coverUrl = dto.coverUrl;
    if (dto.ctaText !== undefined) patch.ctaText = dto.ctaText;
    if (dto.formFields !== undefined) patch.formFields = [...new Set(dto.formFields)].join(',');
    if (dto.categoryId !== undefined) patch.categoryId = dto.categoryId;
    if (dto.published !== undefined) Object.assign(patch, this.statusPatch(current, dto.published ? 'published' : current.status === 'published' ? 'draft' : current.status, now));
    const changed = Object.keys(patch).filter((k) => k !== 'updatedAt' && k !== 'body' && k !== 'blocks');
    await this.transactions.run(async (tx) => {
      await this.contents.update(tx, id, patch);
      await this.audit.record({ actorStaffId: actor.id, action: 'content.update', targetType: 'content', targetId: id, detail: { fields: changed, bodyChanged: dto.body !== undefined || dto.blocks !== undefined }, ip }, tx);
      tx.afterCommit(() => this.events.changed(id));
    });
    return this.toAdmin({ ...current, ...patch });
  }

  /** 发布 / 下架 (hq_admin). Taken offline, its links show the unavailable page with the sharer's card. */
  async setStatus(actor: AuthUser, id: string, status: Exclude<ContentStatus, 'draft'>, ip: string): Promise<ContentAdmin> {
    const current = await this.contents.findById(id);
    if (!current) throw notFound();
    if (current.status === status) return this.toAdmin(current);
    const now = new Date();
    const patch = { ...this.statusPatch(current, status, now), updatedAt: now };
    await this.transactions.run(async (tx) => {
      await this.contents.update(tx, id, patch);
      await this.audit.record({ actorStaffId: actor.id, action: status === 'published' ? 'content.publish' : 'content.offline', targetType: 'content', targetId: id, detail: { title: current.title }, ip }, tx);
      tx.afterCommit(() => this.events.changed(id));
    });
    return this.toAdmin({ ...current, ...patch });
  }

  async listPublished(): Promise<Content[]> {
    return (await this.contents.listPublishedNewestFirst()).map(toContent);
  }

  /** HQ sees drafts too. */
  async list(actor: AuthUser, includeDrafts: boolean): Promise<Content[]> {
    if (includeDrafts && actor.role === 'hq_admin') return (await this.contents.listAllNewestFirst()).map(toContent);
    return this.listPublished();
  }

  /** The content as stored (another module renders it), or null. */
  find(id: string): Promise<ContentEntity | null> {
    return this.contents.findById(id);
  }

  /** Several contents as stored, in the order of `ids` (missing ones left out). */
  async findMany(ids: readonly string[]): Promise<ContentEntity[]> {
    const found = new Map((await this.contents.findByIds(ids)).map((c) => [c.id, c]));
    return ids.map((id) => found.get(id)).filter((c): c is ContentEntity => Boolean(c));
  }

  /** Titles by content id, in one query (null ids, card shares, are left out). */
  titlesByIds(ids: Iterable<string | null>): Promise<Map<string, string>> {
    return this.contents.titlesByIds([...ids].filter((id): id is string => Boolean(id)));
  }

  /** A content a staff member may see: published, or any for HQ (with the editor's document). */
  async get(actor: AuthUser, id: string): Promise<Content | ContentAdmin> {
    const c = await this.contents.findById(id);
    if (!c || (!c.published && actor.role !== 'hq_admin')) throw notFound();
    return actor.role === 'hq_admin' ? this.toAdmin(c) : toContent(c);
  }

  private statusPatch(current: ContentEntity, status: ContentStatus, now: Date): Partial<ContentEntity> {
    return {
      status,
      published: status === 'published',
      ...(status === 'published' && current.status !== 'published' ? { publishedAt: now } : {}),
      offlineAt: status === 'offline' ? now : null,
    };
  }

  private async checkCategory(categoryId: string | null | undefined): Promise<void> {
    if (categoryId && !(await this.categories.findById(categoryId))) throw AppException.badRequest('CONTENT_CATEGORY_NOT_FOUND', '分类不存在');
  }

  private async toAdmin(c: ContentEntity): Promise<ContentAdmin> {
    const category = c.categoryId ? await this.categories.findById(c.categoryId) : null;
    return toContentAdmin(c, category?.name ?? null);
  }
}
