import { leadFactory, NOW, publicLeadFactory, settingsFactory } from '../../../../test/factories/lead.factory';
import { userFactory } from '../../../../test/factories/staff.factory';
import { idFloor } from '../../../core/database/id.util';
import { canSee, collisionScope, listScope, mayReveal, reclaimBlocked, seesFullPhone } from './lead-access.policy';

const staff = userFactory.staff('staff-owner', 'branch-a');
const manager = userFactory.manager('branch-a');
const hq = userFactory.hq();

describe('who sees a lead', () => {
  const mine = leadFactory({ ownerStaffId: 'staff-owner', branchId: 'branch-a' });
  const colleagues = leadFactory({ ownerStaffId: 'staff-other', branchId: 'branch-a' });
  const otherBranch = leadFactory({ ownerStaffId: 'staff-b', branchId: 'branch-b' });
  const pooled = publicLeadFactory(null, 0, { branchId: 'branch-b' });

  it.each([
    ['staff', staff, [true, false, false, true]],
    ['a branch manager', manager, [true, true, false, false]],
    ['a branch manager without a branch', userFactory.manager(null), [false, false, false, false]],
    ['HQ', hq, [true, true, true, true]],
  ] as const)('%s', (_who, user, expected) => {
    expect([mine, colleagues, otherBranch, pooled].map((lead) => canSee(user, lead))).toEqual(expected);
  });

  it('phones are in full for the owner only, HQ included; HQ and the branch manager in scope may reveal one', () => {
    expect([seesFullPhone(staff, mine), seesFullPhone(staff, colleagues), seesFullPhone(manager, colleagues), seesFullPhone(hq, otherBranch)]).toEqual([true, false, false, false]);
    expect([mayReveal(staff, colleagues), mayReveal(manager, colleagues), mayReveal(manager, otherBranch), mayReveal(hq, otherBranch)]).toEqual([false, true, false, true]);
  });

  it('collisions: HQ all branches, a manager their own, nobody else', () => {
    expect([collisionScope(hq), collisionScope(manager), collisionScope(userFactory.manager(null)), collisionScope(staff)]).toEqual([null, 'branch-a', 'none', 'none']);
  });
});

describe('the reclaim block', () => {
  const settings = settingsFactory({ reclaimBlockDays: 7 });
  it('holds the previous owner off for reclaimBlockDays, nobody else', () => {
    expect(reclaimBlocked(publicLeadFactory('staff-owner', 6.9), 'staff-owner', settings, NOW)).toBe(true);
    expect(reclaimBlocked(publicLeadFactory('staff-owner', 7.1), 'staff-owner', settings, NOW)).toBe(false);
    expect(reclaimBlocked(publicLeadFactory('staff-owner', 1), 'staff-other', settings, NOW)).toBe(false);
    expect(reclaimBlocked(publicLeadFactory(null), 'staff-owner', settings, NOW)).toBe(false);
  });
});

describe('the list scope laid over the filters', () => {
  it('staff: their own leads; the whole public pool when they ask for it; nothing of anyone else', () => {
    expect(listScope(staff, {})).toEqual({ ownerStaffId: 'staff-owner' });
    expect(listScope(staff, { pool: 'public' })).toEqual({ pool: 'public' });
    expect(listScope(staff, { pool: 'public', ownerStaffId: 'staff-other' })).toBeNull();
    expect(listScope(staff, { ownerStaffId: 'staff-other' })).toBeNull();
    expect(listScope(staff, { status: 'contacted', branchId: 'branch-b' })).toEqual({ status: 'contacted', branchId: 'branch-b', ownerStaffId: 'staff-owner' });
  });

  it('a branch manager: their branch whatever they ask; another branch or no branch matches nothing', () => {
    expect(listScope(manager, { ownerStaffId: 'staff-other' })).toEqual({ ownerStaffId: 'staff-other', branchId: 'branch-a' });
    expect(listScope(manager, { branchId: 'branch-b' })).toBeNull();
    expect(listScope(userFactory.manager(null), {})).toBeNull();
  });

  it('HQ: the filters as asked; dates become id bounds', () => {
    expect(listScope(hq, { branchId: 'branch-b', pool: 'private', from: '2026-01-01', to: '2026-01-31' })).toEqual({
      branchId: 'branch-b',
      pool: 'private',
      minId: idFloor(new Date('2026-01-01')),
      maxIdExclusive: idFloor(new Date(Date.parse('2026-01-31') + 1)),
    });
  });

  it('search: a whole phone is an exact match for anyone; digit runs are limited to what the caller sees', () => {
    expect(listScope(staff, { q: '+86 139-1234-5678' })).toEqual({ phone: '13912345678', maskedFor: 'staff-owner', ownerStaffId: 'staff-owner' });
    expect(listScope(manager, { q: '5678' })).toEqual({ q: '5678', maskedFor: 'manager-a', branchId: 'branch-a' });
    expect(listScope(hq, { q: '5678' })).toEqual({ q: '5678', maskedFor: hq.id });
  });
});
