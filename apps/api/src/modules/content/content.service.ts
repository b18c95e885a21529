import { Inject, Injectable } from '@nestjs/common';
import type { Content, CreateContentRequest, UpdateContentRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { newId } from '../../core/database/id.util';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { ContentEvents } from './content-events';
import type { ContentEntity } from './content.entity';
import { toContent } from './content.mapper';
import { ContentRepository } from './content.repository';

@Injectable()
export class ContentService {
  constructor(
    @Inject(ContentRepository) private readonly contents: ContentRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ContentEvents) private readonly events: ContentEvents,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async create(actor: AuthUser, dto: CreateContentRequest, ip: string): Promise<Content> {
    const now = new Date();
    const published = dto.published ?? false;
    const entity: ContentEntity = {
      id: newId(),
      kind: dto.kind,
      title: dto.title,
      summary: dto.summary ?? '',
      body: dto.body ?? '',
      coverUrl: dto.coverUrl ?? null,
      published,
      publishedAt: published ? now : null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      await this.contents.insert(tx, entity);
      await this.audit.record({ actorStaffId: actor.id, action: 'content.create', targetType: 'content', targetId: entity.id, detail: { title: entity.title, published }, ip }, tx);
    });
    return toContent(entity);
  }

  async update(actor: AuthUser, id: string, dto: UpdateContentRequest, ip: string): Promise<Content> {
    const current = await this.contents.findById(id);
    if (!current) throw AppException.notFound('CONTENT_NOT_FOUND', '内容不存在');
    const now = new Date();
    const patch: Partial<ContentEntity> = { updatedAt: now };
    if (dto.kind !== undefined) patch.kind = dto.kind;
    if (dto.title !== undefined) patch.title = dto.title;
    if (dto.summary !== undefined) patch.summary = dto.summary;
    if (dto.body !== undefined) patch.body = dto.body;
    if (dto.coverUrl !== undefined) patch.coverUrl = dto.coverUrl;
    if (dto.published !== undefined) {
      patch.published = dto.published;
      if (dto.published && !current.published) patch.publishedAt = now;
    }
    const changed = Object.keys(patch).filter((k) => k !== 'updatedAt' && k !== 'body');
    await this.transactions.run(async (tx) => {
      await this.contents.update(tx, id, patch);
      await this.audit.record({ actorStaffId: actor.id, action: 'content.update', targetType: 'content', targetId: id, detail: { fields: changed, bodyChanged: dto.body !== undefined }, ip }, tx);
      tx.afterCommit(() => this.events.changed(id));
    });
    return toContent({ ...current, ...patch });
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

  /** Titles by content id, in one query. */
  titlesByIds(ids: Iterable<string>): Promise<Map<string, string>> {
    return this.contents.titlesByIds(ids);
  }

  /** A content a staff member may see: published, or any for HQ. */
  async get(actor: AuthUser, id: string): Promise<Content> {
    const c = await this.contents.findById(id);
    if (!c || (!c.published && actor.role !== 'hq_admin')) throw AppException.notFound('CONTENT_NOT_FOUND', '内容不存在');
    return toContent(c);
  }
}
