import type { NotificationKind } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type { NotificationKind };

/** A note to one staff member about one of their leads (recycle warnings, recycling, assignments). */
@Entity({ name: 'notifications' })
@Index('idx_notifications_staff', ['staffId', 'id'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  @Column({ type: 'varchar', length: 32, nullable: false })
  kind: NotificationKind;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  @Column({ type: 'varchar', length: 300, nullable: false })
  message: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  /** Dismissed by its staff member: no longer listed. */
  @Column({ name: 'dismissed_at', type: 'datetime', precision: 3, nullable: true })
  dismissedAt?: Date | null;
}
