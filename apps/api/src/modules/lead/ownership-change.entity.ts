import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const OWNERSHIP_RULES = ['first_touch', 'assigned', 'claimed', 'recycled', 'handover'] as const;
export type OwnershipRule = (typeof OWNERSHIP_RULES)[number];

/** Every change of a lead's owner, with the rule or the person and reason behind it. */
@Entity({ name: 'lead_ownership_changes' })
@Index('idx_lead_ownership_changes_lead', ['leadId', 'id'])
export class OwnershipChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  @Column({ name: 'from_staff_id', type: 'varchar', length: 26, nullable: true })
  fromStaffId: string | null;

  @Column({ name: 'to_staff_id', type: 'varchar', length: 26, nullable: true })
  toStaffId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: false })
  rule: OwnershipRule;

  @Column({ name: 'actor_staff_id', type: 'varchar', length: 26, nullable: true })
  actorStaffId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  /** The share whose touch caused it (first touch). */
  @Column({ name: 'share_id', type: 'varchar', length: 26, nullable: true })
  shareId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
