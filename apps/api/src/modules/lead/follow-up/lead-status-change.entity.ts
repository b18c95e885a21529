import type { LeadStatus } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'lead_status_changes' })
@Index('idx_lead_status_changes_lead', ['leadId', 'id'])
export class LeadStatusChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: false })
  fromStatus: LeadStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: false })
  toStatus: LeadStatus;

  @Column({ name: 'actor_staff_id', type: 'varchar', length: 26, nullable: false })
  actorStaffId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
