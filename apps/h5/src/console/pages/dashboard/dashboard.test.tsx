// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi } from '../../testing/mock-api';
import { lookupRoutes } from '../../testing/lead.factory';
import { renderConsole } from '../../testing/render-console';

// Canvas drawing is the browser's job (checked in Chromium); here the chart only has to receive its option.
vi.mock('./components/echart', async () => {
  const { forwardRef } = await import('react');
  return { EChart: forwardRef<unknown, { label: string }>(({ label }, _ref) => <div role="img" aria-label={label} />) };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const empty = { body: { items: [] } };

describe('数据看板', () => {
  it('shows the funnel numbers and step rates for the period in the URL, and each module its own state', async () => {
    const api = mockApi({
      ...lookupRoutes(),
      'GET /api/stats/funnel': () => ({ body: { shares: 40, views: 1000, uniqueVisitors: 500, leads: 25, contacted: 20, converted: 5 } }),
      'GET /api/stats/trend': () => apiError(404, 'NOT_FOUND', '趋势接口暂不可用'),
      'GET /api/stats/leaderboard': (req) => ({
        body: {
          items: req.query.get('by') === 'staff' ? [{ rank: 1, id: 's2', name: '李娜', branchName: '南山店', shares: 12, views: 300, uniqueVisitors: 200, leads: 9, converted: 2, conversionRate: 0.045 }] : [],
        },
      }),
      'GET /api/stats/contents': () => empty,
      'GET /api/stats/chain-depth': () => ({ body: { buckets: [] } }),
      'GET /api/stats/resharers': () => empty,
      'GET /api/stats/activity': () => ({
        body: { items: [{ id: '01K', type: 'lead', at: new Date().toISOString(), staffName: '李娜', branchName: '南山店', visitorLabel: '钱先生', leadId: 'l1', contentTitle: '净水器', channel: 'moments' }] },
      }),
    });
    renderConsole('/dashboard?from=2026-11-01&to=2026-11-30&branchId=b1');
    const numbers = await screen.findByTestId('funnel-numbers');
    await waitFor(() => expect(numbers.textContent).toContain('1,000'));
    expect(numbers.textContent).toContain('访客数500转化 50.0%');
    expect(numbers.textContent).toContain('留资线索25转化 5.00%');
    expect(numbers.textContent).toContain('已成交5转化 25.0%');
    const funnel = api.of('GET', '/api/stats/funnel')[0]!.query;
    expect(funnel.get('from')).toBe(new Date(2026, 10, 1).toISOString());
    expect(funnel.get('to')).toBe(new Date(2026, 10, 30, 23, 59, 59, 999).toISOString());
    expect(funnel.get('branchId')).toBe('b1');
    expect(await screen.findByText('趋势接口暂不可用')).toBeTruthy();
    expect(await screen.findByText('李娜（南山店）')).toBeTruthy();
    expect(await screen.findByText('钱先生 在《净水器》留下了联系方式，归属 李娜')).toBeTruthy();
    expect(screen.getAllByText('所选时间段内没有数据').length).toBeGreaterThan(0);
    expect(screen.getByLabelText('导出“转化漏斗”图片')).toBeTruthy();
  });
});
