import {
  bulkLeadRequestSchema,
  heatLevelOf,
  leadDetailSchema,
  leadDetailViewSchema,
  leadFilterSchema,
  leadListQuerySchema,
  leadPageQuerySchema,
  rate,
  resolveCollisionRequestSchema,
  staffInviteUrl,
  updateStaffAdminRequestSchema,
} from './index';

describe('bulkLeadRequestSchema', () => {
  const base = { action: 'release', reason: '客户已流失' } as const;

  it('takes either a selection or a filter, never both or neither', () => {
    expect(bulkLeadRequestSchema.safeParse({ ...base, ids: ['a1'] }).success).toBe(true);
    expect(bulkLeadRequestSchema.safeParse({ ...base, filter: { status: 'new' } }).success).toBe(true);
    expect(bulkLeadRequestSchema.safeParse({ ...base, ids: ['a1'], filter: {} }).success).toBe(false);
    expect(bulkLeadRequestSchema.safeParse(base).success).toBe(false);
  });

  it('assign names exactly one target: a staff member or a branch', () => {
    const assign = { ...base, action: 'assign', ids: ['a1'] };
    expect(bulkLeadRequestSchema.safeParse({ ...assign, toStaffId: 's1' }).success).toBe(true);
    expect(bulkLeadRequestSchema.safeParse({ ...assign, toBranchId: 'b1' }).success).toBe(true);
    expect(bulkLeadRequestSchema.safeParse(assign).success).toBe(false);
    expect(bulkLeadRequestSchema.safeParse({ ...assign, toStaffId: 's1', toBranchId: 'b1' }).success).toBe(false);
  });

  it('status needs the new status, and every action a reason', () => {
    expect(bulkLeadRequestSchema.safeParse({ ...base, action: 'status', ids: ['a1'] }).success).toBe(false);
    expect(bulkLeadRequestSchema.safeParse({ ...base, action: 'status', ids: ['a1'], status: 'lost' }).success).toBe(true);
    const noReason = bulkLeadRequestSchema.safeParse({ action: 'release', ids: ['a1'], reason: '  ' });
    expect(noReason.error?.issues[0]?.message).toBe('请填写原因');
  });
});

describe('lead pool contracts', () => {
  it('the page query is a superset of the contract list query', () => {
    const query = { status: 'new', pool: 'private', q: '138', from: '2026-11-01T00:00:00.000Z', cursor: 'x', limit: '50' };
    expect(leadListQuerySchema.parse(query)).toEqual(leadPageQuerySchema.parse(query));
    expect(leadFilterSchema.safeParse({ heat: 'hot', overdue: '1', channel: 'moments' }).success).toBe(true);
    expect(leadFilterSchema.safeParse({ heat: 'boiling' }).success).toBe(false);
  });

  it('a contract lead detail is a valid detail view (every addition optional)', () => {
    const detail = {
      id: 'l1', name: '张三', phone: '138****0000', phoneMasked: true, status: 'new', ownerStaffId: 's1', ownerName: '李娜',
      branchId: null, pool: 'private', touchCount: 1, createdAt: 'x', lastTouchAt: 'x', protectedUntil: null, recycleAt: null,
      lastFollowUpAt: null, message: null, consentVersion: 'v', consentedAt: 'x', referrerVisitorId: null, chainDepth: 0,
      shareChain: [], timeline: [], followUps: [], memberId: null,
    };
    expect(leadDetailSchema.safeParse(detail).success).toBe(true);
    expect(leadDetailViewSchema.safeParse(detail).success).toBe(true);
  });

  it('heat bands and rates', () => {
    expect([heatLevelOf(85), heatLevelOf(70), heatLevelOf(69), heatLevelOf(39)]).toEqual(['hot', 'hot', 'warm', 'cold']);
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(1, 0)).toBeNull();
  });
});

describe('organisation and collisions', () => {
  it('role edits go through the shared schema', () => {
    expect(updateStaffAdminRequestSchema.safeParse({ role: 'branch_manager' }).success).toBe(true);
    expect(updateStaffAdminRequestSchema.safeParse({ role: 'owner' }).success).toBe(false);
    expect(updateStaffAdminRequestSchema.safeParse({ name: ' ' }).error?.issues[0]?.message).toBe('请输入姓名');
  });

  it('the invite link opens the staff app with the code', () => {
    expect(staffInviteUrl('https://hq.example.com/', 'K7P2QX9M')).toBe('https://hq.example.com/app/#/pages/login/index?invite=K7P2QX9M');
  });

  it('keeping a collision names no staff member', () => {
    expect(resolveCollisionRequestSchema.safeParse({ action: 'keep', reason: '客户指定' }).success).toBe(true);
    expect(resolveCollisionRequestSchema.safeParse({ action: 'keep', toStaffId: 's1', reason: '客户指定' }).success).toBe(false);
    expect(resolveCollisionRequestSchema.safeParse({ action: 'reassign', toStaffId: 's1', reason: '客户指定' }).success).toBe(true);
  });
});
