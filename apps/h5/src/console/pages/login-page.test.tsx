// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { mockApi } from '../testing/mock-api';
import { buildSession, memorySessionStore } from '../testing/render-with-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function fillLogin(phone: string, password: string) {
  fireEvent.change(screen.getByPlaceholderText('手机号'), { target: { value: phone } });
  fireEvent.change(screen.getByPlaceholderText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('登录', () => {
  it('validates with the shared schema before sending anything', async () => {
    const api = mockApi({});
    render(<App session={memorySessionStore(null)} />);
    fillLogin('12345', '');
    expect(await screen.findByText('手机号格式不正确')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(api.requests).toHaveLength(0);
  });

  it('posts phone and password, stores the session and opens the console', async () => {
    const api = mockApi({
      'POST /api/auth/login': () => ({ body: buildSession() }),
      'GET /api/leads': () => ({ body: { items: [], nextCursor: null } }),
      'GET /api/branches': () => ({ body: [] }),
      'GET /api/staff': () => ({ body: [] }),
    });
    const session = memorySessionStore(null);
    render(<App session={session} />);
    fillLogin('138 0013 8000', 'correct horse');
    expect(await screen.findByRole('button', { name: '退出' })).toBeTruthy();
    expect(api.of('POST', '/api/auth/login')[0]!.body).toEqual({ phone: '13800138000', password: 'correct horse' });
    expect(api.of('POST', '/api/auth/login')[0]!.headers.authorization).toBeUndefined();
    expect(session.get()?.accessToken).toBe('access-token-1');
    expect(screen.getByText('总部小周')).toBeTruthy();
    for (const label of ['门店与员工', '内容', '线索池']) expect(screen.getByRole('link', { name: label })).toBeTruthy();
  });

  it("shows the server's message on wrong credentials", async () => {
    mockApi({
      'POST /api/auth/login': () => ({
        status: 401,
        body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: '手机号或密码错误' },
      }),
    });
    render(<App session={memorySessionStore(null)} />);
    fillLogin('13800138000', 'wrong-password');
    expect(await screen.findByText('手机号或密码错误')).toBeTruthy();
  });

  it('sends a staff member to the staff app instead of signing in', async () => {
    mockApi({
      'POST /api/auth/login': () => ({
        body: buildSession({ user: { id: 's1', name: '王小明', role: 'staff', branchId: 'b1' } }),
      }),
    });
    const session = memorySessionStore(null);
    render(<App session={session} />);
    fillLogin('13900139000', 'staff-password');
    const link = await screen.findByRole('link', { name: '/app/' });
    expect(link.getAttribute('href')).toBe('/app/');
    expect(session.get()).toBeNull();
    expect(screen.queryByRole('button', { name: '退出' })).toBeNull();
  });

  it('logs out', async () => {
    mockApi({
      'GET /api/leads': () => ({ body: { items: [], nextCursor: null } }),
      'GET /api/branches': () => ({ body: [] }),
      'GET /api/staff': () => ({ body: [] }),
    });
    const session = memorySessionStore();
    render(<App session={session} />);
    fireEvent.click(screen.getByRole('button', { name: '退出' }));
    await waitFor(() => expect(screen.getByPlaceholderText('手机号')).toBeTruthy());
    expect(session.get()).toBeNull();
  });
});
