// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../testing/mock-api';
import { buildLead, buildLeadDetail, lookupRoutes } from '../../../testing/lead.factory';
import { button, dialog, renderConsole } from '../../../testing/render-console';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const visit = (summary: string, at: string) => ({
  kind: 'visit' as const,
  at,
  staffId: 's1',
  staffName: '王小明',
  shareCode: 'Child5678',
  channel: 'link' as const,
  contentTitle: '换季净水指南',
  summary,
});

function mockDetail(detail = buildLeadDetail({ id: 'lead-x', name: '钱先生' })) {
  let current = detail;
  return mockApi({
    ...lookupRoutes(),
    'GET /api/leads': () => ({ body: { items: [buildLead({ id: 'lead-x', name: '钱先生' })], nextCursor: null } }),
    'GET /api/leads/lead-x': () => ({ body: current }),
    'POST /api/leads/lead-x/assign': (req) => {
      current = { ...current, ownerStaffId: 's2', ownerName: '李娜', timeline: [...current.timeline, { ...visit('', '2026-11-23T00:00:00Z'), kind: 'ownership', summary: `归属由 王小明 变为 李娜：分配，原因：${(req.body as { reason: string }).reason}` }] };
      return { body: buildLead({ id: 'lead-x', name: '钱先生', ownerStaffId: 's2', ownerName: '李娜' }) };
    },
    'POST /api/leads/lead-x/status': () => ({ body: buildLead({ id: 'lead-x', status: 'contacted' }) }),
    'POST /api/leads/lead-x/do-not-contact': () => ({ body: { doNotContact: true, at: '2026-11-23T00:00:00Z' } }),
  });
}

describe('线索详情', () => {
  it('puts the customer first, says why the lead is whose, and writes the timeline in plain Chinese', async () => {
    mockDetail(
      buildLeadDetail({
        id: 'lead-x',
        name: '钱先生',
        timeline: [
          visit('dwell 3', '2026-11-20T02:21:00.000Z'),
          visit('form_open', '2026-11-20T02:22:00.000Z'),
          { ...visit('', '2026-11-20T02:30:00.000Z'), kind: 'ownership', summary: '归属 王小明：首次触达（线索由其微信好友分享带来）' },
        ],
      }),
    );
    renderConsole('/leads/lead-x?status=new');
    const heading = await screen.findByRole('heading', { name: '钱先生' });
    expect(heading).toBeTruthy();
    expect(screen.getByTestId('ownership-why').textContent).toBe('归属 王小明：首次触达（线索由其微信好友分享带来）');
    const timeline = screen.getByTestId('lead-timeline').textContent ?? '';
    expect(timeline).toContain('阅读《换季净水指南》 3 秒');
    expect(timeline).toContain('打开了《换季净水指南》的留资表单');
    const drawer = heading.closest('.ant-drawer')!.textContent ?? '';
    expect(drawer).not.toMatch(/dwell|form_open|Child5678|Root1234|v_0123|T\d\d:\d\d/);
  });

  it('assigns with a reason, then shows the new owner and the timeline entry', async () => {
    const api = mockDetail();
    renderConsole('/leads/lead-x');
    await screen.findByRole('heading', { name: '钱先生' });
    fireEvent.click(button('分配'));
    const form = screen.getByRole('form', { name: '分配线索 钱先生' });
    fireEvent.mouseDown(within(form).getByLabelText('分配给'));
    fireEvent.click(await screen.findByTitle('李娜'));
    fireEvent.click(button('确认分配', form));
    expect(await within(form).findByText('请填写原因')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('原因'), { target: { value: '客户指定' } });
    fireEvent.click(button('确认分配', form));
    await waitFor(() => expect(screen.getByTestId('lead-owner').textContent).toBe('李娜'));
    expect(api.of('POST', '/api/leads/lead-x/assign')[0]!.body).toEqual({ staffId: 's2', reason: '客户指定' });
    await waitFor(() => expect(screen.getByTestId('ownership-why').textContent).toContain('原因：客户指定'));
  });

  it('changes the status along the allowed transitions', async () => {
    const api = mockDetail();
    renderConsole('/leads/lead-x');
    await screen.findByRole('heading', { name: '钱先生' });
    fireEvent.click(button('更新状态'));
    await waitFor(() => expect(api.of('POST', '/api/leads/lead-x/status')).toHaveLength(1));
    expect(api.of('POST', '/api/leads/lead-x/status')[0]!.body).toEqual({ status: 'contacted' });
  });

  it('不再联系 asks for a reason and confirms before sending', async () => {
    const api = mockDetail();
    renderConsole('/leads/lead-x');
    await screen.findByRole('heading', { name: '钱先生' });
    fireEvent.click(button('标记不再联系'));
    const dlg = await waitFor(() => dialog('标记 钱先生 不再联系？'));
    fireEvent.change(within(dlg).getByLabelText('原因'), { target: { value: '客户电话中明确拒绝' } });
    expect(api.of('POST', '/api/leads/lead-x/do-not-contact')).toHaveLength(0);
    fireEvent.click(button('标记不再联系', dlg));
    await waitFor(() => expect(api.of('POST', '/api/leads/lead-x/do-not-contact')).toHaveLength(1));
    expect(api.of('POST', '/api/leads/lead-x/do-not-contact')[0]!.body).toEqual({ doNotContact: true, reason: '客户电话中明确拒绝' });
  });

  it('closing returns to the list with its filters', async () => {
    mockDetail();
    const view = renderConsole('/leads/lead-x?status=new');
    await screen.findByRole('heading', { name: '钱先生' });
    fireEvent.click(document.querySelector('.ant-drawer-close')!);
    await waitFor(() => expect(view.url()).toBe('/leads?status=new'));
  });
});
