import type { Role, StaffStatus } from '@fenji/shared';
import type { Transaction } from '../database/transaction.runner';

/** A staff member as signing in needs to know them. */
export interface DirectoryStaff {
  id: string;
  name: string;
  role: Role;
  branchId: string | null;
  status: StaffStatus;
  /** scrypt hash; null until activated with the invite code. */
  passwordHash: string | null;
  /** Access tokens carry it; a token of an older version is ended. */
  tokenVersion: number;
}

/**
 * The staff records auth reads and changes, without knowing where they are kept: implemented and provided by the
 * org module, which owns the `staff` table (core imports nothing from modules).
 */
export abstract class StaffDirectory {
  abstract findById(id: string): Promise<DirectoryStaff | null>;
  abstract findByPhone(phone: string): Promise<DirectoryStaff | null>;
  abstract findByInviteCode(inviteCode: string): Promise<DirectoryStaff | null>;
  abstract findByWechatOpenid(openid: string): Promise<DirectoryStaff | null>;
  abstract isOpenidBoundElsewhere(openid: string, staffId: string): Promise<boolean>;
  /** Uses an active member's invite code once, setting a password or binding a WeChat; false when it was used. */
  abstract consumeInvite(tx: Transaction, staffId: string, inviteCode: string, set: { passwordHash: string } | { wechatOpenid: string }): Promise<boolean>;
  /** Ends every access token of the staff member at once. */
  abstract bumpTokenVersion(tx: Transaction, staffId: string): Promise<void>;
  abstract tokenVersionOf(staffId: string): Promise<number>;
  abstract hasHqAdmin(): Promise<boolean>;
  /** The first HQ admin (HQ_ADMIN_PHONE); false when another process created one first. */
  abstract createHqAdmin(phone: string, passwordHash: string): Promise<boolean>;
  abstract branchName(branchId: string): Promise<string | null>;
}
