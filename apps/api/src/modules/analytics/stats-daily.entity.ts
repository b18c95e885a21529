import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 数据看板's roll-up: counts per China-time day, staff member (the chain's root), content and share-chain depth (0 =
 * the staff member's own share, 5 = five or deeper). Written only by analytics as shares, visits and leads arrive.
 */
@Entity({ name: 'stats_daily' })
@Index('idx_stats_daily_staff', ['staffId', 'day'])
@Index('idx_stats_daily_branch', ['branchId', 'day'])
@Index('idx_stats_daily_content', ['contentId', 'day'])
export class StatsDailyEntity {
  /** 'YYYY-MM-DD', China time. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 26 })
  staffId: string;

  @PrimaryColumn({ name: 'content_id', type: 'varchar', length: 26 })
  contentId: string;

  @PrimaryColumn({ type: 'int' })
  depth: number;

  @Column({ name: 'branch_id', type: 'varchar', length: 26, nullable: true })
  branchId: string | null;

  @Column({ type: 'int', nullable: false, default: 0 })
  shares: number;

  @Column({ type: 'int', nullable: false, default: 0 })
  views: number;

  /** Visitors whose first view that day of this staff member's content this was (visitor-days). */
  @Column({ name: 'unique_visitors', type: 'int', nullable: false, default: 0 })
  uniqueVisitors: number;

  @Column({ type: 'int', nullable: false, default: 0 })
  reshares: number;

  @Column({ type: 'int', nullable: false, default: 0 })
  leads: number;
}

/** A visitor seen on a day on a staff member's content: what makes a view count once in `unique_visitors`. */
@Entity({ name: 'stats_visitor_days' })
export class StatsVisitorDayEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 26 })
  staffId: string;

  @PrimaryColumn({ name: 'content_id', type: 'varchar', length: 26 })
  contentId: string;

  @PrimaryColumn({ name: 'visitor_id', type: 'varchar', length: 40 })
  visitorId: string;
}

/**
 * The roll-up along one dimension at a time: `all` (dim_value ''), `branch` ('' for HQ staff), `staff`, `content`,
 * `depth` ('0'…'5'). `shares` counts staff members' own shares (depth 0), `all_shares` re-shares too.
 */
@Entity({ name: 'stats_daily_dims' })
export class StatsDailyDimEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  dim: 'all' | 'branch' | 'staff' | 'content' | 'depth';

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ name: 'dim_value', type: 'varchar', length: 26 })
  dimValue: string;

  @Column({ type: 'int', nullable: false, default: 0 })
  shares: number;

  @Column({ name: 'all_shares', type: 'int', nullable: false, default: 0 })
  allShares: number;

  @Column({ type: 'int', nullable: false, default: 0 })
  views: number;

  @Column({ name: 'unique_visitors', type: 'int', nullable: false, default: 0 })
  uniqueVisitors: number;

  @Column({ type: 'int', nullable: false, default: 0 })
  reshares: number;

  @Column({ type: 'int', nullable: false, default: 0 })
  leads: number;
}
