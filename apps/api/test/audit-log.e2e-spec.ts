import { auditListResponseSchema } from '@fenji/shared';
import { leadVia, useSeededApp } from './support/factories';

describe('GET /api/audit-logs (over HTTP, real database)', () => {
  const ctx = useSeededApp();

  it('HQ reads who revealed, assigned and exported, in words, newest first, searchable and paged', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    await api.post(`/api/leads/${lead.id}/reveal`, { reason: '客户来电核实' }, { token: org.manager.token });
    await api.post(`/api/leads/${lead.id}/assign`, { staffId: org.a2.user.id, reason: '甲二熟悉该客户' }, { token: org.hq.token });
    await api.get(`/api/leads/export.csv?q=${lead.phone}`, { token: org.hq.token });
    const res = await api.get('/api/audit-logs?limit=3', { token: org.hq.token });
    expect(res.status).toBe(200);
    const page = auditListResponseSchema.parse(res.body);
    expect(page.items.map((e) => [e.action, e.actor?.name, e.summary])).toEqual([
      ['lead.export', expect.any(String), '导出 1 条线索'],
      ['lead.assigned', expect.any(String), '分配给 甲二'],
      ['lead.reveal', '甲店长', '查看了完整手机号'],
    ]);
    expect(page.items[2]).toMatchObject({ targetType: 'lead', targetId: lead.id, targetLabel: '客户', reason: '客户来电核实' });
    expect(JSON.stringify(page)).not.toContain(lead.phone);
    const next = await api.get(`/api/audit-logs?limit=3&cursor=${page.nextCursor}`, { token: org.hq.token });
    expect(next.body.items[0].id < page.items[2].id).toBe(true);
    const byReason = await api.get(`/api/audit-logs?q=${encodeURIComponent('核实')}`, { token: org.hq.token });
    expect(byReason.body.items.map((e: { action: string }) => e.action)).toEqual(['lead.reveal']);
    const byActor = await api.get(`/api/audit-logs?q=${encodeURIComponent('甲店长')}&action=lead.reveal`, { token: org.hq.token });
    expect(byActor.body.items).toHaveLength(1);
    const byTarget = await api.get(`/api/audit-logs?targetId=${lead.id}&action=lead.assigned`, { token: org.hq.token });
    expect(byTarget.body.items.map((e: { reason: string }) => e.reason)).toEqual(['甲二熟悉该客户']);
  });

  it('a branch manager reads the entries of their branch only; staff may not read it; bad filters are 400', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.b1, org.content.id, org.hq);
    await api.post(`/api/leads/${lead.id}/reveal`, { reason: '乙店以外的人不该看到' }, { token: org.hq.token });
    const mine = await api.get('/api/audit-logs?limit=100', { token: org.manager.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((e: { actor: { id: string } | null }) => e.actor && [org.manager.user.id, org.a1.user.id, org.a2.user.id].includes(e.actor.id))).toBe(true);
    const staff = await api.get('/api/audit-logs', { token: org.a1.token });
    expect([staff.status, staff.body.code]).toEqual([403, 'FORBIDDEN']);
    for (const qs of ['action=bogus', 'limit=0', 'cursor=abc', 'from=yesterday']) {
      const res = await api.get(`/api/audit-logs?${qs}`, { token: org.hq.token });
      expect([qs, res.status, res.body.code]).toEqual([qs, 400, 'VALIDATION_FAILED']);
    }
  });
});
