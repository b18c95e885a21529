import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API, type Content, type Share, type ShareChannel } from '@fenji/shared';
import { fakeApi, reply } from '../../../../../test/fake-api';
import { buildContent, buildShare, signIn } from '../../../../../test/factories';
import Taro, { pageHooks, resetTaro, routerState, type FakeRequestOption } from '../../../../../test/mocks/taro';
import ContentDetailPage from './index';

/** The API for one content; each share request gets a fresh code, recorded by channel. */
function serve(content: Content) {
  const created: Array<{ channel: ShareChannel; share: Share }> = [];
  const seen = fakeApi({
    [`GET ${API.contentItem(content.id)}`]: () => reply(200, content),
    [`POST ${API.shares}`]: (req: FakeRequestOption) => {
      const body = req.data as { contentId: string; channel: ShareChannel };
      expect(body.contentId).toBe(content.id);
      const share = buildShare();
      created.push({ channel: body.channel, share });
      return reply(201, share);
    },
  });
  const sharesOn = (channel: ShareChannel) => created.filter((c) => c.channel === channel).map((c) => c.share);
  return { seen, created, sharesOn };
}

beforeEach(() => {
  resetTaro();
  signIn();
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('content detail (H5)', () => {
  it('shows the content and, on 复制链接, creates a link share, copies its URL and shows it', async () => {
    const content = buildContent({ title: '门店开业活动', body: '全文内容' });
    routerState.params = { id: content.id };
    const api = serve(content);
    render(<ContentDetailPage />);

    expect(await screen.findByText('门店开业活动')).toBeTruthy();
    expect(screen.getByText('全文内容')).toBeTruthy();
    expect(screen.queryByText('分享给微信好友')).toBeNull();
    expect(api.created).toHaveLength(0); // the browser build makes no share until asked

    await act(async () => {
      fireEvent.click(screen.getByText('复制链接'));
    });

    const [link] = api.sharesOn('link');
    expect(link).toBeDefined();
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: link.url });
    await waitFor(() => expect(document.getElementById('share-url')?.textContent).toBe(link.url));

    // Copying again reuses the same share.
    await act(async () => {
      fireEvent.click(screen.getByText('复制链接'));
    });
    expect(api.sharesOn('link')).toHaveLength(1);
    expect(Taro.setClipboardData).toHaveBeenCalledTimes(2);
  });

  it('still shows the link when the clipboard is not available', async () => {
    const content = buildContent();
    routerState.params = { id: content.id };
    const api = serve(content);
    Taro.setClipboardData.mockRejectedValueOnce(new Error('setClipboardData:fail'));
    render(<ContentDetailPage />);

    await screen.findByText(content.title);
    await act(async () => {
      fireEvent.click(screen.getByText('复制链接'));
    });

    const [link] = api.sharesOn('link');
    await waitFor(() => expect(document.getElementById('share-url')?.textContent).toBe(link.url));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '复制失败，请长按下方链接手动复制' }));
  });
});

describe('content detail (WeChat)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('makes the friend share as the page opens; the share card points the friend to the landing page with its code', async () => {
    const content = buildContent({ title: '新品试用' });
    routerState.params = { id: content.id };
    const api = serve(content);
    render(<ContentDetailPage />);

    await screen.findByText('新品试用');
    expect(screen.getByText('分享给微信好友').getAttribute('data-open-type')).toBe('share');
    await waitFor(() => expect(api.sharesOn('wechat_friend')).toHaveLength(1));
    const [friend] = api.sharesOn('wechat_friend');

    const card = pageHooks.shareAppMessage?.({ from: 'button' });
    expect(card).toMatchObject({ title: '新品试用', path: `/packages/landing/pages/view/index?code=${friend.code}` });

    // Sharing again reuses the share made on load.
    pageHooks.shareAppMessage?.({ from: 'menu' });
    expect(api.sharesOn('wechat_friend')).toHaveLength(1);
  });

  it('shares to Moments with its own share code', async () => {
    const content = buildContent();
    routerState.params = { id: content.id };
    const api = serve(content);
    render(<ContentDetailPage />);

    await waitFor(() => expect(api.sharesOn('moments')).toHaveLength(1));
    const [moments] = api.sharesOn('moments');
    await waitFor(() => expect(pageHooks.shareTimeline?.().query).toBe(`code=${moments.code}`));
  });

  it('opened from Moments with a code, shows the share without a session (single-page mode works without login)', async () => {
    resetTaro(); // no session
    routerState.params = { code: 'AbCdEf123456' };
    const view = {
      code: 'AbCdEf123456',
      url: 'https://fenji.example.com/s/AbCdEf123456',
      channel: 'moments',
      subject: 'content',
      content: { kind: 'product', title: '春季净水器', summary: '五级过滤', body: '厨下安装。', coverUrl: null },
      sharer: { name: '李娜', title: '净水顾问', branchName: '静安店', avatarUrl: null, intro: '', phone: null, wechatId: 'lina_water' },
    };
    const seen = fakeApi({ [`GET ${API.publicShare('AbCdEf123456')}`]: () => reply(200, view) });
    render(<ContentDetailPage />);

    expect(await screen.findByText('春季净水器')).toBeTruthy();
    expect(screen.getByText('李娜')).toBeTruthy();
    expect(screen.getByText('微信 lina_water')).toBeTruthy();
    expect(seen).toHaveLength(1);
    expect(seen[0].header?.Authorization).toBeUndefined();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('a poster of the content is one tap away', async () => {
    const content = buildContent();
    routerState.params = { id: content.id };
    serve(content);
    render(<ContentDetailPage />);
    fireEvent.click(await screen.findByText('生成海报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/share/pages/poster/index?contentId=${content.id}` });
  });
});
