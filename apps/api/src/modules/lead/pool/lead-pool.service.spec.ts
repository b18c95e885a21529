import { leadFactory, NOW, publicLeadFactory, settingsFactory } from '../../../../test/factories/lead.factory';
import { userFactory } from '../../../../test/factories/staff.factory';
import { fakeTransactions, mockOf } from '../../../../test/factories/unit.factory';
import type { Clock } from '../../../core/clock/clock';
import { idFloor } from '../../../core/database/id.util';
import type { OrgService } from '../../org/org.service';
import type { LeadEntity } from '../lead.entity';
import type { LeadRepository } from '../lead.repository';
import type { LeadService } from '../lead.service';
import type { PoolSettingsService } from '../settings/pool-settings.service';
import { chinaDayStart } from '../../../core/clock/clock';
import { LeadPoolService } from './lead-pool.service';
import type { OwnershipChangeEntity } from './ownership-change.entity';
import type { OwnershipRepository } from './ownership.repository';
import type { OwnershipService } from './ownership.service';

/** Claims and their caps, repositories mocked: the daily cap, the hold cap, the reclaim block, lost races. */
describe('LeadPoolService.claim: the claim caps', () => {
  const me = userFactory.staff('staff-me', 'branch-a');
  const settings = settingsFactory({ claimDailyCap: 3, claimHoldCap: 5, reclaimBlockDays: 7 });

  function setup(lead: LeadEntity | null, counts: { today?: number; held?: number } = {}, latest: Partial<OwnershipChangeEntity> | null = null) {
    const { transactions, tx } = fakeTransactions();
    const order: string[] = [];
    const leads = mockOf<LeadRepository>({
      findByIdForUpdate: async () => lead,
      countHeld: async () => (order.push('held'), counts.held ?? 0),
    });
    const changes = mockOf<OwnershipRepository>({
      countTakenFromPool: async () => (order.push('today'), counts.today ?? 0),
      latest: async () => latest as OwnershipChangeEntity | null,
    });
    const org = mockOf<OrgService>({ lockStaff: async () => void order.push('lock') });
    const ownership = mockOf<OwnershipService>();
    const service = new LeadPoolService(
      leads,
      mockOf<LeadService>({ listItem: async () => ({ id: lead?.id }) as never }),
      ownership,
      changes,
      mockOf<PoolSettingsService>({ get: async () => settings }),
      org,
      mockOf<Clock>({ now: () => NOW }),
      transactions,
    );
    return { claim: () => service.claim(me, lead?.id ?? 'missing', '203.0.113.1'), ownership, changes, org, order, tx };
  }

  it('under both caps the lead is taken: the staff row is locked first, then both counts, then the move', async () => {
    const lead = publicLeadFactory();
    const s = setup(lead, { today: 2, held: 4 });
    await s.claim();
    expect(s.order).toEqual(['lock', 'today', 'held']);
    expect(s.org.lockStaff).toHaveBeenCalledWith(s.tx, 'staff-me');
    expect(s.changes.countTakenFromPool).toHaveBeenCalledWith(s.tx, 'staff-me', idFloor(chinaDayStart(NOW)));
    expect(s.ownership.transfer).toHaveBeenCalledWith(s.tx, lead, { rule: 'claimed', actorStaffId: 'staff-me', ip: '203.0.113.1', toStaffId: 'staff-me', settings }, NOW);
  });

  it('the daily cap: the day’s takes reached it, nothing moves', async () => {
    const s = setup(publicLeadFactory(), { today: 3 });
    await expect(s.claim()).rejects.toMatchObject({ status: 409, code: 'CLAIM_LIMIT_REACHED', message: expect.stringContaining('今天已领取 3 条') });
    expect(s.ownership.transfer).not.toHaveBeenCalled();
  });

  it('the hold cap: the open private leads held reached it, nothing moves', async () => {
    const s = setup(publicLeadFactory(), { today: 0, held: 5 });
    await expect(s.claim()).rejects.toMatchObject({ status: 409, code: 'CLAIM_LIMIT_REACHED', message: expect.stringContaining('上限（5 条）') });
    expect(s.ownership.transfer).not.toHaveBeenCalled();
  });

  it('the reclaim block: the staff member who lost it to the pool waits reclaimBlockDays', async () => {
    const s = setup(publicLeadFactory('staff-me', 3));
    await expect(s.claim()).rejects.toMatchObject({ status: 409, code: 'RECLAIM_BLOCKED' });
    expect(s.org.lockStaff).not.toHaveBeenCalled();
    await setup(publicLeadFactory('staff-me', 8)).claim();
  });

  it('a lead no longer in the pool: a lost race (409) if it left minutes ago, out of sight (404) otherwise', async () => {
    const taken = leadFactory({ ownerStaffId: 'staff-other', branchId: 'branch-b' });
    const justNow = { rule: 'claimed' as const, createdAt: new Date(NOW.getTime() - 60_000) };
    await expect(setup(taken, {}, justNow).claim()).rejects.toMatchObject({ status: 409, code: 'LEAD_ALREADY_CLAIMED' });
    await expect(setup(taken, {}, { ...justNow, createdAt: new Date(NOW.getTime() - 3600_000) }).claim()).rejects.toMatchObject({ status: 404, code: 'LEAD_NOT_FOUND' });
    await expect(setup(null).claim()).rejects.toMatchObject({ status: 404 });
  });
});

describe('chinaDayStart: claims per day count from midnight in China (UTC+8)', () => {
  it.each([
    ['2026-03-01T15:59:59.000Z', '2026-02-28T16:00:00.000Z'],
    ['2026-03-01T16:00:00.000Z', '2026-03-01T16:00:00.000Z'],
    ['2026-03-02T04:00:00.000Z', '2026-03-01T16:00:00.000Z'],
  ])('%s → %s', (now, start) => expect(chinaDayStart(new Date(now)).toISOString()).toBe(start));
});
