import type { PrivacyRequestKind, PrivacyRequestStatus } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A customer's rights request, verified by an SMS code to `phone`, and HQ's answer. */
@Entity({ name: 'privacy_requests' })
@Index('idx_privacy_requests_status', ['status', 'id'])
export class PrivacyRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  /** Normalized. */
  @Column({ type: 'varchar', length: 20, nullable: false })
  phone: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  kind: PrivacyRequestKind;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 8, nullable: false })
  status: PrivacyRequestStatus;

  /** The last day of the answer period, China time (YYYY-MM-DD). */
  @Column({ name: 'due_date', type: 'varchar', length: 10, nullable: false })
  dueDate: string;

  @Column({ name: 'handled_at', type: 'datetime', precision: 3, nullable: true })
  handledAt: Date | null;

  @Column({ name: 'handled_by', type: 'varchar', length: 26, nullable: true })
  handledBy: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
