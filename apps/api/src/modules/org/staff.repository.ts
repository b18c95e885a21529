import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { newId } from '../../core/database/id.util';
import type { Transaction } from '../../core/database/transaction.runner';
import { StaffEntity } from './staff.entity';

export interface NewStaff {
  name: string;
  phone: string;
  role: StaffEntity['role'];
  branchId: string | null;
  passwordHash: string | null;
}

/** An active staff member's row: with an invite code to hand over, or (seeded, bootstrapped) none. */
export function newStaffEntity(fields: NewStaff, inviteCode: string | null): StaffEntity {
  const now = new Date();
  return { ...fields, id: newId(), status: 'active', inviteCode, wechatOpenid: null, tokenVersion: 0, successorStaffId: null, createdAt: now, updatedAt: now };
}

@Injectable()
export class StaffRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(StaffEntity);
  }

  findById(id: string, tx?: Transaction): Promise<StaffEntity | null> {
    return (tx?.manager ?? this.dataSource.manager).getRepository(StaffEntity).findOneBy({ id });
  }

  /** Reads and locks the row until the unit ends: what serialises one staff member's claims (the hold cap). */
  findByIdForUpdate(tx: Transaction, id: string): Promise<StaffEntity | null> {
    return tx.manager.getRepository(StaffEntity).findOne({ where: { id }, ...tx.forUpdate });
  }

  findByIds(ids: string[]): Promise<StaffEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByPhone(phone: string): Promise<StaffEntity | null> {
    return this.repo.findOneBy({ phone });
  }

  findByInviteCode(inviteCode: string): Promise<StaffEntity | null> {
    return this.repo.findOneBy({ inviteCode });
  }

  findByWechatOpenid(wechatOpenid: string): Promise<StaffEntity | null> {
    return this.repo.findOneBy({ wechatOpenid });
  }

  listAll(): Promise<StaffEntity[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  async idsNamed(q: string, limit: number): Promise<string[]> {
    const rows = await this.repo
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where("s.name LIKE :like ESCAPE '!'", { like: `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%` })
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Staff of each branch: all, and active. */
  async countsByBranch(): Promise<Map<string, { staff: number; active: number }>> {
    const rows: Array<{ branch_id: string; n: number | string; active: number | string }> = await this.repo
      .createQueryBuilder('s')
      .select('s.branch_id', 'branch_id')
      .addSelect('COUNT(*)', 'n')
      .addSelect("SUM(CASE WHEN s.status = 'active' THEN 1 ELSE 0 END)", 'active')
      .where('s.branch_id IS NOT NULL')
      .groupBy('s.branch_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.branch_id, { staff: Number(r.n), active: Number(r.active) }]));
  }

  listByBranch(branchId: string): Promise<StaffEntity[]> {
    return this.repo.find({ where: { branchId }, order: { id: 'ASC' } });
  }

  hasHqAdmin(): Promise<boolean> {
    return this.repo.existsBy({ role: 'hq_admin' });
  }

  hasAny(): Promise<boolean> {
    return this.repo.exists();
  }

  async insert(staff: StaffEntity, tx?: Transaction): Promise<void> {
    await (tx?.manager ?? this.dataSource.manager).getRepository(StaffEntity).insert(staff);
  }

  async update(id: string, patch: Partial<StaffEntity>, tx?: Transaction): Promise<void> {
    await (tx?.manager ?? this.dataSource.manager).getRepository(StaffEntity).update({ id }, { ...patch, updatedAt: new Date() });
  }

  /** Uses an invite code exactly once: only one of two racing activations wins. */
  async consumeInvite(tx: Transaction, id: string, inviteCode: string, patch: Partial<StaffEntity>): Promise<boolean> {
    const result = await tx.manager.getRepository(StaffEntity).update({ id, inviteCode, status: 'active' }, { ...patch, inviteCode: null, updatedAt: new Date() });
    return Boolean(result.affected);
  }

  /** Binds an openid to a staff member unless another one already has it. */
  async isOpenidBoundElsewhere(openid: string, staffId: string): Promise<boolean> {
    return this.repo.existsBy({ wechatOpenid: openid, id: Not(staffId) });
  }

  /** Ends every access token of the staff member at once (the guard compares versions). */
  async bumpTokenVersion(tx: Transaction, id: string): Promise<void> {
    await tx.manager.getRepository(StaffEntity).increment({ id }, 'tokenVersion', 1);
  }

  async tokenVersionOf(id: string): Promise<number> {
    return (await this.repo.findOne({ where: { id }, select: { id: true, tokenVersion: true } }))?.tokenVersion ?? 0;
  }

  activatedCount(): Promise<number> {
    return this.repo.countBy({ passwordHash: Not(IsNull()) });
  }
}
