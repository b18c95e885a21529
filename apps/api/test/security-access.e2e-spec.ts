import { DEFAULT_POOL_SETTINGS } from '@fenji/shared';
import { Clock } from '../src/core/clock/clock';
import type { Client } from './support/http';
import { createActiveStaff, createShare, leadVia, login, nextPhone, submitLead, useSeededApp, type SeededOrg } from './support/factories';
import type { TestApp } from './support/test-app';

/**
 * Findings 1, 3, 8, 9, 10 and 13 of the security review (docs/security.md) and the "also decide" items on
 * sessions and claims: each test failed before its fix.
 */
describe('security review: who may see and do what', () => {
  const ctx = useSeededApp();
  let t: TestApp;
  let api: Client;
  let org: SeededOrg;
  beforeAll(() => ({ t, api, org } = ctx));
  afterEach(async () => {
    await api.request('PUT', '/api/pool-settings', { body: DEFAULT_POOL_SETTINGS, token: org.hq.token });
  });
  const settings = (patch: Partial<typeof DEFAULT_POOL_SETTINGS>) => api.request('PUT', '/api/pool-settings', { body: { ...DEFAULT_POOL_SETTINGS, ...patch }, token: org.hq.token });

  describe('1. invite codes and hq_admin rows', () => {
    it('a branch manager sees invite codes only of the staff they may manage, and none of HQ admins or peer managers', async () => {
      const peer = await api.post('/api/staff', { name: '同店店长', phone: nextPhone(), role: 'branch_manager', branchId: org.branchA.id }, { token: org.hq.token });
      const pending = await api.post('/api/staff', { name: '待激活', phone: nextPhone(), role: 'staff', branchId: org.branchA.id }, { token: org.hq.token });
      // An hq_admin row carrying a branch, as the review found (written straight into the table).
      const admin = await api.post('/api/staff', { name: '总部二号', phone: nextPhone(), role: 'hq_admin', branchId: null }, { token: org.hq.token });
      await t.dataSource.query('UPDATE staff SET branch_id = ? WHERE id = ?', [org.branchA.id, admin.body.id]);

      const list = await api.get('/api/staff', { token: org.manager.token });
      expect(list.status).toBe(200);
      const byId = new Map(list.body.map((s: { id: string; inviteCode: string | null }) => [s.id, s.inviteCode]));
      expect(byId.get(pending.body.id)).toBe(pending.body.inviteCode);
      expect(byId.get(peer.body.id) ?? null).toBeNull();
      expect(byId.get(admin.body.id) ?? null).toBeNull();
      const activation = await api.post('/api/auth/activate', { inviteCode: admin.body.inviteCode, password: 'ok-strong-pass-9' });
      expect(activation.status).toBe(200); // HQ gave the code to the admin: it still works for them
      expect((await api.post(`/api/staff/${admin.body.id}/invite`, undefined, { token: org.manager.token })).status).toBe(404);
      expect((await api.patch(`/api/staff/${peer.body.id}`, { name: '改名' }, { token: org.manager.token })).status).toBe(404);
      // HQ still sees every code.
      const hqList = await api.get('/api/staff', { token: org.hq.token });
      expect(hqList.body.find((s: { id: string }) => s.id === peer.body.id).inviteCode).toBe(peer.body.inviteCode);
    });

    it('an hq_admin cannot be given a branch: on create or on update (400)', async () => {
      const created = await api.post('/api/staff', { name: '总部三号', phone: nextPhone(), role: 'hq_admin', branchId: org.branchA.id }, { token: org.hq.token });
      expect([created.status, created.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const admin = await api.post('/api/staff', { name: '总部四号', phone: nextPhone(), role: 'hq_admin' }, { token: org.hq.token });
      expect([admin.status, admin.body.branchId]).toEqual([201, null]);
      const moved = await api.patch(`/api/staff/${admin.body.id}`, { branchId: org.branchA.id }, { token: org.hq.token });
      expect([moved.status, moved.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const rows: Array<{ branch_id: string | null }> = await t.dataSource.query('SELECT branch_id FROM staff WHERE id = ?', [admin.body.id]);
      expect(rows[0].branch_id).toBeNull();
    });
  });

  describe('3. search never reveals masked digits', () => {
    it('a partial run of digits matches only the digits the caller can see; a complete number finds its lead', async () => {
      const phone = '13912345678'; // masked: 139****5678
      const lead = await leadVia(api, org.a1, org.content.id, org.hq, phone);
      const search = async (q: string, token: string) => (await api.get(`/api/leads?q=${encodeURIComponent(q)}`, { token })).body.items.map((i: { id: string }) => i.id);
      // the manager sees the phone masked: hidden digits and runs across the mask match nothing
      for (const q of ['1391', '2345', '91234', '3912345', '123', '345']) expect(await search(q, org.manager.token)).not.toContain(lead.id);
      // visible digits match
      for (const q of ['139', '5678', '567', '678']) expect(await search(q, org.manager.token)).toContain(lead.id);
      // a complete number, in any notation, finds it
      for (const q of [phone, '+86 139-1234-5678', '8613912345678']) expect(await search(q, org.manager.token)).toContain(lead.id);
      // the owner sees the full phone, so any run matches
      for (const q of ['91234', '2345']) expect(await search(q, org.a1.token)).toContain(lead.id);
      // probing digit by digit (the review's 17–25 requests) finds nothing past the visible prefix
      let known = '139';
      for (let step = 0; step < 8; step++) {
        let found = false;
        for (let d = 0; d <= 9 && !found; d++) if ((await search(known + d, org.manager.token)).includes(lead.id)) [known, found] = [known + d, true];
        if (!found) break;
      }
      expect(known).toBe('139');
    });
  });

  describe('8. claim caps and one\'s own share', () => {
    it('with the daily cap used up, a public-pool lead touched through the staff member\'s own share stays in the pool', async () => {
      const staff = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      const poolLead = await leadVia(api, org.a2, org.content.id, org.hq);
      const other = await leadVia(api, org.a2, org.content.id, org.hq);
      for (const l of [poolLead, other]) await api.post(`/api/leads/${l.id}/assign`, { staffId: null, reason: '放公海' }, { token: org.hq.token });
      await settings({ claimDailyCap: 1 });
      expect((await api.post(`/api/leads/${other.id}/claim`, undefined, { token: staff.token })).status).toBe(200);
      const share = await createShare(api, staff, org.content.id);
      expect((await submitLead(api, { shareCode: share.code, phone: poolLead.phone })).status).toBe(201);
      const after = (await api.get(`/api/leads/${poolLead.id}`, { token: org.hq.token })).body;
      expect([after.pool, after.ownerStaffId]).toEqual(['public', null]);
      expect(after.touchCount).toBe(2); // the touch is recorded
    });

    it('the hold cap counts such moves too', async () => {
      const staff = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      await leadVia(api, staff, org.content.id, org.hq);
      const poolLead = await leadVia(api, org.a2, org.content.id, org.hq);
      await api.post(`/api/leads/${poolLead.id}/assign`, { staffId: null, reason: '放公海' }, { token: org.hq.token });
      await settings({ claimHoldCap: 1 });
      const share = await createShare(api, staff, org.content.id);
      expect((await submitLead(api, { shareCode: share.code, phone: poolLead.phone })).status).toBe(201);
      expect((await api.get(`/api/leads/${poolLead.id}`, { token: org.hq.token })).body.pool).toBe('public');
    });
  });

  describe('9. a disabled staff member\'s links', () => {
    it('new leads from a disabled member\'s share go to the heir chosen at hand-over; the page still works', async () => {
      const leaving = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      const heir = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      const share = await createShare(api, leaving, org.content.id);
      expect((await api.patch(`/api/staff/${leaving.user.id}`, { status: 'disabled', handoverToStaffId: heir.user.id }, { token: org.hq.token })).status).toBe(200);
      expect((await api.get(`/s/${share.code}`)).status).toBe(200);
      const phone = nextPhone();
      expect((await submitLead(api, { shareCode: share.code, phone })).status).toBe(201);
      const lead = (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items[0];
      expect([lead.ownerStaffId, lead.pool]).toEqual([heir.user.id, 'private']);
    });

    it('without an heir they go to the public pool', async () => {
      const leaving = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      const share = await createShare(api, leaving, org.content.id);
      expect((await api.patch(`/api/staff/${leaving.user.id}`, { status: 'disabled' }, { token: org.hq.token })).status).toBe(200);
      const phone = nextPhone();
      expect((await submitLead(api, { shareCode: share.code, phone })).status).toBe(201);
      const lead = (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items[0];
      expect([lead.ownerStaffId, lead.pool, lead.branchId]).toEqual([null, 'public', org.branchA.id]);
    });
  });

  describe('10. weak passwords', () => {
    it.each(['12345678', 'password', 'aaaaaaaa', '        '])('activation refuses %j', async (password) => {
      const created = await api.post('/api/staff', { name: '弱口令', phone: nextPhone(), role: 'staff', branchId: org.branchA.id }, { token: org.hq.token });
      const res = await api.post('/api/auth/activate', { inviteCode: created.body.inviteCode, password });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await api.post('/api/auth/activate', { inviteCode: created.body.inviteCode, password: 'tea-garden-42' })).status).toBe(200);
    });
  });

  describe('13. idempotency keys are tied to their request', () => {
    it('the same key with another body is 409 IDEMPOTENCY_KEY_REUSED and writes nothing; the same body replays 201', async () => {
      const share = await createShare(api, org.a1, org.content.id);
      const other = await createShare(api, org.a2, org.content.id);
      const key = `key-${Date.now()}`;
      const first = { shareCode: share.code, phone: nextPhone(), name: '张三', idempotencyKey: key };
      expect((await submitLead(api, first)).status).toBe(201);
      expect((await submitLead(api, { ...first, name: ' 张三 ' })).status).toBe(201); // same after normalising
      const secondPhone = nextPhone();
      const reused = await submitLead(api, { shareCode: other.code, phone: secondPhone, name: '李四', idempotencyKey: key });
      expect([reused.status, reused.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
      expect((await api.get(`/api/leads?q=${secondPhone}`, { token: org.hq.token })).body.items).toHaveLength(0);
      const lead = (await api.get(`/api/leads?q=${first.phone}`, { token: org.hq.token })).body.items[0];
      expect(lead.touchCount).toBe(1);
    });
  });

  describe('sessions: token version and refresh grace', () => {
    it('a password reset ends access tokens at once', async () => {
      const staff = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      expect((await api.get('/api/auth/me', { token: staff.token })).status).toBe(200);
      const invite = await api.post(`/api/staff/${staff.user.id}/invite`, undefined, { token: org.hq.token });
      expect((await api.post('/api/auth/activate', { inviteCode: invite.body.inviteCode, password: 'new-tea-garden-7' })).status).toBe(200);
      expect((await api.get('/api/auth/me', { token: staff.token })).status).toBe(401);
    });

    it('reusing a rotated refresh token after the grace revokes the family and ends its access tokens at once', async () => {
      const staff = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      const rotated = await api.post('/api/auth/refresh', { refreshToken: staff.refreshToken });
      expect(rotated.status).toBe(200);
      t.app.get(Clock).advance(60_000); // past the few seconds of grace for a just-rotated token
      expect((await api.post('/api/auth/refresh', { refreshToken: staff.refreshToken })).status).toBe(401);
      expect((await api.get('/api/auth/me', { token: rotated.body.accessToken })).status).toBe(401);
    });

    it('two tabs refreshing at once both stay signed in', async () => {
      const staff = await login(api, org.a1.staff.phone, org.a1.password);
      const [a, b] = await Promise.all([api.post('/api/auth/refresh', { refreshToken: staff.refreshToken }), api.post('/api/auth/refresh', { refreshToken: staff.refreshToken })]);
      expect([a.status, b.status]).toEqual([200, 200]);
      for (const pair of [a.body, b.body]) {
        expect((await api.get('/api/auth/me', { token: pair.accessToken })).status).toBe(200);
        expect((await api.post('/api/auth/refresh', { refreshToken: pair.refreshToken })).status).toBe(200);
      }
    });
  });

  describe('claims', () => {
    it("claiming someone else's private lead answers 404, as reading it does", async () => {
      const lead = await leadVia(api, org.a1, org.content.id, org.hq);
      const res = await api.post(`/api/leads/${lead.id}/claim`, undefined, { token: org.b1.token });
      expect([res.status, res.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
      expect((await api.get(`/api/leads/${lead.id}`, { token: org.b1.token })).status).toBe(404);
    });
  });
});
