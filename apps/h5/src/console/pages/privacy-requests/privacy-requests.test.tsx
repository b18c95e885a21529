// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrivacyRequest } from '@fenji/shared';
import { apiError, mockApi } from '../../testing/mock-api';
import { lookupRoutes } from '../../testing/lead.factory';
import { BRANCH_MANAGER, button, dialog, memorySessionStore, renderConsole } from '../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const request: PrivacyRequest = {
  id: 'r1',
  phone: '13812345678',
  kind: 'erase',
  message: '请删除我的手机号',
  status: 'open',
  createdAt: '2026-11-30T02:00:00Z',
  dueDate: '2026-12-21',
  workingDaysLeft: 2,
  handledAt: null,
  handledByName: null,
  note: null,
};

describe('个人信息请求', () => {
  it('lists open requests in words with the deadline, and records HQ’s answer', async () => {
    const api = mockApi({
      ...lookupRoutes(),
      'GET /api/privacy/requests': () => ({ body: { items: [request, { ...request, id: 'r2', phone: '13900000001', kind: 'access', workingDaysLeft: -3, message: null }] } }),
      'POST /api/privacy/requests/r1/done': () => ({ body: { ...request, status: 'done', workingDaysLeft: null, note: '已删除', handledByName: '总部小周' } }),
    });
    renderConsole('/privacy-requests');
    expect(await screen.findByText('请删除我的手机号')).toBeTruthy();
    expect(api.of('GET', '/api/privacy/requests')[0]!.query.get('status')).toBe('open');
    const row = screen.getByText('请删除我的手机号').closest('tr')!;
    expect(row.textContent).toContain('删除我的信息');
    expect(row.textContent).toContain('2026年12月21日');
    expect(row.textContent).toContain('剩余 2 个工作日');
    expect(screen.getByText('13900000001').closest('tr')!.textContent).toContain('已逾期 3 个工作日');
    expect(document.body.textContent).not.toMatch(/2026-12-21|erase|access|\bopen\b/);
    expect(button('删除个人信息', row)).toBeTruthy();
    expect(() => button('删除个人信息', screen.getByText('13900000001').closest('tr')!)).toThrow(); // a request to see one's data is not an erasure

    fireEvent.click(button('标记已处理', row));
    const dlg = await waitFor(() => dialog('处理请求：删除我的信息'));
    fireEvent.click(button('确认已处理', dlg));
    expect(await within(dlg).findByText('请填写处理说明')).toBeTruthy();
    expect(api.of('POST', '/api/privacy/requests/r1/done')).toHaveLength(0);
    fireEvent.change(within(dlg).getByLabelText('处理结果'), { target: { value: '已删除' } });
    fireEvent.click(button('确认已处理', dlg));
    expect(await screen.findByText('已记录对 13812345678 的答复')).toBeTruthy();
    expect(api.of('POST', '/api/privacy/requests/r1/done')[0]!.body).toEqual({ note: '已删除' });
  });

  it('erasing asks for the reason and says it cannot be undone', async () => {
    const api = mockApi({
      ...lookupRoutes(),
      'GET /api/privacy/requests': () => ({ body: { items: [request] } }),
      'POST /api/privacy/subjects/erase': () => ({ body: { erased: 1 } }),
    });
    renderConsole('/privacy-requests');
    fireEvent.click(button('删除个人信息', (await screen.findByText('请删除我的手机号')).closest('tr')!));
    const dlg = await waitFor(() => dialog('删除 13812345678 的个人信息'));
    expect(dlg.textContent).toContain('无法恢复');
    fireEvent.change(within(dlg).getByLabelText('删除原因'), { target: { value: '客户要求删除' } });
    fireEvent.click(button('确认删除', dlg));
    expect(await screen.findByText('已删除 13812345678 的个人信息（1 条线索已匿名化）')).toBeTruthy();
    expect(api.of('POST', '/api/privacy/subjects/erase')[0]!.body).toEqual({ phone: '13812345678', reason: '客户要求删除' });
  });

  it('shows a failed load as an error with 重试, never as empty; an empty list says so', async () => {
    mockApi({ ...lookupRoutes(), 'GET /api/privacy/requests': () => apiError(503, 'DB_UNAVAILABLE', '数据库暂时不可用') });
    renderConsole('/privacy-requests');
    expect(await screen.findByText('数据库暂时不可用')).toBeTruthy();
    expect(screen.queryByText('没有待处理的请求')).toBeNull();
    cleanup();
    mockApi({ ...lookupRoutes(), 'GET /api/privacy/requests': () => ({ body: { items: [] } }) });
    renderConsole('/privacy-requests?status=done');
    expect(await screen.findByText('暂无请求')).toBeTruthy();
  });

  it('is HQ’s: a branch manager has no menu entry for it', async () => {
    mockApi({ ...lookupRoutes() });
    renderConsole('/dashboard', memorySessionStore(BRANCH_MANAGER));
    await screen.findAllByText('数据看板');
    expect(screen.queryByText('个人信息请求')).toBeNull();
  });
});
