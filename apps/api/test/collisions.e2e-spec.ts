import { collisionViewListResponseSchema } from '@fenji/shared';
import { createShare, leadVia, submitLead, useSeededApp } from './support/factories';

describe('撞单: the work list and its resolution (over HTTP, real database)', () => {
  const ctx = useSeededApp();

  /** A lead of A1 touched by A2's share inside the protection period: one open collision. */
  async function collision() {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    await submitLead(api, { shareCode: (await createShare(api, org.a2, org.content.id)).code, phone: lead.phone });
    const list = await api.get('/api/collisions?state=open&limit=100', { token: org.manager.token });
    const item = list.body.items.find((c: { leadId: string }) => c.leadId === lead.id);
    return { lead, item };
  }

  it('lists open collisions with their context; keeping the owner resolves it once, audited', async () => {
    const { api, org, t } = ctx;
    const { lead, item } = await collision();
    expect(item).toMatchObject({ state: 'open', ownerName: '甲一', staffName: '甲二', leadStatus: 'new', channel: 'wechat_friend', resolvedAt: null });
    collisionViewListResponseSchema.parse((await api.get('/api/collisions', { token: org.hq.token })).body);
    const kept = await api.post(`/api/collisions/${item.id}/resolve`, { action: 'keep', reason: '甲一已在跟进' }, { token: org.manager.token });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ state: 'kept', resolvedByName: '甲店长', resolveReason: '甲一已在跟进', ownerName: '甲一' });
    const again = await api.post(`/api/collisions/${item.id}/resolve`, { action: 'reassign', reason: '改主意' }, { token: org.hq.token });
    expect([again.status, again.body.code]).toEqual([409, 'COLLISION_RESOLVED']);
    expect((await api.get(`/api/leads/${lead.id}`, { token: org.hq.token })).body.ownerStaffId).toBe(org.a1.user.id);
    const open = await api.get('/api/collisions?state=open&limit=100', { token: org.hq.token });
    expect(open.body.items.map((c: { id: string }) => c.id)).not.toContain(item.id);
    const keptList = await api.get('/api/collisions?state=kept', { token: org.hq.token });
    expect(keptList.body.items.map((c: { id: string }) => c.id)).toContain(item.id);
    const audit: Array<{ n: number | string }> = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'collision.resolve' AND target_id = ?", [item.id]);
    expect(Number(audit[0].n)).toBe(1);
  });

  it('reassigning gives the lead to the colliding staff member through the assignment rules, in one unit', async () => {
    const { api, org } = ctx;
    const { lead, item } = await collision();
    const res = await api.post(`/api/collisions/${item.id}/resolve`, { action: 'reassign', reason: '客户更认可甲二' }, { token: org.hq.token });
    expect([res.status, res.body.state]).toEqual([200, 'reassigned']);
    const detail = (await api.get(`/api/leads/${lead.id}`, { token: org.hq.token })).body;
    expect(detail.ownerStaffId).toBe(org.a2.user.id);
    expect(detail.ownershipChanges.at(-1)).toMatchObject({ rule: 'assigned', reason: '客户更认可甲二', toStaffName: '甲二' });
  });

  it('out of scope is 404; a bad body or an unreachable staff member changes nothing', async () => {
    const { api, org } = ctx;
    const { lead, item } = await collision();
    const staff = await api.post(`/api/collisions/${item.id}/resolve`, { action: 'keep', reason: 'x' }, { token: org.a1.token });
    expect([staff.status, staff.body.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await api.post('/api/collisions/01ARZ3NDEKTSV4RRFFQ69G5FAV/resolve', { action: 'keep', reason: 'x' }, { token: org.hq.token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'COLLISION_NOT_FOUND']);
    for (const body of [{ action: 'keep' }, { action: 'drop', reason: 'x' }, { action: 'keep', toStaffId: org.a2.user.id, reason: 'x' }]) {
      const res = await api.post(`/api/collisions/${item.id}/resolve`, body, { token: org.hq.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const far = await api.post(`/api/collisions/${item.id}/resolve`, { action: 'reassign', toStaffId: org.b1.user.id, reason: 'x' }, { token: org.manager.token });
    expect([far.status, far.body.code]).toEqual([404, 'STAFF_NOT_FOUND']);
    expect((await api.get(`/api/collisions?state=open&limit=100`, { token: org.hq.token })).body.items.map((c: { id: string }) => c.id)).toContain(item.id);
    expect((await api.get(`/api/leads/${lead.id}`, { token: org.hq.token })).body.ownerStaffId).toBe(org.a1.user.id);
    const otherBranch = await api.get(`/api/collisions?branchId=${org.branchB.id}`, { token: org.manager.token });
    expect(otherBranch.body.items).toEqual([]);
  });
});
