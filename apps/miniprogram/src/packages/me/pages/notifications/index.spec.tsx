import { render, screen } from '@testing-library/react';
import { API } from '@fenji/shared';
import { errorReply, fakeApi, reply } from '../../../../../test/fake-api';
import { buildNotification, signIn } from '../../../../../test/factories';
import Taro, { resetTaro } from '../../../../../test/mocks/taro';
import NotificationsPage from './index';
import { tap } from '../../../../../test/tap';

beforeEach(() => {
  resetTaro();
  signIn();
});


describe('我的通知', () => {
  it('tapping a notice marks it read and opens its lead; × dismisses it for good', async () => {
    const warning = buildNotification({ kind: 'recycle_warning', message: '王芳 将在 2 天后回到公海，请及时跟进' });
    const lead = buildNotification({ kind: 'new_lead', leadName: '钱先生', message: '钱先生 通过你分享的《春季新品》留下了联系方式', readAt: '2026-11-30T05:00:00.000Z' });
    const seen = fakeApi({
      [`GET ${API.notifications}`]: () => reply(200, [warning, lead]),
      [`POST ${API.notificationRead(warning.id)}`]: () => reply(204, null),
      [`DELETE ${API.notificationItem(lead.id)}`]: () => reply(204, null),
      [`GET ${API.notificationsUnread}`]: () => reply(200, { unread: 0 }),
    });
    render(<NotificationsPage />);

    expect(await screen.findByText('1 条未读')).toBeTruthy();
    expect(screen.getByText('即将回收')).toBeTruthy();
    expect(screen.getByText('新客户')).toBeTruthy();

    await tap(screen.getByText(warning.message));
    expect(seen.some((r) => r.method === 'POST' && r.url === API.notificationRead(warning.id))).toBe(true);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/lead/pages/detail/index?id=${warning.leadId}` });
    expect(screen.queryByText('1 条未读')).toBeNull();

    const dismiss = screen.getAllByText('×')[1];
    await tap(dismiss);
    expect(seen.some((r) => r.method === 'DELETE' && r.url === API.notificationItem(lead.id))).toBe(true);
    expect(screen.queryByText(lead.message)).toBeNull();
  });

  it('marks all read at once', async () => {
    const seen = fakeApi({
      [`GET ${API.notifications}`]: () => reply(200, [buildNotification(), buildNotification()]),
      [`POST ${API.notificationsReadAll}`]: () => reply(200, { updated: 2 }),
    });
    render(<NotificationsPage />);
    await tap(await screen.findByText('全部已读'));
    expect(seen.some((r) => r.url === API.notificationsReadAll)).toBe(true);
    expect(screen.queryByText('2 条未读')).toBeNull();
    expect(document.querySelectorAll('.notice-item--read')).toHaveLength(2);
  });

  it('a recycled lead is in the public pool: its notice opens nothing', async () => {
    const recycled = buildNotification({ kind: 'recycled', message: '孙丽 超过 7 天未跟进，已回到公海' });
    fakeApi({ [`GET ${API.notifications}`]: () => reply(200, [recycled]) });
    render(<NotificationsPage />);
    await tap(await screen.findByText(recycled.message));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('a failed load is an error with a retry, not "no notices"', async () => {
    fakeApi({ [`GET ${API.notifications}`]: () => errorReply(503, 'DB_UNAVAILABLE', '服务暂时不可用，请稍后重试') });
    render(<NotificationsPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByText('没有通知')).toBeNull();
  });
});
