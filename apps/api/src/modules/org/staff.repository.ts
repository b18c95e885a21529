import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { StaffEntity } from './staff.entity';

@Injectable()
export class StaffRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(StaffEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<StaffEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(StaffEntity).findOneBy({ id });
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

  listByBranch(branchId: string): Promise<StaffEntity[]> {
    return this.repo.find({ where: { branchId }, order: { id: 'ASC' } });
  }

  hasHqAdmin(): Promise<boolean> {
    return this.repo.existsBy({ role: 'hq_admin' });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async insert(staff: StaffEntity): Promise<void> {
    await this.repo.insert(staff);
  }

  async update(id: string, patch: Partial<StaffEntity>): Promise<void> {
    await this.repo.update({ id }, { ...patch, updatedAt: new Date() });
  }

  /** Uses an invite code exactly once: only one of two racing activations wins. */
  async consumeInvite(id: string, inviteCode: string, patch: Partial<StaffEntity>): Promise<boolean> {
    const result = await this.repo.update({ id, inviteCode, status: 'active' }, { ...patch, inviteCode: null, updatedAt: new Date() });
    return Boolean(result.affected);
  }

  /** Binds an openid to a staff member unless another one already has it. */
  async isOpenidBoundElsewhere(openid: string, staffId: string): Promise<boolean> {
    return this.repo.existsBy({ wechatOpenid: openid, id: Not(staffId) });
  }

  /** Ends every access token of the staff member at once (the guard compares versions). */
  async bumpTokenVersion(id: string): Promise<void> {
    await this.repo.increment({ id }, 'tokenVersion', 1);
  }

  async tokenVersionOf(id: string): Promise<number> {
    return (await this.repo.findOne({ where: { id }, select: { id: true, tokenVersion: true } }))?.tokenVersion ?? 0;
  }

  activatedCount(): Promise<number> {
    return this.repo.countBy({ passwordHash: Not(IsNull()) });
  }
}
