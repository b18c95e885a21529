import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { API, type LeadListItem } from '@fenji/shared';
import { errorReply, fakeApi, queryOf, reply, type Handler } from '../../../../../test/fake-api';
import { buildPoolSettings, buildPublicLead, signIn } from '../../../../../test/factories';
import Taro, { resetTaro } from '../../../../../test/mocks/taro';
import { consumeLeadsChanged } from '../../../../services/lead-changes';
import { formatDateTime } from '../../../../utils/format-time.util';
import PoolPage from './index';

/** `GET /api/leads?pool=public` over a fixed list, paged by an index cursor and searched by name. */
function publicLeads(all: LeadListItem[], pageSize = 20): Handler {
  return (req) => {
    const query = queryOf(req);
    if (query.pool !== 'public') return errorReply(400, 'VALIDATION_FAILED', 'pool=public expected');
    const matching = all.filter((lead) => !query.q || lead.name.includes(query.q));
    const start = query.cursor ? Number(query.cursor) : 0;
    const nextCursor = start + pageSize < matching.length ? String(start + pageSize) : null;
    return reply(200, { items: matching.slice(start, start + pageSize), nextCursor });
  };
}

/** The card of one lead in the list, found by its name. */
function itemOf(name: string): HTMLElement {
  const item = screen.getByText(name).closest('.pool-item');
  if (!(item instanceof HTMLElement)) throw new Error(`no pool item for ${name}`);
  return item;
}

const claimButtonOf = (name: string): HTMLElement => within(itemOf(name)).getByText('领取');

beforeEach(() => {
  resetTaro();
  signIn();
  consumeLeadsChanged();
});

describe('公海', () => {
  it('lists the public leads with masked phones, shows the claim caps, pages on and searches', async () => {
    const leads = [
      buildPublicLead({ name: '王芳', phone: '138****1234' }),
      buildPublicLead({ name: '赵强' }),
      buildPublicLead({ name: '孙丽' }),
    ];
    const seen = fakeApi({
      [`GET ${API.leads}`]: publicLeads(leads, 2),
      'GET /api/pool-settings': () => reply(200, buildPoolSettings({ claimDailyCap: 15, claimHoldCap: 120 })),
    });
    render(<PoolPage />);

    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.getByText('138****1234')).toBeTruthy();
    expect(screen.queryByText('孙丽')).toBeNull();
    expect(await screen.findByText('每日可领 15 条 · 名下最多 120 条')).toBeTruthy();
    expect(queryOf(seen.find((r) => r.url.startsWith(API.leads))!)).toEqual({ pool: 'public', limit: '20' });

    await act(async () => {
      fireEvent.click(screen.getByText('加载更多'));
    });
    expect(await screen.findByText('孙丽')).toBeTruthy();
    expect(screen.getByText('王芳')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('搜索姓名或手机号'), { target: { value: ' 赵 ' } });
    await act(async () => {
      fireEvent.click(screen.getByText('搜索'));
    });
    await waitFor(() => expect(screen.queryByText('王芳')).toBeNull());
    expect(screen.getByText('赵强')).toBeTruthy();
    expect(queryOf(seen[seen.length - 1])).toEqual({ pool: 'public', q: '赵', limit: '20' });
  });

  it('claims a lead: 领取成功, the lead leaves the pool, and 我的客户 will reload', async () => {
    const wang = buildPublicLead({ name: '王芳' });
    const zhao = buildPublicLead({ name: '赵强' });
    const seen = fakeApi({
      [`GET ${API.leads}`]: publicLeads([wang, zhao]),
      [`POST ${API.leadItem(wang.id)}/claim`]: () =>
        reply(200, { ...wang, pool: 'private', ownerStaffId: 'staff1', ownerName: '李雷', phone: '13812341234', phoneMasked: false }),
    });
    render(<PoolPage />);
    await screen.findByText('王芳');

    await act(async () => {
      fireEvent.click(claimButtonOf('王芳'));
    });

    expect(await screen.findByText('领取成功')).toBeTruthy();
    expect(screen.queryByText('王芳')).toBeNull();
    expect(screen.getByText('赵强')).toBeTruthy();
    const claim = seen.find((r) => r.method === 'POST');
    expect(claim?.url).toBe(`/api/leads/${wang.id}/claim`);
    expect(consumeLeadsChanged()).toBe(true);

    fireEvent.click(screen.getByText('去跟进'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/lead/pages/detail/index?id=${wang.id}` });
  });

  it.each([
    ['LEAD_ALREADY_CLAIMED', '该客户已被其他同事领取', false],
    ['CLAIM_LIMIT_REACHED', '今日领取已达上限（20 条）', true],
    ['RECLAIM_BLOCKED', '你最近放回过该客户，7 天内不能再领取', true],
  ])('on 409 %s shows the server message (lead stays listed: %s)', async (code, message, stays) => {
    const lead = buildPublicLead({ name: '周杰' });
    fakeApi({
      [`GET ${API.leads}`]: publicLeads([lead]),
      [`POST ${API.leadItem(lead.id)}/claim`]: () => errorReply(409, code, message),
    });
    render(<PoolPage />);
    await screen.findByText('周杰');

    await act(async () => {
      fireEvent.click(claimButtonOf('周杰'));
    });

    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByText('领取成功')).toBeNull();
    expect(screen.queryByText('周杰') !== null).toBe(stays);
    expect(consumeLeadsChanged()).toBe(false);
    // Shown once, on the page: no toast repeating it.
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('a lead I just released shows when I may claim it back, instead of an active 领取', async () => {
    const until = '2026-12-07T02:00:00.000Z';
    const mine = buildPublicLead({ name: '刚放回', reclaimBlockedUntil: until });
    const other = buildPublicLead({ name: '可领取', reclaimBlockedUntil: null });
    fakeApi({ [`GET ${API.leads}`]: publicLeads([mine, other]) });
    jest.useFakeTimers({ now: new Date('2026-11-30T02:00:00.000Z'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick'] });
    try {
      render(<PoolPage />);
      await screen.findByText('刚放回');
      expect(within(itemOf('刚放回')).queryByText('领取')).toBeNull();
      expect(itemOf('刚放回').textContent).toContain(`${formatDateTime(until)} 后才能再领取`);
      expect(within(itemOf('刚放回')).getByText('暂不可领')).toBeTruthy();
      expect(claimButtonOf('可领取')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('a failed load is an error with a retry, not an empty pool', async () => {
    fakeApi({ [`GET ${API.leads}`]: () => errorReply(500, 'INTERNAL', '服务暂时不可用，请稍后重试') });
    render(<PoolPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByText('暂时没有可领取的客户')).toBeNull();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('sends a visitor without a session to login instead of calling the API', () => {
    resetTaro();
    const seen = fakeApi({});
    render(<PoolPage />);
    expect(seen).toHaveLength(0);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
