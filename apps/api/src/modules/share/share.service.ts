import { Inject, Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { CreateCardShareRequest, CreateShareRequest, Share, ShareChannel } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { newId } from '../../core/database/id.util';
import { AppException } from '../../core/errors/app.exception';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';
import { ContentService } from '../content/content.service';
import { VisitService } from '../visit/visit.service';
import { newShareCode } from './share-code.util';
import type { ShareEntity } from './share.entity';
import { ShareRepository } from './share.repository';

const CACHE_LIMIT = 20_000;

/** Told about each new share (a staff member's or a customer's re-share) once it is written. */
export type ShareCreatedListener = (share: ShareEntity) => Promise<void>;

@Injectable()
export class ShareService {
  /** Shares never change once written, so a process may keep them as long as it likes (the most used CACHE_LIMIT). */
  private readonly byCode = new LRUCache<string, ShareEntity>({ max: CACHE_LIMIT });
  private readonly createdListeners: ShareCreatedListener[] = [];
  private readonly logger = new Logger('ShareService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ShareRepository) private readonly shares: ShareRepository,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(VisitService) private readonly visits: VisitService,
  ) {}

  /** Registration point for what counts shares (analytics' roll-ups); listeners run after the answer, errors logged. */
  onCreated(listener: ShareCreatedListener): void {
    this.createdListeners.push(listener);
  }

  urlFor(code: string): string {
    return `${this.config.publicBaseUrl}/s/${code}`;
  }

  /** A share of a published content, or (`card: true`) of the caller's own card. */
  async create(actor: AuthUser, dto: CreateShareRequest | CreateCardShareRequest): Promise<Share> {
    let contentId: string | null = null;
    if ('contentId' in dto) {
      const content = await this.contents.find(dto.contentId);
      if (!content || content.status !== 'published') throw AppException.notFound('CONTENT_NOT_FOUND', '内容不存在或未发布');
      contentId = content.id;
    }
    const share = await this.insertWithFreshCode({ contentId, staffId: actor.id, parentShareId: null, sharerVisitorId: null, channel: dto.channel, depth: 0 });
    return { code: share.code, url: this.urlFor(share.code) };
  }

  /** A customer's own child share: same content and root staff, parent = the share they came from. */
  async reshare(parentCode: string, visitorId: string | null, ip: string): Promise<Share> {
    const parent = await this.findByCode(parentCode);
    if (!parent) throw AppException.notFound('SHARE_NOT_FOUND', '分享不存在');
    const limit = await this.limits.hit(`reshare:ip:${ip}`, this.config.leadRateLimitPerMinute * 3, 60);
    if (!limit.allowed) throw AppException.rateLimited(limit.retryAfterSeconds);
    if (visitorId) {
      const existing = await this.shares.findChild(parent.id, visitorId);
      if (existing) return { code: existing.code, url: this.urlFor(existing.code) };
    }
    const child = await this.insertWithFreshCode({
      contentId: parent.contentId,
      staffId: parent.staffId,
      parentShareId: parent.id,
      sharerVisitorId: visitorId,
      channel: 'link' as ShareChannel,
      depth: parent.depth + 1,
    });
    // The re-share is the sharing visitor's event on the share they came through (the radar's 转发).
    if (visitorId) this.visits.record({ shareId: parent.id, staffId: parent.staffId, visitorId, type: 'reshare', newVisitor: true }, ip);
    return { code: child.code, url: this.urlFor(child.code) };
  }

  /**
   * From a card share, the member's share of one of their featured contents: found, or made once (a child of the
   * card share, so the visit and any lead stay the member's).
   */
  async featuredShare(cardCode: string, contentId: string): Promise<ShareEntity> {
    const card = await this.findByCode(cardCode);
    if (!card || card.contentId !== null) throw AppException.notFound('SHARE_NOT_FOUND', '分享不存在');
    const content = await this.contents.find(contentId);
    if (!content || content.status !== 'published') throw AppException.notFound('CONTENT_NOT_FOUND', '内容不存在或已下架');
    const existing = await this.shares.findFeatured(card.id, contentId);
    if (existing) return existing;
    return this.insertWithFreshCode({ contentId, staffId: card.staffId, parentShareId: card.id, sharerVisitorId: null, channel: 'link', depth: card.depth + 1 });
  }

  async findByCode(code: string): Promise<ShareEntity | null> {
    const cached = this.byCode.get(code);
    if (cached) return cached;
    const share = await this.shares.findByCode(code);
    if (share) this.byCode.set(code, share);
    return share;
  }

  findByIds(ids: string[]): Promise<ShareEntity[]> {
    return this.shares.findByIds(ids);
  }

  /** The share and its ancestors up to the staff member's root share, root first. */
  chainTo(shareId: string): Promise<ShareEntity[]> {
    return this.shares.chainTo(shareId);
  }

  private announce(share: ShareEntity): void {
    for (const listener of this.createdListeners) {
      listener(share).catch((error: unknown) => this.logger.error({ err: error }, 'a listener of new shares failed'));
    }
  }

  private async insertWithFreshCode(fields: Omit<ShareEntity, 'id' | 'code' | 'createdAt'>): Promise<ShareEntity> {
    for (let attempt = 0; ; attempt++) {
      const share: ShareEntity = { ...fields, id: newId(), code: newShareCode(), createdAt: new Date() };
      try {
        await this.shares.insert(share);
        this.announce(share);
        return share;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }
}
