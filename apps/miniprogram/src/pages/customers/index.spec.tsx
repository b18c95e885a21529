import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API, type LeadListItem, type Notification } from '@fenji/shared';
import { fakeApi, queryOf, reply } from '../../../test/fake-api';
import { buildLead, buildNotification, signIn } from '../../../test/factories';
import Taro, { pageHooks, resetTaro, type FakeRequestOption } from '../../../test/mocks/taro';
import { consumeLeadsChanged, markLeadsChanged } from '../../services/lead-changes';
import CustomersPage from './index';

/**
 * `GET /api/leads` over a fixed list, paged by an index cursor and filtered like the API would, beside
 * `GET /api/notifications`. Returns the requests for the leads only.
 */
function serveLeads(all: LeadListItem[], pageSize: number, notifications: Notification[] = []) {
  const seen = fakeApi({
    'GET /api/notifications': () => reply(200, notifications),
    [`GET ${API.leads}`]: (req: FakeRequestOption) => {
      const query = queryOf(req);
      const matching = all.filter(
        (lead) => (!query.status || lead.status === query.status) && (!query.q || lead.name.includes(query.q)),
      );
      const start = query.cursor ? Number(query.cursor) : 0;
      const items = matching.slice(start, start + pageSize);
      const nextCursor = start + pageSize < matching.length ? String(start + pageSize) : null;
      return reply(200, { items, nextCursor });
    },
  });
  return {
    get leads() {
      return seen.filter((req) => req.url.split('?')[0] === API.leads);
    },
  };
}

/** The status filter chip (the same label also tags each lead). */
const filterChip = (label: string): HTMLElement => {
  const chip = screen.getAllByText(label).find((el) => el.classList.contains('customers__filter'));
  if (!chip) throw new Error(`no filter chip ${label}`);
  return chip;
};

beforeEach(() => {
  resetTaro();
  signIn();
  consumeLeadsChanged();
});

describe('我的客户', () => {
  it('lists the leads with their status and pages on with nextCursor', async () => {
    const leads = [
      buildLead({ name: '王芳', status: 'new' }),
      buildLead({ name: '赵强', status: 'contacted' }),
      buildLead({ name: '孙丽', status: 'converted', phone: '13912345678', phoneMasked: false }),
    ];
    const seen = serveLeads(leads, 2);
    render(<CustomersPage />);

    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.getByText('赵强')).toBeTruthy();
    expect(screen.queryByText('孙丽')).toBeNull();
    expect(screen.getAllByText('已联系').length).toBeGreaterThan(0);
    expect(queryOf(seen.leads[0])).toEqual({ limit: '20' });

    await act(async () => {
      fireEvent.click(screen.getByText('加载更多'));
    });

    expect(await screen.findByText('孙丽')).toBeTruthy();
    expect(screen.getByText('13912345678')).toBeTruthy();
    expect(queryOf(seen.leads[1]).cursor).toBe('2');
    expect(screen.getByText('王芳')).toBeTruthy(); // appended, not replaced
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('filters by status and searches by keyword, starting again from the first page', async () => {
    const seen = serveLeads([buildLead({ name: '王芳', status: 'new' }), buildLead({ name: '赵强', status: 'qualified' })], 20);
    render(<CustomersPage />);
    await screen.findByText('王芳');

    await act(async () => {
      fireEvent.click(filterChip('有意向'));
    });
    await waitFor(() => expect(screen.queryByText('王芳')).toBeNull());
    expect(screen.getByText('赵强')).toBeTruthy();
    expect(queryOf(seen.leads[1])).toEqual({ status: 'qualified', limit: '20' });

    await act(async () => {
      fireEvent.click(filterChip('全部'));
    });
    fireEvent.change(screen.getByPlaceholderText('搜索姓名或手机号'), { target: { value: ' 王 ' } });
    await act(async () => {
      fireEvent.click(screen.getByText('搜索'));
    });
    await waitFor(() => expect(screen.queryByText('赵强')).toBeNull());
    expect(queryOf(seen.leads[seen.leads.length - 1])).toEqual({ q: '王', limit: '20' });
  });

  it('opens a lead with its id', async () => {
    const lead = buildLead({ name: '周杰' });
    serveLeads([lead], 20);
    render(<CustomersPage />);
    fireEvent.click(await screen.findByText('周杰'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/lead/pages/detail/index?id=${lead.id}` });
  });

  it('shows the notices above the leads, three at first, and opens the lead of a warning', async () => {
    const warning = buildNotification({ kind: 'recycle_warning', message: '王芳 将在 2 天后回到公海，请及时跟进' });
    const notices = [
      warning,
      buildNotification({ kind: 'assigned', leadName: '赵强', message: '总部把 赵强 分配给了你' }),
      buildNotification({ kind: 'recycled', leadName: '孙丽', message: '孙丽 超过 7 天未跟进，已回到公海' }),
      buildNotification({ kind: 'recycle_warning', leadName: '周杰', message: '周杰 将在 1 天后回到公海，请及时跟进' }),
    ];
    serveLeads([buildLead({ name: '吴敏' })], 20, notices);
    render(<CustomersPage />);

    const message = await screen.findByText('王芳 将在 2 天后回到公海，请及时跟进');
    const lead = await screen.findByText('吴敏');
    expect(message.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('总部把 赵强 分配给了你')).toBeTruthy();
    expect(screen.getByText('已回收')).toBeTruthy();
    expect(screen.queryByText('周杰 将在 1 天后回到公海，请及时跟进')).toBeNull();

    fireEvent.click(screen.getByText('查看全部 4 条提醒'));
    expect(screen.getByText('周杰 将在 1 天后回到公海，请及时跟进')).toBeTruthy();

    fireEvent.click(message);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/lead/pages/detail/index?id=${warning.leadId}` });
  });

  it('shows no notice list when there are none', async () => {
    serveLeads([buildLead({ name: '吴敏' })], 20, []);
    const { container } = render(<CustomersPage />);
    await screen.findByText('吴敏');
    expect(container.querySelector('.notices')).toBeNull();
  });

  it('opens the public pool from 公海', async () => {
    serveLeads([], 20);
    render(<CustomersPage />);
    await screen.findByText('还没有客户，去内容库分享内容吧');
    fireEvent.click(screen.getByText('公海'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pool/pages/index/index' });
  });

  it('reloads the leads when shown again after a claim elsewhere, and only then', async () => {
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
