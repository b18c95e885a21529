import { client, type Client } from './support/http';
import { createActiveStaff, createBranch, createContent, loginHq, nextPhone, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('branches, staff, contents and shares', () => {
  let t: TestApp;
  let api: Client;
  let hq: Session;
  let branchA: { id: string };
  let branchB: { id: string };
  let manager: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    hq = await loginHq(api);
    branchA = await createBranch(api, hq, '一号店');
    branchB = await createBranch(api, hq, '二号店');
    manager = await createActiveStaff(api, hq, { role: 'branch_manager', branchId: branchA.id });
    staff = await createActiveStaff(api, hq, { branchId: branchA.id });
  });
  afterAll(() => t.close());

  it('HQ creates branches; names are unique; others are refused', async () => {
    const res = await api.post('/api/branches', { name: '三号店' }, { token: hq.token });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name: '三号店', createdAt: expect.any(String) });
    expect((await api.post('/api/branches', { name: '三号店' }, { token: hq.token })).body.code).toBe('BRANCH_NAME_TAKEN');
    expect((await api.post('/api/branches', { name: '' }, { token: hq.token })).status).toBe(400);
    expect((await api.post('/api/branches', { name: '四号店' }, { token: manager.token })).status).toBe(403);
    expect((await api.post('/api/branches', { name: '四号店' }, { token: staff.token })).status).toBe(403);
    expect((await api.post('/api/branches', { name: '四号店' })).status).toBe(401);
  });

  it('HQ creates staff of every role; phones are unique; roles and branches are checked', async () => {
    const phone = nextPhone();
    const res = await api.post('/api/staff', { name: '小王', phone: `+86 ${phone}`, role: 'staff', branchId: branchB.id }, { token: hq.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), inviteCode: expect.any(String), phone, role: 'staff', branchId: branchB.id, status: 'active' });
    expect((await api.post('/api/staff', { name: '重复', phone, role: 'staff', branchId: branchB.id }, { token: hq.token })).body.code).toBe('PHONE_TAKEN');
    expect((await api.post('/api/staff', { name: 'x', phone: nextPhone(), role: 'king', branchId: branchB.id }, { token: hq.token })).status).toBe(400);
    expect((await api.post('/api/staff', { name: 'x', phone: nextPhone(), role: 'staff', branchId: 'NOPE' }, { token: hq.token })).body.code).toBe('BRANCH_NOT_FOUND');
    expect((await api.post('/api/staff', { name: 'x', phone: nextPhone(), role: 'staff' }, { token: hq.token })).status).toBe(400);
  });

  it('a branch manager adds staff to their own branch only, and only with role staff', async () => {
    const own = await api.post('/api/staff', { name: '店员', phone: nextPhone(), role: 'staff', branchId: branchA.id }, { token: manager.token });
    expect([own.status, own.body.branchId]).toEqual([201, branchA.id]);
    const implicit = await api.post('/api/staff', { name: '店员2', phone: nextPhone(), role: 'staff' }, { token: manager.token });
    expect([implicit.status, implicit.body.branchId]).toEqual([201, branchA.id]);
    expect((await api.post('/api/staff', { name: 'x', phone: nextPhone(), role: 'staff', branchId: branchB.id }, { token: manager.token })).status).toBe(403);
    expect((await api.post('/api/staff', { name: 'x', phone: nextPhone(), role: 'branch_manager', branchId: branchA.id }, { token: manager.token })).status).toBe(403);
    expect((await api.post('/api/staff', { name: 'x', phone: nextPhone(), role: 'staff', branchId: branchA.id }, { token: staff.token })).status).toBe(403);
    const list = await api.get('/api/staff', { token: manager.token });
    expect(list.body.every((s: { branchId: string }) => s.branchId === branchA.id)).toBe(true);
  });

  it('HQ reissues an invite code', async () => {
    const s = await createActiveStaff(api, hq, { branchId: branchB.id });
    const res = await api.post(`/api/staff/${s.user.id}/invite`, undefined, { token: hq.token });
    expect(res.status).toBe(200);
    expect(res.body.inviteCode).toMatch(/^[A-Z0-9]{8}$/);
    expect((await api.post(`/api/staff/${s.user.id}/invite`, undefined, { token: manager.token })).status).toBe(404);
  });

  it('HQ publishes content; staff see published content newest first, never drafts', async () => {
    const draft = await createContent(api, hq, { title: '草稿', published: false });
    const older = await createContent(api, hq, { title: '较早' });
    const newer = await createContent(api, hq, { kind: 'product', title: '较新', coverUrl: 'https://img.example.com/a.jpg' });
    const list = await api.get('/api/contents', { token: staff.token });
    const ids = list.body.map((c: { id: string }) => c.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids).not.toContain(draft.id);
    expect((await api.get(`/api/contents/${draft.id}`, { token: staff.token })).status).toBe(404);
    expect((await api.get('/api/contents?all=1', { token: hq.token })).body.map((c: { id: string }) => c.id)).toContain(draft.id);
    const published = await api.patch(`/api/contents/${draft.id}`, { published: true, title: '已发布' }, { token: hq.token });
    expect(published.body).toMatchObject({ published: true, title: '已发布', publishedAt: expect.any(String) });
    expect((await api.post('/api/contents', { kind: 'video', title: 'x' }, { token: hq.token })).status).toBe(400);
    expect((await api.post('/api/contents', { kind: 'article', title: 'x', coverUrl: 'javascript:alert(1)' }, { token: hq.token })).status).toBe(400);
    expect((await api.post('/api/contents', { kind: 'article', title: 'x' }, { token: staff.token })).status).toBe(403);
  });

  it('staff share published content: a short unguessable code and the public URL', async () => {
    const content = await createContent(api, hq);
    const codes = new Set<string>();
    for (const channel of ['wechat_friend', 'moments', 'poster', 'link']) {
      const res = await api.post('/api/shares', { contentId: content.id, channel }, { token: staff.token });
      expect(res.status).toBe(201);
      expect(res.body.code).toMatch(/^[0-9A-Za-z]{8,32}$/);
      expect(res.body.url).toBe(`https://m.example.com/s/${res.body.code}`);
      codes.add(res.body.code);
    }
    expect(codes.size).toBe(4);
    expect((await api.post('/api/shares', { contentId: content.id, channel: 'sms' }, { token: staff.token })).status).toBe(400);
    expect((await api.post('/api/shares', { contentId: 'MISSING', channel: 'link' }, { token: staff.token })).body.code).toBe('CONTENT_NOT_FOUND');
    const draft = await createContent(api, hq, { published: false });
    expect((await api.post('/api/shares', { contentId: draft.id, channel: 'link' }, { token: staff.token })).status).toBe(404);
  });
});
