import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API, type LeadListItem } from '@fenji/shared';
import { fakeApi, queryOf, reply } from '../../../test/fake-api';
import { buildLead, signIn } from '../../../test/factories';
import Taro, { resetTaro, type FakeRequestOption } from '../../../test/mocks/taro';
import CustomersPage from './index';

/** `GET /api/leads` over a fixed list, paged by an index cursor and filtered like the API would. */
function serveLeads(all: LeadListItem[], pageSize: number) {
  return fakeApi({
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
    expect(queryOf(seen[0])).toEqual({ limit: '20' });

    await act(async () => {
      fireEvent.click(screen.getByText('加载更多'));
    });

    expect(await screen.findByText('孙丽')).toBeTruthy();
    expect(screen.getByText('13912345678')).toBeTruthy();
    expect(queryOf(seen[1]).cursor).toBe('2');
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
    expect(queryOf(seen[1])).toEqual({ status: 'qualified', limit: '20' });

    await act(async () => {
      fireEvent.click(filterChip('全部'));
    });
    fireEvent.change(screen.getByPlaceholderText('搜索姓名或手机号'), { target: { value: ' 王 ' } });
    await act(async () => {
      fireEvent.click(screen.getByText('搜索'));
    });
    await waitFor(() => expect(screen.queryByText('赵强')).toBeNull());
    expect(queryOf(seen[seen.length - 1])).toEqual({ q: '王', limit: '20' });
  });

  it('opens a lead with its id', async () => {
    const lead = buildLead({ name: '周杰' });
    serveLeads([lead], 20);
    render(<CustomersPage />);
    fireEvent.click(await screen.findByText('周杰'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/lead/pages/detail/index?id=${lead.id}` });
  });

  it('sends a visitor without a session to login instead of calling the API', () => {
    resetTaro();
    const seen = fakeApi({});
    render(<CustomersPage />);
    expect(seen).toHaveLength(0);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
