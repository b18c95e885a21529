import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { normalizePhone, type Branch, type BranchSummary, type CreateBranchRequest, type HandoverPreview, type Role, type CreateStaffRequest, type Staff, type StaffUpdateResponse, type UpdateStaffAdminRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { type AuditEntry, AuditService } from '../../core/audit/audit.service';
import { SessionRevoker } from '../../core/auth/session-revoker';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { newId } from '../../core/database/id.util';
import { type Transaction, TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { BranchRepository } from './branch.repository';
import { toBranch, toStaff } from './org.mapper';
import type { StaffEntity } from './staff.entity';
import { newStaffEntity, type NewStaff, StaffRepository } from './staff.repository';

const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L: read aloud and typed on a phone

export function newInviteCode(): string {
  return Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
}

/**
 * What happens elsewhere when a staff member is disabled (the lead module hands their leads over): modules
 * register at init (`onStaffDisabled`), so org depends on none of them. Returns how many leads moved.
 */
/** What org shows about leads without depending on the lead module. */
export interface OrgLeadCounts {
  /** Leads (any pool, any status) per branch. */
  byBranch(): Promise<Map<string, number>>;
  /** What disabling a staff member would hand over. */
  heldBy(staffId: string): Promise<HandoverPreview>;
}

export type StaffDisabledHandler = (actor: AuthUser, staffId: string, heirId: string | null, ip: string) => Promise<number>;

/** Branches and staff: HQ's and managers' routes, and what other modules may ask of the organisation. */
@Injectable()
export class OrgService {
  private readonly disabledHandlers: StaffDisabledHandler[] = [];
  private leadCounts: OrgLeadCounts = { byBranch: async () => new Map(), heldBy: async () => ({ privateLeads: 0, withPlannedFollowUp: 0 }) };

  constructor(
    @Inject(BranchRepository) private readonly branches: BranchRepository,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionRevoker) private readonly sessions: SessionRevoker,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** The lead module's counts (org cannot import it): registered at init, like `onStaffDisabled`. */
  useLeadCounts(counts: OrgLeadCounts): void {
    this.leadCounts = counts;
  }

  onStaffDisabled(handler: StaffDisabledHandler): void {
    this.disabledHandlers.push(handler);
  }

  staffById(id: string, tx?: Transaction): Promise<StaffEntity | null> {
    return this.staff.findById(id, tx);
  }

  /** Locks the staff member's row until `tx` ends: what serialises one member's claims against their caps. */
  async lockStaff(tx: Transaction, id: string): Promise<void> {
    await this.staff.findByIdForUpdate(tx, id);
  }

  /** Names by staff id (for lists and timelines), in one query; unknown ids are left out. */
  async staffNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
    return new Map((await this.staff.findByIds(unique)).map((s) => [s.id, s.name]));
  }

  /** The active staff members of a branch (the dashboards' ranks within a branch). */
  async activeStaffOfBranch(branchId: string): Promise<StaffEntity[]> {
    return (await this.staff.listByBranch(branchId)).filter((s) => s.status === 'active');
  }

  /** Name and role of each staff member (the audit log's actors). */
  async staffSummaries(ids: Iterable<string | null | undefined>): Promise<Map<string, { name: string; role: Role }>> {
    const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
    return new Map((await this.staff.findByIds(unique)).map((s) => [s.id, { name: s.name, role: s.role }]));
  }

  /** Ids of the staff of a branch (a branch manager's scope in the audit log). */
  async staffIdsOfBranch(branchId: string): Promise<string[]> {
    return (await this.staff.listByBranch(branchId)).map((s) => s.id);
  }

  /** Ids of staff whose name holds `q` (the audit log's search by actor). */
  async staffIdsNamed(q: string): Promise<string[]> {
    return this.staff.idsNamed(q, 100);
  }

  async branchNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
    return new Map((await this.branches.findByIds(unique)).map((b) => [b.id, b.name]));
  }

  /** A branch's name, or null (no branch, or deleted). */
  async branchName(id: string | null): Promise<string | null> {
    return id ? ((await this.branches.findById(id))?.name ?? null) : null;
  }

  hasStaff(): Promise<boolean> {
    return this.staff.hasAny();
  }

  /** A branch and active staff as the demo seed makes them (no actor, no audit line). */
  async addBranch(name: string): Promise<string> {
    const id = newId();
    await this.branches.insert({ id, name, createdAt: new Date() });
    return id;
  }

  async addActiveStaff(fields: NewStaff): Promise<string> {
    const entity = newStaffEntity(fields, null);
    await this.staff.insert(entity);
    return entity.id;
  }

  async createBranch(actor: AuthUser, dto: CreateBranchRequest, ip: string): Promise<Branch> {
    const branch = { id: newId(), name: dto.name, createdAt: new Date() };
    await this.insertAudited(
      (tx) => this.branches.insert(branch, tx),
      () => AppException.conflict('BRANCH_NAME_TAKEN', '已有同名门店'),
      { actorStaffId: actor.id, action: 'branch.create', targetType: 'branch', targetId: branch.id, detail: { name: dto.name }, ip },
    );
    return toBranch(branch);
  }

  /** Every branch with its staff and leads counted (the 门店与员工 page). */
  async branchSummaries(): Promise<BranchSummary[]> {
    const [branches, staff, leads] = await Promise.all([this.listBranches(), this.staff.countsByBranch(), this.leadCounts.byBranch()]);
    return branches.map((b) => ({ ...b, staffCount: staff.get(b.id)?.staff ?? 0, activeStaffCount: staff.get(b.id)?.active ?? 0, leadCount: leads.get(b.id) ?? 0 }));
  }

  async renameBranch(actor: AuthUser, id: string, name: string, ip: string): Promise<Branch> {
    const branch = await this.branches.findById(id);
    if (!branch) throw AppException.notFound('BRANCH_NOT_FOUND', '门店不存在');
    try {
      await this.transactions.run(async (tx) => {
        await this.branches.rename(tx, id, name);
        await this.audit.record({ actorStaffId: actor.id, action: 'branch.update', targetType: 'branch', targetId: id, detail: { from: branch.name, name }, ip }, tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppException.conflict('BRANCH_NAME_TAKEN', '已有同名门店');
      throw error;
    }
    return toBranch({ ...branch, name });
  }

  /** Only an empty branch goes (no staff, no leads): 409 BRANCH_NOT_EMPTY with the counts otherwise. */
  async deleteBranch(actor: AuthUser, id: string, ip: string): Promise<void> {
    const branch = await this.branches.findById(id);
    if (!branch) throw AppException.notFound('BRANCH_NOT_FOUND', '门店不存在');
    const [staff, leads] = await Promise.all([this.staff.countsByBranch(), this.leadCounts.byBranch()]);
    const counts = { staff: staff.get(id)?.staff ?? 0, leads: leads.get(id) ?? 0 };
    if (counts.staff || counts.leads) throw new AppException(409, 'BRANCH_NOT_EMPTY', `门店还有 ${counts.staff} 名员工、${counts.leads} 条线索，清空后才能删除`, counts);
    await this.transactions.run(async (tx) => {
      await this.branches.delete(tx, id);
      await this.audit.record({ actorStaffId: actor.id, action: 'branch.delete', targetType: 'branch', targetId: id, detail: { name: branch.name }, ip }, tx);
    });
  }

  /** What disabling this staff member would hand over (those who may manage them). */
  async handoverPreview(actor: AuthUser, id: string): Promise<HandoverPreview> {
    await this.manageable(actor, id);
    return this.leadCounts.heldBy(id);
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

    const entity = newStaffEntity({ name: dto.name, phone: normalizePhone(dto.phone) as string, role: dto.role, branchId, passwordHash: null }, newInviteCode());
    await this.insertAudited(
      (tx) => this.staff.insert(entity, tx),
      () => AppException.conflict('PHONE_TAKEN', '该手机号已被其他员工使用'),
      { actorStaffId: actor.id, action: 'staff.create', targetType: 'staff', targetId: entity.id, detail: { name: entity.name, role: entity.role, branchId }, ip },
    );
    return toStaff(entity, true);
  }

  async listStaff(actor: AuthUser): Promise<Staff[]> {
    const rows = actor.role === 'hq_admin' ? await this.staff.listAll() : await this.staff.listByBranch(actor.branchId ?? '');
    // An invite code activates its account (and resets its password): only those who may manage a row see it.
    return rows.map((row) => toStaff(row, mayManage(actor, row)));
  }

  async updateStaff(actor: AuthUser, id: string, dto: UpdateStaffAdminRequest, ip: string): Promise<StaffUpdateResponse> {
    const target = await this.manageable(actor, id);
    if (dto.role !== undefined && dto.role !== target.role) {
      if (actor.role !== 'hq_admin') throw AppException.forbidden('只有总部可以调整角色');
      if (target.id === actor.id) throw AppException.badRequest('VALIDATION_FAILED', '不能修改自己的角色');
      const branchAfter = dto.branchId !== undefined ? dto.branchId : target.branchId;
      if (dto.role === 'hq_admin' && branchAfter) throw AppException.badRequest('VALIDATION_FAILED', '总部管理员不属于任何门店', { issues: [{ path: 'branchId', message: '总部管理员不选门店' }] });
      if (dto.role !== 'hq_admin' && !branchAfter) throw AppException.badRequest('VALIDATION_FAILED', '员工和门店负责人必须属于一个门店', { issues: [{ path: 'branchId', message: '请选择门店' }] });
    }
    const roleAfter = dto.role ?? target.role;
    if (dto.status === 'disabled' && target.id === actor.id) throw AppException.badRequest('VALIDATION_FAILED', '不能停用自己的账号');
    if (dto.branchId !== undefined && actor.role !== 'hq_admin') throw AppException.forbidden('只有总部可以调整员工门店');
    if (dto.branchId && roleAfter === 'hq_admin') throw AppException.badRequest('VALIDATION_FAILED', '总部管理员不属于任何门店', { issues: [{ path: 'branchId', message: '总部管理员不选门店' }] });
    if (dto.branchId === null && roleAfter !== 'hq_admin') throw AppException.badRequest('VALIDATION_FAILED', '员工和门店负责人必须属于一个门店', { issues: [{ path: 'branchId', message: '请选择门店' }] });
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
    if (dto.role !== undefined && dto.role !== target.role) patch.role = dto.role;
    const disabling = dto.status === 'disabled' && target.status !== 'disabled';
    // Leads the disabled member's links still bring go to the heir (or, with none, to the public pool).
    if (disabling) patch.successorStaffId = handoverTo;
    await this.transactions.run(async (tx) => {
      if (Object.keys(patch).length) await this.staff.update(id, patch, tx);
      if (disabling) await this.sessions.revokeAllFor(id, tx);
      await this.audit.record({ actorStaffId: actor.id, action: 'staff.update', targetType: 'staff', targetId: id, detail: { ...patch, ...(disabling ? { handoverTo } : {}) }, ip }, tx);
    });
    if (disabling) {
      // Each lead moves in its own unit of work (and audit line); the count is noted once they have.
      let leads = 0;
      for (const handler of this.disabledHandlers) leads += await handler(actor, id, handoverTo, ip);
      await this.audit.record({ actorStaffId: actor.id, action: 'staff.handover', targetType: 'staff', targetId: id, detail: { handoverTo, leads }, ip });
      const heirName = handoverTo ? ((await this.staffNames([handoverTo])).get(handoverTo) ?? null) : null;
      return { ...toStaff({ ...target, ...patch }, true), handover: { leads, toStaffId: handoverTo, toStaffName: heirName } };
    }
    return toStaff({ ...target, ...patch }, true);
  }

  /** A new invite code: for a staff member who lost theirs, or to reset a password or bind a new WeChat. */
  async reissueInvite(actor: AuthUser, id: string, ip: string): Promise<Staff> {
    const target = await this.manageable(actor, id);
    const inviteCode = newInviteCode();
    await this.transactions.run(async (tx) => {
      await this.staff.update(id, { inviteCode }, tx);
      await this.audit.record({ actorStaffId: actor.id, action: 'staff.invite', targetType: 'staff', targetId: id, ip }, tx);
    });
    return toStaff({ ...target, inviteCode }, true);
  }

  /** Inserts a row a unique key guards (a branch's name, a staff member's phone) with its audit line; `taken` when refused. */
  private async insertAudited(insert: (tx: Transaction) => Promise<void>, taken: () => AppException, entry: AuditEntry): Promise<void> {
    await this.transactions.run(async (tx) => {
      try {
        await insert(tx);
      } catch (error) {
        if (isUniqueViolation(error)) throw taken();
        throw error;
      }
      await this.audit.record(entry, tx);
    });
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
