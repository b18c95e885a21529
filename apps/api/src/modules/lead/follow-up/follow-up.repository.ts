import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../../core/database/db-errors.util';
import type { Transaction } from '../../../core/database/transaction.runner';
import { FollowUpEntity } from './follow-up.entity';
import { LeadStatusChangeEntity } from './lead-status-change.entity';
import { MemberEntity } from './member.entity';

/** The pipeline's tables: follow-ups, status changes, and members (converted leads). */
@Injectable()
export class FollowUpRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(tx: Transaction, followUp: FollowUpEntity): Promise<void> {
    await tx.manager.getRepository(FollowUpEntity).insert(followUp);
  }

  followUpsOf(leadId: string): Promise<FollowUpEntity[]> {
    return this.dataSource.getRepository(FollowUpEntity).find({ where: { leadId }, order: { id: 'ASC' } });
  }

  async insertStatusChange(tx: Transaction, change: LeadStatusChangeEntity): Promise<void> {
    await tx.manager.getRepository(LeadStatusChangeEntity).insert(change);
  }

  statusChangesOf(leadId: string): Promise<LeadStatusChangeEntity[]> {
    return this.dataSource.getRepository(LeadStatusChangeEntity).find({ where: { leadId }, order: { id: 'ASC' } });
  }

  /** A lead converted twice keeps its first member row. */
  async insertMemberOnce(tx: Transaction, member: MemberEntity): Promise<void> {
    try {
      await tx.manager.getRepository(MemberEntity).insert(member);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  findMember(leadId: string): Promise<MemberEntity | null> {
    return this.dataSource.getRepository(MemberEntity).findOneBy({ leadId });
  }
}
