import { createActiveStaff, createContent, leadVia, useSeededApp } from './support/factories';

describe('POST /api/leads/bulk (over HTTP, real database)', () => {
  const ctx = useSeededApp();

  const owners = async (ids: string[]) => {
    const rows: Array<{ id: string; owner_staff_id: string | null; pool: string; status: string; branch_id: string | null }> = await ctx.t.dataSource.query(
      `SELECT id, owner_staff_id, pool, status, branch_id FROM leads WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
      ids,
    );
    return rows;
  };

  it('assigns a selection after a dry run that changed nothing; each lead audited with the reason, plus one summary line', async () => {
    const { api, org, t } = ctx;
    const leads = [await leadVia(api, org.a1, org.content.id, org.hq), await leadVia(api, org.a1, org.content.id, org.hq), await leadVia(api, org.a2, org.content.id, org.hq)];
    const ids = leads.map((l) => l.id);
    const body = { ids, action: 'assign', toStaffId: org.a2.user.id, reason: '甲一休假，交给甲二' };
    const before = await owners(ids);
    const dry = await api.post('/api/leads/bulk', { ...body, dryRun: true }, { token: org.manager.token });
    expect([dry.status, dry.body]).toEqual([200, { affected: 2, skipped: [{ code: 'ALREADY_OWNED_BY_TARGET', count: 1 }], dryRun: true }]);
    expect(await owners(ids)).toEqual(before);
    const run = await api.post('/api/leads/bulk', body, { token: org.manager.token });
    expect([run.status, run.body]).toEqual([200, { affected: 2, skipped: [{ code: 'ALREADY_OWNED_BY_TARGET', count: 1 }] }]);
    expect((await owners(ids)).every((l) => l.owner_staff_id === org.a2.user.id)).toBe(true);
    const lines: Array<{ action: string; target_id: string | null; detail: string }> = await t.dataSource.query(
      "SELECT action, target_id, detail FROM audit_logs WHERE actor_staff_id = ? AND action IN ('lead.assigned', 'lead.bulk') ORDER BY id",
      [org.manager.user.id],
    );
    expect(lines.filter((l) => l.action === 'lead.assigned').map((l) => l.target_id).sort()).toEqual(ids.slice(0, 2).sort());
    const summary = lines.find((l) => l.action === 'lead.bulk');
    expect(JSON.parse(summary!.detail)).toMatchObject({ action: 'assign', reason: '甲一休假，交给甲二', count: 2, selected: 3 });
    const detail = await api.get(`/api/leads/${ids[0]}`, { token: org.hq.token });
    expect(detail.body.ownershipChanges.at(-1)).toMatchObject({ rule: 'assigned', reason: '甲一休假，交给甲二', actorName: '甲店长' });
  });

  it('acts on every lead the filters match, within the caller scope only', async () => {
    const { api, org } = ctx;
    const seller = await createActiveStaff(api, org.hq, { branchId: org.branchA.id, name: '批量员工' });
    const content = await createContent(api, org.hq, { title: '批量内容' });
    const mine = [await leadVia(api, seller, content.id, org.hq), await leadVia(api, seller, content.id, org.hq)];
    const elsewhere = await leadVia(api, org.b1, content.id, org.hq);
    const res = await api.post('/api/leads/bulk', { filter: { contentId: content.id }, action: 'status', status: 'lost', reason: '活动结束' }, { token: org.manager.token });
    expect([res.status, res.body.affected]).toEqual([200, 2]);
    expect((await owners([...mine.map((l) => l.id), elsewhere.id])).map((l) => [l.id, l.status])).toEqual(
      [...mine.map((l) => [l.id, 'lost']), [elsewhere.id, 'new']].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    // Lost can only be reopened as contacted: qualified is skipped by the same rule as a single change.
    const again = await api.post('/api/leads/bulk', { ids: mine.map((l) => l.id), action: 'status', status: 'qualified', reason: '重新跟进' }, { token: org.hq.token });
    expect(again.body).toEqual({ affected: 0, skipped: [{ code: 'STATUS_TRANSITION_INVALID', count: 2 }] });
  });

  it('release sends leads to their public pool; HQ may move leads to another branch’s pool; outsiders are skipped, not revealed', async () => {
    const { api, org } = ctx;
    const a = await leadVia(api, org.a1, org.content.id, org.hq);
    const b = await leadVia(api, org.b1, org.content.id, org.hq);
    const released = await api.post('/api/leads/bulk', { ids: [a.id, b.id, '01ARZ3NDEKTSV4RRFFQ69G5FAV'], action: 'release', reason: '长期未跟进' }, { token: org.manager.token });
    expect(released.body).toEqual({ affected: 1, skipped: [{ code: 'OUT_OF_SCOPE', count: 2 }] });
    const moved = await api.post('/api/leads/bulk', { ids: [a.id], action: 'assign', toBranchId: org.branchB.id, reason: '乙店负责该区域' }, { token: org.hq.token });
    expect(moved.body.affected).toBe(1);
    expect(await owners([a.id])).toEqual([{ id: a.id, owner_staff_id: null, pool: 'public', status: 'new', branch_id: org.branchB.id }]);
  });

  it('refuses what the single-lead rules refuse, with the contract error and nothing changed', async () => {
    const { api, org } = ctx;
    const lead = await leadVia(api, org.a1, org.content.id, org.hq);
    const before = await owners([lead.id]);
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['staff', { ids: [lead.id], action: 'release', reason: 'x' }, 403, 'FORBIDDEN'],
      ['manager', { ids: [lead.id], action: 'assign', toStaffId: org.b1.user.id, reason: 'x' }, 404, 'STAFF_NOT_FOUND'],
      ['manager', { ids: [lead.id], action: 'assign', toBranchId: org.branchB.id, reason: 'x' }, 404, 'BRANCH_NOT_FOUND'],
      ['hq', { ids: [lead.id], action: 'status', status: 'converted', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['hq', { ids: [lead.id], action: 'assign', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['hq', { ids: [lead.id], filter: {}, action: 'release', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['hq', { ids: [lead.id], action: 'release' }, 400, 'VALIDATION_FAILED'],
      ['hq', { ids: [], action: 'release', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['hq', { filter: { status: 'bogus' }, action: 'release', reason: 'x' }, 400, 'VALIDATION_FAILED'],
    ];
    const tokens = { staff: org.a1.token, manager: org.manager.token, hq: org.hq.token };
    for (const [who, body, status, code] of cases) {
      const res = await api.post('/api/leads/bulk', body, { token: tokens[who as keyof typeof tokens] });
      expect([who, res.status, res.body.code]).toEqual([who, status, code]);
    }
    expect(await owners([lead.id])).toEqual(before);
  });
});
