// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app';
import { mockApi } from '../../testing/mock-api';
import { buildLead, buildStaff } from '../../testing/lead.factory';
import { buildSession, memorySessionStore } from '../../testing/render-with-api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

const PUBLIC_LEADS = [1, 2].map((n) =>
  buildLead({
    id: `pub${n}`,
    name: `公海客户${n}`,
    pool: 'public',
    ownerStaffId: null,
    ownerName: null,
    protectedUntil: null,
    recycleAt: null,
  }),
);

function mockPoolApi() {
  return mockApi({
    'GET /api/leads': () => ({ body: { items: PUBLIC_LEADS, nextCursor: null } }),
    'GET /api/branches': () => ({ body: [{ id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z' }] }),
    'GET /api/staff': () => ({ body: [buildStaff({ id: 's1', name: '王小明' }), buildStaff({ id: 's2', name: '李娜' })] }),
    'POST /api/leads/pub2/assign': (req) => ({
      body: { ...PUBLIC_LEADS[1]!, pool: 'private', ownerStaffId: (req.body as { staffId: string }).staffId, ownerName: '李娜' },
    }),
  });
}

describe('公海', () => {
  it('lists the public pool and assigns a row to a staff member with a reason', async () => {
    window.location.hash = '#/pool?pool=private&ownerStaffId=s1&q=138';
    const api = mockPoolApi();
    render(<App session={memorySessionStore()} />);
    await screen.findByText('公海客户2');
    const query = api.of('GET', '/api/leads')[0]!.query;
    expect(query.get('pool')).toBe('public');
    expect(query.has('ownerStaffId')).toBe(false);
    expect(query.get('q')).toBe('138');
    expect(screen.getByRole('link', { name: '公海' }).getAttribute('aria-current')).toBe('page');
    expect(screen.queryByLabelText('公海/私海')).toBeNull();

    const row = screen.getAllByRole('row').find((r) => r.textContent?.includes('公海客户2'))!;
    fireEvent.click(within(row).getByRole('button', { name: '分配' }));
    expect(window.location.hash).toBe('#/pool?pool=private&ownerStaffId=s1&q=138');
    const options = within(screen.getByLabelText('分配给')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['请选择', '王小明', '李娜']);

    fireEvent.change(screen.getByLabelText('分配给'), { target: { value: 's2' } });
    fireEvent.click(screen.getByRole('button', { name: '确认分配' }));
    expect(await screen.findByText('请填写原因')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '就近分配' } });
    fireEvent.click(screen.getByRole('button', { name: '确认分配' }));

    expect(await screen.findByText('已将 公海客户2 分配给 李娜')).toBeTruthy();
    expect(api.of('POST', '/api/leads/pub2/assign')[0]!.body).toEqual({ staffId: 's2', reason: '就近分配' });
    expect(screen.queryByText('公海客户2')).toBeNull();
    expect(screen.getByText('公海客户1')).toBeTruthy();
  });

  it('shows 公海, 撞单 and 公海规则 to HQ, and hides 公海规则 from a branch manager', async () => {
    mockPoolApi();
    render(<App session={memorySessionStore()} />);
    for (const name of ['公海', '撞单', '公海规则']) expect(screen.getByRole('link', { name })).toBeTruthy();
    cleanup();

    const manager = buildSession({ user: { id: 'm1', name: '南山店长', role: 'branch_manager', branchId: 'b1' } });
    window.location.hash = '#/pool-settings';
    const api = mockPoolApi();
    render(<App session={memorySessionStore(manager)} />);
    expect(screen.getByRole('link', { name: '公海' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '撞单' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '公海规则' })).toBeNull();
    await waitFor(() => expect(api.of('GET', '/api/leads')).toHaveLength(1));
    expect(api.of('GET', '/api/pool-settings')).toHaveLength(0);
  });
});
