// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LeadDetail, LeadStatus } from '@fenji/shared';
import { mockApi } from '../../testing/mock-api';
import { buildLeadDetail, buildStaff } from '../../testing/lead.factory';
import { renderWithApi } from '../../testing/render-with-api';
import { LeadDetailPage, ownershipWhy } from './lead-detail-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BRANCHES = [{ id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z' }];
const STAFF = [
  buildStaff({ id: 's1', name: '王小明' }),
  buildStaff({ id: 's2', name: '李娜' }),
  buildStaff({ id: 's3', name: '赵停用', status: 'disabled' }),
];

const OWNERSHIP = {
  kind: 'ownership' as const,
  staffId: 's1',
  staffName: '王小明',
  shareCode: 'Root1234',
  channel: 'wechat_friend' as const,
  contentTitle: '换季净水指南',
};

function detail(overrides: Partial<LeadDetail> = {}): LeadDetail {
  const base = buildLeadDetail({ id: 'lead-x', name: '详情客户' });
  return {
    ...base,
    timeline: [
      ...base.timeline,
      { ...OWNERSHIP, at: '2026-11-20T02:30:00.000Z', summary: '归属 王小明：首次触达（线索由其微信好友分享的《换季净水指南》带来）' },
      {
        kind: 'follow_up',
        at: '2026-11-21T03:00:00.000Z',
        staffId: 's1',
        staffName: '王小明',
        shareCode: null,
        channel: null,
        contentTitle: null,
        summary: '王小明电话跟进',
      },
      {
        kind: 'status',
        at: '2026-11-21T03:05:00.000Z',
        staffId: 's1',
        staffName: '王小明',
        shareCode: null,
        channel: null,
        contentTitle: null,
        summary: '状态从新线索改为已联系',
      },
    ],
    ...overrides,
  };
}

/** The API for one lead; POSTs change what the next GET answers, like the server would. */
function mockDetailApi(initial: LeadDetail) {
  let current = initial;
  const api = mockApi({
    'GET /api/leads/lead-x': () => ({ body: current }),
    'GET /api/branches': () => ({ body: BRANCHES }),
    'GET /api/staff': () => ({ body: STAFF }),
    'POST /api/leads/lead-x/assign': (req) => {
      const { staffId, reason } = req.body as { staffId: string | null; reason: string };
      const owner = STAFF.find((s) => s.id === staffId);
      current = {
        ...current,
        ownerStaffId: owner?.id ?? null,
        ownerName: owner?.name ?? null,
        pool: owner ? 'private' : 'public',
        timeline: [
          ...current.timeline,
          {
            ...OWNERSHIP,
            at: '2026-11-22T08:00:00.000Z',
            summary: `归属由 王小明 变为 ${owner?.name ?? '公海'}：分配，操作人 总部小周，原因：${reason}`,
          },
        ],
      };
      const { timeline: _t, followUps: _f, shareChain: _s, ...item } = current;
      return { body: item };
    },
    'POST /api/leads/lead-x/status': (req) => {
      current = { ...current, status: (req.body as { status: LeadStatus }).status };
      return { body: current };
    },
  });
  return api;
}

describe('ownershipWhy', () => {
  it('shows the latest ownership summary, with the owner in front when it does not start with 归属', () => {
    const lead = detail();
    const latest = { ...OWNERSHIP, at: '2026-11-23T00:00:00.000Z', summary: '员工停用，线索移交' };
    expect(ownershipWhy({ ...lead, timeline: [latest, ...lead.timeline] })).toBe('归属 王小明：员工停用，线索移交');
    expect(ownershipWhy({ ...lead, ownerName: null, pool: 'public', timeline: [] })).toBe('归属 公海');
  });
});

describe('线索详情', () => {
  it('says why the lead is whose, with protection and recycle dates, follow-ups and labelled timeline kinds', async () => {
    mockDetailApi(
      detail({
        protectedUntil: '2026-12-20T12:00:00.000Z',
        recycleAt: '2026-11-27T12:00:00.000Z',
        memberId: 'm42',
        followUps: [
          {
            id: 'f1',
            leadId: 'lead-x',
            staffId: 's1',
            staffName: '王小明',
            method: 'phone',
            note: '约了周六上门检测',
            nextAt: '2026-11-28T02:00:00.000Z',
            createdAt: '2026-11-21T03:00:00.000Z',
          },
        ],
      }),
    );
    renderWithApi(<LeadDetailPage leadId="lead-x" />);
    expect((await screen.findByTestId('ownership-why')).textContent).toBe('归属 王小明：首次触达（线索由其微信好友分享的《换季净水指南》带来）');
    const dates = screen.getByText('保护期至').closest('p')!;
    expect(dates.textContent).toContain('2026/12/20');
    expect(dates.textContent).toContain('回收时间');
    expect(dates.textContent).toContain('2026/11/27');
    expect(screen.getByText('已成交会员')).toBeTruthy();
    expect(screen.getByText('m42')).toBeTruthy();
    const followUps = screen.getByRole('list', { name: '跟进记录' });
    expect(followUps.textContent).toContain('约了周六上门检测');
    expect(followUps.textContent).toContain('电话');
    expect(followUps.textContent).toContain('下次跟进');
    expect(screen.getByText('状态变更')).toBeTruthy();
    expect(screen.getAllByText('跟进').length).toBeGreaterThan(0);
    expect(screen.getByText('归属变更')).toBeTruthy();
  });

  it('分配 offers active staff and 放入公海, requires a reason, sends {staffId, reason} and shows the new owner', async () => {
    const api = mockDetailApi(detail());
    renderWithApi(<LeadDetailPage leadId="lead-x" />);
    fireEvent.click(await screen.findByRole('button', { name: '分配' }));

    const picker = screen.getByLabelText('分配给');
    const options = within(picker).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['请选择', '王小明', '李娜', '放入公海']);

    fireEvent.change(picker, { target: { value: 's2' } });
    fireEvent.click(screen.getByRole('button', { name: '确认分配' }));
    expect(await screen.findByText('请填写原因')).toBeTruthy();
    expect(api.of('POST', '/api/leads/lead-x/assign')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '  客户在李娜的片区  ' } });
    fireEvent.click(screen.getByRole('button', { name: '确认分配' }));
    await waitFor(() => expect(screen.getByTestId('ownership-why').textContent).toBe('归属由 王小明 变为 李娜：分配，操作人 总部小周，原因：客户在李娜的片区'));
    expect(api.of('POST', '/api/leads/lead-x/assign')[0]!.body).toEqual({ staffId: 's2', reason: '客户在李娜的片区' });
    expect(api.of('GET', '/api/leads/lead-x')).toHaveLength(2);
    expect(screen.getByTestId('lead-owner').textContent).toBe('李娜');
    expect(screen.getByRole('status').textContent).toBe('已分配给 李娜');
    expect(screen.queryByLabelText('分配给')).toBeNull();
  });

  it('放入公海 sends staffId null', async () => {
    const api = mockDetailApi(detail());
    renderWithApi(<LeadDetailPage leadId="lead-x" />);
    fireEvent.click(await screen.findByRole('button', { name: '分配' }));
    fireEvent.change(screen.getByLabelText('分配给'), { target: { value: 'public-pool' } });
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '客户要求换人' } });
    fireEvent.click(screen.getByRole('button', { name: '确认分配' }));
    await waitFor(() => expect(api.of('POST', '/api/leads/lead-x/assign')).toHaveLength(1));
    expect(api.of('POST', '/api/leads/lead-x/assign')[0]!.body).toEqual({ staffId: null, reason: '客户要求换人' });
    await waitFor(() =>
      expect(screen.getByTestId('ownership-why').textContent).toBe('归属由 王小明 变为 公海：分配，操作人 总部小周，原因：客户要求换人'),
    );
    expect(screen.getByRole('status').textContent).toBe('已放入公海');
  });

  it('asks whom to assign to before sending', async () => {
    const api = mockDetailApi(detail());
    renderWithApi(<LeadDetailPage leadId="lead-x" />);
    fireEvent.click(await screen.findByRole('button', { name: '分配' }));
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '客户要求换人' } });
    fireEvent.click(screen.getByRole('button', { name: '确认分配' }));
    expect(await screen.findByText('请选择分配给谁')).toBeTruthy();
    expect(api.of('POST', '/api/leads/lead-x/assign')).toHaveLength(0);
  });

  it('the status select offers only the allowed next statuses and posts the chosen one', async () => {
    const api = mockDetailApi(detail({ status: 'contacted' }));
    renderWithApi(<LeadDetailPage leadId="lead-x" />);
    const select = await screen.findByLabelText('新状态');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['有意向', '已成交', '已流失']);

    fireEvent.change(select, { target: { value: 'qualified' } });
    fireEvent.click(screen.getByRole('button', { name: '更新状态' }));
    expect(await screen.findByText('状态已更新为 有意向')).toBeTruthy();
    expect(api.of('POST', '/api/leads/lead-x/status')[0]!.body).toEqual({ status: 'qualified' });
    // From 有意向 the lead may go back to 已联系 but never to 新线索.
    await waitFor(() =>
      expect(within(screen.getByLabelText('新状态')).getAllByRole('option').map((o) => o.textContent)).toEqual([
        '已联系',
        '已成交',
        '已流失',
      ]),
    );
  });

  it("offers no status change once converted, and shows the server's message on 409", async () => {
    mockDetailApi(detail({ status: 'converted' }));
    renderWithApi(<LeadDetailPage leadId="lead-x" />);
    expect(await screen.findByText('已成交，状态不可再变更。')).toBeTruthy();
    expect(screen.queryByLabelText('新状态')).toBeNull();
    expect(screen.queryByRole('button', { name: '更新状态' })).toBeNull();
    cleanup();
    vi.unstubAllGlobals();

    mockApi({
      'GET /api/leads/lead-x': () => ({ body: detail({ status: 'new' }) }),
      'GET /api/branches': () => ({ body: BRANCHES }),
      'GET /api/staff': () => ({ body: STAFF }),
      'POST /api/leads/lead-x/status': () => ({
        status: 409,
        body: { statusCode: 409, code: 'STATUS_TRANSITION_INVALID', message: '线索状态已变化，请刷新后重试' },
      }),
    });
    renderWithApi(<LeadDetailPage leadId="lead-x" />);
    fireEvent.click(await screen.findByRole('button', { name: '更新状态' }));
    expect(await screen.findByText('线索状态已变化，请刷新后重试')).toBeTruthy();
  });
});
