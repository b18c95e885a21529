import type { SubscribeTopic } from '@fenji/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many subscribe messages of a topic a staff member may still be sent: +1 per accepted ask, −1 per send. */
@Entity({ name: 'subscription_quotas' })
export class SubscriptionQuotaEntity {
  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 26 })
  staffId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  topic: SubscribeTopic;

  @Column({ type: 'int', nullable: false, default: 0 })
  remaining: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: false })
  updatedAt: Date;
}
