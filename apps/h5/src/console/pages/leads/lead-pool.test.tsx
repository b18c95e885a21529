// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LeadPageItem } from '@fenji/shared';
import { apiError, mockApi } from '../../testing/mock-api';
import { buildLead, lookupRoutes } from '../../testing/lead.factory';
import { button, dialog, renderConsole } from '../../testing/render-console';

vi.mock('../../components/download', () => ({ startDownload: vi.fn() }));
const { startDownload } = await import('../../components/download');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.mocked(startDownload).mockClear();
  window.localStorage.clear();
});

const lead = (n: number, extra: Partial<LeadPageItem> = {}): LeadPageItem => ({
  ...buildLead({ id: `lead${n}`, name: `客户${n}`, phone: `138****000${n}` }),
  ...extra,
});

function mockLeads(overrides: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    ...lookupRoutes(),
    'GET /api/leads': (req) =>
      req.query.get('cursor') === 'cursor-2'
        ? { body: { items: [lead(4, { name: '第二页客户' })], nextCursor: null } }
        : {
            body: {
              items: [lead(1, { heat: { score: 82, level: 'hot', reason: '3 天内访问 4 次' } }), lead(2), lead(3, { doNotContact: true })],
              nextCursor: 'cursor-2',
              ...(req.query.get('withTotal') === '1' ? { total: { count: 1234567, exact: false } } : {}),
            },
          },
    ...overrides,
  });
}

const rows = () => [...document.querySelectorAll<HTMLElement>('tbody tr.ant-table-row')];

describe('线索池', () => {
  it('sends the URL filters, sort and page size, and shows rows with masked phones and the estimated total', async () => {
    const api = mockLeads();
    renderConsole('/leads?status=new&branchId=b1&q=138&heat=hot&overdue=1&from=2026-11-01&to=2026-11-30&sort=last_touch_desc');
    expect(await screen.findByText('客户1')).toBeTruthy();
    const first = api.of('GET', '/api/leads')[0]!.query;
    expect(Object.fromEntries(first)).toMatchObject({ status: 'new', branchId: 'b1', q: '138', heat: 'hot', overdue: '1', sort: 'last_touch_desc', limit: '50', withTotal: '1' });
    expect(first.get('from')).toBe(new Date(2026, 10, 1).toISOString());
    expect(first.get('to')).toBe(new Date(2026, 10, 30, 23, 59, 59, 999).toISOString());
    expect(first.has('cursor')).toBe(false);
    expect(screen.getByText('138****0001')).toBeTruthy();
    expect(screen.getByText('高意向 82')).toBeTruthy();
    expect(screen.getByText('不再联系')).toBeTruthy();
    expect(screen.getByText('共 约 1,234,567 条')).toBeTruthy();
  });

  it('下一页 asks with the cursor and the same filters; 上一页 shows page 1 again at once (refreshed behind)', async () => {
    const api = mockLeads();
    renderConsole('/leads?status=new');
    await screen.findByText('客户1');
    await waitFor(() => expect(button(/下一页/).disabled).toBe(false));
    fireEvent.click(button(/下一页/));
    expect(await screen.findByText('第二页客户')).toBeTruthy();
    const second = api.of('GET', '/api/leads')[1]!.query;
    expect(second.get('cursor')).toBe('cursor-2');
    expect(second.get('status')).toBe('new');
    expect(second.has('withTotal')).toBe(false);
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect(button(/下一页/).disabled).toBe(true);
    expect(screen.getByText('共 约 1,234,567 条')).toBeTruthy();
    fireEvent.click(button(/上一页/));
    expect(await screen.findByText('客户1')).toBeTruthy();
    expect(screen.getByText('第 1 页')).toBeTruthy();
    expect(api.of('GET', '/api/leads').every((r, i) => i === 1 || !r.query.has('cursor'))).toBe(true);
  });

  it('a changed filter lands in the URL and reloads from page 1; a column sort too', async () => {
    const api = mockLeads();
    const view = renderConsole('/leads?status=new');
    await screen.findByText('客户1');
    fireEvent.click(screen.getByLabelText('跟进逾期'));
    await waitFor(() => expect(view.url()).toBe('/leads?status=new&overdue=1'));
    await waitFor(() => expect(api.of('GET', '/api/leads').at(-1)!.query.get('overdue')).toBe('1'));
    const header = (text: string) => screen.getAllByText(text).find((el) => el.closest('th'))!.closest('th')!;
    fireEvent.click(header('热度'));
    await waitFor(() => expect(view.url()).toBe('/leads?status=new&overdue=1&sort=heat_desc'));
    await waitFor(() => expect(api.of('GET', '/api/leads').at(-1)!.query.get('sort')).toBe('heat_desc'));
    fireEvent.click(header('创建时间'));
    await waitFor(() => expect(view.url()).toBe('/leads?status=new&overdue=1'));
  });

  it('shows the error, not "empty", when the list fails; and the empty state when nothing matches', async () => {
    mockLeads({ 'GET /api/leads': () => apiError(503, 'DB_UNAVAILABLE', '数据库暂时不可用') });
    renderConsole('/leads');
    expect(await screen.findByText('数据库暂时不可用')).toBeTruthy();
    expect(screen.queryByText('没有符合条件的线索')).toBeNull();
    cleanup();
    mockLeads({ 'GET /api/leads': () => ({ body: { items: [], nextCursor: null } }) });
    renderConsole('/leads');
    expect(await screen.findByText('没有符合条件的线索')).toBeTruthy();
  });

  it('查看 asks why, sends the reason, and then shows the full number', async () => {
    const api = mockLeads({ 'POST /api/leads/lead1/reveal': () => ({ body: { phone: '13800000001' } }) });
    renderConsole('/leads');
    await screen.findByText('客户1');
    fireEvent.click(button('查看 客户1 的完整手机号'));
    const dlg = await waitFor(() => dialog('完整手机号'));
    fireEvent.click(button('查看', dlg));
    expect(await within(dlg).findByText('请填写查看原因')).toBeTruthy();
    expect(api.of('POST', '/api/leads/lead1/reveal')).toHaveLength(0);
    fireEvent.change(within(dlg).getByLabelText('查看原因'), { target: { value: '客户来电要求回拨' } });
    fireEvent.click(button('查看', dlg));
    expect(await screen.findByText('13800000001')).toBeTruthy();
    expect(api.of('POST', '/api/leads/lead1/reveal')[0]!.body).toEqual({ reason: '客户来电要求回拨' });
  });

  it('bulk-assigns the selection: dry run, confirmation with the count, then the result', async () => {
    const api = mockLeads({
      'POST /api/leads/bulk': (req) =>
        (req.body as { dryRun?: boolean }).dryRun
          ? { body: { affected: 1, skipped: [{ code: 'ALREADY_OWNED_BY_TARGET', count: 1 }], dryRun: true } }
          : { body: { affected: 1, skipped: [{ code: 'ALREADY_OWNED_BY_TARGET', count: 1 }] } },
    });
    renderConsole('/leads');
    await screen.findByText('客户1');
    fireEvent.click(rows()[0]!.querySelector('input[type=checkbox]')!);
    fireEvent.click(rows()[1]!.querySelector('input[type=checkbox]')!);
    expect(screen.getByText('已选 2 条')).toBeTruthy();
    fireEvent.click(button('批量操作'));
    const dlg = await waitFor(() => dialog('批量操作'));
    fireEvent.mouseDown(within(dlg).getByLabelText('分配给员工'));
    fireEvent.click(await screen.findByTitle('李娜'));
    fireEvent.change(within(dlg).getByLabelText('原因'), { target: { value: '门店调整' } });
    fireEvent.click(button('下一步', dlg));
    expect((await screen.findAllByText('确认批量分配？')).length).toBeGreaterThan(0);
    expect(screen.getByText(/将分配 1 条线索；将跳过 1 条：已归属所选员工 1 条/)).toBeTruthy();
    expect(api.of('POST', '/api/leads/bulk')).toHaveLength(1);
    fireEvent.click(button('确定执行'));
    expect(await screen.findByText('已分配 1 条线索；跳过 1 条：已归属所选员工 1 条')).toBeTruthy();
    const [dry, real] = api.of('POST', '/api/leads/bulk');
    expect(dry!.body).toEqual({ ids: ['lead1', 'lead2'], action: 'assign', toStaffId: 's2', reason: '门店调整', dryRun: true });
    expect(real!.body).toEqual({ ids: ['lead1', 'lead2'], action: 'assign', toStaffId: 's2', reason: '门店调整' });
  });

  it('acts on the whole filter: the request carries the filter, not ids', async () => {
    const api = mockLeads({ 'POST /api/leads/bulk': () => ({ body: { affected: 1234567, dryRun: true } }) });
    renderConsole('/leads?status=new');
    await screen.findByText('客户1');
    fireEvent.click(rows()[0]!.querySelector('input[type=checkbox]')!);
    fireEvent.click(button(/选择全部筛选结果/));
    fireEvent.click(button('批量操作'));
    const dlg = await waitFor(() => dialog('批量操作'));
    expect(within(dlg).getByText(/全部筛选结果（状态：新线索，共 约 1,234,567 条）/)).toBeTruthy();
    fireEvent.click(within(dlg).getByLabelText('放回公海'));
    fireEvent.change(within(dlg).getByLabelText('原因'), { target: { value: '季度清理' } });
    fireEvent.click(button('下一步', dlg));
    expect(await screen.findByText(/将放回公海 1,234,567 条线索/)).toBeTruthy();
    expect(api.of('POST', '/api/leads/bulk')[0]!.body).toEqual({ filter: { status: 'new' }, action: 'release', reason: '季度清理', dryRun: true });
  });

  it('exports the current filter after a confirmation, through a one-time ticket', async () => {
    const api = mockLeads({ 'POST /api/download-tickets': () => ({ body: { ticket: 'T'.repeat(32), expiresAt: '2026-11-30T00:01:00Z' } }) });
    renderConsole('/leads?status=new&sort=heat_desc');
    await screen.findByText('客户1');
    fireEvent.mouseEnter(button(/导出/));
    fireEvent.click(await screen.findByText('CSV（Excel 可直接打开）'));
    expect((await screen.findAllByText('导出当前筛选结果？')).length).toBeGreaterThan(0);
    expect(screen.getByText(/将导出 约 1,234,567 条线索：状态：新线索/)).toBeTruthy();
    expect(api.of('POST', '/api/download-tickets')).toHaveLength(0);
    fireEvent.click(button('导出', dialog('导出当前筛选结果？')));
    await waitFor(() => expect(startDownload).toHaveBeenCalledTimes(1));
    expect(api.of('POST', '/api/download-tickets')[0]!.body).toEqual({ purpose: 'lead_export' });
    expect(vi.mocked(startDownload).mock.calls[0]![0]).toBe(`/api/leads/export.csv?status=new&sort=heat_desc&ticket=${'T'.repeat(32)}`);
  });

  it('a row opens the lead drawer at /leads/:id, keeping the filters', async () => {
    mockLeads({ 'GET /api/leads/lead2': () => apiError(404, 'LEAD_NOT_FOUND', '线索不存在') });
    const view = renderConsole('/leads?status=new');
    await screen.findByText('客户1');
    fireEvent.click(within(rows()[1]!).getByText('新线索'));
    await waitFor(() => expect(view.url()).toBe('/leads/lead2?status=new'));
    expect(await screen.findByText('线索不存在')).toBeTruthy();
  });
});

describe('公海', () => {
  it('fixes pool=public, has no owner filter, and assigns a row with a reason', async () => {
    const api = mockLeads({
      'GET /api/leads': () => ({ body: { items: [lead(7, { pool: 'public', ownerName: null, ownerStaffId: null, name: '公海客户' })], nextCursor: null } }),
      'POST /api/leads/lead7/assign': () => ({ body: lead(7, { name: '公海客户', ownerName: '李娜', ownerStaffId: 's2' }) }),
    });
    renderConsole('/pool?pool=private&ownerStaffId=s1');
    await screen.findByText('公海客户');
    const query = api.of('GET', '/api/leads')[0]!.query;
    expect(query.get('pool')).toBe('public');
    expect(query.has('ownerStaffId')).toBe(false);
    expect(screen.queryByLabelText('归属员工')).toBeNull();
    fireEvent.click(button('分配'));
    const dlg = await waitFor(() => dialog('分配 公海客户'));
    fireEvent.mouseDown(within(dlg).getByLabelText('分配给'));
    fireEvent.click(await screen.findByTitle('李娜'));
    fireEvent.change(within(dlg).getByLabelText('原因'), { target: { value: '熟悉该客户' } });
    fireEvent.click(button('确认分配', dlg));
    expect(await screen.findByText('已将 公海客户 分配给 李娜')).toBeTruthy();
    expect(api.of('POST', '/api/leads/lead7/assign')[0]!.body).toEqual({ staffId: 's2', reason: '熟悉该客户' });
  });
});
