import { describeHeat, heatScore, type RadarItem, type RadarVisitor } from '@fenji/shared';
import { WebSocket } from 'ws';
import { eventually } from './support/eventually';
import { client, type Client } from './support/http';
import { createContent, createShare, nextPhone, seedOrg, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

type Org = Awaited<ReturnType<typeof seedOrg>>;


let seq = 0;
const newVisitorId = () => `radarvisitor${String(++seq).padStart(6, '0')}xyz`;

describe('the radar, visitor heat and notifications (over HTTP and WebSocket, real database)', () => {
  let t: TestApp;
  let api: Client;
  let org: Org;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(() => t.close());

  const radar = async (who: Session, query = '') => (await api.get(`/api/radar${query}`, { token: who.token })).body as { items: RadarItem[]; nextCursor: string | null };
  const visitors = async (who: Session, query = '') => (await api.get(`/api/radar/visitors${query}`, { token: who.token })).body as { items: RadarVisitor[]; nextCursor: string | null };
  const view = (code: string, vid: string) => api.get(`/s/${code}`, { headers: { cookie: `fj_vid=${vid}` } });
  const beacon = (code: string, vid: string, events: { type: string; value?: number }[]) =>
    api.post('/api/public/events', { events: events.map((e) => ({ ...e, shareCode: code, visitorId: vid })) });

  it('records a visit as radar lines in words, with the visit number, dwell, read depth and heat, for the share\'s staff member', async () => {
    const content = await createContent(api, org.hq, { title: '雷达净水器' });
    const share = await createShare(api, org.a1, content.id);
    const vid = newVisitorId();
    expect((await view(share.code, vid)).status).toBe(200);
    expect((await beacon(share.code, vid, [{ type: 'dwell', value: 42 }, { type: 'read_depth', value: 60 }, { type: 'form_open' }])).status).toBe(202);
    await t.flushVisits();

    const mine = (await radar(org.a1)).items.filter((i) => i.visitor.id === vid);
    expect(mine.map((i) => i.type)).toEqual(['form_open', 'dwell', 'view']);
    const [formOpen, dwell, first] = mine;
    expect(first).toMatchObject({ content: { id: content.id, title: '雷达净水器' }, shareCode: share.code, channel: 'wechat_friend', visitNumber: 1 });
    expect(first!.visitor.label).toMatch(/^访客 [0-9A-F]{4}$/);
    expect(first!.visitor.label).not.toContain(vid.slice(0, 4));
    expect(dwell).toMatchObject({ dwellSeconds: 42, readPercent: 60, visitNumber: 1 });
    const factors = { views: 1, totalDwellSeconds: 42, maxReadPercent: 60, reshares: 0, reshareVisitors: 0 };
    expect(formOpen).toMatchObject({ heat: heatScore(factors), heatReason: describeHeat(factors) });
    expect(formOpen!.heatReason).toBe('1 次查看 · 停留 42 秒 · 读到 60%');
    expect(new Date(first!.at).toISOString()).toBe(first!.at);

    // Scope: the branch manager and HQ see it; a colleague and another branch do not.
    for (const who of [org.manager, org.hq]) expect((await radar(who)).items.some((i) => i.visitor.id === vid)).toBe(true);
    for (const who of [org.a2, org.b1]) expect((await radar(who)).items.some((i) => i.visitor.id === vid)).toBe(false);

    // A second visit: dwell counts again from zero for the new view, only growth counts.
    await view(share.code, vid);
    await beacon(share.code, vid, [{ type: 'dwell', value: 30 }]);
    await beacon(share.code, vid, [{ type: 'dwell', value: 30 }]);
    await t.flushVisits();
    const again = (await radar(org.a1)).items.filter((i) => i.visitor.id === vid);
    expect(again.map((i) => [i.type, i.visitNumber])).toEqual([['dwell', 2], ['view', 2], ['form_open', 1], ['dwell', 1], ['view', 1]]);
    const row = (await visitors(org.a1)).items.find((v) => v.id === vid);
    expect(row).toMatchObject({ views: 2, totalDwellSeconds: 72, maxReadPercent: 60, reshares: 0, leadId: null, lastContent: { id: content.id, title: '雷达净水器' } });
    expect(row!.heat).toBe(heatScore({ views: 2, totalDwellSeconds: 72, maxReadPercent: 60, reshares: 0 }));
    expect(row!.heatReason).toBe('2 次查看 · 停留 1 分钟 · 读到 60%');
    expect((await visitors(org.a2)).items.some((v) => v.id === vid)).toBe(false);
    expect((await visitors(org.manager)).items.some((v) => v.id === vid)).toBe(true);
  });

  it('counts a re-share and the new visitors it brings, labels the friend as coming through the customer, and names both once they leave details', async () => {
    const content = await createContent(api, org.hq, { title: '转发测试' });
    const root = await createShare(api, org.b1, content.id);
    const vidA = newVisitorId();
    const vidB = newVisitorId();
    await view(root.code, vidA);
    const child = await api.post(`/api/public/shares/${root.code}/reshare`, { visitorId: vidA });
    expect(child.status).toBe(201);
    await view(child.body.code, vidB);
    await t.flushVisits();

    const items = (await radar(org.b1)).items;
    const reshare = items.find((i) => i.type === 'reshare' && i.visitor.id === vidA);
    expect(reshare).toMatchObject({ content: { title: '转发测试' }, shareCode: root.code, reshareVisitors: 1 });
    const friend = items.find((i) => i.type === 'view' && i.visitor.id === vidB);
    const labelA = reshare!.visitor.label;
    expect(friend).toMatchObject({ viaLabel: labelA, shareCode: child.body.code });
    const a = (await visitors(org.b1)).items.find((v) => v.id === vidA);
    expect(a).toMatchObject({ reshares: 1, reshareVisitors: 1 });
    expect(a!.heatReason).toContain('转发 1 次，带来 1 人');

    // B leaves details: a 留资 line with the lead's name; earlier lines of B now carry the name too.
    const phone = nextPhone();
    expect((await api.post('/api/public/leads', { shareCode: child.body.code, name: '朋友乙', phone, consent: true, visitorId: vidB })).status).toBe(201);
    const lead = await eventually(async () => (await radar(org.b1)).items.find((i) => i.type === 'lead' && i.visitor.id === vidB));
    expect(lead).toMatchObject({ leadName: '朋友乙', visitor: { label: '朋友乙' }, content: { title: '转发测试' }, viaLabel: labelA });
    const earlier = (await radar(org.b1)).items.find((i) => i.type === 'view' && i.visitor.id === vidB);
    expect(earlier).toMatchObject({ leadName: '朋友乙', leadId: lead.leadId, visitor: { label: '朋友乙' } });

    // The lead's heat is its visitor's, kept on the lead row.
    const [heatRow] = await t.dataSource.query('SELECT heat, heat_reason FROM leads WHERE id = ?', [lead.leadId]);
    expect(Number(heatRow.heat)).toBe(heatScore({ views: 1, totalDwellSeconds: 0, reshares: 0 }));
    expect(heatRow.heat_reason).toBe('1 次查看');

    // The new lead's owner is told.
    const notes = (await api.get('/api/notifications', { token: org.b1.token })).body as { kind: string; leadId: string; message: string; readAt: string | null }[];
    const note = notes.find((n) => n.kind === 'new_lead' && n.leadId === lead.leadId);
    expect(note).toMatchObject({ readAt: null });
    expect(note!.message).toBe('朋友乙 通过《转发测试》留下了联系方式，请尽快联系');
  });

  it('pages older lines with a cursor and catches up with after; bad queries are 400 in the contract\'s shape; no token is 401', async () => {
    const share = await createShare(api, org.a2, org.content.id);
    const vid = newVisitorId();
    for (let i = 0; i < 3; i++) await view(share.code, vid);
    await t.flushVisits();
    const first = await radar(org.a2, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await radar(org.a2, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id < first.items[1]!.id).toBe(true);
    const all = (await radar(org.a2, '?limit=100')).items;
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.slice(0, first.items.length + second.items.length).map((i) => i.id));

    const newest = all[0]!.id;
    expect((await radar(org.a2, `?after=${newest}`)).items).toEqual([]);
    await view(share.code, vid);
    await t.flushVisits();
    const caught = await radar(org.a2, `?after=${newest}`);
    expect(caught.items.map((i) => i.visitNumber)).toEqual([4]);
    expect(caught.nextCursor).toBeNull();
    expect((await radar(org.a2, `?after=${all[all.length - 1]!.id}&limit=1`)).nextCursor).not.toBeNull();
    expect((await radar(org.a2, '?type=view&limit=100')).items.every((i) => i.type === 'view')).toBe(true);

    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM radar_items');
    for (const query of ['?limit=0', '?limit=101', '?type=visit', '?cursor=nonsense', '?after=not-an-id']) {
      const res = await api.get(`/api/radar${query}`, { token: org.a2.token });
      expect([res.status, res.body.code, typeof res.body.message]).toEqual([400, 'VALIDATION_FAILED', 'string']);
    }
    for (const query of ['?sort=coldest', '?days=0', '?cursor=nonsense']) {
      const res = await api.get(`/api/radar/visitors${query}`, { token: org.a2.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM radar_items')).toEqual(before);
    expect((await api.get('/api/radar')).status).toBe(401);
    expect((await api.get('/api/radar/visitors')).status).toBe(401);
  });

  it('sorts visitors by today\'s heat and pages them; the recent sort follows the last visit', async () => {
    const content = await createContent(api, org.hq, { title: '热度排序' });
    const share = await createShare(api, org.manager, content.id);
    const [cold, hot] = [newVisitorId(), newVisitorId()];
    await view(share.code, hot);
    await beacon(share.code, hot, [{ type: 'dwell', value: 300 }, { type: 'read_depth', value: 100 }]);
    await view(share.code, cold);
    await t.flushVisits();
    const byHeat = (await visitors(org.manager, '?limit=100')).items.map((v) => v.id);
    expect(byHeat.indexOf(hot)).toBeLessThan(byHeat.indexOf(cold));
    const byRecent = (await visitors(org.manager, '?sort=recent&limit=100')).items.map((v) => v.id);
    expect(byRecent.indexOf(cold)).toBeLessThan(byRecent.indexOf(hot));
    const page1 = await visitors(org.manager, '?limit=1');
    const page2 = await visitors(org.manager, `?limit=1&cursor=${page1.nextCursor}`);
    expect([page1.items[0]!.id, page2.items[0]!.id]).toEqual(byHeat.slice(0, 2));
    expect((await visitors(org.manager, '?limit=100')).items.find((v) => v.id === hot)!.heatReason).toBe('1 次查看 · 停留 5 分钟 · 读完全文');
  });

  describe('the live WebSocket', () => {
    const wsUrl = (token?: string) => `${t.url.replace(/^http/, 'ws')}/api/ws${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

    /** Opens a socket and collects its messages; rejects when the server refuses the upgrade. */
    function connect(token?: string): Promise<{ messages: any[]; ws: WebSocket }> {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(wsUrl(token));
        const messages: any[] = [];
        ws.on('message', (data) => messages.push(JSON.parse(String(data))));
        ws.once('open', () => resolve({ messages, ws }));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
        ws.once('error', reject);
      });
    }

    it('refuses a missing or bad token', async () => {
      await expect(connect()).rejects.toThrow('refused 401');
      await expect(connect('not-a-token')).rejects.toThrow('refused 401');
      await expect(connect(`${org.a1.token}x`)).rejects.toThrow('refused 401');
    });

    it('sends each radar line within 5 s to the connected users whose scope includes it, and a new notice\'s unread count to its staff member', async () => {
      const [own, colleague, manager, hq, other] = await Promise.all([connect(org.a1.token), connect(org.a2.token), connect(org.manager.token), connect(org.hq.token), connect(org.b1.token)]);
      try {
        const share = await createShare(api, org.a1, org.content.id);
        const vid = newVisitorId();
        const opened = Date.now();
        await view(share.code, vid); // no explicit flush: the buffer's own timer writes it
        const got = await eventually(async () => own.messages.find((m) => m.type === 'radar' && m.item.visitor.id === vid));
        expect(Date.now() - opened).toBeLessThan(5000);
        expect(got.item).toMatchObject({ type: 'view', shareCode: share.code, content: { id: org.content.id }, visitNumber: 1 });
        await eventually(async () => manager.messages.some((m) => m.item?.visitor.id === vid) && hq.messages.some((m) => m.item?.visitor.id === vid));
        expect(colleague.messages.some((m) => m.item?.visitor.id === vid)).toBe(false);
        expect(other.messages.some((m) => m.item?.visitor.id === vid)).toBe(false);

        const unread = (await api.get('/api/notifications/unread-count', { token: org.a1.token })).body.unread;
        await api.post('/api/public/leads', { shareCode: share.code, name: '实时客户', phone: nextPhone(), consent: true, visitorId: vid });
        const notice = await eventually(async () => own.messages.find((m) => m.type === 'notification'));
        expect(notice).toEqual({ type: 'notification', unread: unread + 1 });
        await eventually(async () => own.messages.find((m) => m.type === 'radar' && m.item.type === 'lead' && m.item.leadName === '实时客户'));
        expect(colleague.messages.some((m) => m.type === 'notification')).toBe(false);
      } finally {
        for (const c of [own, colleague, manager, hq, other]) c.ws.close();
      }
    });
  });

  describe('notifications', () => {
    it('lists, counts, reads one, reads all and dismisses the caller\'s own notices; another\'s are 404 and unchanged', async () => {
      const content = await createContent(api, org.hq, { title: '提醒测试' });
      const share = await createShare(api, org.a2, content.id);
      for (const name of ['客户一', '客户二', '客户三']) await api.post('/api/public/leads', { shareCode: share.code, name, phone: nextPhone(), consent: true });
      const mine = await eventually(async () => {
        const list = (await api.get('/api/notifications', { token: org.a2.token })).body as { id: string; kind: string; leadName: string; readAt: string | null }[];
        const fresh = list.filter((n) => n.kind === 'new_lead' && ['客户一', '客户二', '客户三'].includes(n.leadName));
        return fresh.length === 3 ? fresh : null;
      });
      expect(mine.map((n) => n.leadName)).toEqual(['客户三', '客户二', '客户一']);
      const count = async (who: Session) => (await api.get('/api/notifications/unread-count', { token: who.token })).body.unread as number;
      const unread = await count(org.a2);
      expect(unread).toBeGreaterThanOrEqual(3);

      // Someone else's notice: 404, nothing changes.
      for (const res of [await api.post(`/api/notifications/${mine[0]!.id}/read`, undefined, { token: org.a1.token }), await api.request('DELETE', `/api/notifications/${mine[0]!.id}`, { token: org.a1.token })]) {
        expect([res.status, res.body.code, typeof res.body.message]).toEqual([404, 'NOT_FOUND', 'string']);
      }
      expect(await count(org.a2)).toBe(unread);

      expect((await api.post(`/api/notifications/${mine[0]!.id}/read`, undefined, { token: org.a2.token })).status).toBe(204);
      expect(await count(org.a2)).toBe(unread - 1);
      const listed = (await api.get('/api/notifications', { token: org.a2.token })).body as { id: string; readAt: string | null }[];
      expect(listed.find((n) => n.id === mine[0]!.id)!.readAt).toEqual(expect.stringMatching(/Z$/));

      expect((await api.request('DELETE', `/api/notifications/${mine[1]!.id}`, { token: org.a2.token })).status).toBe(204);
      expect(((await api.get('/api/notifications', { token: org.a2.token })).body as { id: string }[]).some((n) => n.id === mine[1]!.id)).toBe(false);
      expect(await count(org.a2)).toBe(unread - 2);

      const all = await api.post('/api/notifications/read-all', undefined, { token: org.a2.token });
      expect([all.status, all.body]).toEqual([200, { updated: unread - 2 }]);
      expect(await count(org.a2)).toBe(0);
      expect((await api.post('/api/notifications/read-all', undefined, { token: org.a2.token })).body).toEqual({ updated: 0 });
      expect((await api.post('/api/notifications/NOPE/read', undefined, { token: org.a2.token })).status).toBe(404);
      expect((await api.get('/api/notifications/unread-count')).status).toBe(401);
      // Without WeChat alerts configured there is nothing to ask for.
      expect((await api.get('/api/me/subscriptions', { token: org.a2.token })).body).toEqual({ templates: [] });
    });
  });
});
