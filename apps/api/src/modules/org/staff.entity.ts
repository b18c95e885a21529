import type { Role, StaffStatus } from '@fenji/shared';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

@Entity({ name: 'staff' })
@Unique('uq_staff_phone', ['phone'])
@Unique('uq_staff_invite_code', ['inviteCode'])
@Unique('uq_staff_wechat_openid', ['wechatOpenid'])
@Index('idx_staff_branch', ['branchId'])
export class StaffEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 40, nullable: false })
  name: string;

  /** Normalized mainland mobile number; the login name. */
  @Column({ type: 'varchar', length: 20, nullable: false })
  phone: string;

  @Column({ type: 'varchar', length: 16, nullable: false })
  role: Role;

  @Column({ name: 'branch_id', type: 'varchar', length: 26, nullable: true })
  branchId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: false })
  status: StaffStatus;

  /** scrypt hash; null until the staff member activates with the invite code. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  /** Unused invite code; null once used. */
  @Column({ name: 'invite_code', type: 'varchar', length: 16, nullable: true })
  inviteCode: string | null;

  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid: string | null;

  /** Access tokens carry it; bumping it (password set, sessions revoked, disabled) ends them at once. */
  @Column({ name: 'token_version', type: 'int', nullable: false, default: 0 })
  tokenVersion: number;

  /** Set when disabled with a hand-over: who gets the leads their links still bring (null: the public pool). */
  @Column({ name: 'successor_staff_id', type: 'varchar', length: 26, nullable: true })
  successorStaffId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, nullable: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: false })
  updatedAt: Date;
}
