import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API, type LeadPageItem } from '@fenji/shared';
import { errorReply, fakeApi, queryOf, reply } from '../../../test/fake-api';
import { buildLead, buildTag, signIn, tagRef } from '../../../test/factories';
import Taro, { pageHooks, resetTaro, type FakeRequestOption } from '../../../test/mocks/taro';
import { consumeLeadsChanged, markLeadsChanged } from '../../services/lead-changes';
import CustomersPage from './index';
import { tap } from '../../../test/tap';

const NOW = new Date(2026, 10, 30, 15, 0);

/**
 * `GET /api/leads` over a fixed list, paged by an index cursor and filtered like the API would (status, q, tag,
 * due), beside the follow-up summary and the tag options. Returns the list requests (not the due ones).
 */
function serveLeads(all: LeadPageItem[], pageSize: number, options: { summary?: { overdue: number; dueToday: number } } = {}) {
  const seen = fakeApi({
    [`GET ${API.followUpSummary}`]: () => reply(200, options.summary ?? { overdue: 0, dueToday: 0 }),
    [`GET ${API.tags}`]: () => reply(200, { items: [buildTag('高意向', true), buildTag('周末到店')] }),
    [`GET ${API.leads}`]: (req: FakeRequestOption) => {
      const query = queryOf(req);
      const matching = all.filter(
        (lead) =>
          (!query.status || lead.status === query.status) &&
          (!query.q || lead.name.includes(query.q)) &&
          (!query.tagId || (lead.tags ?? []).some((t) => t.id === query.tagId)) &&
          (!query.due || lead.nextFollowUpAt),
      );
      const start = query.cursor ? Number(query.cursor) : 0;
      const items = matching.slice(start, start + pageSize);
      const nextCursor = start + pageSize < matching.length ? String(start + pageSize) : null;
      return reply(200, { items, nextCursor });
    },
  });
  return {
    get leads() {
      return seen.filter((req) => req.url.split('?')[0] === API.leads && !queryOf(req).due);
    },
  };
}

const statusTab = (label: string): HTMLElement => {
  const tab = screen.getAllByRole('tab').find((el) => el.textContent === label);
  if (!tab) throw new Error(`no tab ${label}`);
  return tab;
};

beforeEach(() => {
  resetTaro();
  jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick'] });
  signIn();
  consumeLeadsChanged();
});
afterEach(() => jest.useRealTimers());

describe('我的客户', () => {
  it('lists the leads with their status, tags and heat, and pages on with nextCursor', async () => {
    const leads = [
      buildLead({ name: '王芳', status: 'new', tags: [tagRef('高意向')], heat: { score: 82, level: 'hot', reason: '3 次查看 · 停留 4 分钟' } }),
      buildLead({ name: '赵强', status: 'contacted' }),
      buildLead({ name: '孙丽', status: 'converted', phone: '13912345678', phoneMasked: false }),
    ];
    const seen = serveLeads(leads, 2);
    render(<CustomersPage />);

    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.getByText('赵强')).toBeTruthy();
    expect(screen.queryByText('孙丽')).toBeNull();
    expect(screen.getByText('高意向 82')).toBeTruthy();
    expect(screen.getByText('3 次查看 · 停留 4 分钟')).toBeTruthy();
    expect(queryOf(seen.leads[0])).toEqual({ limit: '20' });

    await tap(screen.getByText('加载更多'));
    expect(await screen.findByText('孙丽')).toBeTruthy();
    expect(queryOf(seen.leads[1]).cursor).toBe('2');
    expect(screen.getByText('王芳')).toBeTruthy(); // appended, not replaced
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('a failed load is an error with a retry, never "no customers"', async () => {
    let fail = true;
    fakeApi({
      [`GET ${API.leads}`]: () => (fail ? errorReply(500, 'INTERNAL', '服务暂时不可用，请稍后重试') : reply(200, { items: [buildLead({ name: '吴敏' })], nextCursor: null })),
    });
    render(<CustomersPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy(); // once: the 待跟进 section does not repeat it
    expect(screen.queryByText(/还没有客户/)).toBeNull();
    fail = false;
    await tap(screen.getAllByText('重试')[0]);
    expect(await screen.findByText('吴敏')).toBeTruthy();
  });

  it('no network: says so and offers a retry', async () => {
    Taro.request.mockRejectedValue(new Error('request:fail'));
    render(<CustomersPage />);
    expect(await screen.findAllByText('网络不可用')).not.toHaveLength(0);
    expect(screen.queryByText(/还没有客户/)).toBeNull();
  });

  it('shows 待跟进 first — due today or overdue — and puts the count on the tab', async () => {
    const overdue = buildLead({ name: '逾期甲', nextFollowUpAt: new Date(2026, 10, 28, 10).toISOString() });
    const today = buildLead({ name: '今天乙', nextFollowUpAt: new Date(2026, 10, 30, 17).toISOString() });
    const later = buildLead({ name: '下周丙', nextFollowUpAt: new Date(2026, 11, 7, 10).toISOString() });
    serveLeads([overdue, today, later, buildLead({ name: '吴敏' })], 20, { summary: { overdue: 1, dueToday: 1 } });
    render(<CustomersPage />);

    await waitFor(() => expect(document.querySelectorAll('#due-list .lead-item__name').length).toBe(2));
    const due = document.getElementById('due-list')!;
    expect(Array.from(due.querySelectorAll('.lead-item__name')).map((el) => el.textContent)).toEqual(['逾期甲', '今天乙']);
    expect(due.textContent).toContain('逾期 2 天');
    expect(due.textContent).toContain('今天 17:00 跟进');
    const firstList = screen.getAllByText('吴敏')[0];
    expect(due.compareDocumentPosition(firstList) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '2' }));
  });

  it('filters by status tab and tag, sorts by heat and searches, starting again from the first page', async () => {
    const seen = serveLeads([buildLead({ name: '王芳', status: 'new', tags: [tagRef('周末到店')] }), buildLead({ name: '赵强', status: 'qualified' })], 20);
    render(<CustomersPage />);
    await screen.findByText('王芳');

    await tap(statusTab('有意向'));
    await waitFor(() => expect(screen.queryByText('王芳')).toBeNull());
    expect(queryOf(seen.leads[seen.leads.length - 1])).toEqual({ status: 'qualified', limit: '20' });

    await tap(statusTab('全部'));
    await tap(document.querySelector<HTMLElement>('.tag-filter:last-child')!);
    await waitFor(() => expect(screen.queryByText('赵强')).toBeNull());
    expect(queryOf(seen.leads[seen.leads.length - 1])).toEqual({ tagId: 'tag-周末到店', limit: '20' });

    await tap(screen.getByText('热度'));
    expect(queryOf(seen.leads[seen.leads.length - 1])).toEqual({ tagId: 'tag-周末到店', sort: 'heat_desc', limit: '20' });

    fireEvent.change(screen.getByPlaceholderText('搜索姓名或手机号'), { target: { value: ' 王 ' } });
    await tap(screen.getByText('搜索'));
    expect(queryOf(seen.leads[seen.leads.length - 1])).toEqual({ q: '王', tagId: 'tag-周末到店', sort: 'heat_desc', limit: '20' });
  });

  it('marks a lead that asked not to be contacted', async () => {
    serveLeads([buildLead({ name: '周杰', doNotContact: true })], 20);
    render(<CustomersPage />);
    await screen.findByText('周杰');
    expect(screen.getByText('不再联系')).toBeTruthy();
  });

  it('opens a lead with its id, and the public pool from 公海', async () => {
    const lead = buildLead({ name: '周杰' });
    serveLeads([lead], 20);
    render(<CustomersPage />);
    fireEvent.click(await screen.findByText('周杰'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/lead/pages/detail/index?id=${lead.id}` });
    fireEvent.click(screen.getByText('公海'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pool/pages/index/index' });
  });

  it('says there are none yet when the list is empty', async () => {
    serveLeads([], 20);
    render(<CustomersPage />);
    expect(await screen.findByText('还没有客户')).toBeTruthy();
  });

  it('reloads the leads when shown again after a change elsewhere, and only then', async () => {
    const seen = serveLeads([buildLead({ name: '吴敏' })], 20);
    render(<CustomersPage />);
    await screen.findByText('吴敏');
    expect(seen.leads).toHaveLength(1);
    await act(async () => pageHooks.didShow?.());
    expect(seen.leads).toHaveLength(1);
    markLeadsChanged();
    await act(async () => pageHooks.didShow?.());
    expect(seen.leads).toHaveLength(2);
  });

  it('sends a visitor without a session to login instead of calling the API', () => {
    resetTaro();
    const seen = fakeApi({});
    render(<CustomersPage />);
    expect(seen).toHaveLength(0);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
