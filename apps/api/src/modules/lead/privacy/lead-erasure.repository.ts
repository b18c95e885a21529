import { Inject, Injectable } from '@nestjs/common';
import { ERASED_NAME } from '@fenji/shared';
import { DataSource, In, IsNull } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { FollowUpEntity } from '../follow-up/follow-up.entity';
import { TouchEntity } from '../intake/touch.entity';
import { LeadSearchGramEntity } from '../lead-search-gram.entity';
import { LeadEntity } from '../lead.entity';
import { NotificationEntity } from '../pool/notification.entity';
import { OwnershipChangeEntity } from '../pool/ownership-change.entity';

/** What replaces a follow-up's note and a notification's text about an anonymised person. */
const ERASED_TEXT = '客户信息已删除';

/** The phone an anonymised lead keeps: unique (from its id), never a phone number, so no search or export finds it. */
export const erasedPhoneOf = (leadId: string) => `#${leadId.slice(7)}`;

/** The lead tables as a rights request and the retention job read and anonymise them. */
@Injectable()
export class LeadErasureRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  leadsByPhone(phone: string): Promise<LeadEntity[]> {
    return this.dataSource.getRepository(LeadEntity).find({ where: { phone, erasedAt: IsNull() }, order: { id: 'ASC' } });
  }

  touchesOf(leadIds: string[]): Promise<TouchEntity[]> {
    return this.dataSource.getRepository(TouchEntity).find({ where: { leadId: In(leadIds) }, order: { id: 'ASC' } });
  }

  followUpsOf(leadIds: string[]): Promise<FollowUpEntity[]> {
    return this.dataSource.getRepository(FollowUpEntity).find({ where: { leadId: In(leadIds) }, order: { id: 'ASC' } });
  }

  ownershipOf(leadIds: string[]): Promise<OwnershipChangeEntity[]> {
    return this.dataSource.getRepository(OwnershipChangeEntity).find({ where: { leadId: In(leadIds) }, order: { id: 'ASC' } });
  }

  /** Leads not anonymised, not converted, neither touched nor followed up since `before`; oldest first. */
  async staleLeadIds(before: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .select('l.id', 'id')
      .where('l.erased_at IS NULL')
      .andWhere('l.status <> :converted', { converted: 'converted' })
      .andWhere('l.last_touch_at < :before', { before })
      .andWhere('(l.last_follow_up_at IS NULL OR l.last_follow_up_at < :before)', { before })
      .orderBy('l.id', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  lockLead(tx: Transaction, leadId: string): Promise<LeadEntity | null> {
    return tx.manager.getRepository(LeadEntity).findOne({ where: { id: leadId }, ...tx.forUpdate });
  }

  /** Name, phone and messages gone from the lead and its touches, follow-up notes and notifications; no search grams. */
  async anonymise(tx: Transaction, leadId: string, at: Date): Promise<void> {
    const m = tx.manager;
    await m.getRepository(LeadEntity).update({ id: leadId }, { name: ERASED_NAME, phone: erasedPhoneOf(leadId), message: null, erasedAt: at });
    await m.getRepository(LeadSearchGramEntity).delete({ leadId });
    await m.getRepository(TouchEntity).update({ leadId }, { name: ERASED_NAME, message: null, visitorId: null });
    await m.getRepository(FollowUpEntity).update({ leadId }, { note: ERASED_TEXT });
    await m.getRepository(NotificationEntity).update({ leadId }, { message: ERASED_TEXT });
  }
}
