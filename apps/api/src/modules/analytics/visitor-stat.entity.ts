import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One visitor as one staff member's shares saw them (every share of theirs and its re-shares): counts, the deepest
 * read, re-shares and the new visitors they brought, first and last seen, and the heat after the last event.
 * Written only by analytics, as batches of visit events are flushed.
 */
@Entity({ name: 'visitor_stats' })
@Unique('uq_visitor_stats_staff_visitor', ['staffId', 'visitorId'])
@Index('idx_visitor_stats_visitor', ['visitorId'])
@Index('idx_visitor_stats_staff_heat', ['staffId', 'heatRank', 'id'])
@Index('idx_visitor_stats_staff_recent', ['staffId', 'lastSeenAt', 'id'])
@Index('idx_visitor_stats_branch_heat', ['branchId', 'heatRank', 'id'])
@Index('idx_visitor_stats_branch_recent', ['branchId', 'lastSeenAt', 'id'])
@Index('idx_visitor_stats_heat', ['heatRank', 'id'])
@Index('idx_visitor_stats_recent', ['lastSeenAt', 'id'])
export class VisitorStatEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  /** The staff member's branch when the visitor was first seen (the branch manager's scope). */
  @Column({ name: 'branch_id', type: 'varchar', length: 26, nullable: true })
  branchId: string | null;

  @Column({ name: 'visitor_id', type: 'varchar', length: 40, nullable: false })
  visitorId: string;

  @Column({ type: 'int', nullable: false, default: 0 })
  views: number;

  @Column({ name: 'dwell_seconds', type: 'int', nullable: false, default: 0 })
  dwellSeconds: number;

  @Column({ name: 'max_read_percent', type: 'int', nullable: false, default: 0 })
  maxReadPercent: number;

  @Column({ type: 'int', nullable: false, default: 0 })
  reshares: number;

  @Column({ name: 'reshare_visitors', type: 'int', nullable: false, default: 0 })
  reshareVisitors: number;

  /** The current page view's dwell so far (dwell beacons carry the running total of one view). */
  @Column({ name: 'view_dwell', type: 'int', nullable: false, default: 0 })
  viewDwell: number;

  /** The current page view's read depth so far. */
  @Column({ name: 'view_read', type: 'int', nullable: false, default: 0 })
  viewRead: number;

  /** Heat right after the last event. */
  @Column({ type: 'int', nullable: false, default: 0 })
  heat: number;

  /** `heatRank(heat, lastSeenAt)`: sorting by it is sorting by today's heat. */
  @Column({ name: 'heat_rank', type: 'bigint', nullable: false, default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  heatRank: number;

  @Column({ name: 'heat_reason', type: 'varchar', length: 200, nullable: false })
  heatReason: string;

  @Column({ name: 'last_share_id', type: 'varchar', length: 26, nullable: false })
  lastShareId: string;

  @Column({ name: 'last_content_id', type: 'varchar', length: 26, nullable: false })
  lastContentId: string;

  @Column({ name: 'first_seen_at', type: 'datetime', precision: 3, nullable: false })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3, nullable: false })
  lastSeenAt: Date;
}
