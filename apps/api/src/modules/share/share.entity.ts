import type { ShareChannel } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** One share of one content (or of the staff member's own card) on one channel. A customer's re-share is a child share with the same root staff. */
@Entity({ name: 'shares' })
@Unique('uq_shares_code', ['code'])
@Index('idx_shares_staff', ['staffId', 'id'])
@Index('idx_shares_content', ['contentId'])
@Index('idx_shares_parent', ['parentShareId'])
export class ShareEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  /** Short unguessable base62 code, 8–32 chars (fits a mini-program code's scene). */
  @Column({ type: 'varchar', length: 32, nullable: false })
  code: string;

  /** The shared content; null for a share of the staff member's own card. */
  @Column({ name: 'content_id', type: 'varchar', length: 26, nullable: true })
  contentId: string | null;

  /** The root staff member of the chain: every visit and lead on it is theirs. */
  @Column({ name: 'staff_id', type: 'varchar', length: 26, nullable: false })
  staffId: string;

  @Column({ name: 'parent_share_id', type: 'varchar', length: 26, nullable: true })
  parentShareId: string | null;

  /** The visitor who re-shared (null for a staff member's own share). */
  @Column({ name: 'sharer_visitor_id', type: 'varchar', length: 40, nullable: true })
  sharerVisitorId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: false })
  channel: ShareChannel;

  /** 0 for a staff member's share, parent depth + 1 for a re-share. */
  @Column({ type: 'int', nullable: false })
  depth: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;
}
