import { LEAD_SORTS, leadPageResponseSchema, type LeadPageItem, type LeadSort } from '@fenji/shared';
import { createActiveStaff, createContent, createShare, DAY_MS, nextPhone, submitLead, useSeededApp } from './support/factories';
import type { Client } from './support/http';

type Page = { items: LeadPageItem[]; nextCursor: string | null; total?: { count: number; exact: boolean } };

/** Every page of `query` as `token` sees it, following nextCursor. */
async function walk(api: Client, token: string, query: string, limit = 2): Promise<LeadPageItem[]> {
  const seen: LeadPageItem[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const res: { status: number; body: Page } = await api.get(`/api/leads?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(res.status).toBe(200);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('too many pages');
}

describe('GET /api/leads: one query and one item for both apps (over HTTP, real database)', () => {
  const ctx = useSeededApp();
  let staff: Awaited<ReturnType<typeof createActiveStaff>>;
  let contentA: { id: string; title: string };
  let contentB: { id: string; title: string };
  const ids: string[] = [];

  beforeAll(async () => {
    const { api, org } = ctx;
    staff = await createActiveStaff(api, org.hq, { branchId: org.branchB.id, name: '列表员工' });
    contentA = await createContent(api, org.hq, { title: '列表内容甲' });
    contentB = await createContent(api, org.hq, { title: '列表内容乙' });
    const viaA = await createShare(api, staff, contentA.id, 'moments');
    const viaB = await createShare(api, staff, contentB.id, 'poster');
    for (let i = 0; i < 5; i++) {
      const phone = nextPhone('151');
      await submitLead(api, { shareCode: (i % 2 ? viaB : viaA).code, phone, name: `列表客户${i}` });
      ids.push((await api.get(`/api/leads?q=${phone}`, { token: staff.token })).body.items[0].id);
    }
    // Touch the oldest again, so last_touch order differs from creation order.
    await submitLead(api, { shareCode: viaA.code, phone: (await api.get(`/api/leads/${ids[0]}`, { token: staff.token })).body.phone, name: '列表客户0' });
  });

  it('answers the one item shape (the shared schema parses it) with source, branch name, tags and follow-up fields', async () => {
    const { api } = ctx;
    const res = await api.get(`/api/leads?ownerStaffId=${staff.user.id}&withTotal=1`, { token: staff.token });
    expect(res.status).toBe(200);
    const page = leadPageResponseSchema.parse(res.body);
    expect(page.total).toEqual({ count: 5, exact: true });
    const newest = page.items[0];
    expect(newest).toMatchObject({
      id: ids[4],
      branchName: '乙店',
      tags: [],
      doNotContact: false,
      wechatId: null,
      nextFollowUpAt: null,
      followUpOverdue: false,
      reclaimBlockedUntil: null,
      heat: null,
      source: { contentId: contentA.id, contentTitle: '列表内容甲', channel: 'moments' },
    });
    expect(page.items[1].source).toMatchObject({ contentTitle: '列表内容乙', channel: 'poster' });
  });

  it.each(LEAD_SORTS.filter((s) => !s.startsWith('heat')))('keyset pages in %s: every lead once, in order', async (sort) => {
    const { api } = ctx;
    const all = await walk(api, staff.token, `ownerStaffId=${staff.user.id}&sort=${sort}`);
    expect(all.map((l) => l.id).sort()).toEqual([...ids].sort());
    const key = (l: LeadPageItem) => (sort.startsWith('created') ? l.id : sort.startsWith('last_touch') ? l.lastTouchAt + l.id : (l.nextFollowUpAt ?? '~') + l.id);
    const keys = all.map(key);
    const expected = [...keys].sort();
    expect(keys).toEqual(sort.endsWith('desc') ? expected.reverse() : expected);
    if (sort === 'last_touch_desc') expect(all[0].id).toBe(ids[0]);
  });

  it('filters by content, channel, touch time and tag, for the console and the staff app alike', async () => {
    const { api, org } = ctx;
    const count = async (qs: string, token = org.hq.token) => (await walk(api, token, `ownerStaffId=${staff.user.id}&${qs}`, 100)).length;
    expect(await count(`contentId=${contentA.id}`)).toBe(3);
    expect(await count(`contentId=${contentB.id}&channel=poster`)).toBe(2);
    expect(await count(`channel=link`)).toBe(0);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(await count(`touchFrom=${future}`)).toBe(0);
    expect(await count(`touchTo=${future}`)).toBe(5);
    // Tags: the owner puts two on a lead by name; HQ filters by the id GET /api/tags gives.
    const put = await api.put(`/api/leads/${ids[1]}/tags`, { tags: ['团购意向', '周末到店', '团购意向'] }, { token: staff.token });
    expect(put.status).toBe(200);
    expect(put.body.tags.map((t: { name: string }) => t.name)).toEqual(['团购意向', '周末到店']);
    const tags = await api.get('/api/tags', { token: org.hq.token });
    const group = tags.body.items.find((t: { name: string }) => t.name === '团购意向');
    expect(group).toMatchObject({ hq: false, leadCount: 1 });
    expect(await count(`tagId=${group.id}`)).toBe(1);
    expect(await count(`tagId=${group.id}`, staff.token)).toBe(1);
    const [tagged] = (await api.get(`/api/leads?tagId=${group.id}`, { token: staff.token })).body.items;
    expect(tagged.tags.map((t: { name: string }) => t.name)).toEqual(['团购意向', '周末到店']);
    // Another staff member may not tag it, and sees nothing of it.
    const foreign = await api.put(`/api/leads/${ids[1]}/tags`, { tags: ['x'] }, { token: org.a1.token });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
    const bad = await api.put(`/api/leads/${ids[1]}/tags`, { tags: ['a,b'] }, { token: staff.token });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api.get(`/api/leads/${ids[1]}`, { token: staff.token })).body.tags).toHaveLength(2);
  });

  it("HQ's tags come first, in HQ's order, for everyone; only HQ sets them", async () => {
    const { api, org } = ctx;
    const set = await api.put('/api/tags/hq', { tags: ['老客户', '团购意向'] }, { token: org.hq.token });
    expect(set.status).toBe(200);
    const mine = await api.get('/api/tags', { token: staff.token });
    expect(mine.body.items.slice(0, 2).map((t: { name: string; hq: boolean }) => [t.name, t.hq])).toEqual([
      ['老客户', true],
      ['团购意向', true],
    ]);
    expect(mine.body.items.find((t: { name: string }) => t.name === '周末到店')).toMatchObject({ hq: false, leadCount: 1 });
    const denied = await api.put('/api/tags/hq', { tags: ['x'] }, { token: org.manager.token });
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a follow-up with a time plans the next one; due=1 lists what is due today, soonest first; overdue follows', async () => {
    const { api, org, t } = ctx;
    const soon = new Date(Date.now() + 60_000).toISOString();
    const later = new Date(Date.now() + 5 * DAY_MS).toISOString();
    expect((await api.post(`/api/leads/${ids[2]}/follow-ups`, { method: 'phone', note: '约了回电', nextAt: soon }, { token: staff.token })).status).toBe(201);
    expect((await api.post(`/api/leads/${ids[3]}/follow-ups`, { method: 'phone', note: '下周再聊', nextAt: later }, { token: staff.token })).status).toBe(201);
    const [item] = (await api.get(`/api/leads?q=${encodeURIComponent('列表客户2')}`, { token: staff.token })).body.items;
    expect(item.nextFollowUpAt).toBe(soon);
    const due = await walk(api, staff.token, 'due=1', 100);
    expect(due.map((l) => l.id)).toContain(ids[2]);
    expect(due.map((l) => l.id)).not.toContain(ids[3]);
    const overdueBefore = await walk(api, org.hq.token, `ownerStaffId=${staff.user.id}&overdue=1`, 100);
    expect(overdueBefore.map((l) => l.id)).not.toContain(ids[2]);
    t.clock.advance(2 * 60_000);
    const overdue = await walk(api, org.hq.token, `ownerStaffId=${staff.user.id}&overdue=1`, 100);
    expect(overdue.map((l) => l.id)).toContain(ids[2]);
    expect(overdue.find((l) => l.id === ids[2])?.followUpOverdue).toBe(true);
  });

  it('the public pool tells the staff member who released a lead until when they cannot take it back', async () => {
    const { api, org } = ctx;
    const released = await api.post(`/api/leads/${ids[4]}/release`, { reason: '客户暂无需求' }, { token: staff.token });
    expect(released.status).toBe(200);
    const mine = (await walk(api, staff.token, 'pool=public', 100)).find((l) => l.id === ids[4]);
    expect(mine?.reclaimBlockedUntil).toEqual(expect.any(String));
    expect(Date.parse(mine!.reclaimBlockedUntil!)).toBeGreaterThan(Date.now());
    const other = (await walk(api, org.a1.token, 'pool=public', 100)).find((l) => l.id === ids[4]);
    expect(other?.reclaimBlockedUntil).toBeNull();
    expect(other?.phoneMasked).toBe(true);
  });

  it('refuses a cursor of another sort, a forged one and unknown values with 400, never 500', async () => {
    const { api } = ctx;
    const first: { body: Page } = await api.get(`/api/leads?ownerStaffId=${staff.user.id}&limit=1&sort=last_touch_desc`, { token: staff.token });
    const cursor = first.body.nextCursor as string;
    const cases = [
      `sort=created_desc&cursor=${cursor}`,
      `sort=last_touch_desc&cursor=${Buffer.from('{"s":"last_touch_desc","v":"x","i":"1"}').toString('base64url')}`,
      'cursor=%7B%7D',
      'sort=name',
      'due=2',
      'channel=fax',
      'tagId=%27%3B',
      'touchFrom=soon',
      'withTotal=yes',
    ];
    for (const qs of cases) {
      const res = await api.get(`/api/leads?${qs}`, { token: staff.token });
      expect([qs, res.status, res.body.code]).toEqual([qs, 400, 'VALIDATION_FAILED']);
    }
    const again = await api.get(`/api/leads?ownerStaffId=${staff.user.id}&limit=1&sort=last_touch_desc&cursor=${cursor}`, { token: staff.token });
    expect(again.status).toBe(200);
  });

  it.each(['heat_desc', 'heat_asc'] as LeadSort[])('%s answers (or says plainly that heat is not kept yet), never 500', async (sort) => {
    const { api } = ctx;
    const res = await api.get(`/api/leads?sort=${sort}`, { token: staff.token });
    expect([200, 400]).toContain(res.status);
    if (res.status === 400) expect(res.body.message).toContain('热度');
  });
});
