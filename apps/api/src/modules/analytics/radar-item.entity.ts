import type { RadarItemType } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One line of the radar (客户雷达): a visitor's view, dwell, re-share or opened form on a staff member's share, or
 * a lead they left. The id is the visit event's (or the lead's touch time) ULID, so ids order by time. Labels and
 * titles are read when listed; the numbers are as they were right after the event.
 */
@Entity({ name: 'radar_items' })
@Index('idx_radar_items_staff', ['staffId', 'id'])
@Index('idx_radar_items_branch', ['branchId', 'id'])
export class RadarItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  @Column({ name: 'branch_id', type: 'varchar', length: 26, nullable: true })
  branchId: string | null;

  @Column({ name: 'visitor_id', type: 'varchar', length: 40, nullable: false })
  visitorId: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  type: RadarItemType;

  @Column({ name: 'share_id', type: 'varchar', length: 26, nullable: false })
  shareId: string;

  @Column({ name: 'content_id', type: 'varchar', length: 26, nullable: false })
  contentId: string;

  @Column({ name: 'dwell_seconds', type: 'int', nullable: true })
  dwellSeconds: number | null;

  @Column({ name: 'read_percent', type: 'int', nullable: true })
  readPercent: number | null;

  @Column({ name: 'visit_number', type: 'int', nullable: true })
  visitNumber: number | null;

  @Column({ type: 'int', nullable: true })
  heat: number | null;

  @Column({ name: 'heat_reason', type: 'varchar', length: 200, nullable: true })
  heatReason: string | null;

  @Column({ name: 'reshare_visitors', type: 'int', nullable: true })
  reshareVisitors: number | null;

  /** The customer whose re-share brought this visitor. */
  @Column({ name: 'via_visitor_id', type: 'varchar', length: 40, nullable: true })
  viaVisitorId: string | null;

  @Column({ name: 'lead_id', type: 'varchar', length: 26, nullable: true })
  leadId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
