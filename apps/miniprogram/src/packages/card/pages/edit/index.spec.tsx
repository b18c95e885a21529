import { fireEvent, render, screen } from '@testing-library/react';
import { API, type UpdateCardRequest } from '@fenji/shared';
import { errorReply, fakeApi, reply } from '../../../../../test/fake-api';
import { buildCard, buildContent, signIn } from '../../../../../test/factories';
import Taro, { resetTaro, type FakeRequestOption } from '../../../../../test/mocks/taro';
import CardEditPage from './index';
import { tap } from '../../../../../test/tap';

beforeEach(() => {
  resetTaro();
  signIn();
});


describe('编辑名片', () => {
  it('edits photo, title, contacts with their show switches, intro and featured contents, and saves them', async () => {
    const card = buildCard({ name: '李雷', title: '顾问', phone: '13800001111', showPhone: true, wechatId: null, showWechatId: false, intro: '' });
    const article = buildContent({ title: '净水器选购指南' });
    const seen = fakeApi({
      [`GET ${API.myCard}`]: () => reply(200, card),
      [`GET ${API.contents}`]: () => reply(200, [article, buildContent({ title: '开业活动' })]),
      [`PUT ${API.myCard}`]: (req: FakeRequestOption) => reply(200, { ...card, ...(req.data as UpdateCardRequest) }),
    });
    Taro.uploadFile.mockImplementation(async () => ({ statusCode: 201, data: JSON.stringify({ url: '/media/01JDPHOTO000000000000000001/640.jpg', width: 640, height: 640 }) }));
    render(<CardEditPage />);

    await tap(await screen.findByText('上传照片'));
    expect(Taro.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/uploads', filePath: 'wxfile://tmp/photo.jpg', name: 'file', header: { Authorization: expect.stringMatching(/^Bearer /) } }));
    expect(await screen.findByText('更换照片')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('如：高级置业顾问'), { target: { value: '高级净水顾问' } });
    fireEvent.change(screen.getByPlaceholderText('客户可以添加的微信号'), { target: { value: 'lilei_water' } });
    const [showPhone, showWechat] = screen.getAllByRole('switch');
    fireEvent.click(showPhone);
    fireEvent.click(showWechat);
    fireEvent.change(screen.getByPlaceholderText(/介绍一下你自己/), { target: { value: '十年净水经验' } });
    fireEvent.click(await screen.findByText('净水器选购指南'));
    await tap(screen.getByText('保存名片'));

    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.data).toEqual({
      title: '高级净水顾问',
      phone: '13800001111',
      showPhone: false,
      wechatId: 'lilei_water',
      showWechatId: true,
      intro: '十年净水经验',
      avatarUrl: '/media/01JDPHOTO000000000000000001/640.jpg',
      featuredContentIds: [article.id],
    });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '名片已保存' }));
  });

  it('checks the WeChat ID with the shared schema before sending', async () => {
    const seen = fakeApi({ [`GET ${API.myCard}`]: () => reply(200, buildCard()), [`GET ${API.contents}`]: () => reply(200, []) });
    render(<CardEditPage />);
    fireEvent.change(await screen.findByPlaceholderText('客户可以添加的微信号'), { target: { value: '12' } });
    await tap(screen.getByText('保存名片'));
    expect(screen.getByText('微信号为 6–20 位，字母开头')).toBeTruthy();
    expect(seen.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('a failed upload says why under the photo', async () => {
    fakeApi({ [`GET ${API.myCard}`]: () => reply(200, buildCard()), [`GET ${API.contents}`]: () => reply(200, []) });
    Taro.uploadFile.mockImplementation(async () => ({ statusCode: 413, data: JSON.stringify({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '图片不能超过 5 MB' }) }));
    render(<CardEditPage />);
    await tap(await screen.findByText('上传照片'));
    expect(await screen.findByText('图片不能超过 5 MB')).toBeTruthy();
  });

  it('a failed load is an error with a retry', async () => {
    fakeApi({ [`GET ${API.myCard}`]: () => errorReply(500, 'INTERNAL', '服务暂时不可用，请稍后重试') });
    render(<CardEditPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.queryByText('保存名片')).toBeNull();
  });
});
