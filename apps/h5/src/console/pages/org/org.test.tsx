// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Staff } from '@fenji/shared';
import { apiError, mockApi } from '../../testing/mock-api';
import { buildStaff, lookupRoutes } from '../../testing/lead.factory';
import { BRANCH_MANAGER, button, dialog, memorySessionStore, renderConsole } from '../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const STAFF: Staff[] = [
  buildStaff({ id: 'u1', name: '总部小周', role: 'hq_admin', branchId: null }),
  buildStaff({ id: 's1', name: '王小明', inviteCode: 'K7P2QX9M', activated: false }),
  buildStaff({ id: 's2', name: '李娜' }),
];

function mockOrg(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    ...lookupRoutes(STAFF),
    'POST /api/staff': (req) => ({ status: 201, body: buildStaff({ ...(req.body as Partial<Staff>), id: 's9', inviteCode: 'H3N8WQ2R', activated: false }) }),
    'PATCH /api/staff/s1': (req) => ({ body: { ...STAFF[1], ...(req.body as object), handover: { leads: 12, toStaffId: 's2', toStaffName: '李娜' } } }),
    'GET /api/staff/s1/handover-preview': () => ({ body: { privateLeads: 12, withPlannedFollowUp: 3 } }),
    ...extra,
  });
}

const row = (name: string) => [...document.querySelectorAll<HTMLElement>('tr.ant-table-row')].find((r) => r.textContent?.startsWith(name))!;

describe('门店与员工', () => {
  it('adds a staff member (checked by the shared schema) and shows the invite as a link, a QR code and the code', async () => {
    const api = mockOrg();
    renderConsole('/org');
    await waitFor(() => expect(row('王小明')).toBeTruthy());
    fireEvent.click(button('添加员工'));
    const dlg = await waitFor(() => dialog('添加员工'));
    fireEvent.change(within(dlg).getByLabelText('手机号'), { target: { value: '123' } });
    fireEvent.click(button('添加员工', dlg));
    expect(await within(dlg).findByText('请输入姓名')).toBeTruthy();
    expect(await within(dlg).findByText('手机号格式不正确')).toBeTruthy();
    expect(api.of('POST', '/api/staff')).toHaveLength(0);
    fireEvent.change(within(dlg).getByLabelText('姓名'), { target: { value: '李华' } });
    fireEvent.change(within(dlg).getByLabelText('手机号'), { target: { value: '139 0013 9001' } });
    fireEvent.click(button('添加员工', dlg));
    expect(await within(dlg).findByText('员工和门店负责人必须属于一个门店')).toBeTruthy();
    expect(api.of('POST', '/api/staff')).toHaveLength(0);
    fireEvent.mouseDown(within(dlg).getByLabelText('所属门店'));
    fireEvent.click(await screen.findByTitle('南山店'));
    fireEvent.click(button('添加员工', dlg));
    expect(await screen.findByTestId('invite-code')).toBeTruthy();
    expect(screen.getByTestId('invite-code').textContent).toContain('H3N8WQ2R');
    expect(screen.getByTestId('invite-link').textContent).toBe(`${window.location.origin}/app/#/pages/login/index?invite=H3N8WQ2R`);
    expect(screen.getByLabelText('邀请二维码')).toBeTruthy();
    expect(api.of('POST', '/api/staff')[0]!.body).toEqual({ name: '李华', phone: '13900139001', role: 'staff', branchId: 'b1' });
  });

  it('offers no branch for an HQ admin (an HQ admin belongs to no branch)', async () => {
    const api = mockOrg();
    renderConsole('/org');
    await waitFor(() => expect(row('王小明')).toBeTruthy());
    fireEvent.click(button('添加员工'));
    const dlg = await waitFor(() => dialog('添加员工'));
    expect(within(dlg).getByLabelText('所属门店')).toBeTruthy();
    fireEvent.mouseDown(within(dlg).getByLabelText('角色'));
    fireEvent.click(await screen.findByTitle('总部管理员'));
    await waitFor(() => expect(within(dlg).queryByLabelText('所属门店')).toBeNull());
    fireEvent.change(within(dlg).getByLabelText('姓名'), { target: { value: '总部小王' } });
    fireEvent.change(within(dlg).getByLabelText('手机号'), { target: { value: '13900139003' } });
    fireEvent.click(button('添加员工', dlg));
    await waitFor(() => expect(api.of('POST', '/api/staff')).toHaveLength(1));
    expect(api.of('POST', '/api/staff')[0]!.body).toEqual({ name: '总部小王', phone: '13900139003', role: 'hq_admin', branchId: null });
  });

  it('edits name, role and branch in one PATCH', async () => {
    const api = mockOrg({ 'PATCH /api/staff/s2': (req) => ({ body: { ...STAFF[2], ...(req.body as object) } }) });
    renderConsole('/org');
    await waitFor(() => expect(row('李娜')).toBeTruthy());
    fireEvent.click(button('编辑', row('李娜')));
    const dlg = await waitFor(() => dialog('编辑员工：李娜'));
    fireEvent.change(within(dlg).getByLabelText('姓名'), { target: { value: '李娜娜' } });
    fireEvent.mouseDown(within(dlg).getByLabelText('角色'));
    fireEvent.click(await screen.findByTitle('门店负责人'));
    fireEvent.click(button('保存', dlg));
    await waitFor(() => expect(api.of('PATCH', '/api/staff/s2')).toHaveLength(1));
    expect(api.of('PATCH', '/api/staff/s2')[0]!.body).toEqual({ name: '李娜娜', branchId: 'b1', role: 'branch_manager' });
    expect(await screen.findByText('已保存 李娜娜')).toBeTruthy();
  });

  it('nobody sees 停用 on their own row', async () => {
    mockOrg();
    renderConsole('/org');
    await waitFor(() => expect(row('总部小周')).toBeTruthy());
    expect(within(row('总部小周')).queryByText('停用')).toBeNull();
    expect(within(row('王小明')).getByText('停用')).toBeTruthy();
  });

  it('停用 says how many leads go where, and confirms what happened', async () => {
    const api = mockOrg();
    renderConsole('/org');
    await waitFor(() => expect(row('王小明')).toBeTruthy());
    fireEvent.click(button('停用', row('王小明')));
    const dlg = await waitFor(() => dialog('停用 王小明'));
    expect((await within(dlg).findByTestId('handover-preview')).textContent).toContain('王小明 名下有 12 条私海线索，将放回公海。');
    fireEvent.mouseDown(within(dlg).getByLabelText('私海线索移交给'));
    fireEvent.click(await screen.findByTitle('李娜'));
    expect(within(dlg).getByTestId('handover-preview').textContent).toContain('将移交给 李娜');
    expect(api.of('PATCH', '/api/staff/s1')).toHaveLength(0);
    fireEvent.click(button('确认停用', dlg));
    expect(await screen.findByText('已停用 王小明，12 条私海线索已移交给 李娜')).toBeTruthy();
    expect(api.of('PATCH', '/api/staff/s1')[0]!.body).toEqual({ status: 'disabled', handoverToStaffId: 's2' });
  });

  it('renames a branch, and deletes an empty one only after asking', async () => {
    const api = mockOrg({
      'GET /api/branches': () => ({
        body: [
          { id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z', staffCount: 2, activeStaffCount: 2, leadCount: 30 },
          { id: 'b2', name: '福田店', createdAt: '2026-11-02T00:00:00Z', staffCount: 0, activeStaffCount: 0, leadCount: 0 },
        ],
      }),
      'PATCH /api/branches/b1': () => ({ body: { id: 'b1', name: '南山旗舰店', createdAt: '2026-11-01T00:00:00Z' } }),
      'DELETE /api/branches/b2': () => ({ status: 204 }),
    });
    renderConsole('/org');
    await waitFor(() => expect(row('福田店')).toBeTruthy());
    expect(button('删除', row('南山店')).disabled).toBe(true);
    fireEvent.click(button('删除', row('福田店')));
    expect(await screen.findByText('删除门店 福田店？')).toBeTruthy();
    expect(api.of('DELETE', '/api/branches/b2')).toHaveLength(0);
    fireEvent.click(button('删除', document.querySelector('.ant-popconfirm')!));
    await waitFor(() => expect(api.of('DELETE', '/api/branches/b2')).toHaveLength(1));

    fireEvent.click(button('重命名', row('南山店')));
    const dlg = await waitFor(() => dialog('重命名 南山店'));
    fireEvent.change(within(dlg).getByLabelText('门店名称'), { target: { value: '南山旗舰店' } });
    fireEvent.click(button('保存', dlg));
    await waitFor(() => expect(api.of('PATCH', '/api/branches/b1')[0]?.body).toEqual({ name: '南山旗舰店' }));
  });

  it("a branch manager's console says so, hides branches and roles, and offers only its sections", async () => {
    mockOrg({ 'GET /api/auth/me': () => ({ body: { ...BRANCH_MANAGER.user, branchName: '南山店' } }) });
    renderConsole('/org', memorySessionStore(BRANCH_MANAGER));
    await waitFor(() => expect(row('王小明')).toBeTruthy());
    expect(await screen.findByText(/你是 南山店 的门店负责人/)).toBeTruthy();
    expect(screen.queryByText('门店名称')).toBeNull();
    const nav = screen.getByRole('navigation', { name: '主导航' }).textContent;
    expect(nav).not.toContain('公海规则');
    expect(nav).not.toContain('内容');
    fireEvent.click(button('添加员工'));
    const dlg = await waitFor(() => dialog('添加员工'));
    expect(within(dlg).queryByLabelText('角色')).toBeNull();
    expect(within(dlg).queryByLabelText('所属门店')).toBeNull();
  });

  it('shows the server error in the form and clears it when the form changes', async () => {
    const api = mockOrg({ 'POST /api/staff': () => apiError(409, 'PHONE_TAKEN', '该手机号已被使用') });
    renderConsole('/org');
    await waitFor(() => expect(row('王小明')).toBeTruthy());
    fireEvent.click(button('添加员工'));
    const dlg = await waitFor(() => dialog('添加员工'));
    fireEvent.change(within(dlg).getByLabelText('姓名'), { target: { value: '李华' } });
    fireEvent.change(within(dlg).getByLabelText('手机号'), { target: { value: '13900139001' } });
    fireEvent.mouseDown(within(dlg).getByLabelText('所属门店'));
    fireEvent.click(await screen.findByTitle('南山店'));
    fireEvent.click(button('添加员工', dlg));
    await waitFor(() => expect(api.of('POST', '/api/staff')).toHaveLength(1));
    expect(await within(dlg).findByText('该手机号已被使用')).toBeTruthy();
    fireEvent.change(within(dlg).getByLabelText('手机号'), { target: { value: '13900139002' } });
    await waitFor(() => expect(within(dlg).queryByText('该手机号已被使用')).toBeNull());
  });
});
