import { Inject, Injectable } from '@nestjs/common';
import { StaffDirectory, type DirectoryStaff } from '../../core/auth/staff-directory';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import type { Transaction } from '../../core/database/transaction.runner';
import { BranchRepository } from './branch.repository';
import { newStaffEntity, StaffRepository } from './staff.repository';

/** The org module's side of auth's port: the `staff` table stays written by org alone. */
@Injectable()
export class OrgStaffDirectory extends StaffDirectory {
  constructor(
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(BranchRepository) private readonly branches: BranchRepository,
  ) {
    super();
  }

  findById(id: string): Promise<DirectoryStaff | null> {
    return this.staff.findById(id);
  }

  findByPhone(phone: string): Promise<DirectoryStaff | null> {
    return this.staff.findByPhone(phone);
  }

  findByInviteCode(inviteCode: string): Promise<DirectoryStaff | null> {
    return this.staff.findByInviteCode(inviteCode);
  }

  findByWechatOpenid(openid: string): Promise<DirectoryStaff | null> {
    return this.staff.findByWechatOpenid(openid);
  }

  isOpenidBoundElsewhere(openid: string, staffId: string): Promise<boolean> {
    return this.staff.isOpenidBoundElsewhere(openid, staffId);
  }

  consumeInvite(tx: Transaction, staffId: string, inviteCode: string, set: { passwordHash: string } | { wechatOpenid: string }): Promise<boolean> {
    return this.staff.consumeInvite(tx, staffId, inviteCode, set);
  }

  bumpTokenVersion(tx: Transaction, staffId: string): Promise<void> {
    return this.staff.bumpTokenVersion(tx, staffId);
  }

  tokenVersionOf(staffId: string): Promise<number> {
    return this.staff.tokenVersionOf(staffId);
  }

  hasHqAdmin(): Promise<boolean> {
    return this.staff.hasHqAdmin();
  }

  async createHqAdmin(phone: string, passwordHash: string): Promise<boolean> {
    try {
      await this.staff.insert(newStaffEntity({ name: '总部管理员', phone, role: 'hq_admin', branchId: null, passwordHash }, null));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false; // another process created it first
      throw error;
    }
  }

  async branchName(branchId: string): Promise<string | null> {
    return (await this.branches.findById(branchId))?.name ?? null;
  }
}
