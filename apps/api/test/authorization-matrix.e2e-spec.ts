import { LoggingSmsSender, SmsSender } from '../src/core/sms/sms.sender';
import { client, type Client } from './support/http';
import { createActiveStaff, createShare, nextPhone, seedOrg, submitLead, type SeededOrg, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The authorization matrix, generated from the OpenAPI document: every route that takes a path parameter, tried
 * by every role — HQ, the branch's manager, a foreign branch's manager, the owning staff member, a foreign staff
 * member of the same branch, a staff member of a foreign branch, and nobody signed in. A route in the document
 * but not in MATRIX fails the test, so a new route cannot be forgotten: add it with who may use it.
 * Denied: 401 without a session, otherwise 403 or 404 in the contract's shape, and the resource unchanged.
 * Allowed: anything but 401/403/404 (a 409 for a business rule is still "allowed past the scope check").
 */
type Actor = 'anonymous' | 'hq' | 'managerA' | 'managerB' | 'ownerA1' | 'staffA2' | 'staffB1';
type Resource = 'lead' | 'publicLead' | 'staff' | 'content' | 'share' | 'privacyRequest' | 'branch' | 'category' | 'notification' | 'collision';

interface Case {
  resource: Resource;
  allowed: Actor[];
  body?: (org: SeededOrg) => unknown;
}

const ACTORS: Actor[] = ['anonymous', 'hq', 'managerA', 'managerB', 'ownerA1', 'staffA2', 'staffB1'];
const SIGNED_IN: Actor[] = ACTORS.filter((a) => a !== 'anonymous');

const MATRIX: Record<string, Case> = {
  'GET /api/leads/{id}': { resource: 'lead', allowed: ['hq', 'managerA', 'ownerA1'] },
  // The public pool is open to every staff member; a foreign branch's manager may claim from it too, although
  // canSee() hides that branch's leads from them (reported to the lead; the pool's rule is B2's to settle).
  'POST /api/leads/{id}/claim': { resource: 'publicLead', allowed: ['hq', 'managerA', 'managerB', 'ownerA1', 'staffA2', 'staffB1'] },
  'POST /api/leads/{id}/assign': { resource: 'lead', allowed: ['hq', 'managerA'], body: (org) => ({ staffId: org.a2.user.id, reason: '调整负责人' }) },
  'POST /api/leads/{id}/release': { resource: 'lead', allowed: ['ownerA1'], body: () => ({ reason: '暂不跟进' }) },
  'POST /api/leads/{id}/status': { resource: 'lead', allowed: ['hq', 'managerA', 'ownerA1'], body: () => ({ status: 'contacted' }) },
  'POST /api/leads/{id}/follow-ups': { resource: 'lead', allowed: ['ownerA1'], body: () => ({ method: 'phone', note: '电话沟通' }) },
  'PATCH /api/staff/{id}': { resource: 'staff', allowed: ['hq', 'managerA'], body: () => ({ name: '改名员工' }) },
  'POST /api/staff/{id}/invite': { resource: 'staff', allowed: ['hq', 'managerA'] },
  'GET /api/contents/{id}': { resource: 'content', allowed: SIGNED_IN },
  'PATCH /api/contents/{id}': { resource: 'content', allowed: ['hq'], body: () => ({ title: '改过的标题' }) },
  'POST /api/public/shares/{code}/reshare': { resource: 'share', allowed: ACTORS, body: () => ({}) },
  'POST /api/privacy/requests/{id}/done': { resource: 'privacyRequest', allowed: ['hq'], body: () => ({ note: '已答复' }) },
  // The lead's care (the WeChat ID is the owner's alone), phones, tags.
  'PATCH /api/leads/{id}': { resource: 'lead', allowed: ['ownerA1'], body: () => ({ wechatId: 'wxid_matrix01' }) },
  'POST /api/leads/{id}/do-not-contact': { resource: 'lead', allowed: ['hq', 'managerA', 'ownerA1'], body: () => ({ doNotContact: true, reason: '客户要求' }) },
  'POST /api/leads/{id}/reveal': { resource: 'lead', allowed: ['hq', 'managerA'], body: () => ({ reason: '回访核对' }) },
  'PUT /api/leads/{id}/tags': { resource: 'lead', allowed: ['ownerA1'], body: () => ({ tags: ['高意向'] }) },
  'POST /api/collisions/{id}/resolve': { resource: 'collision', allowed: ['hq', 'managerA'], body: () => ({ action: 'keep', reason: '保留原负责人' }) },
  // The organisation and the content library: HQ's (a branch manager sees a hand-over of their own branch).
  'PATCH /api/branches/{id}': { resource: 'branch', allowed: ['hq'], body: () => ({ name: `改名门店${Math.random().toString(36).slice(2, 8)}` }) },
  'DELETE /api/branches/{id}': { resource: 'branch', allowed: ['hq'] },
  'GET /api/staff/{id}/handover-preview': { resource: 'staff', allowed: ['hq', 'managerA'] },
  'PATCH /api/content-categories/{id}': { resource: 'category', allowed: ['hq'], body: () => ({ name: `分类${Math.random().toString(36).slice(2, 6)}` }) },
  'DELETE /api/content-categories/{id}': { resource: 'category', allowed: ['hq'] },
  'POST /api/contents/{id}/status': { resource: 'content', allowed: ['hq'], body: () => ({ status: 'published' }) },
  // Shares: the no-login view is public; a poster is for the share's member, their manager and HQ.
  'GET /api/public/shares/{code}': { resource: 'share', allowed: ACTORS },
  'GET /api/shares/{code}/poster.png': { resource: 'share', allowed: ['hq', 'managerA', 'ownerA1'] },
  // A notice is its staff member's alone.
  'POST /api/notifications/{id}/read': { resource: 'notification', allowed: ['ownerA1'] },
  'DELETE /api/notifications/{id}': { resource: 'notification', allowed: ['ownerA1'] },
};

describe('authorization matrix (from the OpenAPI document)', () => {
  let t: TestApp;
  let api: Client;
  let org: SeededOrg;
  let managerB: Session;
  let routes: Array<{ method: string; path: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
    managerB = await createActiveStaff(api, org.hq, { role: 'branch_manager', branchId: org.branchB.id, name: '乙店长' });
    const doc = (await api.get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths)
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  const tokenOf = (actor: Actor): string | undefined =>
    ({ anonymous: undefined, hq: org.hq.token, managerA: org.manager.token, managerB: managerB.token, ownerA1: org.a1.token, staffA2: org.a2.token, staffB1: org.b1.token })[actor];

  /** A fresh resource per attempt: an allowed write must not change what the next actor meets. */
  async function make(resource: Resource): Promise<string> {
    if (resource === 'content') return org.content.id;
    if (resource === 'branch') return (await api.post('/api/branches', { name: `矩阵门店${Math.random().toString(36).slice(2, 8)}` }, { token: org.hq.token })).body.id;
    if (resource === 'category') return (await api.post('/api/content-categories', { name: `类${Math.random().toString(36).slice(2, 6)}` }, { token: org.hq.token })).body.id;
    if (resource === 'privacyRequest') {
      const phone = nextPhone();
      await api.post('/api/public/privacy-requests/code', { phone });
      const code = /验证码为 (\d{6})/.exec((t.app.get(SmsSender) as LoggingSmsSender).sent.get(phone) ?? '')?.[1];
      expect((await api.post('/api/public/privacy-requests', { phone, code, kind: 'access' })).status).toBe(201);
      return (await api.get('/api/privacy/requests', { token: org.hq.token })).body.items.find((r: { phone: string }) => r.phone === phone).id;
    }
    const share = await createShare(api, org.a1, org.content.id);
    if (resource === 'share') return share.code;
    if (resource === 'staff') return (await createActiveStaff(api, org.hq, { branchId: org.branchA.id, name: '矩阵员工' })).user.id;
    const phone = nextPhone();
    expect((await submitLead(api, { shareCode: share.code, phone })).status).toBe(201);
    // The owner sees the phone in full (HQ sees it masked, and search matches only what one sees).
    const id = (await api.get(`/api/leads?q=${phone}`, { token: org.a1.token })).body.items[0].id as string;
    if (resource === 'notification') {
      for (let i = 0; i < 100; i++) {
        const notices = (await api.get('/api/notifications', { token: org.a1.token })).body as Array<{ id: string; leadId?: string | null }>;
        const notice = notices.find((n) => n.leadId === id);
        if (notice) return notice.id;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no notice of the new lead');
    }
    if (resource === 'collision') {
      const other = await createShare(api, org.a2, org.content.id);
      expect((await submitLead(api, { shareCode: other.code, phone })).status).toBe(201);
      const list = (await api.get('/api/collisions?state=open', { token: org.hq.token })).body.items as Array<{ id: string; leadId: string }>;
      const found = list.find((c) => c.leadId === id);
      if (!found) throw new Error(`no collision for the lead: ${JSON.stringify(list).slice(0, 300)}`);
      return found.id;
    }
    if (resource === 'publicLead') expect((await api.post(`/api/leads/${id}/release`, { reason: '放回公海' }, { token: org.a1.token })).status).toBe(200);
    return id;
  }

  /** What HQ sees of the resource: compared before and after a denied attempt. */
  async function snapshot(resource: Resource, id: string): Promise<unknown> {
    if (resource === 'lead' || resource === 'publicLead') return (await api.get(`/api/leads/${id}`, { token: org.hq.token })).body;
    if (resource === 'staff') return (await api.get('/api/staff', { token: org.hq.token })).body.find((s: { id: string }) => s.id === id);
    if (resource === 'content') return (await api.get(`/api/contents/${id}`, { token: org.hq.token })).body;
    if (resource === 'privacyRequest') return (await api.get('/api/privacy/requests', { token: org.hq.token })).body.items.find((r: { id: string }) => r.id === id);
    if (resource === 'branch') return (await api.get('/api/branches', { token: org.hq.token })).body.find?.((b: { id: string }) => b.id === id) ?? null;
    if (resource === 'category') return (await api.get('/api/content-categories', { token: org.hq.token })).body.items.find((c: { id: string }) => c.id === id);
    if (resource === 'notification') return (await api.get('/api/notifications', { token: org.a1.token })).body.find((n: { id: string }) => n.id === id);
    if (resource === 'collision') return (await api.get('/api/collisions?state=open', { token: org.hq.token })).body.items.find((c: { id: string }) => c.id === id) ?? null;
    return null;
  }

  it('every route with a path parameter is in the matrix, and every matrix route exists', () => {
    const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(Object.keys(MATRIX).sort());
  });

  it('each role reaches exactly the routes and resources it may, and a denied attempt changes nothing', async () => {
    const wrong: string[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      const entry = MATRIX[key];
      if (!entry) continue; // reported by the test above
      for (const actor of ACTORS) {
        const id = await make(entry.resource);
        const before = await snapshot(entry.resource, id);
        const url = path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const res = await api.request(method, url, { token: tokenOf(actor), body: entry.body?.(org) });
        const allowed = entry.allowed.includes(actor);
        const denied = actor === 'anonymous' ? res.status === 401 : res.status === 403 || res.status === 404;
        const shaped = typeof res.body === 'object' && res.body !== null && typeof res.body.code === 'string' && typeof res.body.message === 'string' && res.body.statusCode === res.status;
        if (allowed && [401, 403, 404].includes(res.status)) wrong.push(`${key} as ${actor}: ${res.status} ${res.text.slice(0, 100)} (should be allowed)`);
        if (!allowed && !denied) wrong.push(`${key} as ${actor}: ${res.status} (should be denied)`);
        if (!allowed && denied && !shaped) wrong.push(`${key} as ${actor}: denial not in the contract shape: ${res.text.slice(0, 100)}`);
        if (!allowed && JSON.stringify(await snapshot(entry.resource, id)) !== JSON.stringify(before)) wrong.push(`${key} as ${actor}: denied, but the resource changed`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
