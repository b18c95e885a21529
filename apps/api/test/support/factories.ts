import type { Content, Role, Staff } from '@fenji/shared';
import { client, type Client } from './http';
import { HQ_PASSWORD, HQ_PHONE, startTestApp, type TestApp } from './test-app';

let phoneSeq = 0;
/** A valid, unused mainland mobile number. */
export function nextPhone(prefix = '136'): string {
  phoneSeq++;
  return `${prefix}${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(5, '0')}`;
}

export interface Session {
  token: string;
  refreshToken: string;
  user: { id: string; name: string; role: Role; branchId: string | null };
}

export async function login(api: Client, phone: string, password: string): Promise<Session> {
  const res = await api.post('/api/auth/login', { phone, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return { token: res.body.accessToken, refreshToken: res.body.refreshToken, user: res.body.user };
}

export const loginHq = (api: Client) => login(api, HQ_PHONE, HQ_PASSWORD);

export async function createBranch(api: Client, hq: Session, name = `门店${Math.random().toString(36).slice(2, 8)}`): Promise<{ id: string; name: string }> {
  const res = await api.post('/api/branches', { name }, { token: hq.token });
  if (res.status !== 201) throw new Error(`branch: ${res.status} ${res.text}`);
  return res.body;
}

/** A staff member created by `by` and activated with their invite code. */
export async function createActiveStaff(
  api: Client,
  by: Session,
  fields: { role?: Role; branchId: string | null; name?: string; phone?: string },
): Promise<Session & { staff: Staff; password: string }> {
  const phone = fields.phone ?? nextPhone();
  const created = await api.post('/api/staff', { name: fields.name ?? `员工${phoneSeq}`, phone, role: fields.role ?? 'staff', branchId: fields.branchId }, { token: by.token });
  if (created.status !== 201) throw new Error(`staff: ${created.status} ${created.text}`);
  const password = 'staff-password-1';
  const activated = await api.post('/api/auth/activate', { inviteCode: created.body.inviteCode, password });
  if (activated.status !== 200) throw new Error(`activate: ${activated.status} ${activated.text}`);
  return { token: activated.body.accessToken, refreshToken: activated.body.refreshToken, user: activated.body.user, staff: created.body, password };
}

export async function createContent(api: Client, hq: Session, fields: Partial<Content> = {}): Promise<Content> {
  const res = await api.post('/api/contents', { kind: 'article', title: '测试文章', summary: '摘要', body: '第一段\n\n第二段', published: true, ...fields }, { token: hq.token });
  if (res.status !== 201) throw new Error(`content: ${res.status} ${res.text}`);
  return res.body;
}

export async function createShare(api: Client, staff: Session, contentId: string, channel = 'wechat_friend'): Promise<{ code: string; url: string }> {
  const res = await api.post('/api/shares', { contentId, channel }, { token: staff.token });
  if (res.status !== 201) throw new Error(`share: ${res.status} ${res.text}`);
  return res.body;
}

/** HQ, two branches, a manager of branch A, staff A1 and A2 in branch A, staff B1 in branch B, one published content. */
export async function seedOrg(api: Client) {
  const hq = await loginHq(api);
  const branchA = await createBranch(api, hq, '甲店');
  const branchB = await createBranch(api, hq, '乙店');
  const manager = await createActiveStaff(api, hq, { role: 'branch_manager', branchId: branchA.id, name: '甲店长' });
  const a1 = await createActiveStaff(api, hq, { branchId: branchA.id, name: '甲一' });
  const a2 = await createActiveStaff(api, hq, { branchId: branchA.id, name: '甲二' });
  const b1 = await createActiveStaff(api, hq, { branchId: branchB.id, name: '乙一' });
  const content = await createContent(api, hq);
  return { hq, branchA, branchB, manager, a1, a2, b1, content };
}

export function submitLead(api: Client, fields: { shareCode: string; phone: string; name?: string; idempotencyKey?: string; message?: string; consent?: unknown }) {
  return api.post('/api/public/leads', { name: '客户', consent: true, ...fields });
}

export const DAY_MS = 24 * 3600 * 1000;

/** A lead owned by the staff member whose share brought it; returns its id. */
export async function leadVia(api: Client, owner: Session, contentId: string, hq: Session, phone = nextPhone()): Promise<{ id: string; phone: string }> {
  const share = await createShare(api, owner, contentId);
  const res = await submitLead(api, { shareCode: share.code, phone });
  if (res.status !== 201) throw new Error(`lead: ${res.status} ${res.text}`);
  const list = await api.get(`/api/leads?q=${phone}`, { token: hq.token });
  return { id: list.body.items[0].id, phone };
}

export type SeededOrg = Awaited<ReturnType<typeof seedOrg>>;

/** For a describe block: a test app (with `env`) and `seedOrg`, started before its tests and closed after them. */
export function useSeededApp(env: Record<string, string> = {}): { t: TestApp; api: Client; org: SeededOrg } {
  const ctx = {} as { t: TestApp; api: Client; org: SeededOrg };
  beforeAll(async () => {
    ctx.t = await startTestApp(env);
    ctx.api = client(ctx.t.url);
    ctx.org = await seedOrg(ctx.api);
  });
  afterAll(() => ctx.t.close());
  return ctx;
}
