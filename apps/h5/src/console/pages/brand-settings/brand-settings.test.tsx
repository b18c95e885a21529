// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi } from '../../testing/mock-api';
import { lookupRoutes } from '../../testing/lead.factory';
import { buildSession, button, memorySessionStore, renderConsole } from '../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const STORED = { name: '清泉净水', logoUrl: null, colorPrimary: '#0a7d4f', contactWithin: '1 个工作日内', updatedAt: null };

describe('品牌设置', () => {
  it('shows the stored brand, checks the name with the shared schema, and saves', async () => {
    const api = mockApi({
      ...lookupRoutes(),
      'GET /api/settings/brand': () => ({ body: STORED }),
      'PUT /api/settings/brand': (req) => ({ body: { ...(req.body as object), updatedAt: '2026-11-30T00:00:00Z' } }),
    });
    renderConsole('/brand-settings');
    const name = (await screen.findByLabelText('品牌名称')) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('清泉净水'));
    expect(screen.getByLabelText('品牌预览').textContent).toContain('李娜会在 1 个工作日内与您联系');
    fireEvent.change(name, { target: { value: '' } });
    fireEvent.click(button('保存设置'));
    expect(await screen.findByText('请输入品牌名称')).toBeTruthy();
    expect(api.of('PUT', '/api/settings/brand')).toHaveLength(0);
    fireEvent.change(name, { target: { value: '清泉' } });
    fireEvent.click(button('保存设置'));
    expect(await screen.findByText('已保存，客户页面稍后即显示新的品牌')).toBeTruthy();
    expect(api.of('PUT', '/api/settings/brand')[0]!.body).toEqual({ name: '清泉', logoUrl: null, colorPrimary: '#0a7d4f', contactWithin: '1 个工作日内' });
  });

  it('shows the error when the settings cannot load (never an empty form)', async () => {
    mockApi({ ...lookupRoutes(), 'GET /api/settings/brand': () => apiError(503, 'DB_UNAVAILABLE', '数据库暂时不可用') });
    renderConsole('/brand-settings');
    expect(await screen.findByText('数据库暂时不可用')).toBeTruthy();
    expect(screen.queryByLabelText('品牌名称')).toBeNull();
  });

  it('is not shown to a branch manager', async () => {
    mockApi({ ...lookupRoutes() });
    renderConsole('/brand-settings', memorySessionStore(buildSession({}, { role: 'branch_manager', branchId: 'b1' })));
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.queryByText('品牌设置')).toBeNull();
  });
});
