import type { FollowUpMethod } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A staff member's record of contacting a lead (跟进). */
@Entity({ name: 'follow_ups' })
@Index('idx_follow_ups_lead', ['leadId', 'id'])
@Index('idx_follow_ups_staff', ['staffId', 'id'])
export class FollowUpEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  method: FollowUpMethod;

  @Column({ type: 'text', nullable: false })
  note: string;

  @Column({ name: 'next_at', type: 'datetime', precision: 3, nullable: true })
  nextAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
