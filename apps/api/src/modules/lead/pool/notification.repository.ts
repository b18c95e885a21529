import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { NotificationEntity } from './notification.entity';

/** The `notifications` table: notes to staff about their leads. */
@Injectable()
export class NotificationRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(tx: Transaction, notification: NotificationEntity): Promise<void> {
    await tx.manager.getRepository(NotificationEntity).insert(notification);
  }

  ofStaff(staffId: string, limit: number): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({ where: { staffId }, order: { id: 'DESC' }, take: limit });
  }
}
