// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from '@fenji/shared';
import { mockApi } from '../../testing/mock-api';
import { renderWithApi } from '../../testing/render-with-api';
import { PoolSettingsPage } from './pool-settings-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function mockSettingsApi(settings: PoolSettings = DEFAULT_POOL_SETTINGS) {
  return mockApi({
    'GET /api/pool-settings': () => ({ body: settings }),
    'PUT /api/pool-settings': (req) => ({ body: req.body }),
    'POST /api/jobs/recycle': () => ({ body: { recycled: 3, warned: 5 } }),
  });
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('公海规则', () => {
  it('shows the stored settings and saves the full object', async () => {
    const api = mockSettingsApi({ ...DEFAULT_POOL_SETTINGS, protectionDays: 45 });
    renderWithApi(<PoolSettingsPage />);
    await waitFor(() => expect(input('保护期（天）').value).toBe('45'));
    expect(input('未跟进回收（天）').value).toBe('7');
    expect(input('回收前提醒（天）').value).toBe('2');
    expect(input('每日领取上限').value).toBe('20');
    expect(input('持有上限').value).toBe('200');
    expect(input('回收后禁止领回（天）').value).toBe('7');

    fireEvent.change(input('未跟进回收（天）'), { target: { value: '10' } });
    fireEvent.change(input('每日领取上限'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(api.of('PUT', '/api/pool-settings')[0]!.body).toEqual({
      protectionDays: 45,
      recycleDays: 10,
      recycleWarnDays: 2,
      claimDailyCap: 30,
      claimHoldCap: 200,
      reclaimBlockDays: 7,
    });
  });

  it('refuses a reminder not shorter than the recycle period, then empty or out-of-range values', async () => {
    const api = mockSettingsApi();
    renderWithApi(<PoolSettingsPage />);
    await waitFor(() => expect(input('回收前提醒（天）').value).toBe('2'));
    fireEvent.change(input('回收前提醒（天）'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    expect(await screen.findByText('提醒天数必须小于回收天数')).toBeTruthy();
    expect(input('回收前提醒（天）').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input('持有上限'), { target: { value: '' } });
    fireEvent.change(input('保护期（天）'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    expect(await screen.findByText('请填写')).toBeTruthy();
    expect(screen.getByText('不能小于 1')).toBeTruthy();
    expect(api.of('PUT', '/api/pool-settings')).toHaveLength(0);

    fireEvent.change(input('回收前提醒（天）'), { target: { value: '6' } });
    fireEvent.change(input('持有上限'), { target: { value: '200' } });
    fireEvent.change(input('保护期（天）'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    await waitFor(() => expect(api.of('PUT', '/api/pool-settings')).toHaveLength(1));
    expect(api.of('PUT', '/api/pool-settings')[0]!.body).toMatchObject({ recycleDays: 7, recycleWarnDays: 6 });
  });

  it('立即执行回收 runs the job and says what it did', async () => {
    const api = mockSettingsApi();
    renderWithApi(<PoolSettingsPage />);
    fireEvent.click(screen.getByRole('button', { name: '立即执行回收' }));
    expect(await screen.findByText('已回收 3 条，提醒 5 条')).toBeTruthy();
    expect(api.of('POST', '/api/jobs/recycle')).toHaveLength(1);
  });
});
