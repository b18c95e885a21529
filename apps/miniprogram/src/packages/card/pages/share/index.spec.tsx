import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API } from '@fenji/shared';
import { fakeApi, reply } from '../../../../../test/fake-api';
import { buildCard, buildShare, signIn } from '../../../../../test/factories';
import Taro, { pageHooks, resetTaro, type FakeRequestOption } from '../../../../../test/mocks/taro';
import CardSharePage from './index';

function serve() {
  const created: Array<{ body: unknown; code: string }> = [];
  const seen = fakeApi({
    [`GET ${API.myCard}`]: () => reply(200, buildCard({ name: '李雷', title: '净水顾问', phone: '13800001111', showPhone: true, wechatId: 'lilei_water', showWechatId: false })),
    [`POST ${API.shares}`]: (req: FakeRequestOption) => {
      const share = buildShare();
      created.push({ body: req.data, code: share.code });
      return reply(201, share);
    },
  });
  return { seen, created };
}

beforeEach(() => {
  resetTaro();
  signIn();
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('我的名片', () => {
  it('previews only what customers will see, and copies a link share of the card', async () => {
    const api = serve();
    render(<CardSharePage />);
    expect(await screen.findByText('李雷')).toBeTruthy();
    expect(document.querySelectorAll('.my-card__contact')[0].textContent).toBe('电话：13800001111');
    expect(document.querySelectorAll('.my-card__contact')[1].textContent).toBe('微信：lilei_water（客户看不到）');

    await act(async () => fireEvent.click(screen.getByText('复制名片链接')));
    expect(api.created.map((c) => c.body)).toEqual([{ card: true, channel: 'link' }]);
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: expect.stringMatching(/\/s\/Code/) });
    expect(document.getElementById('card-share-url')?.textContent).toMatch(/\/s\/Code/);
  });

  it('in WeChat: the friend card opens the landing page of a card share, Moments gets its own share', async () => {
    process.env.TARO_ENV = 'weapp';
    const api = serve();
    render(<CardSharePage />);
    await screen.findByText('李雷');
    await waitFor(() => expect(api.created).toHaveLength(2));
    const friend = api.created.find((c) => (c.body as { channel: string }).channel === 'wechat_friend')!;
    const moments = api.created.find((c) => (c.body as { channel: string }).channel === 'moments')!;
    expect(friend.body).toEqual({ card: true, channel: 'wechat_friend' });
    const message = pageHooks.shareAppMessage?.({ from: 'button' });
    expect(message).toMatchObject({ title: '李雷的名片 · 净水顾问', path: `/packages/landing/pages/view/index?code=${friend.code}` });
    expect(pageHooks.shareTimeline?.().query).toBe(`code=${moments.code}`);
  });

  it('opens the card poster', async () => {
    serve();
    render(<CardSharePage />);
    fireEvent.click(await screen.findByText('生成名片海报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/share/pages/poster/index?card=1' });
  });
});
