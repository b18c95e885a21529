import { client, type Client } from './support/http';
import { createShare, seedOrg } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('HQ content library: blocks, status, categories, the list, preview; cards and brand settings', () => {
  let t: TestApp;
  let api: Client;
  let org: Awaited<ReturnType<typeof seedOrg>>;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('stores the editor’s document and answers it back to HQ; staff get the contract’s content only', async () => {
    const blocks = [{ type: 'text', text: '第一段' }, { type: 'image', url: '/media/01JD0000000000000000000000/640.jpg', width: 640, height: 480, alt: '' }, { type: 'cta', text: '来店里看看' }];
    const created = await api.post('/api/contents', { kind: 'event', title: '周末讲座', blocks, ctaText: '立即报名', formFields: ['preferred_time'] }, { token: org.hq.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', published: false, blocks, ctaText: '立即报名', formFields: ['preferred_time'], body: '第一段' });
    const asStaff = await api.get(`/api/contents/${created.body.id}`, { token: org.a1.token });
    expect(asStaff.status).toBe(404); // a draft
    await api.post(`/api/contents/${created.body.id}/status`, { status: 'published' }, { token: org.hq.token });
    const published = await api.get(`/api/contents/${created.body.id}`, { token: org.a1.token });
    expect(published.body.blocks).toBeUndefined();
    expect(published.body.published).toBe(true);
  });

  it('refuses a card content, bad blocks and bad buttons in the contract’s shape, writing nothing', async () => {
    const before = await count('contents');
    for (const body of [
      { kind: 'card', title: '名片' },
      { kind: 'article', title: '坏模块', blocks: [{ type: 'html', text: '<b>x</b>' }] },
      { kind: 'article', title: '坏图片', blocks: [{ type: 'image', url: 'javascript:alert(1)', width: 1, height: 1 }] },
      { kind: 'article', title: '坏按钮', ctaText: '提' },
      { kind: 'article', title: '坏字段', formFields: ['id_card'] },
    ]) {
      const res = await api.post('/api/contents', body, { token: org.hq.token });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
    }
    const unknownCategory = await api.post('/api/contents', { kind: 'article', title: '无此分类', categoryId: '01JD0000000000000000000000' }, { token: org.hq.token });
    expect(unknownCategory.body.code).toBe('CONTENT_CATEGORY_NOT_FOUND');
    expect(await count('contents')).toBe(before);
    expect((await api.post('/api/contents/NOPE/status', { status: 'offline' }, { token: org.hq.token })).status).toBe(404);
    expect((await api.post(`/api/contents/${org.content.id}/status`, { status: 'draft' }, { token: org.hq.token })).status).toBe(400);
  });

  it('categories: create, rename, count, delete (contents become uncategorised); names are unique; HQ only', async () => {
    const cat = await api.post('/api/content-categories', { name: '新品' }, { token: org.hq.token });
    expect(cat.status).toBe(201);
    expect((await api.post('/api/content-categories', { name: '新品' }, { token: org.hq.token })).body.code).toBe('CATEGORY_NAME_TAKEN');
    expect((await api.post('/api/content-categories', { name: '店员的' }, { token: org.a1.token })).status).toBe(403);
    const content = await api.post('/api/contents', { kind: 'product', title: '分类里的', categoryId: cat.body.id, published: true }, { token: org.hq.token });
    expect(content.body.categoryName).toBe('新品');
    const renamed = await api.patch(`/api/content-categories/${cat.body.id}`, { name: '春季新品' }, { token: org.hq.token });
    expect(renamed.body).toEqual({ id: cat.body.id, name: '春季新品', contentCount: 1 });
    const list = await api.get('/api/content-categories', { token: org.a1.token });
    expect(list.body.items).toContainEqual({ id: cat.body.id, name: '春季新品', contentCount: 1 });
    expect((await api.request('DELETE', `/api/content-categories/${cat.body.id}`, { token: org.hq.token })).status).toBe(204);
    expect((await api.get(`/api/contents/${content.body.id}`, { token: org.hq.token })).body.categoryId).toBeNull();
  });

  it('the admin list: every status, filters, search, keyset pages with a total, numbers per content; HQ only', async () => {
    for (let i = 0; i < 5; i++) await api.post('/api/contents', { kind: 'article', title: `翻页文章 ${i}`, summary: '50%_折扣', published: i % 2 === 0 }, { token: org.hq.token });
    const first = await api.get('/api/contents/admin?q=翻页&limit=2', { token: org.hq.token });
    expect(first.status).toBe(200);
    expect(first.body.total).toEqual({ count: 5, exact: true });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].stats).toEqual({ shares: 0, views: 0, uniqueVisitors: 0, leads: 0, conversionRate: null });
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await api.get(`/api/contents/admin?q=翻页&limit=2&cursor=${encodeURIComponent(cursor)}`, { token: org.hq.token });
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen.map((c) => c.id)).size).toBe(5);
    expect((await api.get('/api/contents/admin?q=翻页&status=draft', { token: org.hq.token })).body.items).toHaveLength(2);
    // LIKE's wildcards are searched as text.
    expect((await api.get(`/api/contents/admin?q=${encodeURIComponent('0%_')}`, { token: org.hq.token })).body.items).toHaveLength(5);
    expect((await api.get(`/api/contents/admin?q=${encodeURIComponent('%')}&kind=product&status=offline`, { token: org.hq.token })).body.items).toHaveLength(0);
    expect((await api.get('/api/contents/admin?sort=leads_desc&limit=3', { token: org.hq.token })).body.items).toHaveLength(3);
    expect((await api.get('/api/contents/admin', { token: org.manager.token })).status).toBe(403);
    const bad = await api.get('/api/contents/admin?cursor=xyz', { token: org.hq.token });
    expect(bad.status).toBe(400);
    expect((await api.get('/api/contents/admin?status=deleted', { token: org.hq.token })).body.code).toBe('VALIDATION_FAILED');
  });

  it('preview: the real landing render of an unsaved draft, with a sample sharer or a member’s card, without the script', async () => {
    const res = await api.post('/api/contents/preview', { kind: 'product', title: '未保存的<草稿>', blocks: [{ type: 'facts', items: [{ label: '价格', value: '¥99' }] }], ctaText: '获取报价' }, { token: org.hq.token });
    expect(res.status).toBe(200);
    expect(res.body.html).toContain('未保存的&lt;草稿&gt;');
    expect(res.body.html).toContain('¥99');
    expect(res.body.html).toContain('获取报价');
    expect(res.body.html).toContain('示例员工');
    expect(res.body.html).not.toContain('<script');
    const asMember = await api.post('/api/contents/preview', { kind: 'product', title: '预览', asStaffId: org.a1.user.id }, { token: org.hq.token });
    expect(asMember.body.html).toContain('甲一');
    expect((await api.post('/api/contents/preview', { kind: 'product', title: '预览' }, { token: org.a1.token })).status).toBe(403);
    expect((await api.post('/api/contents/preview', { kind: 'product' }, { token: org.hq.token })).status).toBe(400);
  });

  it('me/card: each member reads and edits only their own; bad input changes nothing', async () => {
    const mine = await api.get('/api/me/card', { token: org.a2.token });
    expect(mine.body).toMatchObject({ staffId: org.a2.user.id, name: '甲二', branchName: '甲店', title: '', showPhone: false, featuredContentIds: [], updatedAt: null });
    const put = await api.request('PUT', '/api/me/card', { token: org.a2.token, body: { title: '顾问', intro: '你好', featuredContentIds: [org.content.id] } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ title: '顾问', intro: '你好', featuredContentIds: [org.content.id], updatedAt: expect.any(String) });
    const before = await count('staff_cards');
    for (const body of [{ wechatId: '1abc' }, { avatarUrl: 'javascript:alert(1)' }, { featuredContentIds: ['01JD0000000000000000000000'] }, { showWechatId: true }, { phone: '12345' }]) {
      const res = await api.request('PUT', '/api/me/card', { token: org.b1.token, body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
    }
    expect(await count('staff_cards')).toBe(before);
    expect((await api.get('/api/me/card', { token: org.a2.token })).body.title).toBe('顾问');
    expect((await api.get('/api/me/card')).status).toBe(401);
  });

  it('card shares: POST /api/shares { card: true } for oneself; bad bodies are 400 with the field named', async () => {
    const share = await api.post('/api/shares', { card: true, channel: 'poster' }, { token: org.a2.token });
    expect(share.status).toBe(201);
    expect(share.body.url).toMatch(/\/s\/[0-9A-Za-z]{8,32}$/);
    expect((await api.post('/api/shares', { card: false, channel: 'poster' }, { token: org.a2.token })).status).toBe(400);
    expect((await api.post('/api/shares', { channel: 'poster' }, { token: org.a2.token })).body.message).toMatch(/contentId/);
    const offline = await api.post('/api/contents', { kind: 'article', title: '未发布' }, { token: org.hq.token });
    expect((await api.post('/api/shares', { contentId: offline.body.id, channel: 'link' }, { token: org.a2.token })).body.code).toBe('CONTENT_NOT_FOUND');
    expect((await createShare(api, org.a2, org.content.id)).code).toMatch(/^[0-9A-Za-z]{8,32}$/);
  });

  it('brand settings: anyone signed in reads them, HQ writes; bad colours are refused and change nothing', async () => {
    const defaults = await api.get('/api/settings/brand', { token: org.a1.token });
    expect(defaults.body).toEqual({ name: '分机', logoUrl: null, colorPrimary: '#1f6feb', contactWithin: '1 个工作日内', updatedAt: null });
    expect((await api.request('PUT', '/api/settings/brand', { token: org.a1.token, body: { ...defaults.body, name: '改名' } })).status).toBe(403);
    const bad = await api.request('PUT', '/api/settings/brand', { token: org.hq.token, body: { name: '清泉', logoUrl: null, colorPrimary: 'red', contactWithin: '2 小时内' } });
    expect(bad.status).toBe(400);
    expect((await api.get('/api/settings/brand', { token: org.hq.token })).body.name).toBe('分机');
    const ok = await api.request('PUT', '/api/settings/brand', { token: org.hq.token, body: { name: '清泉', logoUrl: null, colorPrimary: '#0a7d4f', contactWithin: '2 小时内' } });
    expect(ok.body).toMatchObject({ name: '清泉', colorPrimary: '#0a7d4f', contactWithin: '2 小时内', updatedAt: expect.any(String) });
  });
});
