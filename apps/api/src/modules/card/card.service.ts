import { Inject, Injectable } from '@nestjs/common';
import type { Card, PublicCard, UpdateCardRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { ContentService } from '../content/content.service';
import { OrgService } from '../org/org.service';
import type { StaffCardEntity } from './card.entity';
import { emptyCard, toCard, toPublicCard } from './card.mapper';
import { CardRepository } from './card.repository';

type CardListener = (staffId: string) => void;

/** Staff members' own cards: each edits only theirs; customers see the public part on every share of theirs. */
@Injectable()
export class CardService {
  private readonly listeners: CardListener[] = [];

  constructor(
    @Inject(CardRepository) private readonly cards: CardRepository,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** Called after a card changes in this process (the landing cache drops that member's pages). */
  onChanged(listener: CardListener): void {
    this.listeners.push(listener);
  }

  async mine(actor: AuthUser): Promise<Card> {
    const card = await this.cardOf(actor.id);
    if (!card) throw AppException.notFound('STAFF_NOT_FOUND', '员工不存在');
    return card;
  }

  async update(actor: AuthUser, dto: UpdateCardRequest, ip: string): Promise<Card> {
    const staff = await this.org.staffById(actor.id);
    if (!staff) throw AppException.notFound('STAFF_NOT_FOUND', '员工不存在');
    if (dto.featuredContentIds?.length) {
      const found = await this.contents.findMany(dto.featuredContentIds);
      if (found.length !== new Set(dto.featuredContentIds).size || found.some((c) => c.status !== 'published')) {
        throw AppException.badRequest('CONTENT_NOT_FOUND', '推荐的内容不存在或已下架');
      }
    }
    const current = (await this.cards.findByStaffId(actor.id)) ?? emptyCard(actor.id);
    const next: StaffCardEntity = {
      ...current,
      ...(dto.title !== undefined ? { title: dto.title } : {}),
      ...(dto.phone !== undefined ? { phone: dto.phone } : {}),
      ...(dto.showPhone !== undefined ? { showPhone: dto.showPhone } : {}),
      ...(dto.wechatId !== undefined ? { wechatId: dto.wechatId } : {}),
      ...(dto.showWechatId !== undefined ? { showWechatId: dto.showWechatId } : {}),
      ...(dto.intro !== undefined ? { intro: dto.intro } : {}),
      ...(dto.avatarUrl !== undefined ? { avatarUrl: dto.avatarUrl } : {}),
      ...(dto.featuredContentIds !== undefined ? { featuredContentIds: [...new Set(dto.featuredContentIds)].join(',') } : {}),
      updatedAt: new Date(),
    };
    if (next.showWechatId && !next.wechatId) throw AppException.badRequest('VALIDATION_FAILED', '请先填写微信号');
    await this.transactions.run(async (tx) => {
      await this.cards.save(tx, next);
      await this.audit.record({ actorStaffId: actor.id, action: 'card.update', targetType: 'staff', targetId: actor.id, detail: { fields: Object.keys(dto) }, ip }, tx);
      tx.afterCommit(() => this.listeners.forEach((l) => l(actor.id)));
    });
    return toCard(staff, next, await this.org.branchName(staff.branchId));
  }

  /** A member's whole card, or null when there is no such member. */
  async cardOf(staffId: string): Promise<Card | null> {
    const staff = await this.org.staffById(staffId);
    if (!staff) return null;
    const [card, branchName] = await Promise.all([this.cards.findByStaffId(staffId), this.org.branchName(staff.branchId)]);
    return toCard(staff, card, branchName);
  }

  /** What customers see of a member (null: no such member). */
  async publicCardOf(staffId: string): Promise<PublicCard | null> {
    const card = await this.cardOf(staffId);
    return card ? toPublicCard(card) : null;
  }

  /** The featured contents of a member's card that are still published, in the member's order. */
  async featuredOf(card: Card) {
    return (await this.contents.findMany(card.featuredContentIds)).filter((c) => c.status === 'published');
  }
}

