import type { VisitEventType } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'visit_events' })
@Index('idx_visit_events_share', ['shareId', 'id'])
@Index('idx_visit_events_visitor', ['visitorId', 'id'])
@Index('idx_visit_events_staff', ['staffId', 'id'])
export class VisitEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'share_id', type: 'varchar', length: 26, nullable: false })
  shareId: string;

  /** Root staff of the share, kept here so the radar reads one index. */
  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  @Column({ name: 'visitor_id', type: 'varchar', length: 40, nullable: false })
  visitorId: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  type: VisitEventType;

  @Column({ type: 'int', nullable: true })
  value: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
