import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { NotificationEntity } from './notification.entity';

/** The `notifications` table: notes to staff about their leads. */
@Injectable()
export class NotificationRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(NotificationEntity);
  }

  async insert(tx: Transaction, notification: NotificationEntity): Promise<void> {
    await tx.manager.getRepository(NotificationEntity).insert(notification);
  }

  countUnread(staffId: string): Promise<number> {
    return this.repo.countBy({ staffId, readAt: IsNull(), dismissedAt: IsNull() });
  }

  /** The staff member's notices not dismissed, newest first. */
  ofStaff(staffId: string, limit: number): Promise<NotificationEntity[]> {
    return this.repo.find({ where: { staffId, dismissedAt: IsNull() }, order: { id: 'DESC' }, take: limit });
  }

  /** True when the staff member has this notice (dismissed ones included). */
  async exists(staffId: string, id: string): Promise<boolean> {
    return (await this.repo.countBy({ id, staffId })) > 0;
  }

  /** Marks one notice (or, without `id`, every unread one) of the staff member read; the number changed. */
  async markRead(staffId: string, at: Date, id?: string): Promise<number> {
    const result = await this.repo.update({ staffId, readAt: IsNull(), ...(id ? { id } : { dismissedAt: IsNull() }) }, { readAt: at });
    return result.affected ?? 0;
  }

  async dismiss(staffId: string, id: string, at: Date): Promise<void> {
    await this.repo.update({ id, staffId, dismissedAt: IsNull() }, { dismissedAt: at });
  }
}
