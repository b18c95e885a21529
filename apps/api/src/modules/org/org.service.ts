import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { normalizePhone, type Branch, type CreateBranchRequest, type CreateStaffRequest, type Staff, type UpdateStaffRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { SessionRevoker } from '../../core/auth/session-revoker';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { newId } from '../../core/database/id.util';
import { AppException } from '../../core/errors/app.exception';
import { BranchRepository } from './branch.repository';
import { toBranch, toStaff } from './org.mapper';
import type { StaffEntity } from './staff.entity';
import { StaffDisableHook } from './staff-disable.hook';
import { StaffRepository } from './staff.repository';

const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L: read aloud and typed on a phone

export function newInviteCode(): string {
  return Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
}

@Injectable()
export class OrgService {
  constructor(
    @Inject(BranchRepository) private readonly branches: BranchRepository,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionRevoker) private readonly sessions: SessionRevoker,
    @Inject(StaffDisableHook) private readonly disableHook: StaffDisableHook,
  ) {}

  async createBranch(actor: AuthUser, dto: CreateBranchRequest, ip: string): Promise<Branch> {
    const branch = { id: newId(), name: dto.name, createdAt: new Date() };
    try {
      await this.branches.insert(branch);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppException.conflict('BRANCH_NAME_TAKEN', '已有同名门店');
      throw error;
    }
    await this.audit.record({ actorStaffId: actor.id, action: 'branch.create', targetType: 'branch', targetId: branch.id, detail: { name: dto.name }, ip });
    return toBranch(branch);
  }

  async listBranches(): Promise<Branch[]> {
    return (await this.branches.listAll()).map(toBranch);
  }

  async createStaff(actor: AuthUser, dto: CreateStaffRequest, ip: string): Promise<Staff> {
    let branchId = dto.branchId ?? null;
    if (actor.role === 'branch_manager') {
      if (dto.role !== 'staff') throw AppException.forbidden('门店负责人只能添加员工');
      if (branchId && branchId !== actor.branchId) throw AppException.forbidden('只能为自己的门店添加员工');
      branchId = actor.branchId;
    }
    if (dto.role === 'hq_admin' && branchId) throw AppException.badRequest('VALIDATION_FAILED', '总部管理员不属于任何门店', { issues: [{ path: 'branchId', message: '总部管理员不选门店' }] });
    if (dto.role !== 'hq_admin' && !branchId) throw AppException.badRequest('VALIDATION_FAILED', '员工和门店负责人必须属于一个门店', { issues: [{ path: 'branchId', message: '请选择门店' }] });
    if (branchId && !(await this.branches.findById(branchId))) throw AppException.notFound('BRANCH_NOT_FOUND', '门店不存在');

    const now = new Date();
    const entity: StaffEntity = {
      id: newId(),
      name: dto.name,
      phone: normalizePhone(dto.phone) as string,
      role: dto.role,
      branchId,
      status: 'active',
      passwordHash: null,
      inviteCode: newInviteCode(),
      wechatOpenid: null,
      tokenVersion: 0,
      successorStaffId: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.staff.insert(entity);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppException.conflict('PHONE_TAKEN', '该手机号已被其他员工使用');
      throw error;
    }
    await this.audit.record({ actorStaffId: actor.id, action: 'staff.create', targetType: 'staff', targetId: entity.id, detail: { name: entity.name, role: entity.role, branchId }, ip });
    return toStaff(entity, true);
  }

  async listStaff(actor: AuthUser): Promise<Staff[]> {
    const rows = actor.role === 'hq_admin' ? await this.staff.listAll() : await this.staff.listByBranch(actor.branchId ?? '');
    // An invite code activates its account (and resets its password): only those who may manage a row see it.
    return rows.map((row) => toStaff(row, mayManage(actor, row)));
  }

  async updateStaff(actor: AuthUser, id: string, dto: UpdateStaffRequest, ip: string): Promise<Staff> {
    const target = await this.manageable(actor, id);
    if (dto.status === 'disabled' && target.id === actor.id) throw AppException.badRequest('VALIDATION_FAILED', '不能停用自己的账号');
    if (dto.branchId !== undefined && actor.role !== 'hq_admin') throw AppException.forbidden('只有总部可以调整员工门店');
    if (dto.branchId && target.role === 'hq_admin') throw AppException.badRequest('VALIDATION_FAILED', '总部管理员不属于任何门店', { issues: [{ path: 'branchId', message: '总部管理员不选门店' }] });
    if (dto.branchId === null && target.role !== 'hq_admin') throw AppException.badRequest('VALIDATION_FAILED', '员工和门店负责人必须属于一个门店', { issues: [{ path: 'branchId', message: '请选择门店' }] });
    if (dto.branchId && !(await this.branches.findById(dto.branchId))) throw AppException.notFound('BRANCH_NOT_FOUND', '门店不存在');
    const handoverTo = dto.handoverToStaffId ?? null;
    if (handoverTo) {
      const heir = await this.staff.findById(handoverTo);
      const reachable = heir && heir.status === 'active' && heir.id !== id && (actor.role === 'hq_admin' || heir.branchId === actor.branchId);
      if (!reachable) throw AppException.notFound('STAFF_NOT_FOUND', '接手的员工不存在或已停用');
    }
    const patch: Partial<StaffEntity> = {};
    if (dto.status !== undefined) patch.status = dto.status;
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.branchId !== undefined) patch.branchId = dto.branchId;
    // Leads the disabled member's links still bring go to the heir (or, with none, to the public pool).
    if (dto.status === 'disabled' && target.status !== 'disabled') patch.successorStaffId = handoverTo;
    if (Object.keys(patch).length) await this.staff.update(id, patch);
    let leadsHandedOver = 0;
    if (dto.status === 'disabled' && target.status !== 'disabled') {
      await this.sessions.revokeAllFor(id);
      leadsHandedOver = await this.disableHook.handOverLeads(actor, id, handoverTo, ip);
    }
    await this.audit.record({ actorStaffId: actor.id, action: 'staff.update', targetType: 'staff', targetId: id, detail: { ...patch, ...(dto.status === 'disabled' ? { handoverTo, leadsHandedOver } : {}) }, ip });
    return toStaff({ ...target, ...patch }, true);
  }

  /** A new invite code: for a staff member who lost theirs, or to reset a password or bind a new WeChat. */
  async reissueInvite(actor: AuthUser, id: string, ip: string): Promise<Staff> {
    const target = await this.manageable(actor, id);
    const inviteCode = newInviteCode();
    await this.staff.update(id, { inviteCode });
    await this.audit.record({ actorStaffId: actor.id, action: 'staff.invite', targetType: 'staff', targetId: id, ip });
    return toStaff({ ...target, inviteCode }, true);
  }

  /** The staff member if the actor may manage them; 404 otherwise (no hint that they exist). */
  private async manageable(actor: AuthUser, id: string): Promise<StaffEntity> {
    const target = await this.staff.findById(id);
    if (!target || !mayManage(actor, target)) throw AppException.notFound('STAFF_NOT_FOUND', '员工不存在');
    return target;
  }
}

/** HQ manages everyone; a branch manager manages the role-`staff` members of their own branch, nobody else. */
export function mayManage(actor: AuthUser, target: StaffEntity): boolean {
  if (actor.role === 'hq_admin') return true;
  return actor.role === 'branch_manager' && actor.branchId !== null && target.branchId === actor.branchId && target.role === 'staff';
}
