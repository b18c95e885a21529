import { leadFactory, publicLeadFactory, settingsFactory } from '../../../test/factories/lead.factory';
import { userFactory } from '../../../test/factories/staff.factory';
import { fakeTransactions, mockOf } from '../../../test/factories/unit.factory';
import type { AuditService } from '../../core/audit/audit.service';
import type { OrgService } from '../org/org.service';
import { encodeLeadCursor } from './lead-sort.util';
import type { ContentService } from '../content/content.service';
import type { TagRepository } from './tag/tag.repository';
import { TestClock } from '../../../test/support/test-clock';
import type { LeadEntity } from './lead.entity';
import type { LeadPageFilter, LeadRepository } from './lead.repository';
import { LeadService } from './lead.service';
import type { PoolSettingsService } from './settings/pool-settings.service';

/** Scoping with the repository mocked: what the list asks the database for, and who may act on a lead. */
describe('LeadService: scoping', () => {
  function setup(rows: LeadEntity[] = [], locked: LeadEntity | null = null) {
    const leads = mockOf<LeadRepository>({ hasHeat: () => false, page: async () => rows, findByIdForUpdate: async () => locked, findById: async () => locked });
    const audit = mockOf<AuditService>({ record: async () => undefined });
    const service = new LeadService(
      leads,
      mockOf<PoolSettingsService>({ get: async () => settingsFactory() }),
      mockOf<OrgService>({ staffNames: async () => new Map([['staff-owner', '李娜']]), branchNames: async () => new Map([['branch-a', '甲店']]) }),
      audit,
      mockOf<ContentService>({ titlesByIds: async () => new Map() }),
      mockOf<TagRepository>({ refsOfLeads: async () => new Map() }),
      new TestClock(),
    );
    return { service, leads, audit, asked: (): LeadPageFilter | undefined => leads.page.mock.calls[0]?.[0] };
  }

  it('asks for the caller’s scope only, one row more than the page to know whether another follows', async () => {
    const s = setup();
    await s.service.list(userFactory.staff(), { ownerStaffId: 'staff-owner', limit: 10 });
    expect(s.leads.page).toHaveBeenCalledWith({ ownerStaffId: 'staff-owner' }, 11, { sort: 'created_desc', after: undefined });
    const m = setup();
    await m.service.list(userFactory.manager('branch-a'), { status: 'new' });
    expect(m.asked()).toEqual({ status: 'new', branchId: 'branch-a' });
  });

  it('a filter outside the scope answers an empty page without a query', async () => {
    const s = setup();
    expect(await s.service.list(userFactory.staff(), { ownerStaffId: 'staff-other' })).toEqual({ items: [], nextCursor: null });
    expect(await s.service.list(userFactory.manager('branch-a'), { branchId: 'branch-b' })).toEqual({ items: [], nextCursor: null });
    expect(s.leads.page).not.toHaveBeenCalled();
  });

  it('pages by cursor, masks phones the caller does not own, and refuses a forged cursor', async () => {
    const rows = [leadFactory({ ownerStaffId: 'staff-owner' }), leadFactory({ ownerStaffId: 'staff-other' }), leadFactory()];
    const s = setup(rows);
    const page = await s.service.list(userFactory.manager('branch-a'), { limit: 2, cursor: encodeLeadCursor('created_desc', rows[0]) });
    expect(s.asked()).toMatchObject({ branchId: 'branch-a' });
    expect(s.leads.page.mock.calls[0][2]).toEqual({ sort: 'created_desc', after: { value: null, id: rows[0].id } });
    expect(page.items.map((i) => i.phoneMasked)).toEqual([true, true]);
    expect(page.items[0].ownerName).toBe('李娜');
    expect(page.items[0]).toMatchObject({ branchName: '甲店', tags: [], heat: null, doNotContact: false });
    expect(page.nextCursor).toBe(encodeLeadCursor('created_desc', rows[1]));
    await expect(setup().service.list(userFactory.hq(), { cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('acting on a lead: out of sight is 404, in sight but someone else’s is 403 for owner-only actions', async () => {
    const { tx } = fakeTransactions();
    const others = leadFactory({ ownerStaffId: 'staff-other', branchId: 'branch-a' });
    await expect(setup([], others).service.lockVisible(tx, userFactory.staff(), others.id)).rejects.toMatchObject({ status: 404, code: 'LEAD_NOT_FOUND' });
    await expect(setup([], null).service.lockVisible(tx, userFactory.hq(), 'missing')).rejects.toMatchObject({ status: 404 });
    await expect(setup([], others).service.lockOwned(tx, userFactory.manager('branch-a'), others.id)).rejects.toMatchObject({ status: 403, code: 'NOT_LEAD_OWNER' });
    const pooled = publicLeadFactory();
    await expect(setup([], pooled).service.lockVisible(tx, userFactory.staff(), pooled.id)).resolves.toBe(pooled);
  });

  it('reveal: audited before the phone is answered; nothing audited when refused', async () => {
    const lead = leadFactory({ ownerStaffId: 'staff-other', branchId: 'branch-a' });
    const ok = setup([], lead);
    expect(await ok.service.revealPhone(userFactory.manager('branch-a'), lead.id, '回访', '10.0.0.1')).toEqual({ phone: lead.phone });
    expect(ok.audit.record).toHaveBeenCalledWith({ actorStaffId: expect.any(String), action: 'lead.reveal', targetType: 'lead', targetId: lead.id, detail: { reason: '回访' }, ip: '10.0.0.1' });
    const other = setup([], lead);
    await expect(other.service.revealPhone(userFactory.manager('branch-b'), lead.id, '回访', '10.0.0.1')).rejects.toMatchObject({ status: 404 });
    await expect(other.service.revealPhone(userFactory.staff(), lead.id, '回访', '10.0.0.1')).rejects.toMatchObject({ status: 404 });
    expect(other.audit.record).not.toHaveBeenCalled();
  });
});
