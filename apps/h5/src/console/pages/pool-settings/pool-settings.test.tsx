// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POOL_SETTINGS } from '@fenji/shared';
import { mockApi } from '../../testing/mock-api';
import { lookupRoutes } from '../../testing/lead.factory';
import { button, renderConsole } from '../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('公海规则', () => {
  it('checks the rules with the shared schema, saves them, and runs recycling only after asking', async () => {
    const api = mockApi({
      ...lookupRoutes(),
      'GET /api/pool-settings': () => ({ body: DEFAULT_POOL_SETTINGS }),
      'PUT /api/pool-settings': (req) => ({ body: req.body }),
      'POST /api/jobs/recycle': () => ({ body: { recycled: 3, warned: 1 } }),
    });
    renderConsole('/pool-settings');
    const warn = (await screen.findByLabelText('回收前提醒（天）')) as HTMLInputElement;
    await waitFor(() => expect(warn.value).toBe('2'));
    fireEvent.change(warn, { target: { value: '9' } });
    fireEvent.click(button('保存规则'));
    expect(await screen.findByText('提醒天数必须小于回收天数')).toBeTruthy();
    expect(api.of('PUT', '/api/pool-settings')).toHaveLength(0);
    fireEvent.change(warn, { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('保护期（天）'), { target: { value: '20' } });
    fireEvent.click(button('保存规则'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(api.of('PUT', '/api/pool-settings')[0]!.body).toEqual({ ...DEFAULT_POOL_SETTINGS, protectionDays: 20, recycleWarnDays: 3 });

    fireEvent.click(button('立即执行回收'));
    expect(await screen.findByText('立即执行回收？')).toBeTruthy();
    expect(api.of('POST', '/api/jobs/recycle')).toHaveLength(0);
    fireEvent.click(button('执行'));
    expect(await screen.findByText('已回收 3 条，提醒 1 条')).toBeTruthy();
  });
});
