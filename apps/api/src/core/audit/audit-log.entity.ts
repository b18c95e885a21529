import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'audit_logs' })
@Index('idx_audit_logs_actor', ['actorStaffId', 'id'])
@Index('idx_audit_logs_target', ['targetType', 'targetId'])
export class AuditLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'actor_staff_id', type: 'varchar', length: 26, nullable: true })
  actorStaffId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: false })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 40, nullable: true })
  targetId: string | null;

  /** JSON of what changed; never a password or a token. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
