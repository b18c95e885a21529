import type { Card, PublicCard } from '@fenji/shared';
import type { StaffEntity } from '../org/staff.entity';
import type { StaffCardEntity } from './card.entity';

/** A member who never edited their card: name and login phone, nothing shown to customers but the name. */
export function emptyCard(staffId: string): StaffCardEntity {
  return { staffId, title: '', phone: null, showPhone: false, wechatId: null, showWechatId: false, intro: '', avatarUrl: null, featuredContentIds: '', updatedAt: new Date(0) };
}

export const featuredIds = (card: StaffCardEntity): string[] => (card.featuredContentIds ? card.featuredContentIds.split(',') : []);

export function toCard(staff: StaffEntity, card: StaffCardEntity | null, branchName: string | null): Card {
  const c = card ?? emptyCard(staff.id);
  return {
    staffId: staff.id,
    name: staff.name,
    branchName,
    title: c.title,
    phone: c.phone ?? staff.phone,
    showPhone: c.showPhone,
    wechatId: c.wechatId,
    showWechatId: c.showWechatId,
    intro: c.intro,
    avatarUrl: c.avatarUrl,
    featuredContentIds: featuredIds(c),
    updatedAt: card ? c.updatedAt.toISOString() : null,
  };
}

/** What customers see: only the contact details the member chose to show. */
export function toPublicCard(card: Card): PublicCard {
  return {
    name: card.name,
    title: card.title,
    branchName: card.branchName,
    avatarUrl: card.avatarUrl,
    intro: card.intro,
    phone: card.showPhone ? card.phone : null,
    wechatId: card.showWechatId ? card.wechatId : null,
  };
}
