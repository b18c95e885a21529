import { client, type Client } from './support/http';
import { createActiveStaff, createContent, createShare, nextPhone, seedOrg, submitLead } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('public leads and the lead pool (over HTTP, real database)', () => {
  let t: TestApp;
  let api: Client;
  let org: Awaited<ReturnType<typeof seedOrg>>;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(() => t.close());

  it('accepts a lead and gives it to the staff member whose share brought it', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    const res = await submitLead(api, { shareCode: share.code, phone, name: '张三', message: '想了解价格' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true, optOutUrl: expect.stringMatching(/^\/opt-out\?t=[0-9A-Za-z_.-]{16,400}$/) });
    const list = await api.get(`/api/leads?q=${phone}`, { token: org.a1.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ name: '张三', phone, ownerStaffId: org.a1.user.id, branchId: org.branchA.id, pool: 'private', status: 'new', touchCount: 1 });
  });

  it('normalizes phones: +86 138-0013-8000, 13800138000 and 8613800138000 are one lead', async () => {
    const share = await createShare(api, org.a2, org.content.id);
    for (const phone of ['+86 138-0013-8000', '13800138000', '8613800138000']) {
      expect((await submitLead(api, { shareCode: share.code, phone })).status).toBe(201);
    }
    const list = await api.get('/api/leads?q=13800138000', { token: org.a2.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ phone: '13800138000', touchCount: 3, ownerStaffId: org.a2.user.id });
  });

  it('answers a known phone exactly like a new one', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    const first = await submitLead(api, { shareCode: share.code, phone });
    const second = await submitLead(api, { shareCode: share.code, phone });
    // The same answer; the signed 不再联系 link is sealed afresh each time (random IV), so it tells nothing either.
    const shape = (r: typeof first) => [r.status, Object.keys(r.body).sort(), r.body.ok, typeof r.body.optOutUrl];
    expect(shape(first)).toEqual(shape(second));
    expect(first.body.optOutUrl).not.toEqual(second.body.optOutUrl);
  });

  it('replaying an idempotency key writes nothing twice', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    const key = 'replay-key-0001';
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await submitLead(api, { shareCode: share.code, phone, idempotencyKey: key }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const [lead] = (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items;
    expect(lead.touchCount).toBe(1);
    const detail = await api.get(`/api/leads/${lead.id}`, { token: org.hq.token });
    expect(detail.body.timeline.filter((e: { kind: string }) => e.kind === 'submission')).toHaveLength(1);
  });

  it('rejects bad input with the contract codes and changes nothing', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ shareCode: share.code, phone: '12345' }, 400, 'PHONE_INVALID'],
      [{ shareCode: share.code, phone: '+1 415 555 0100' }, 400, 'PHONE_INVALID'],
      [{ shareCode: share.code, phone, consent: false }, 400, 'CONSENT_REQUIRED'],
      [{ shareCode: share.code, phone, consent: 'true' }, 400, 'CONSENT_REQUIRED'],
      [{ shareCode: share.code, phone, consent: undefined }, 400, 'CONSENT_REQUIRED'],
      [{ shareCode: 'UnknownCode1', phone }, 404, 'SHARE_NOT_FOUND'],
      [{ shareCode: share.code, phone, name: '' }, 400, 'VALIDATION_FAILED'],
      [{ shareCode: share.code, phone, name: 'x'.repeat(41) }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [fields, status, code] of cases) {
      const res = await api.post('/api/public/leads', { name: '客户', consent: true, ...fields });
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(typeof res.body.message).toBe('string');
      expect(res.body.statusCode).toBe(status);
    }
    const garbage = await api.request('POST', '/api/public/leads', { raw: '{not json', headers: { 'content-type': 'application/json' } });
    expect([garbage.status, garbage.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const huge = await api.post('/api/public/leads', { shareCode: share.code, phone, name: 'x', consent: true, message: 'y'.repeat(300_000) });
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect((await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items).toHaveLength(0);
  });

  it('50 concurrent submissions of one phone make exactly one lead and 50 touches', async () => {
    const share = await createShare(api, org.b1, org.content.id);
    const phone = nextPhone('135');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => submitLead(api, { shareCode: share.code, phone, name: `并发${i}` })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const list = await api.get(`/api/leads?q=${phone}`, { token: org.hq.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].touchCount).toBe(50);
    const detail = await api.get(`/api/leads/${list.body.items[0].id}`, { token: org.hq.token });
    expect(detail.body.timeline.filter((e: { kind: string }) => e.kind === 'submission')).toHaveLength(50);
    expect(detail.body.timeline.filter((e: { kind: string }) => e.kind === 'ownership')).toHaveLength(1);
  });

  it("a touch by another staff member's share on a protected lead is a collision; the owner stays", async () => {
    const shareA = await createShare(api, org.a1, org.content.id);
    const shareB = await createShare(api, org.b1, org.content.id);
    const phone = nextPhone();
    await submitLead(api, { shareCode: shareA.code, phone });
    await submitLead(api, { shareCode: shareB.code, phone });
    const [lead] = (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items;
    expect(lead.ownerStaffId).toBe(org.a1.user.id);
    const detail = await api.get(`/api/leads/${lead.id}`, { token: org.hq.token });
    const kinds = detail.body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ownership', 'submission', 'collision']));
    const collision = detail.body.timeline.find((e: { kind: string }) => e.kind === 'collision');
    expect(collision).toMatchObject({ staffId: org.b1.user.id, shareCode: shareB.code });
  });

  describe('scope and masking', () => {
    let leadOfA1: { id: string; phone: string };

    beforeAll(async () => {
      const share = await createShare(api, org.a1, org.content.id);
      const phone = nextPhone('137');
      await submitLead(api, { shareCode: share.code, phone, name: '甲一的客户' });
      leadOfA1 = { id: (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items[0].id, phone };
    });

    it('staff see only their own leads; another staff member gets 404 on the detail', async () => {
      const mine = await api.get('/api/leads?limit=100', { token: org.a1.token });
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((l: { ownerStaffId: string }) => l.ownerStaffId === org.a1.user.id)).toBe(true);
      const others = await api.get('/api/leads?limit=100', { token: org.a2.token });
      expect(others.body.items.find((l: { id: string }) => l.id === leadOfA1.id)).toBeUndefined();
      const peek = await api.get(`/api/leads/${leadOfA1.id}`, { token: org.a2.token });
      expect([peek.status, peek.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
      const asked = await api.get(`/api/leads?ownerStaffId=${org.a1.user.id}`, { token: org.b1.token });
      expect(asked.body.items).toEqual([]);
    });

    it('the owner sees the full phone; HQ and the branch manager see it masked', async () => {
      const own = await api.get(`/api/leads/${leadOfA1.id}`, { token: org.a1.token });
      expect(own.body.phone).toBe(leadOfA1.phone);
      const hq = await api.get(`/api/leads/${leadOfA1.id}`, { token: org.hq.token });
      expect([hq.body.phone, hq.body.phoneMasked]).toEqual([`${leadOfA1.phone.slice(0, 3)}****${leadOfA1.phone.slice(-4)}`, true]);
      const manager = await api.get(`/api/leads/${leadOfA1.id}`, { token: org.manager.token });
      expect(manager.status).toBe(200);
      expect(manager.body.phone).toBe(`${leadOfA1.phone.slice(0, 3)}****${leadOfA1.phone.slice(-4)}`);
      expect(manager.body.phoneMasked).toBe(true);
    });

    it('branch managers see their branch only', async () => {
      const list = await api.get('/api/leads?limit=100', { token: org.manager.token });
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((l: { branchId: string }) => l.branchId === org.branchA.id)).toBe(true);
      expect((await api.get(`/api/leads?branchId=${org.branchB.id}`, { token: org.manager.token })).body.items).toEqual([]);
    });

    it('without a token the pool is closed', async () => {
      const res = await api.get('/api/leads');
      expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  describe('filters and keyset pagination', () => {
    let staff: Awaited<ReturnType<typeof createActiveStaff>>;
    const phones: string[] = [];

    beforeAll(async () => {
      staff = await createActiveStaff(api, org.hq, { branchId: org.branchB.id, name: '分页员工' });
      const content = await createContent(api, org.hq, { title: '分页内容' });
      const share = await createShare(api, staff, content.id);
      for (let i = 0; i < 7; i++) {
        const phone = nextPhone('158');
        phones.push(phone);
        await submitLead(api, { shareCode: share.code, phone, name: `分页客户${i}` });
      }
    });

    it('walks every lead once, newest first, with nextCursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { items: Array<{ phone: string }>; nextCursor: string | null } } = await api.get(`/api/leads?ownerStaffId=${staff.user.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: staff.token });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((l: { phone: string }) => l.phone));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([...phones].reverse());
    });

    it('filters by q (name or a run of phone digits), status, pool, branch and time', async () => {
      const byName = await api.get(`/api/leads?q=${encodeURIComponent('分页客户3')}`, { token: staff.token });
      expect(byName.body.items.map((l: { phone: string }) => l.phone)).toEqual([phones[3]]);
      const byDigits = await api.get(`/api/leads?q=${phones[5].slice(3, 9)}`, { token: staff.token });
      expect(byDigits.body.items.map((l: { phone: string }) => l.phone)).toContain(phones[5]);
      expect((await api.get(`/api/leads?ownerStaffId=${staff.user.id}&status=new`, { token: org.hq.token })).body.items).toHaveLength(7);
      expect((await api.get(`/api/leads?ownerStaffId=${staff.user.id}&status=converted`, { token: org.hq.token })).body.items).toHaveLength(0);
      expect((await api.get(`/api/leads?ownerStaffId=${staff.user.id}&pool=public`, { token: org.hq.token })).body.items).toHaveLength(0);
      expect((await api.get(`/api/leads?ownerStaffId=${staff.user.id}&branchId=${org.branchA.id}`, { token: org.hq.token })).body.items).toHaveLength(0);
      const future = new Date(Date.now() + 3600_000).toISOString();
      expect((await api.get(`/api/leads?ownerStaffId=${staff.user.id}&from=${future}`, { token: org.hq.token })).body.items).toHaveLength(0);
      const past = new Date(Date.now() - 3600_000).toISOString();
      expect((await api.get(`/api/leads?ownerStaffId=${staff.user.id}&from=${past}&to=${future}`, { token: org.hq.token })).body.items).toHaveLength(7);
      expect((await api.get(`/api/leads?ownerStaffId=${staff.user.id}&to=${past}`, { token: org.hq.token })).body.items).toHaveLength(0);
    });

    it('q finds a run of digits anywhere in the phone, and any part of a name', async () => {
      const share = await createShare(api, staff, (await createContent(api, org.hq, { title: '搜索' })).id);
      await submitLead(api, { shareCode: share.code, phone: '13698761234', name: '欧阳Nana' });
      // The owner sees the phone in full, so any run of its digits finds it (HQ: lead-phones.e2e-spec.ts).
      const hits = async (q: string) => (await api.get(`/api/leads?q=${encodeURIComponent(q)}`, { token: staff.token })).body.items.map((l: { name: string }) => l.name);
      for (const q of ['987612', '1234', '136987', '欧', '阳N', 'nana', 'NANA']) expect(await hits(q)).toContain('欧阳Nana');
      for (const q of ['98761235', '阳Nb', '娜娜']) expect(await hits(q)).not.toContain('欧阳Nana');
    });

    it('rejects bad filters with 400, never 500', async () => {
      for (const qs of ['status=bogus', 'pool=both', 'limit=0', 'limit=1000', 'from=yesterday', 'cursor=zzzz', "q=%27%20OR%201%3D1"]) {
        const res = await api.get(`/api/leads?${qs}`, { token: org.hq.token });
        expect(res.status).toBeLessThan(500);
        if (!qs.startsWith('q=')) expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      const like = await api.get(`/api/leads?q=${encodeURIComponent('%_')}`, { token: org.hq.token });
      expect([like.status, like.body.items]).toEqual([200, []]);
    });
  });
});
