import type { LeadPool, LeadStatus, ShareChannel } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A person who left contact details with consent: one per normalized phone number. */
@Entity({ name: 'leads' })
@Unique('uq_leads_phone', ['phone'])
@Index('idx_leads_owner', ['ownerStaffId', 'id'])
@Index('idx_leads_branch', ['branchId', 'id'])
@Index('idx_leads_status', ['status', 'id'])
@Index('idx_leads_pool', ['pool', 'id'])
@Index('idx_leads_recycle', ['pool', 'ownerActivityAt'])
@Index('idx_leads_owner_status', ['ownerStaffId', 'status', 'id'])
@Index('idx_leads_branch_status', ['branchId', 'status', 'id'])
@Index('idx_leads_next_follow_up', ['ownerStaffId', 'nextFollowUpAt', 'id'])
@Index('idx_leads_source_content', ['sourceContentId', 'id'])
@Index('idx_leads_source_channel', ['sourceChannel', 'id'])
@Index('idx_leads_last_touch', ['lastTouchAt', 'id'])
@Index('idx_leads_owner_last_touch', ['ownerStaffId', 'lastTouchAt', 'id'])
@Index('idx_leads_branch_last_touch', ['branchId', 'lastTouchAt', 'id'])
export class LeadEntity {
  /** ULID: sorts by creation time, so the newest-first keyset is the primary key. */
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 20, nullable: false })
  phone: string;

  @Column({ type: 'varchar', length: 40, nullable: false })
  name: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  status: LeadStatus;

  @Column({ type: 'varchar', length: 8, nullable: false })
  pool: LeadPool;

  @Column({ name: 'owner_staff_id', type: 'varchar', length: 26, nullable: true })
  ownerStaffId: string | null;

  @Column({ name: 'branch_id', type: 'varchar', length: 26, nullable: true })
  branchId: string | null;

  /** The share that first brought the lead. */
  @Column({ name: 'first_share_id', type: 'varchar', length: 26, nullable: false })
  firstShareId: string;

  /** The visitor who re-shared the first share (null when it was the staff member's own). */
  @Column({ name: 'referrer_visitor_id', type: 'varchar', length: 40, nullable: true })
  referrerVisitorId: string | null;

  @Column({ name: 'chain_depth', type: 'int', nullable: false })
  chainDepth: number;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'consent_version', type: 'varchar', length: 20, nullable: false })
  consentVersion: string;

  @Column({ name: 'consented_at', type: 'datetime', precision: 3, nullable: false })
  consentedAt: Date;

  /** Until then a touch by another staff member's share is a collision, not a change of owner. */
  @Column({ name: 'protected_until', type: 'datetime', precision: 3, nullable: true })
  protectedUntil: Date | null;

  @Column({ name: 'touch_count', type: 'int', nullable: false })
  touchCount: number;

  /** Equals the seq of the lead's latest ownership change; a change must name the version it replaces. */
  @Column({ name: 'ownership_version', type: 'int', nullable: false, default: 1 })
  ownershipVersion: number;

  /** Start of the recycle clock: when the owner got the lead, or their latest follow-up. */
  @Column({ name: 'owner_activity_at', type: 'datetime', precision: 3, nullable: true })
  ownerActivityAt: Date | null;

  @Column({ name: 'recycle_warned_at', type: 'datetime', precision: 3, nullable: true })
  recycleWarnedAt: Date | null;

  @Column({ name: 'last_follow_up_at', type: 'datetime', precision: 3, nullable: true })
  lastFollowUpAt: Date | null;

  /** Who last lost the lead to the public pool: they cannot claim it back for a while. */
  @Column({ name: 'released_by_staff_id', type: 'varchar', length: 26, nullable: true })
  releasedByStaffId: string | null;

  @Column({ name: 'released_at', type: 'datetime', precision: 3, nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;

  @Column({ name: 'last_touch_at', type: 'datetime', precision: 3, nullable: false })
  lastTouchAt: Date;

  /**
   * Heat (热度) 0–100 of the lead's visitors, kept current by analytics as their events are flushed (B1); optional
   * here so rows built in code start at the column's default.
   */
  @Column({ type: 'int', nullable: false, default: 0 })
  heat?: number;

  /** The heat in words (`3 次查看 · 停留 4 分钟`); null until a visitor of the lead is seen. */
  @Column({ name: 'heat_reason', type: 'varchar', length: 200, nullable: true })
  heatReason?: string | null;

  /** 不再联系: since when (null: none), by the customer or marked by staff; and why. */
  @Column({ name: 'do_not_contact_at', type: 'datetime', precision: 3, nullable: true })
  doNotContactAt: Date | null;

  @Column({ name: 'do_not_contact_reason', type: 'varchar', length: 200, nullable: true })
  doNotContactReason: string | null;

  /** The customer's WeChat ID as the owner recorded it. */
  @Column({ name: 'wechat_id', type: 'varchar', length: 40, nullable: true })
  wechatId: string | null;

  /** The owner's planned next follow-up (the latest follow-up's `nextAt`); cleared when the owner changes. */
  @Column({ name: 'next_follow_up_at', type: 'datetime', precision: 3, nullable: true })
  nextFollowUpAt: Date | null;

  /** The content and channel of the first share, kept here so the pool filters by them through an index. */
  @Column({ name: 'source_content_id', type: 'varchar', length: 26, nullable: true })
  sourceContentId: string | null;

  @Column({ name: 'source_channel', type: 'varchar', length: 16, nullable: true })
  sourceChannel: ShareChannel | null;

  /** When the person's data was anonymised (a rights request or the retention job); null while it is held. */
  @Column({ name: 'erased_at', type: 'datetime', precision: 3, nullable: true })
  erasedAt: Date | null;
}
