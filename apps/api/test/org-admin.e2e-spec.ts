import { branchSummarySchema } from '@fenji/shared';
import { createActiveStaff, createBranch, leadVia, useSeededApp } from './support/factories';

describe('门店与员工: branches with counts, rename, delete when empty, roles, hand-over preview (over HTTP, real database)', () => {
  const ctx = useSeededApp();

  it('lists branches with their staff and leads counted; renames one, refusing a taken name', async () => {
    const { api, org } = ctx;
    await leadVia(api, org.a1, org.content.id, org.hq);
    const res = await api.get('/api/branches?withCounts=1', { token: org.hq.token });
    expect(res.status).toBe(200);
    const a = branchSummarySchema.parse(res.body.find((b: { id: string }) => b.id === org.branchA.id));
    expect(a).toMatchObject({ name: '甲店', staffCount: 3, activeStaffCount: 3 });
    expect(a.leadCount).toBeGreaterThanOrEqual(1);
    expect((await api.get('/api/branches?withCounts=1', { token: org.a1.token })).status).toBe(403);
    expect((await api.get('/api/branches', { token: org.a1.token })).body[0].staffCount).toBeUndefined();
    const renamed = await api.patch(`/api/branches/${org.branchB.id}`, { name: '乙店（新址）' }, { token: org.hq.token });
    expect([renamed.status, renamed.body.name]).toEqual([200, '乙店（新址）']);
    const taken = await api.patch(`/api/branches/${org.branchB.id}`, { name: '甲店' }, { token: org.hq.token });
    expect([taken.status, taken.body.code]).toEqual([409, 'BRANCH_NAME_TAKEN']);
    const manager = await api.patch(`/api/branches/${org.branchA.id}`, { name: '甲店2' }, { token: org.manager.token });
    expect([manager.status, manager.body.code]).toEqual([403, 'FORBIDDEN']);
    const missing = await api.patch('/api/branches/01ARZ3NDEKTSV4RRFFQ69G5FAV', { name: '无' }, { token: org.hq.token });
    expect([missing.status, missing.body.code]).toEqual([404, 'BRANCH_NOT_FOUND']);
  });

  it('deletes only an empty branch; a branch with staff or leads is 409 with the counts', async () => {
    const { api, org } = ctx;
    const full = await api.request('DELETE', `/api/branches/${org.branchA.id}`, { token: org.hq.token });
    expect([full.status, full.body.code]).toEqual([409, 'BRANCH_NOT_EMPTY']);
    expect(full.body.details).toMatchObject({ staff: 3 });
    const empty = await createBranch(api, org.hq, '临时门店');
    const gone = await api.request('DELETE', `/api/branches/${empty.id}`, { token: org.hq.token });
    expect(gone.status).toBe(204);
    expect((await api.get('/api/branches', { token: org.hq.token })).body.map((b: { id: string }) => b.id)).not.toContain(empty.id);
    const audit: Array<{ n: number | string }> = await ctx.t.dataSource.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'branch.delete' AND target_id = ?", [empty.id]);
    expect(Number(audit[0].n)).toBe(1);
  });

  it('HQ changes a role (never their own; a manager may not); the hand-over preview counts what would move', async () => {
    const { api, org } = ctx;
    const person = await createActiveStaff(api, org.hq, { branchId: org.branchA.id, name: '升职员工' });
    const lead = await leadVia(api, person, org.content.id, org.hq);
    await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'phone', note: '约了明天', nextAt: new Date(Date.now() + 86_400_000).toISOString() }, { token: person.token });
    await leadVia(api, person, org.content.id, org.hq);
    const preview = await api.get(`/api/staff/${person.user.id}/handover-preview`, { token: org.manager.token });
    expect([preview.status, preview.body]).toEqual([200, { privateLeads: 2, withPlannedFollowUp: 1 }]);
    expect((await api.get(`/api/staff/${org.b1.user.id}/handover-preview`, { token: org.manager.token })).status).toBe(404);
    const byManager = await api.patch(`/api/staff/${person.user.id}`, { role: 'branch_manager' }, { token: org.manager.token });
    expect([byManager.status, byManager.body.code]).toEqual([403, 'FORBIDDEN']);
    const promoted = await api.patch(`/api/staff/${person.user.id}`, { role: 'branch_manager' }, { token: org.hq.token });
    expect([promoted.status, promoted.body.role]).toEqual([200, 'branch_manager']);
    const self = await api.patch(`/api/staff/${org.hq.user.id}`, { role: 'staff', branchId: org.branchA.id }, { token: org.hq.token });
    expect([self.status, self.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const hqWithBranch = await api.patch(`/api/staff/${person.user.id}`, { role: 'hq_admin' }, { token: org.hq.token });
    expect([hqWithBranch.status, hqWithBranch.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const bad = await api.patch(`/api/staff/${person.user.id}`, { role: 'owner' }, { token: org.hq.token });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // Disabling answers what was handed over.
    const disabled = await api.patch(`/api/staff/${person.user.id}`, { status: 'disabled', handoverToStaffId: org.a2.user.id }, { token: org.hq.token });
    expect(disabled.body.handover).toEqual({ leads: 2, toStaffId: org.a2.user.id, toStaffName: '甲二' });
  });
});
