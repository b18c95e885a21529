import { DEFAULT_POOL_SETTINGS } from '@fenji/shared';
import { client, type Client } from './support/http';
import { createActiveStaff, createShare, DAY_MS, leadVia, nextPhone, seedOrg, submitLead } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';
import type { TestClock } from './support/test-clock';

type Entry = { kind: string; summary: string; staffId: string | null };

describe('attribution and the lead pool (over HTTP, real database)', () => {
  let t: TestApp;
  let api: Client;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let clock: TestClock;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
    clock = t.clock;
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await api.request('PUT', '/api/pool-settings', { body: DEFAULT_POOL_SETTINGS, token: org.hq.token });
  });

  const detail = async (id: string) => (await api.get(`/api/leads/${id}`, { token: org.hq.token })).body;
  const ownership = async (id: string) => (await detail(id)).timeline.filter((e: Entry) => e.kind === 'ownership') as Entry[];
  const recycle = async () => (await api.post('/api/jobs/recycle', undefined, { token: org.hq.token })).body as { recycled: number; warned: number };
  const settings = (patch: Partial<typeof DEFAULT_POOL_SETTINGS>) => api.request('PUT', '/api/pool-settings', { body: { ...DEFAULT_POOL_SETTINGS, ...patch }, token: org.hq.token });

  it('HQ reads and saves the pool rules; bad rules are 400; staff cannot change them', async () => {
    expect((await api.get('/api/pool-settings', { token: org.a1.token })).body).toEqual(DEFAULT_POOL_SETTINGS);
    const saved = await settings({ protectionDays: 15 });
    expect([saved.status, saved.body.protectionDays]).toEqual([200, 15]);
    expect((await api.get('/api/pool-settings', { token: org.a1.token })).body.protectionDays).toBe(15);
    const bad = await settings({ recycleWarnDays: 7, recycleDays: 7 });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api.request('PUT', '/api/pool-settings', { body: DEFAULT_POOL_SETTINGS, token: org.a1.token })).status).toBe(403);
  });

  it('warns the owner before recycling, recycles after N days without follow-up, and a follow-up restarts the clock', async () => {
    const warned = await leadVia(api, org.a1, org.content.id, org.hq);
    const followed = await leadVia(api, org.a1, org.content.id, org.hq);
    clock.advance(5.5 * DAY_MS); // past the warning point (7 - 2 days), before recycling
    const first = await recycle();
    expect(first.warned).toBeGreaterThanOrEqual(2);
    expect((await recycle()).warned).toBe(0); // one warning per clock start
    const notes = await api.get('/api/notifications', { token: org.a1.token });
    expect(notes.body.some((n: { kind: string; leadId: string }) => n.kind === 'recycle_warning' && n.leadId === warned.id)).toBe(true);

    const fu = await api.post(`/api/leads/${followed.id}/follow-ups`, { method: 'phone', note: '电话沟通，下周到店' }, { token: org.a1.token });
    expect(fu.status).toBe(201);
    clock.advance(2 * DAY_MS); // 7.5 days after the lead, 2 days after the follow-up
    const run = await recycle();
    expect(run.recycled).toBeGreaterThanOrEqual(1);
    const recycled = await detail(warned.id);
    expect(recycled).toMatchObject({ pool: 'public', ownerStaffId: null });
    expect((await ownership(warned.id)).map((e) => e.summary).join()).toContain('超时未跟进');
    const kept = await detail(followed.id);
    expect(kept).toMatchObject({ pool: 'private', ownerStaffId: org.a1.user.id, status: 'contacted' });
    expect(kept.followUps).toHaveLength(1);
    expect(kept.timeline.map((e: Entry) => e.kind)).toEqual(expect.arrayContaining(['follow_up', 'status']));
  });

  it('claiming: one winner, the previous owner is blocked, caps hold', async () => {
    await settings({ claimDailyCap: 2 });
    const leads = [];
    for (let i = 0; i < 4; i++) {
      const lead = await leadVia(api, org.a1, org.content.id, org.hq);
      await api.post(`/api/leads/${lead.id}/release`, { reason: '客户暂无需求' }, { token: org.a1.token });
      leads.push(lead);
    }
    const pool = await api.get('/api/leads?pool=public&limit=100', { token: org.b1.token });
    expect(pool.body.items.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining(leads.map((l) => l.id)));
    expect(pool.body.items.every((l: { phoneMasked: boolean }) => l.phoneMasked)).toBe(true);

    const blocked = await api.post(`/api/leads/${leads[0].id}/claim`, undefined, { token: org.a1.token });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'RECLAIM_BLOCKED']);
    // as Taro.request sends it: a JSON content type and an empty body
    const won = await api.request('POST', `/api/leads/${leads[0].id}/claim`, { token: org.b1.token, raw: '', headers: { 'content-type': 'application/json' } });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ ownerStaffId: org.b1.user.id, pool: 'private', phone: leads[0].phone, phoneMasked: false });
    const late = await api.post(`/api/leads/${leads[0].id}/claim`, undefined, { token: org.a2.token });
    expect([late.status, late.body.code]).toEqual([409, 'LEAD_ALREADY_CLAIMED']);
    expect((await api.post(`/api/leads/${leads[1].id}/claim`, undefined, { token: org.b1.token })).status).toBe(200);
    const capped = await api.post(`/api/leads/${leads[2].id}/claim`, undefined, { token: org.b1.token });
    expect([capped.status, capped.body.code]).toEqual([409, 'CLAIM_LIMIT_REACHED']);
    expect((await api.post(`/api/leads/${leads[2].id}/claim`, undefined, { token: org.a2.token })).status).toBe(200);

    await settings({ claimHoldCap: 1 });
    const held = await api.post(`/api/leads/${leads[3].id}/claim`, undefined, { token: org.b1.token });
    expect([held.status, held.body.code]).toEqual([409, 'CLAIM_LIMIT_REACHED']);
    const summary = (await ownership(leads[0].id)).map((e) => e.summary).join('\n');
    expect(summary).toMatch(/主动放回公海[\s\S]*从公海领取/);
  });

  it('20 parallel claims of one public lead: exactly one wins, the rest get 409 LEAD_ALREADY_CLAIMED', async () => {
    await settings({ claimDailyCap: 1000, claimHoldCap: 100000 });
    const claimers = [];
    for (let i = 0; i < 20; i++) claimers.push(await createActiveStaff(api, org.hq, { branchId: org.branchB.id, name: `抢单${i}` }));
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    await api.post(`/api/leads/${lead.id}/release`, { reason: '放回' }, { token: org.a1.token });
    const results = await Promise.all(claimers.map((c) => api.post(`/api/leads/${lead.id}/claim`, undefined, { token: c.token })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'LEAD_ALREADY_CLAIMED')).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)?.body.ownerStaffId;
    expect((await detail(lead.id)).ownerStaffId).toBe(winner);
    expect((await ownership(lead.id)).filter((e) => e.summary.includes('从公海领取'))).toHaveLength(1);
  });

  it('branch managers assign within their branch with a reason; staff cannot; every assignment is on the timeline and audited', async () => {
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    expect((await api.post(`/api/leads/${lead.id}/assign`, { staffId: org.a2.user.id, reason: '' }, { token: org.manager.token })).status).toBe(400);
    expect((await api.post(`/api/leads/${lead.id}/assign`, { staffId: org.a2.user.id, reason: 'x' }, { token: org.a1.token })).status).toBe(403);
    expect((await api.post(`/api/leads/${lead.id}/assign`, { staffId: org.b1.user.id, reason: '跨店' }, { token: org.manager.token })).body.code).toBe('STAFF_NOT_FOUND');
    const ok = await api.post(`/api/leads/${lead.id}/assign`, { staffId: org.a2.user.id, reason: '甲一休假' }, { token: org.manager.token });
    expect([ok.status, ok.body.ownerStaffId]).toEqual([200, org.a2.user.id]);
    const last = (await ownership(lead.id)).at(-1) as Entry;
    expect(last.summary).toContain('甲一休假');
    expect(last.summary).toContain('分配');
    const hq = await api.post(`/api/leads/${lead.id}/assign`, { staffId: org.b1.user.id, reason: '总部调整' }, { token: org.hq.token });
    expect(hq.body).toMatchObject({ ownerStaffId: org.b1.user.id, branchId: org.branchB.id });
    const toPool = await api.post(`/api/leads/${lead.id}/assign`, { staffId: null, reason: '重新分配' }, { token: org.hq.token });
    expect(toPool.body).toMatchObject({ pool: 'public', ownerStaffId: null });
    const audit: Array<{ action: string }> = await t.dataSource.query("SELECT action FROM audit_logs WHERE target_type = 'lead' AND target_id = ?", [lead.id]);
    expect(audit.filter((a) => a.action === 'lead.assigned')).toHaveLength(3);
  });

  it('status moves only along the lifecycle; converting makes a member, who is never recycled', async () => {
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    const bad = await api.post(`/api/leads/${lead.id}/status`, { status: 'converted' }, { token: org.a1.token });
    expect([bad.status, bad.body.code]).toEqual([409, 'STATUS_TRANSITION_INVALID']);
    expect((await api.post(`/api/leads/${lead.id}/status`, { status: 'qualified' }, { token: org.a2.token })).status).toBe(404);
    for (const status of ['contacted', 'qualified', 'converted']) {
      expect((await api.post(`/api/leads/${lead.id}/status`, { status }, { token: org.a1.token })).status).toBe(200);
    }
    const d = await detail(lead.id);
    expect(d.status).toBe('converted');
    expect(d.memberId).toEqual(expect.any(String));
    expect(d.recycleAt).toBeNull();
    clock.advance(30 * DAY_MS);
    await recycle();
    expect((await detail(lead.id)).ownerStaffId).toBe(org.a1.user.id);
  });

  it('follow-ups are the owner’s: others get 403/404, bad input 400', async () => {
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    expect((await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'phone', note: '' }, { token: org.a1.token })).status).toBe(400);
    expect((await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'fax', note: 'x' }, { token: org.a1.token })).status).toBe(400);
    expect((await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'phone', note: 'x' }, { token: org.a2.token })).status).toBe(404);
    const hq = await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'phone', note: 'x' }, { token: org.hq.token });
    expect([hq.status, hq.body.code]).toEqual([403, 'NOT_LEAD_OWNER']);
  });

  it('after the protection period another staff member’s touch takes the lead; inside it, it is a collision', async () => {
    await settings({ protectionDays: 2, recycleDays: 60, recycleWarnDays: 2 });
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    const other = await createShare(api, org.b1, org.content.id);
    await submitLead(api, { shareCode: other.code, phone: lead.phone });
    expect((await detail(lead.id)).ownerStaffId).toBe(org.a1.user.id);
    clock.advance(3 * DAY_MS);
    await submitLead(api, { shareCode: other.code, phone: lead.phone });
    const d = await detail(lead.id);
    expect(d.ownerStaffId).toBe(org.b1.user.id);
    expect(d.timeline.filter((e: Entry) => e.kind === 'collision')).toHaveLength(1);
    expect((d.timeline.filter((e: Entry) => e.kind === 'ownership').at(-1) as Entry).summary).toContain('保护期已过');
    const collisions = await api.get('/api/collisions', { token: org.hq.token });
    expect(collisions.body.items.some((c: { leadId: string; staffId: string }) => c.leadId === lead.id && c.staffId === org.b1.user.id)).toBe(true);
    expect((await api.get('/api/collisions', { token: org.a1.token })).status).toBe(403);
  });

  it('a public lead goes to the staff member whose share touches it, except its previous owner', async () => {
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    await api.post(`/api/leads/${lead.id}/release`, { reason: '放回' }, { token: org.a1.token });
    await submitLead(api, { shareCode: (await createShare(api, org.a1, org.content.id)).code, phone: lead.phone });
    expect((await detail(lead.id)).pool).toBe('public');
    await submitLead(api, { shareCode: (await createShare(api, org.a2, org.content.id)).code, phone: lead.phone });
    const d = await detail(lead.id);
    expect(d).toMatchObject({ ownerStaffId: org.a2.user.id, pool: 'private' });
    expect((d.timeline.filter((e: Entry) => e.kind === 'ownership').at(-1) as Entry).summary).toContain('公海线索被其分享触达');
  });

  it('disabling a staff member hands their leads to a colleague or to the public pool', async () => {
    const leaving = await createActiveStaff(api, org.hq, { branchId: org.branchA.id, name: '离职员工' });
    const leaving2 = await createActiveStaff(api, org.hq, { branchId: org.branchA.id, name: '离职员工2' });
    const l1 = await leadVia(api, leaving, org.content.id, org.hq);
    const l2 = await leadVia(api, leaving, org.content.id, org.hq);
    const l3 = await leadVia(api, leaving2, org.content.id, org.hq);
    const res = await api.patch(`/api/staff/${leaving.user.id}`, { status: 'disabled', handoverToStaffId: org.a2.user.id }, { token: org.hq.token });
    expect(res.status).toBe(200);
    for (const l of [l1, l2]) expect((await detail(l.id)).ownerStaffId).toBe(org.a2.user.id);
    expect((await ownership(l1.id)).at(-1)?.summary).toContain('员工停用');
    await api.patch(`/api/staff/${leaving2.user.id}`, { status: 'disabled' }, { token: org.hq.token });
    expect((await detail(l3.id)).pool).toBe('public');
    const toDisabled = await api.patch(`/api/staff/${org.a1.user.id}`, { status: 'disabled', handoverToStaffId: leaving.user.id }, { token: org.hq.token });
    expect([toDisabled.status, toDisabled.body.code]).toEqual([404, 'STAFF_NOT_FOUND']);
  });

  it('100 parallel submissions of one phone from 10 staff members’ shares: one lead, 100 touches, one owner', async () => {
    const sellers = [org.a1, org.a2, org.b1, org.manager];
    for (let i = sellers.length; i < 10; i++) sellers.push(await createActiveStaff(api, org.hq, { branchId: org.branchB.id, name: `并发员工${i}` }));
    const shares = await Promise.all(sellers.map((s) => createShare(api, s, org.content.id)));
    const phone = nextPhone('159');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => submitLead(api, { shareCode: shares[i % 10].code, phone, name: `客户${i}` })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const list = await api.get(`/api/leads?q=${phone}`, { token: org.hq.token });
    expect(list.body.items).toHaveLength(1);
    const d = await detail(list.body.items[0].id);
    expect(d.touchCount).toBe(100);
    const touches = d.timeline.filter((e: Entry) => e.kind === 'submission' || e.kind === 'collision') as Entry[];
    expect(touches).toHaveLength(100);
    expect(touches.filter((e) => e.kind === 'collision').every((e) => e.staffId !== d.ownerStaffId)).toBe(true);
    expect(touches.filter((e) => e.kind === 'collision')).toHaveLength(touches.filter((e) => e.staffId !== d.ownerStaffId).length);
    const changes = d.timeline.filter((e: Entry) => e.kind === 'ownership') as Entry[];
    expect(changes).toHaveLength(1);
    expect(changes[0].staffId).toBe(d.ownerStaffId);
  });

  it('the recycle job run twice at once recycles each lead exactly once', async () => {
    const leads = [];
    for (let i = 0; i < 8; i++) leads.push(await leadVia(api, org.b1, org.content.id, org.hq));
    clock.advance(8 * DAY_MS);
    const [x, y] = await Promise.all([recycle(), recycle()]);
    expect(x.recycled + y.recycled).toBeGreaterThanOrEqual(8);
    for (const l of leads) {
      const changes = await ownership(l.id);
      expect(changes.filter((e) => e.summary.includes('超时未跟进'))).toHaveLength(1);
      expect((await detail(l.id)).pool).toBe('public');
    }
    const rows: Array<{ lead_id: string; n: number | string }> = await t.dataSource.query(
      "SELECT lead_id, COUNT(*) AS n FROM lead_ownership_changes WHERE rule = 'recycled' GROUP BY lead_id HAVING COUNT(*) > 1",
    );
    expect(rows).toEqual([]);
  });
});
