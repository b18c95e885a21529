import { eventually } from './support/eventually';
import { client, type Client } from './support/http';
import { createContent, createShare, nextPhone, seedOrg, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

type Org = Awaited<ReturnType<typeof seedOrg>>;


/**
 * 数据看板 and 我的 over HTTP on a fresh database, so every number is known: a1 and a2 (branch 甲) and b1 (branch 乙)
 * share two contents; visitors read, one re-shares, two leave details, one is contacted.
 */
describe('stats: the dashboards and my results from the roll-ups (over HTTP, real database)', () => {
  let t: TestApp;
  let api: Client;
  let org: Org;
  let x: { id: string };
  let y: { id: string };
  let leadA: string;

  const get = async (who: Session, path: string) => api.get(path, { token: who.token });
  const funnel = async (who: Session, query = '') => (await get(who, `/api/stats/funnel${query}`)).body;
  const view = (code: string, vid: string) => api.get(`/s/${code}`, { headers: { cookie: `fj_vid=${vid}` } });

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
    x = await createContent(api, org.hq, { title: '统计净水器' });
    y = await createContent(api, org.hq, { title: '统计讲座' });
    const a1x = await createShare(api, org.a1, x.id);
    const a2y = await createShare(api, org.a2, y.id);
    const b1x = await createShare(api, org.b1, x.id);
    // a1's share: visitor 1 twice, visitor 2 once, then visitor 2 re-shares and a friend opens it; visitor 1 leaves details.
    await view(a1x.code, 'statsvisitor000001');
    await view(a1x.code, 'statsvisitor000001');
    await view(a1x.code, 'statsvisitor000002');
    const child = await api.post(`/api/public/shares/${a1x.code}/reshare`, { visitorId: 'statsvisitor000002' });
    await view(child.body.code, 'statsvisitor000003');
    await view(a2y.code, 'statsvisitor000004');
    await view(b1x.code, 'statsvisitor000005');
    await t.flushVisits();
    const phoneA = nextPhone();
    await api.post('/api/public/leads', { shareCode: a1x.code, name: '统计甲', phone: phoneA, consent: true, visitorId: 'statsvisitor000001' });
    await api.post('/api/public/leads', { shareCode: b1x.code, name: '统计乙', phone: nextPhone(), consent: true, visitorId: 'statsvisitor000005' });
    leadA = (await api.get(`/api/leads?q=${phoneA}`, { token: org.hq.token })).body.items[0].id;
    expect((await api.post(`/api/leads/${leadA}/follow-ups`, { method: 'phone', note: '电话沟通' }, { token: org.a1.token })).status).toBe(201);
    await eventually(async () => (await funnel(org.hq)).leads === 2 && (await funnel(org.hq)).shares === 3);
  });
  afterAll(() => t.close());

  it('answers the funnel for the caller\'s scope: HQ all, a branch manager the branch, staff their own', async () => {
    expect(await funnel(org.hq)).toEqual({ shares: 3, views: 6, uniqueVisitors: 5, leads: 2, contacted: 1, converted: 0 });
    expect(await funnel(org.manager)).toEqual({ shares: 2, views: 5, uniqueVisitors: 4, leads: 1, contacted: 1, converted: 0 });
    expect(await funnel(org.a1)).toEqual({ shares: 1, views: 4, uniqueVisitors: 3, leads: 1, contacted: 1, converted: 0 });
    expect(await funnel(org.b1)).toEqual({ shares: 1, views: 1, uniqueVisitors: 1, leads: 1, contacted: 0, converted: 0 });
    expect(await funnel(org.hq, `?contentId=${x.id}`)).toMatchObject({ shares: 2, views: 5, leads: 2 });
    expect(await funnel(org.hq, `?branchId=${org.branchB.id}`)).toMatchObject({ shares: 1, views: 1, leads: 1 });
    expect(await funnel(org.manager, `?staffId=${org.a2.user.id}`)).toMatchObject({ shares: 1, views: 1, leads: 0 });
    const past = `?from=2020-01-01T00:00:00.000Z&to=2020-01-31T00:00:00.000Z`;
    expect(await funnel(org.hq, past)).toEqual({ shares: 0, views: 0, uniqueVisitors: 0, leads: 0, contacted: 0, converted: 0 });
  });

  it('answers 404 for a branch or staff member outside the scope and 400 for bad periods, changing nothing', async () => {
    const before = await t.dataSource.query('SELECT SUM(views) AS v FROM stats_daily');
    for (const [who, query, code] of [
      [org.manager, `?branchId=${org.branchB.id}`, 'BRANCH_NOT_FOUND'],
      [org.manager, `?staffId=${org.b1.user.id}`, 'STAFF_NOT_FOUND'],
      [org.a1, `?staffId=${org.a2.user.id}`, 'STAFF_NOT_FOUND'],
      [org.a1, `?branchId=${org.branchA.id}`, 'BRANCH_NOT_FOUND'],
    ] as const) {
      for (const path of ['funnel', 'trend', 'chain-depth']) {
        const res = await get(who, `/api/stats/${path}${query}`);
        expect([res.status, res.body.code, typeof res.body.message]).toEqual([404, code, 'string']);
      }
    }
    for (const query of ['?from=yesterday', '?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', '?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', '?staffId=']) {
      const res = await get(org.hq, `/api/stats/funnel${query}`);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await get(org.hq, '/api/stats/leaderboard?by=city')).status).toBe(400);
    expect((await get(org.a1, '/api/stats/me?days=2')).body.code).toBe('VALIDATION_FAILED');
    expect((await api.get('/api/stats/funnel')).status).toBe(401);
    expect(await t.dataSource.query('SELECT SUM(views) AS v FROM stats_daily')).toEqual(before);
  });

  it('draws the trend one point a day with zeros, and today holds the numbers', async () => {
    const now = Date.now();
    const query = `?from=${new Date(now - 6 * 86400_000).toISOString()}&to=${new Date(now).toISOString()}`;
    const { points } = (await get(org.hq, `/api/stats/trend${query}`)).body as { points: { date: string; views: number; leads: number; contacted: number }[] };
    expect(points).toHaveLength(7);
    const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
    expect(points[6]).toMatchObject({ date: today, views: 6, leads: 2, contacted: 1 });
    expect(points.slice(0, 6).every((p) => p.views === 0 && p.leads === 0)).toBe(true);
  });

  it('ranks staff and branches, contents, share-chain depths and re-sharing customers', async () => {
    const staff = (await get(org.hq, '/api/stats/leaderboard?by=staff&metric=views')).body.items;
    expect(staff.map((r: { name: string; rank: number }) => [r.rank, r.name])).toEqual([[1, '甲一'], [2, '甲二'], [3, '乙一']]);
    expect(staff[0]).toMatchObject({ branchName: '甲店', views: 4, uniqueVisitors: 3, leads: 1, conversionRate: 1 / 3 });
    const branches = (await get(org.hq, '/api/stats/leaderboard?by=branch&metric=leads')).body.items;
    expect(branches.map((r: { name: string; leads: number }) => `${r.name}:${r.leads}`).sort()).toEqual(['乙店:1', '甲店:1']);
    expect(branches.find((r: { name: string }) => r.name === '甲店')).toMatchObject({ shares: 2, views: 5, branchName: null });
    expect((await get(org.manager, '/api/stats/leaderboard?by=staff')).body.items.map((r: { name: string }) => r.name).sort()).toEqual(['甲一', '甲二']);

    const contents = (await get(org.hq, '/api/stats/contents')).body.items;
    expect(contents[0]).toMatchObject({ contentId: x.id, title: '统计净水器', kind: 'article', shares: 2, views: 5, leads: 2 });
    expect(contents[1]).toMatchObject({ contentId: y.id, views: 1, leads: 0, conversionRate: 0 });

    const { buckets } = (await get(org.hq, '/api/stats/chain-depth')).body;
    expect(buckets.slice(0, 2)).toEqual([
      { depth: 0, orDeeper: false, shares: 3, views: 5, leads: 2 },
      { depth: 1, orDeeper: false, shares: 1, views: 1, leads: 0 },
    ]);

    const resharers = (await get(org.manager, '/api/stats/resharers')).body.items;
    expect(resharers).toEqual([{ rank: 1, label: expect.stringMatching(/^访客 [0-9A-F]{4}$/), leadId: null, staffName: '甲一', reshares: 1, views: 1, leads: 0 }]);
    expect((await get(org.b1, '/api/stats/resharers')).body.items).toEqual([]);
  });

  it('shows the newest activity in scope in words, newer ones only after an id', async () => {
    const items = (await get(org.manager, '/api/stats/activity?limit=50')).body.items as { id: string; type: string; visitorLabel: string; staffName: string; contentTitle: string; branchName: string }[];
    expect(items[0]).toMatchObject({ type: 'lead', visitorLabel: '统计甲', staffName: '甲一', contentTitle: '统计净水器', branchName: '甲店' });
    expect(items.some((i) => i.staffName === '乙一')).toBe(false);
    expect(items.filter((i) => i.type === 'reshare')).toHaveLength(1);
    expect((await get(org.manager, `/api/stats/activity?after=${items[0]!.id}`)).body.items).toEqual([]);
    expect((await get(org.manager, `/api/stats/activity?after=${items[1]!.id}`)).body.items.map((i: { id: string }) => i.id)).toEqual([items[0]!.id]);
  });

  it('gives a staff member their own results and their rank in the branch', async () => {
    expect((await get(org.a1, '/api/stats/me?days=1')).body).toEqual({ shares: 1, views: 4, uniqueVisitors: 3, leads: 1, converted: 0, rankInBranch: 1, branchSize: 3 });
    expect((await get(org.a2, '/api/stats/me?days=7')).body).toEqual({ shares: 1, views: 1, uniqueVisitors: 1, leads: 0, converted: 0, rankInBranch: 2, branchSize: 3 });
    expect((await get(org.hq, '/api/stats/me?days=30')).body).toMatchObject({ shares: 0, rankInBranch: null, branchSize: 0 });
  });
});
