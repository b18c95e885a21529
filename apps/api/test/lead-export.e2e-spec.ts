import { createActiveStaff, createContent, createShare, leadVia, nextPhone, submitLead, useSeededApp } from './support/factories';

describe('GET /api/leads/export.csv and download tickets (over HTTP, real database)', () => {
  const ctx = useSeededApp();

  it('streams the filtered list with a BOM and header, phones masked as in the list, formulas neutralised, audited', async () => {
    const { api, org, t } = ctx;
    const seller = await createActiveStaff(api, org.hq, { branchId: org.branchA.id, name: '导出员工' });
    const content = await createContent(api, org.hq, { title: '导出内容' });
    const share = await createShare(api, seller, content.id, 'moments');
    const phones = [nextPhone('188'), nextPhone('188')];
    await submitLead(api, { shareCode: share.code, phone: phones[0], name: '=HYPERLINK("http://x")' });
    await submitLead(api, { shareCode: share.code, phone: phones[1], name: '王, "芳"' });
    const res = await api.get(`/api/leads/export.csv?contentId=${content.id}&sort=created_asc`, { token: org.manager.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    // fetch's text() drops a BOM: read the bytes.
    const raw = Buffer.from(await (await fetch(`${t.url}/api/leads/export.csv?contentId=${content.id}`, { headers: { authorization: `Bearer ${org.manager.token}` } })).arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('姓名,手机号,状态,公海/私海,归属员工,门店,来源内容,来源渠道,热度,标签,触达次数,创建时间,最近触达,最近跟进,不再联系');
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith(`"'=HYPERLINK(""http://x"")",${phones[0].slice(0, 3)}****${phones[0].slice(-4)},新线索,私海,导出员工,甲店,导出内容,朋友圈,,,1,`)).toBe(true);
    expect(lines[2].startsWith('"王, ""芳""",')).toBe(true);
    expect(res.text).not.toContain(phones[0]);
    expect(res.text).not.toMatch(/T\d\d:\d\d:\d\d/);
    const audit: Array<{ actor_staff_id: string; detail: string }> = await t.dataSource.query("SELECT actor_staff_id, detail FROM audit_logs WHERE action = 'lead.export' ORDER BY id");
    expect(audit).toHaveLength(2);
    expect(audit[0].actor_staff_id).toBe(org.manager.user.id);
    expect(JSON.parse(audit[0].detail)).toMatchObject({ format: 'csv', count: 2, sort: 'created_asc', filters: { contentId: content.id } });
  });

  it('a download ticket signs in one download only, for its purpose; the owner gets their own phones in full', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    const issued = await api.post('/api/download-tickets', { purpose: 'lead_export' }, { token: org.hq.token });
    expect(issued.status).toBe(201);
    expect(Date.parse(issued.body.expiresAt)).toBeGreaterThan(Date.now());
    const url = `/api/leads/export.csv?q=${lead.phone}&ticket=${issued.body.ticket}`;
    const first = await api.get(url);
    expect(first.status).toBe(200);
    expect(first.text).toContain(`${lead.phone.slice(0, 3)}****${lead.phone.slice(-4)}`);
    const second = await api.get(url);
    expect([second.status, second.body.code]).toEqual([401, 'TICKET_INVALID']);
    const forged = await api.get(`/api/leads/export.csv?ticket=${'x'.repeat(32)}`);
    expect([forged.status, forged.body.code]).toEqual([401, 'TICKET_INVALID']);
    expect((await api.get('/api/leads/export.csv')).status).toBe(401);
    const bad = await api.post('/api/download-tickets', { purpose: 'everything' }, { token: org.hq.token });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('staff cannot export; bad filters are the contract error before any byte', async () => {
    const { api, org } = ctx;
    const staff = await api.get('/api/leads/export.csv', { token: org.a1.token });
    expect([staff.status, staff.body.code]).toEqual([403, 'FORBIDDEN']);
    const ticket = (await api.post('/api/download-tickets', { purpose: 'lead_export' }, { token: org.a1.token })).body.ticket;
    expect((await api.get(`/api/leads/export.csv?ticket=${ticket}`)).status).toBe(403);
    for (const qs of ['status=bogus', 'sort=name', 'from=yesterday']) {
      const res = await api.get(`/api/leads/export.csv?${qs}`, { token: org.hq.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });
});
