// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi } from '../testing/mock-api';
import { lookupRoutes } from '../testing/lead.factory';
import { buildSession, button, memorySessionStore, renderConsole } from '../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const leadsEmpty = { 'GET /api/leads': () => ({ body: { items: [], nextCursor: null } }) };

describe('登录与框架', () => {
  it('checks the form with the shared schema, then signs in and opens the page of the URL', async () => {
    const api = mockApi({ ...lookupRoutes(), ...leadsEmpty, 'POST /api/auth/login': () => ({ body: buildSession() }) });
    const session = memorySessionStore(null);
    const view = renderConsole('/', session);
    fireEvent.click(button('登录'));
    expect(await screen.findByText('请输入手机号')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('手机号'), { target: { value: '123' } });
    fireEvent.click(button('登录'));
    expect(await screen.findByText('手机号格式不正确')).toBeTruthy();
    expect(api.of('POST', '/api/auth/login')).toHaveLength(0);
    fireEvent.change(screen.getByPlaceholderText('手机号'), { target: { value: '+86 138-0000-0001' } });
    fireEvent.change(screen.getByPlaceholderText('密码'), { target: { value: 'demo1234' } });
    fireEvent.click(button('登录'));
    expect(await screen.findByText('没有符合条件的线索')).toBeTruthy();
    expect(api.of('POST', '/api/auth/login')[0]!.body).toEqual({ phone: '13800000001', password: 'demo1234' });
    expect(session.get()?.accessToken).toBe('access-token-1');
    expect(view.url()).toBe('/leads');
    fireEvent.click(button('退出'));
    expect(await screen.findByPlaceholderText('手机号')).toBeTruthy();
    expect(session.get()).toBeNull();
  });

  it("tells staff members the console is not theirs, and shows the server's message on a wrong password", async () => {
    let staff = true;
    const api = mockApi({
      'POST /api/auth/login': () => (staff ? { body: buildSession({}, { role: 'staff' }) } : apiError(401, 'INVALID_CREDENTIALS', '手机号或密码错误')),
    });
    const session = memorySessionStore(null);
    renderConsole('/', session);
    fireEvent.change(screen.getByPlaceholderText('手机号'), { target: { value: '13800000003' } });
    fireEvent.change(screen.getByPlaceholderText('密码'), { target: { value: 'demo1234' } });
    fireEvent.click(button('登录'));
    expect(await screen.findByText(/控制台仅供总部和门店负责人使用/)).toBeTruthy();
    expect(session.get()).toBeNull();
    staff = false;
    fireEvent.change(screen.getByPlaceholderText('密码'), { target: { value: 'wrong-pass' } });
    await waitFor(() => expect(screen.queryByText(/控制台仅供总部和门店负责人使用/)).toBeNull());
    fireEvent.click(button('登录'));
    await waitFor(() => expect(api.of('POST', '/api/auth/login')).toHaveLength(2));
    expect(await screen.findByText('手机号或密码错误')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('密码'), { target: { value: 'demo12345' } });
    await waitFor(() => expect(screen.queryByText('手机号或密码错误')).toBeNull());
  });

  it('an HQ-only page is not shown to a branch manager', async () => {
    mockApi({ ...lookupRoutes(), ...leadsEmpty });
    renderConsole('/pool-settings', memorySessionStore(buildSession({}, { role: 'branch_manager', branchId: 'b1' })));
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });
});
