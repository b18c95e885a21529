import type { LeadPool, OwnershipRule } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every change of a lead's owner, with the rule or the person and reason behind it, numbered per lead.
 * It is written in the same unit of work as the lead row it moves (seq = the lead's ownership_version + 1):
 * the unique (lead_id, seq) lets exactly one of several racing changes win.
 */
@Entity({ name: 'lead_ownership_changes' })
@Index('uq_lead_ownership_changes_seq', ['leadId', 'seq'], { unique: true })
@Index('idx_lead_ownership_changes_lead', ['leadId', 'id'])
@Index('idx_lead_ownership_changes_rule', ['toStaffId', 'rule', 'id'])
export class OwnershipChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  @Column({ type: 'int', nullable: false })
  seq: number;

  @Column({ name: 'from_staff_id', type: 'varchar', length: 26, nullable: true })
  fromStaffId: string | null;

  @Column({ name: 'to_staff_id', type: 'varchar', length: 26, nullable: true })
  toStaffId: string | null;

  @Column({ name: 'to_pool', type: 'varchar', length: 8, nullable: false })
  toPool: LeadPool;

  @Column({ name: 'to_branch_id', type: 'varchar', length: 26, nullable: true })
  toBranchId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: false })
  rule: OwnershipRule;

  @Column({ name: 'actor_staff_id', type: 'varchar', length: 26, nullable: true })
  actorStaffId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  /** The share whose touch caused it (touch rules). */
  @Column({ name: 'share_id', type: 'varchar', length: 26, nullable: true })
  shareId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
