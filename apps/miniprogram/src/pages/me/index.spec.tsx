import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { API, type MyStats } from '@fenji/shared';
import { errorReply, fakeApi, queryOf, reply } from '../../../test/fake-api';
import { buildCard, buildUser, signIn, buildTokens } from '../../../test/factories';
import Taro, { resetTaro, type FakeRequestOption } from '../../../test/mocks/taro';
import { hasSession } from '../../services/session.service';
import MePage from './index';
import { tap } from '../../../test/tap';


const stats = (overrides: Partial<MyStats> = {}): MyStats => ({ shares: 12, views: 340, uniqueVisitors: 96, leads: 8, converted: 2, rankInBranch: 3, branchSize: 11, ...overrides });

function serve(statsFor: (days: string) => ReturnType<typeof reply> = (days) => reply(200, days === '1' ? stats({ shares: 1, views: 9 }) : stats())) {
  return fakeApi({
    [`GET ${API.me}`]: () => reply(200, buildUser({ name: '李娜', branchName: '静安店' })),
    [`GET ${API.myStats}`]: (req: FakeRequestOption) => statsFor(queryOf(req).days),
    [`GET ${API.myCard}`]: () => reply(200, buildCard({ name: '李娜', title: '净水顾问' })),
    [`GET ${API.notificationsUnread}`]: () => reply(200, { unread: 4 }),
  });
}

const valueOf = (label: string) => screen.getByText(label).previousElementSibling?.textContent;

beforeEach(() => {
  resetTaro();
  signIn(buildTokens({ user: buildUser({ name: '李娜' }) }));
});

describe('我的', () => {
  it('shows my results for 7 days, switches to today, and my rank in the branch', async () => {
    const seen = serve();
    render(<MePage />);
    expect(await screen.findByText('留资数在门店 11 人中排第 3 名')).toBeTruthy();
    expect([valueOf('分享'), valueOf('浏览'), valueOf('访客'), valueOf('留资'), valueOf('成交')]).toEqual(['12', '340', '96', '8', '2']);
    expect(queryOf(seen.find((r) => r.url.startsWith(API.myStats))!)).toEqual({ days: '7' });

    await act(async () => fireEvent.click(screen.getByText('今天')));
    expect(await screen.findByText('9')).toBeTruthy();
    expect(valueOf('分享')).toBe('1');
  });

  it('a failed stats load is an error with a retry, the rest of the page still works', async () => {
    serve(() => errorReply(500, 'INTERNAL', '服务暂时不可用，请稍后重试'));
    render(<MePage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
    expect(screen.getByText('我的名片')).toBeTruthy();
  });

  it('shows my unread notices and opens the notices, my card, the card editor and the privacy guide', async () => {
    serve();
    render(<MePage />);
    expect(await screen.findByText('4')).toBeTruthy();
    expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 3, text: '4' });
    for (const [title, url] of [
      ['我的通知', '/packages/me/pages/notifications/index'],
      ['我的名片', '/packages/card/pages/share/index'],
      ['编辑名片', '/packages/card/pages/edit/index'],
      ['隐私指引', '/packages/me/pages/privacy/index'],
    ]) {
      fireEvent.click(screen.getByText(title));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });

  it('logs out only after confirming', async () => {
    serve();
    render(<MePage />);
    await tap(await screen.findByText('退出登录'));
    await act(async () => fireEvent.click(within(screen.getByRole('alertdialog')).getByText('取消')));
    expect(hasSession()).toBe(true);
    await act(async () => fireEvent.click(screen.getByText('退出登录')));
    await act(async () => fireEvent.click(within(screen.getByRole('alertdialog')).getByText('退出')));
    expect(hasSession()).toBe(false);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
