import { createShare, DAY_MS, leadVia, submitLead, useSeededApp } from './support/factories';

describe('不再联系, WeChat ID and due follow-ups (over HTTP, real database)', () => {
  const ctx = useSeededApp();

  const audits = async (leadId: string) =>
    (await ctx.t.dataSource.query("SELECT actor_staff_id, detail FROM audit_logs WHERE action = 'lead.do_not_contact' AND target_id = ? ORDER BY id", [leadId])) as Array<{
      actor_staff_id: string | null;
      detail: string;
    }>;

  it('the detail shows the newest consent of the ledger (a second submission consents again)', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    await new Promise((r) => setTimeout(r, 20));
    const other = await createShare(api, org.a2, org.content.id);
    expect((await submitLead(api, { shareCode: other.code, phone: lead.phone })).status).toBe(201);
    const subject = await api.get(`/api/privacy/subjects?phone=${lead.phone}`, { token: org.hq.token });
    const ats = (subject.body.leads[0].consents as Array<{ at: string }>).map((c) => c.at).sort();
    expect(ats).toHaveLength(2);
    const detail = (await api.get(`/api/leads/${lead.id}`, { token: org.a1.token })).body;
    expect(detail.consent.at).toBe(ats[1]);
    expect(detail.consent.at).not.toBe(detail.consentedAt);
  });

  it('the owner records a WeChat ID that only the owner sees; nobody else may write it', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    const res = await api.patch(`/api/leads/${lead.id}`, { wechatId: 'wx_customer1' }, { token: org.a1.token });
    expect([res.status, res.body.wechatId]).toEqual([200, 'wx_customer1']);
    expect((await api.get(`/api/leads/${lead.id}`, { token: org.hq.token })).body.wechatId).toBeNull();
    const hq = await api.patch(`/api/leads/${lead.id}`, { wechatId: 'wx_someone2' }, { token: org.hq.token });
    expect([hq.status, hq.body.code]).toEqual([403, 'NOT_LEAD_OWNER']);
    const stranger = await api.patch(`/api/leads/${lead.id}`, { wechatId: 'wx_someone2' }, { token: org.b1.token });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
    const cleared = await api.patch(`/api/leads/${lead.id}`, { wechatId: null }, { token: org.a1.token });
    expect(cleared.body.wechatId).toBeNull();
  });

  it('不再联系: the owner marks it with a reason (PATCH), everyone sees it, only HQ clears it (POST), each audited', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    const noReason = await api.patch(`/api/leads/${lead.id}`, { doNotContact: true }, { token: org.a1.token });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await audits(lead.id)).toHaveLength(0);
    const marked = await api.patch(`/api/leads/${lead.id}`, { doNotContact: true, reason: '客户电话里要求' }, { token: org.a1.token });
    expect([marked.status, marked.body.doNotContact]).toEqual([200, true]);
    for (const who of [org.hq, org.manager]) expect((await api.get(`/api/leads/${lead.id}`, { token: who.token })).body.doNotContact).toBe(true);
    const list = await api.get(`/api/leads?q=${lead.phone}`, { token: org.manager.token });
    expect(list.body.items[0].doNotContact).toBe(true);
    // Clearing: not the owner, not the branch manager; HQ with a reason.
    for (const who of [org.a1, org.manager]) {
      const res = await api.post(`/api/leads/${lead.id}/do-not-contact`, { doNotContact: false, reason: '误操作' }, { token: who.token });
      expect([res.status, res.body.code]).toEqual([403, who === org.a1 ? 'FORBIDDEN' : 'FORBIDDEN']);
    }
    const cleared = await api.post(`/api/leads/${lead.id}/do-not-contact`, { doNotContact: false, reason: '客户重新同意联系' }, { token: org.hq.token });
    expect([cleared.status, cleared.body]).toEqual([200, { doNotContact: false, at: null }]);
    const again = await api.post(`/api/leads/${lead.id}/do-not-contact`, { doNotContact: true, reason: '再次要求' }, { token: org.manager.token });
    expect([again.status, again.body.doNotContact, typeof again.body.at]).toEqual([200, true, 'string']);
    const detail = (await api.get(`/api/leads/${lead.id}`, { token: org.hq.token })).body;
    expect([detail.doNotContact, detail.doNotContactReason, typeof detail.doNotContactAt]).toEqual([true, '再次要求', 'string']);
    const lines = await audits(lead.id);
    expect(lines.map((l) => [l.actor_staff_id, JSON.parse(l.detail).doNotContact, JSON.parse(l.detail).reason])).toEqual([
      [org.a1.user.id, true, '客户电话里要求'],
      [org.hq.user.id, false, '客户重新同意联系'],
      [org.manager.user.id, true, '再次要求'],
    ]);
  });

  it('another staff member and an outsider branch manager get 404; bad bodies are 400 and change nothing', async () => {
    const { api, org, t } = ctx;
    const lead = await leadVia(api, org.b1, org.content.id, org.hq);
    for (const who of [org.a1, org.manager]) {
      const res = await api.post(`/api/leads/${lead.id}/do-not-contact`, { doNotContact: true, reason: '测试' }, { token: who.token });
      expect([res.status, res.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
    }
    for (const body of [{}, { doNotContact: 'yes', reason: 'x' }, { doNotContact: true, reason: '' }, { doNotContact: true, reason: 'x'.repeat(201) }]) {
      const res = await api.post(`/api/leads/${lead.id}/do-not-contact`, body, { token: org.hq.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    for (const body of [{ wechatId: '1bad' }, { doNotContact: false }]) {
      const res = await api.patch(`/api/leads/${lead.id}`, body, { token: org.b1.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const [row] = await t.dataSource.query('SELECT do_not_contact_at, wechat_id FROM leads WHERE id = ?', [lead.id]);
    expect([row.do_not_contact_at, row.wechat_id]).toEqual([null, null]);
  });

  it('the follow-up summary counts my own overdue and due-today follow-ups, not 不再联系 ones', async () => {
    const { api, org } = ctx;
    const staff = org.a2;
    const before = (await api.get('/api/leads/follow-up-summary', { token: staff.token })).body;
    const soon = await leadVia(api, staff, org.content.id, org.hq);
    const far = await leadVia(api, staff, org.content.id, org.hq);
    const quiet = await leadVia(api, staff, org.content.id, org.hq);
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    await api.post(`/api/leads/${soon.id}/follow-ups`, { method: 'phone', note: '稍后回电', nextAt: inAMinute }, { token: staff.token });
    await api.post(`/api/leads/${far.id}/follow-ups`, { method: 'phone', note: '下周', nextAt: new Date(Date.now() + 3 * DAY_MS).toISOString() }, { token: staff.token });
    await api.post(`/api/leads/${quiet.id}/follow-ups`, { method: 'phone', note: '稍后', nextAt: inAMinute }, { token: staff.token });
    await api.patch(`/api/leads/${quiet.id}`, { doNotContact: true, reason: '客户要求' }, { token: staff.token });
    const summary = await api.get('/api/leads/follow-up-summary', { token: staff.token });
    expect(summary.status).toBe(200);
    // "Due today" depends on China's clock: a minute from now is today unless it is one minute to midnight there.
    expect(summary.body.overdue + summary.body.dueToday).toBeGreaterThanOrEqual(before.overdue + before.dueToday + 1);
    ctx.t.clock.advance(2 * 60_000);
    const later = await api.get('/api/leads/follow-up-summary', { token: staff.token });
    expect(later.body.overdue).toBe(before.overdue + 1);
    expect((await api.get('/api/leads/follow-up-summary', { token: org.a1.token })).body.overdue).toBe(0);
    expect((await api.get('/api/leads/follow-up-summary')).status).toBe(401);
  });

  it('the detail names each change of owner with its reason, and the consent in words', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    expect((await api.post(`/api/leads/${lead.id}/assign`, { staffId: org.a2.user.id, reason: '甲二熟悉该客户' }, { token: org.manager.token })).status).toBe(200);
    const detail = (await api.get(`/api/leads/${lead.id}`, { token: org.manager.token })).body;
    expect(detail.ownershipChanges.map((c: Record<string, unknown>) => [c.seq, c.rule, c.fromStaffName, c.toStaffName, c.toBranchName, c.actorName, c.reason])).toEqual([
      [1, 'first_touch', null, '甲一', '甲店', null, null],
      [2, 'assigned', '甲一', '甲二', '甲店', '甲店长', '甲二熟悉该客户'],
    ]);
    expect(detail.consent).toMatchObject({ contentTitle: org.content.title, fields: ['姓名', '手机号'] });
    expect(detail.visits).toEqual([]);
    expect(JSON.stringify(detail)).not.toMatch(/first_touch.*summary|"summary":"[a-z_]+"/);
  });
});
