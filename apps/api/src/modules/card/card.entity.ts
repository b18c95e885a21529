import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A staff member's own business card (名片): what customers see of them on every share. One row per member, made on first edit. */
@Entity({ name: 'staff_cards' })
export class StaffCardEntity {
  @PrimaryColumn({ name: 'staff_id', type: 'varchar', length: 26 })
  staffId: string;

  @Column({ type: 'varchar', length: 30, nullable: false })
  title: string;

  /** The phone customers may call; null: the login phone. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'show_phone', type: 'boolean', nullable: false, default: false })
  showPhone: boolean;

  @Column({ name: 'wechat_id', type: 'varchar', length: 20, nullable: true })
  wechatId: string | null;

  @Column({ name: 'show_wechat_id', type: 'boolean', nullable: false, default: false })
  showWechatId: boolean;

  @Column({ type: 'varchar', length: 300, nullable: false })
  intro: string;

  @Column({ name: 'avatar_url', type: 'varchar', length: 500, nullable: true })
  avatarUrl: string | null;

  /** Comma-separated content ids, in order (at most 6). */
  @Column({ name: 'featured_content_ids', type: 'varchar', length: 200, nullable: false })
  featuredContentIds: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: false })
  updatedAt: Date;
}
