import { leadVia, nextPhone, useSeededApp } from './support/factories';

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('phones: in full for the owner only; reveal is audited (over HTTP, real database)', () => {
  const ctx = useSeededApp();

  it('HQ and the branch manager get the phone masked in the list and the detail; the owner in full', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq, nextPhone('139'));
    for (const who of [org.hq, org.manager]) {
      const list = await api.get(`/api/leads?q=${lead.phone}`, { token: who.token });
      expect(list.body.items.map((l: { phone: string; phoneMasked: boolean }) => [l.phone, l.phoneMasked])).toEqual([[masked(lead.phone), true]]);
      const detail = await api.get(`/api/leads/${lead.id}`, { token: who.token });
      expect([detail.body.phone, detail.body.phoneMasked]).toEqual([masked(lead.phone), true]);
    }
    const own = await api.get(`/api/leads/${lead.id}`, { token: org.a1.token });
    expect([own.body.phone, own.body.phoneMasked]).toEqual([lead.phone, false]);
  });

  it('HQ finds a lead by its whole number or by the digits a masked phone shows, never by hidden digits', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.b1, org.content.id, org.hq, '13955512876');
    const ids = async (q: string) => (await api.get(`/api/leads?q=${q}`, { token: org.hq.token })).body.items.map((l: { id: string }) => l.id);
    expect(await ids('13955512876')).toEqual([lead.id]);
    expect(await ids('2876')).toContain(lead.id);
    for (const hidden of ['5551', '955512', '55128']) expect(await ids(hidden)).not.toContain(lead.id);
    // …the owner finds it by any run of their own lead's digits.
    const mine = await api.get('/api/leads?q=955512', { token: org.b1.token });
    expect(mine.body.items.map((l: { id: string }) => l.id)).toContain(lead.id);
  });

  it('HQ reveals a phone with a reason: the full number, and an audit line with who and why', async () => {
    const { api, org, t } = ctx;
    const lead = await leadVia(api, org.a2, org.content.id, org.hq);
    const res = await api.post(`/api/leads/${lead.id}/reveal`, { reason: '客户来电核实' }, { token: org.hq.token });
    expect([res.status, res.body]).toEqual([200, { phone: lead.phone }]);
    const rows: Array<{ actor_staff_id: string; detail: string }> = await t.dataSource.query(
      "SELECT actor_staff_id, detail FROM audit_logs WHERE action = 'lead.reveal' AND target_type = 'lead' AND target_id = ?",
      [lead.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_staff_id).toBe(org.hq.user.id);
    expect(JSON.parse(rows[0].detail)).toMatchObject({ reason: '客户来电核实' });
    expect(rows[0].detail).not.toContain(lead.phone);
  });

  it('a branch manager reveals inside the branch only; staff may not; bad input is 400 and writes nothing', async () => {
    const { api, org, t } = ctx;
    const inA = await leadVia(api, org.a1, org.content.id, org.hq);
    const inB = await leadVia(api, org.b1, org.content.id, org.hq);
    const ok = await api.post(`/api/leads/${inA.id}/reveal`, { reason: '回访' }, { token: org.manager.token });
    expect([ok.status, ok.body.phone]).toEqual([200, inA.phone]);
    const outside = await api.post(`/api/leads/${inB.id}/reveal`, { reason: '回访' }, { token: org.manager.token });
    expect([outside.status, outside.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
    const staff = await api.post(`/api/leads/${inA.id}/reveal`, { reason: '回访' }, { token: org.a2.token });
    expect([staff.status, staff.body.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await api.post('/api/leads/01ARZ3NDEKTSV4RRFFQ69G5FAV/reveal', { reason: '回访' }, { token: org.hq.token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(201) }, { reason: 3 }]) {
      const bad = await api.post(`/api/leads/${inB.id}/reveal`, body, { token: org.hq.token });
      expect([bad.status, bad.body.code, typeof bad.body.message]).toEqual([400, 'VALIDATION_FAILED', 'string']);
      expect(bad.text).not.toContain(inB.phone);
    }
    const rows: Array<{ n: number | string }> = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'lead.reveal' AND target_id = ?", [inB.id]);
    expect(Number(rows[0].n)).toBe(0);
  });
});
