import type { SubmitLeadRequest } from '@fenji/shared';
import { leadFactory, NOW, publicLeadFactory, settingsFactory } from '../../../../test/factories/lead.factory';
import { shareFactory } from '../../../../test/factories/share.factory';
import { staffFactory } from '../../../../test/factories/staff.factory';
import { fakeTransactions, mockOf } from '../../../../test/factories/unit.factory';
import { DAY_MS, type Clock } from '../../../core/clock/clock';
import type { AppConfig } from '../../../core/config/config';
import { TransactionConflict } from '../../../core/database/transaction.runner';
import type { RateLimitStore } from '../../../core/rate-limit/rate-limit.store';
import type { OrgService } from '../../org/org.service';
import type { StaffEntity } from '../../org/staff.entity';
import type { ShareService } from '../../share/share.service';
import type { VisitService } from '../../visit/visit.service';
import type { LeadEntity } from '../lead.entity';
import type { LeadRepository } from '../lead.repository';
import type { LeadPoolService } from '../pool/lead-pool.service';
import type { OwnershipService } from '../pool/ownership.service';
import type { PoolSettingsService } from '../settings/pool-settings.service';
import { LeadAcceptedEvents } from './lead-accepted.events';
import { LeadIntakeService, submissionHash } from './lead-intake.service';
import type { Metrics } from '../../../core/metrics/metrics';
import type { ConsentService } from '../../privacy/consent.service';
import type { TouchRepository } from './touch.repository';

/** The attribution of a touch, with every repository and neighbour mocked: which rule fires, and what it writes. */
describe('LeadIntakeService.submit: attribution of a touch', () => {
  const RECEIVER = 'staff-receiver';
  const settings = settingsFactory({ protectionDays: 30, reclaimBlockDays: 7 });

  function setup(existing: LeadEntity | null, staff: StaffEntity[] = [staffFactory({ id: RECEIVER, branchId: 'branch-b' })]) {
    const { transactions, tx } = fakeTransactions();
    const share = shareFactory({ staffId: staff[0].id });
    const leads = mockOf<LeadRepository>({ findByPhoneForUpdate: async () => existing });
    const touches = mockOf<TouchRepository>({ findByKey: async () => null });
    const ownership = mockOf<OwnershipService>();
    const pool = mockOf<LeadPoolService>({ takeFromPool: async () => 'taken' as const });
    const visits = mockOf<VisitService>();
    const service = new LeadIntakeService(
      { leadRateLimitPerMinute: 20 } as AppConfig,
      leads,
      touches,
      mockOf<ShareService>({ findByCode: async () => share }),
      mockOf<OrgService>({ staffById: async (id: string) => staff.find((s) => s.id === id) ?? null }),
      visits,
      mockOf<RateLimitStore>({ hit: async () => ({ allowed: true, hits: 1, retryAfterSeconds: 60 }) }),
      ownership,
      pool,
      mockOf<PoolSettingsService>({ get: async () => settings }),
      mockOf<Clock>({ now: () => NOW }),
      transactions,
      new LeadAcceptedEvents(),
      mockOf<ConsentService>({ assertCurrent: () => undefined, record: async () => undefined }),
      mockOf<Metrics>({ leadsAccepted: { inc: () => undefined } as never }),
    );
    const submit = (fields: Partial<SubmitLeadRequest> = {}) =>
      service.submit({ shareCode: share.code, name: '王芳', phone: existing?.phone ?? '13900000001', consent: true, ...fields }, { ip: '203.0.113.9', visitorId: null });
    const touch = () => touches.insert.mock.calls[0]?.[1];
    return { submit, leads, touches, ownership, pool, visits, tx, share, touch };
  }

  it('a first touch makes the lead, owned by the share’s staff member and protected, in one unit with its first change', async () => {
    const s = setup(null);
    await s.submit({ visitorId: 'visitor-0123456789abcdef' });
    const lead = s.leads.insert.mock.calls[0][1];
    expect(lead).toMatchObject({ ownerStaffId: RECEIVER, pool: 'private', branchId: 'branch-b', touchCount: 1, ownershipVersion: 1 });
    expect(lead.protectedUntil).toEqual(new Date(NOW.getTime() + 30 * DAY_MS));
    expect(s.ownership.recordFirstTouch).toHaveBeenCalledWith(s.tx, lead, s.share.id, NOW);
    expect(s.touch()).toMatchObject({ leadId: lead.id, collision: false });
    expect(s.visits.stitchVisitor).toHaveBeenCalledWith(s.tx, 'visitor-0123456789abcdef', lead.id, s.share.id, NOW);
    expect(s.leads.recordTouch).not.toHaveBeenCalled();
  });

  it('a touch through the owner’s own share moves nothing and is no collision', async () => {
    const s = setup(leadFactory({ ownerStaffId: RECEIVER }));
    await s.submit();
    expect(s.ownership.transfer).not.toHaveBeenCalled();
    expect(s.pool.takeFromPool).not.toHaveBeenCalled();
    expect(s.touch()).toMatchObject({ collision: false });
    expect(s.leads.recordTouch).toHaveBeenCalledWith(s.tx, expect.any(String), NOW);
  });

  it('another staff member’s share inside the protection period is a collision: recorded, owner unchanged', async () => {
    const s = setup(leadFactory({ ownerStaffId: 'staff-owner', protectedUntil: new Date(NOW.getTime() + DAY_MS) }));
    await s.submit();
    expect(s.touch()).toMatchObject({ collision: true });
    expect(s.ownership.transfer).not.toHaveBeenCalled();
    expect(s.pool.takeFromPool).not.toHaveBeenCalled();
  });

  it('a public-pool lead goes to the share’s staff member through the claim caps (public_touch)', async () => {
    const lead = publicLeadFactory('staff-previous', 1);
    const s = setup(lead);
    await s.submit();
    expect(s.pool.takeFromPool).toHaveBeenCalledWith(s.tx, RECEIVER, lead, { rule: 'public_touch', shareId: s.share.id }, settings, NOW);
    expect(s.touch()).toMatchObject({ collision: false });
  });

  it('…but not back to the staff member who lost it to the pool within the reclaim block', async () => {
    const s = setup(publicLeadFactory(RECEIVER, 2));
    await s.submit();
    expect(s.pool.takeFromPool).not.toHaveBeenCalled();
    expect(s.touch()).toMatchObject({ collision: false });
  });

  it('after the reclaim block the previous owner’s share takes it again', async () => {
    const s = setup(publicLeadFactory(RECEIVER, 8));
    await s.submit();
    expect(s.pool.takeFromPool).toHaveBeenCalledTimes(1);
  });

  it('after the protection period the lead moves to the share’s staff member (protection_expired_touch)', async () => {
    const lead = leadFactory({ ownerStaffId: 'staff-owner', protectedUntil: new Date(NOW.getTime() - 1) });
    const s = setup(lead);
    await s.submit();
    expect(s.ownership.transfer).toHaveBeenCalledWith(s.tx, lead, { toStaffId: RECEIVER, rule: 'protection_expired_touch', shareId: s.share.id, settings }, NOW);
    expect(s.touch()).toMatchObject({ collision: false });
  });

  it('a converted lead stays with whoever converted it, protection or not', async () => {
    const s = setup(leadFactory({ ownerStaffId: 'staff-owner', status: 'converted', protectedUntil: new Date(NOW.getTime() - DAY_MS) }));
    await s.submit();
    expect(s.ownership.transfer).not.toHaveBeenCalled();
  });

  it('a disabled member’s share brings new leads to their heir, or with none to the public pool of their branch', async () => {
    const disabled = staffFactory({ id: 'staff-gone', status: 'disabled', successorStaffId: RECEIVER, branchId: 'branch-a' });
    const heir = setup(null, [disabled, staffFactory({ id: RECEIVER, branchId: 'branch-b' })]);
    await heir.submit();
    expect(heir.leads.insert.mock.calls[0][1]).toMatchObject({ ownerStaffId: RECEIVER, pool: 'private', branchId: 'branch-b' });

    const none = setup(null, [{ ...disabled, successorStaffId: null }]);
    await none.submit();
    expect(none.leads.insert.mock.calls[0][1]).toMatchObject({ ownerStaffId: null, pool: 'public', branchId: 'branch-a', protectedUntil: null });
  });

  it('a replayed idempotency key writes nothing; the same key with another body is 409', async () => {
    const s = setup(null);
    const body = { phone: '13900000001', idempotencyKey: 'key-0000000000000001' };
    s.touches.findByKey.mockResolvedValue({ id: 't', idempotencyHash: submissionHash({ shareCode: s.share.code, name: '王芳', consent: true, ...body }, '13900000001') } as never);
    await expect(s.submit(body)).resolves.toEqual({ ok: true });
    expect(s.leads.insert).not.toHaveBeenCalled();
    expect(s.touches.insert).not.toHaveBeenCalled();
    await expect(s.submit({ ...body, name: '别人' })).rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a new phone taken meanwhile by another submission asks for the whole unit again (it then finds the winner)', async () => {
    const s = setup(null);
    s.leads.insert.mockRejectedValue(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY', errno: 1062 }));
    await expect(s.submit()).rejects.toBeInstanceOf(TransactionConflict);
    expect(s.touches.insert).not.toHaveBeenCalled();
  });
});
