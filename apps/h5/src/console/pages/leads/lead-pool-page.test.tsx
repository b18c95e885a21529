// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app';
import { mockApi } from '../../testing/mock-api';
import { buildLead, buildLeadDetail, buildStaff } from '../../testing/lead.factory';
import { memorySessionStore } from '../../testing/render-with-api';

const BRANCHES = [{ id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z' }];
const STAFF = [buildStaff()];

beforeEach(() => {
  window.location.hash = '#/leads?status=new&branchId=b1&q=138';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function mockLeadsApi() {
  const firstPage = [1, 2, 3].map((n) => buildLead({ id: `lead${n}`, name: `客户${n}`, phone: `138****000${n}` }));
  const secondPage = [buildLead({ id: 'lead4', name: '第二页客户', status: 'contacted', pool: 'public', ownerName: null })];
  return mockApi({
    'GET /api/leads': (req) =>
      req.query.get('cursor') === 'cursor-2'
        ? { body: { items: secondPage, nextCursor: null } }
        : { body: { items: firstPage, nextCursor: 'cursor-2' } },
    'GET /api/branches': () => ({ body: BRANCHES }),
    'GET /api/staff': () => ({ body: STAFF }),
    'GET /api/leads/lead-x': () => ({ body: buildLeadDetail({ id: 'lead-x', name: '详情客户' }) }),
  });
}

describe('线索池', () => {
  it('requests the filters from the URL and renders the rows', async () => {
    const api = mockLeadsApi();
    render(<App session={memorySessionStore()} />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 3));
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['姓名', '手机号', '状态', '归属员工', '门店', '公海私海', '触达次数', '创建时间', '最近触达']);

    const first = api.of('GET', '/api/leads')[0]!;
    expect(first.query.get('status')).toBe('new');
    expect(first.query.get('branchId')).toBe('b1');
    expect(first.query.get('q')).toBe('138');
    expect(first.query.get('limit')).toBe('50');
    expect(first.query.has('cursor')).toBe(false);

    const row = within(table).getAllByRole('row')[1]!;
    const cells = within(row).getAllByRole('cell').map((td) => td.textContent);
    expect(cells.slice(0, 7)).toEqual(['客户1', '138****0001', '新线索', '王小明', '南山店', '私海', '2']);
  });

  it('加载更多 asks for the next page with the cursor and the same filters, and appends it', async () => {
    const api = mockLeadsApi();
    render(<App session={memorySessionStore()} />);
    fireEvent.click(await screen.findByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('第二页客户')).toBeTruthy();
    const second = api.of('GET', '/api/leads')[1]!;
    expect(second.query.get('cursor')).toBe('cursor-2');
    expect(second.query.get('status')).toBe('new');
    expect(second.query.get('branchId')).toBe('b1');
    expect(second.query.get('q')).toBe('138');
    expect(second.query.get('limit')).toBe('50');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 4);
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    expect(screen.getByText('已加载 4 条')).toBeTruthy();
  });

  it('puts a changed filter in the URL hash and reloads from the first page', async () => {
    const api = mockLeadsApi();
    render(<App session={memorySessionStore()} />);
    await screen.findAllByText('王小明');
    fireEvent.change(screen.getByLabelText('公海/私海'), { target: { value: 'public' } });
    await waitFor(() => expect(window.location.hash).toBe('#/leads?status=new&pool=public&branchId=b1&q=138'));
    await waitFor(() => expect(api.of('GET', '/api/leads')).toHaveLength(2));
    const reload = api.of('GET', '/api/leads')[1]!;
    expect(reload.query.get('pool')).toBe('public');
    expect(reload.query.has('cursor')).toBe(false);
  });

  it('sends a date range as local day boundaries', async () => {
    window.location.hash = '#/leads?from=2026-11-01&to=2026-11-30';
    const api = mockLeadsApi();
    render(<App session={memorySessionStore()} />);
    await waitFor(() => expect(api.of('GET', '/api/leads')).toHaveLength(1));
    const query = api.of('GET', '/api/leads')[0]!.query;
    expect(query.get('from')).toBe(new Date(2026, 10, 1).toISOString());
    expect(query.get('to')).toBe(new Date(2026, 10, 30, 23, 59, 59, 999).toISOString());
  });

  it('opens a lead with its timeline when a row is clicked', async () => {
    mockLeadsApi();
    window.location.hash = '#/leads';
    render(<App session={memorySessionStore()} />);
    await screen.findAllByText('客户1');
    window.location.hash = '#/leads/lead-x';
    expect(await screen.findByRole('heading', { name: '详情客户' })).toBeTruthy();
    expect(screen.getByText('时间线')).toBeTruthy();
    expect(screen.getByText('留下了联系方式，归属王小明')).toBeTruthy();
    expect(screen.getByText('留资')).toBeTruthy();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(2);
  });

  it('a row click navigates to the lead', async () => {
    mockLeadsApi();
    render(<App session={memorySessionStore()} />);
    await waitFor(() => expect(screen.getAllByRole('row').length).toBe(4));
    fireEvent.click(within(screen.getAllByRole('row')[2]!).getByText('新线索'));
    await waitFor(() => expect(window.location.hash).toBe('#/leads/lead2'));
  });
});
