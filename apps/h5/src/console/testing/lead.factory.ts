import type { LeadDetail, LeadListItem, Staff } from '@fenji/shared';

let seq = 0;

export function buildLead(overrides: Partial<LeadListItem> = {}): LeadListItem {
  seq++;
  return {
    id: `lead${seq}`,
    name: `客户${seq}`,
    phone: `138****${String(1000 + seq).slice(-4)}`,
    phoneMasked: true,
    status: 'new',
    ownerStaffId: 's1',
    ownerName: '王小明',
    branchId: 'b1',
    pool: 'private',
    touchCount: 2,
    createdAt: '2026-11-20T02:30:00.000Z',
    lastTouchAt: '2026-11-21T09:15:00.000Z',
    protectedUntil: '2026-12-20T02:30:00.000Z',
    recycleAt: '2026-11-27T02:30:00.000Z',
    lastFollowUpAt: null,
    ...overrides,
  };
}

export function buildLeadDetail(overrides: Partial<LeadDetail> = {}): LeadDetail {
  return {
    ...buildLead(),
    message: '周末上午方便',
    consentVersion: '2026-11-01',
    consentedAt: '2026-11-20T02:30:00.000Z',
    referrerVisitorId: 'v_0123456789abcdefXYZ',
    chainDepth: 1,
    shareChain: [
      { shareCode: 'Root1234', depth: 0, sharerVisitorId: null, staffId: 's1', channel: 'wechat_friend' },
      { shareCode: 'Child5678', depth: 1, sharerVisitorId: 'v_0123456789abcdefXYZ', staffId: 's1', channel: 'link' },
    ],
    timeline: [
      {
        kind: 'visit',
        at: '2026-11-20T02:20:00.000Z',
        staffId: 's1',
        staffName: '王小明',
        shareCode: 'Child5678',
        channel: 'link',
        contentTitle: '换季净水指南',
        summary: '通过客户转发的链接访问了《换季净水指南》',
      },
      {
        kind: 'submission',
        at: '2026-11-20T02:30:00.000Z',
        staffId: 's1',
        staffName: '王小明',
        shareCode: 'Child5678',
        channel: 'link',
        contentTitle: '换季净水指南',
        summary: '留下了联系方式，归属王小明',
      },
    ],
    followUps: [],
    memberId: null,
    ...overrides,
  };
}

export function buildStaff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 's1',
    name: '王小明',
    phone: '13900139000',
    role: 'staff',
    branchId: 'b1',
    status: 'active',
    activated: true,
    wechatBound: true,
    inviteCode: null,
    createdAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

export const BRANCHES = [
  { id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z' },
  { id: 'b2', name: '福田店', createdAt: '2026-11-02T00:00:00Z' },
];

/** The lists every screen looks up (me, branches, staff, contents, tags), answered as the API would. */
export function lookupRoutes(staff: Staff[] = [buildStaff(), buildStaff({ id: 's2', name: '李娜' })]) {
  return {
    'GET /api/auth/me': () => ({ body: { id: 'u1', name: '总部小周', role: 'hq_admin', branchId: null, branchName: null } }),
    'GET /api/branches': () => ({ body: BRANCHES }),
    'GET /api/staff': () => ({ body: staff }),
    'GET /api/contents': () => ({ body: [] }),
    'GET /api/tags': () => ({ body: { items: [{ id: 't1', name: '团购意向', leadCount: 3 }] } }),
  };
}
