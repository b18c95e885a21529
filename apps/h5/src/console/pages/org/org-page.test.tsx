// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Staff } from '@fenji/shared';
import { mockApi } from '../../testing/mock-api';
import { renderWithApi } from '../../testing/render-with-api';
import { OrgPage } from './org-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function buildStaff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 's1',
    name: '王小明',
    phone: '13900139000',
    role: 'staff',
    branchId: 'b1',
    status: 'active',
    activated: false,
    wechatBound: false,
    inviteCode: 'K7P2QX9M',
    createdAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

function mockOrgApi(staff: Staff[] = []) {
  return mockApi({
    'GET /api/branches': () => ({ body: [{ id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z' }] }),
    'GET /api/staff': () => ({ body: staff }),
    'POST /api/staff': (req) => ({ status: 201, body: buildStaff({ ...(req.body as Partial<Staff>), id: 's9', inviteCode: 'H3N8WQ2R' }) }),
    'PATCH /api/staff/s1': (req) => ({ body: buildStaff(req.body as Partial<Staff>) }),
    'POST /api/staff/s1/invite': () => ({ body: buildStaff({ inviteCode: 'Z9Y8X7W6' }) }),
    'POST /api/branches': (req) => ({ status: 201, body: { id: 'b2', createdAt: '2026-11-02T00:00:00Z', ...(req.body as object) } }),
  });
}

function staffForm() {
  return screen.getByRole('button', { name: '添加员工' }).closest('form')!;
}

describe('门店与员工', () => {
  it('creates a staff member and shows the invite code to hand over', async () => {
    const api = mockOrgApi();
    renderWithApi(<OrgPage />);
    await screen.findAllByText('南山店');
    const form = within(staffForm());
    fireEvent.change(form.getByLabelText('姓名'), { target: { value: '李华' } });
    fireEvent.change(form.getByLabelText('手机号'), { target: { value: '139 0013 9001' } });
    fireEvent.change(form.getByLabelText('所属门店'), { target: { value: 'b1' } });
    fireEvent.click(screen.getByRole('button', { name: '添加员工' }));

    const invite = await screen.findByTestId('invite-code');
    expect(invite.textContent).toBe('H3N8WQ2R');
    expect(screen.getByRole('status').textContent).toContain('李华');
    expect(api.of('POST', '/api/staff')[0]!.body).toEqual({ name: '李华', phone: '13900139001', role: 'staff', branchId: 'b1' });
    expect(screen.getAllByRole('row').some((row) => row.textContent?.includes('李华'))).toBe(true);
  });

  it('an HQ admin is created without a branch: the branch field is not offered', async () => {
    const api = mockOrgApi();
    renderWithApi(<OrgPage />);
    await screen.findAllByText('南山店');
    const form = within(staffForm());
    fireEvent.change(form.getByLabelText('所属门店'), { target: { value: 'b1' } });
    fireEvent.change(form.getByLabelText('角色'), { target: { value: 'hq_admin' } });
    expect(form.queryByLabelText('所属门店')).toBeNull();
    fireEvent.change(form.getByLabelText('姓名'), { target: { value: '赵总' } });
    fireEvent.change(form.getByLabelText('手机号'), { target: { value: '13900139002' } });
    fireEvent.click(screen.getByRole('button', { name: '添加员工' }));
    await screen.findByTestId('invite-code');
    expect(api.of('POST', '/api/staff')[0]!.body).toEqual({ name: '赵总', phone: '13900139002', role: 'hq_admin', branchId: null });
  });

  it('shows the field messages of the shared schema and sends nothing', async () => {
    const api = mockOrgApi();
    renderWithApi(<OrgPage />);
    await screen.findAllByText('南山店');
    fireEvent.change(within(staffForm()).getByLabelText('手机号'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: '添加员工' }));
    expect(await screen.findByText('请输入姓名')).toBeTruthy();
    expect(screen.getByText('手机号格式不正确')).toBeTruthy();
    expect(api.of('POST', '/api/staff')).toHaveLength(0);
  });

  it('停用 asks whom to hand the leads to and sends handoverToStaffId', async () => {
    const api = mockOrgApi([
      buildStaff(),
      buildStaff({ id: 's2', name: '李娜' }),
      buildStaff({ id: 's3', name: '赵停用', status: 'disabled' }),
    ]);
    renderWithApi(<OrgPage />);
    await screen.findByText('李娜');
    const row = screen.getAllByRole('row').find((r) => r.textContent?.startsWith('王小明'))!;
    fireEvent.click(within(row).getByRole('button', { name: '停用' }));
    expect(api.of('PATCH', '/api/staff/s1')).toHaveLength(0);

    const handover = screen.getByLabelText('移交给');
    expect(within(handover).getAllByRole('option').map((o) => o.textContent)).toEqual(['公海', '李娜']);
    fireEvent.change(handover, { target: { value: 's2' } });
    fireEvent.click(screen.getByRole('button', { name: '确认停用' }));
    await waitFor(() => expect(api.of('PATCH', '/api/staff/s1')).toHaveLength(1));
    expect(api.of('PATCH', '/api/staff/s1')[0]!.body).toEqual({ status: 'disabled', handoverToStaffId: 's2' });
    await waitFor(() => expect(screen.queryByLabelText('移交给')).toBeNull());
    expect(within(row).getByRole('button', { name: '启用' })).toBeTruthy();
  });

  it('停用 to 公海 sends handoverToStaffId null; 取消 sends nothing', async () => {
    const api = mockOrgApi([buildStaff(), buildStaff({ id: 's2', name: '李娜' })]);
    renderWithApi(<OrgPage />);
    await screen.findByText('李娜');
    const row = screen.getAllByRole('row').find((r) => r.textContent?.startsWith('王小明'))!;
    fireEvent.click(within(row).getByRole('button', { name: '停用' }));
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByLabelText('移交给')).toBeNull();
    expect(api.of('PATCH', '/api/staff/s1')).toHaveLength(0);

    fireEvent.click(within(row).getByRole('button', { name: '停用' }));
    expect((screen.getByLabelText('移交给') as HTMLSelectElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: '确认停用' }));
    await waitFor(() => expect(api.of('PATCH', '/api/staff/s1')).toHaveLength(1));
    expect(api.of('PATCH', '/api/staff/s1')[0]!.body).toEqual({ status: 'disabled', handoverToStaffId: null });
  });

  it('enables a disabled staff member at once and issues a new invite code', async () => {
    const api = mockOrgApi([buildStaff({ status: 'disabled' })]);
    renderWithApi(<OrgPage />);
    fireEvent.click(await screen.findByRole('button', { name: '启用' }));
    expect(await screen.findByRole('button', { name: '停用' })).toBeTruthy();
    expect(api.of('PATCH', '/api/staff/s1')[0]!.body).toEqual({ status: 'active' });

    fireEvent.click(screen.getByRole('button', { name: '新邀请码' }));
    await waitFor(() => expect(screen.getByTestId('invite-code').textContent).toBe('Z9Y8X7W6'));
  });

  it('creates a branch', async () => {
    const api = mockOrgApi();
    renderWithApi(<OrgPage />);
    await screen.findAllByText('南山店');
    const form = within(screen.getByRole('button', { name: '添加门店' }).closest('form')!);
    fireEvent.change(form.getByLabelText('门店名称'), { target: { value: '福田店' } });
    fireEvent.click(screen.getByRole('button', { name: '添加门店' }));
    await waitFor(() => expect(screen.getAllByText('福田店').length).toBeGreaterThan(0));
    expect(api.of('POST', '/api/branches')[0]!.body).toEqual({ name: '福田店' });
  });
});
