import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** One contact between a lead and a share: here, one accepted submission of the lead form. */
@Entity({ name: 'touches' })
@Unique('uq_touches_idempotency_key', ['idempotencyKey'])
@Index('idx_touches_lead', ['leadId', 'id'])
export class TouchEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: false })
  leadId: string;

  @Column({ name: 'share_id', type: 'varchar', length: 26, nullable: false })
  shareId: string;

  /** Root staff of the share. */
  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  @Column({ name: 'visitor_id', type: 'varchar', length: 40, nullable: true })
  visitorId: string | null;

  /** The name given in this submission (the lead keeps the first). */
  @Column({ type: 'varchar', length: 40, nullable: false })
  name: string;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  /** sha256 of the normalised submission the key came with: the same key with another body is refused. */
  @Column({ name: 'idempotency_hash', type: 'varchar', length: 64, nullable: true })
  idempotencyHash: string | null;

  /** A touch by another staff member's share on a protected lead (撞单). */
  @Column({ type: 'boolean', nullable: false })
  collision: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
