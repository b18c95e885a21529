import { fireEvent, render, screen } from '@testing-library/react';
import { API } from '@fenji/shared';
import { errorReply, fakeApi, reply } from '../../../test/fake-api';
import { buildContent, signIn } from '../../../test/factories';
import { tap } from '../../../test/tap';
import Taro, { resetTaro } from '../../../test/mocks/taro';
import LibraryPage from './index';

beforeEach(() => {
  resetTaro();
  signIn();
});

describe('内容库', () => {
  it('lists what HQ published, leaves out old shared business cards, and opens a content', async () => {
    const product = buildContent({ kind: 'product', title: '春季净水器' });
    fakeApi({ [`GET ${API.contents}`]: () => reply(200, [product, buildContent({ kind: 'card', title: '李娜的名片' })]) });
    render(<LibraryPage />);
    fireEvent.click(await screen.findByText('春季净水器'));
    expect(screen.queryByText('李娜的名片')).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/content/pages/detail/index?id=${product.id}` });
  });

  it('a failed load is an error with a retry, not "nothing published"', async () => {
    let fail = true;
    fakeApi({ [`GET ${API.contents}`]: () => (fail ? errorReply(502, 'INTERNAL', '服务暂时不可用，请稍后重试') : reply(200, [buildContent({ title: '开业活动' })])) });
    render(<LibraryPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByText('总部还没有发布内容')).toBeNull();
    fail = false;
    await tap(screen.getByText('重试'));
    expect(await screen.findByText('开业活动')).toBeTruthy();
  });
});
