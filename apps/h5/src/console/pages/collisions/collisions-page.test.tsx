// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Collision } from '@fenji/shared';
import { mockApi } from '../../testing/mock-api';
import { renderWithApi } from '../../testing/render-with-api';
import { CollisionsPage } from './collisions-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function buildCollision(n: number, overrides: Partial<Collision> = {}): Collision {
  return {
    id: `c${n}`,
    at: '2026-11-22T12:00:00.000Z',
    leadId: `lead${n}`,
    leadName: `客户${n}`,
    ownerStaffId: 's1',
    ownerName: '王小明',
    staffId: 's2',
    staffName: '李娜',
    shareCode: `Share00${n}`,
    contentTitle: '换季净水指南',
    ...overrides,
  };
}

describe('撞单', () => {
  it('renders the collisions and 加载更多 asks for the next page with the cursor', async () => {
    const api = mockApi({
      'GET /api/collisions': (req) =>
        req.query.get('cursor') === 'next-2'
          ? { body: { items: [buildCollision(3, { contentTitle: null, shareCode: null, ownerName: null })], nextCursor: null } }
          : { body: { items: [buildCollision(1), buildCollision(2)], nextCursor: 'next-2' } },
    });
    renderWithApi(<CollisionsPage />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 2));
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      '时间',
      '客户',
      '归属员工',
      '撞单员工',
      '内容',
      '分享码',
    ]);
    const first = api.of('GET', '/api/collisions')[0]!;
    expect(first.query.get('limit')).toBe('50');
    expect(first.query.has('cursor')).toBe(false);

    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell').map((td) => td.textContent);
    expect(cells.slice(1)).toEqual(['客户1', '王小明', '李娜', '《换季净水指南》', 'Share001']);
    expect(screen.getByRole('link', { name: '客户1' }).getAttribute('href')).toBe('#/leads/lead1');

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('客户3')).toBeTruthy();
    const second = api.of('GET', '/api/collisions')[1]!;
    expect(second.query.get('cursor')).toBe('next-2');
    expect(second.query.get('limit')).toBe('50');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 3);
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    expect(screen.getByText('已加载 3 条')).toBeTruthy();
  });

  it('says so when there are none, and shows a failure', async () => {
    mockApi({ 'GET /api/collisions': () => ({ body: { items: [], nextCursor: null } }) });
    renderWithApi(<CollisionsPage />);
    expect(await screen.findByText('暂无撞单记录')).toBeTruthy();
    cleanup();
    vi.unstubAllGlobals();

    mockApi({ 'GET /api/collisions': () => ({ status: 403, body: { statusCode: 403, code: 'FORBIDDEN', message: '无权查看' } }) });
    renderWithApi(<CollisionsPage />);
    expect(await screen.findByText('无权查看')).toBeTruthy();
  });
});
