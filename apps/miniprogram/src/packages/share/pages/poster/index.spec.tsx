import { act, fireEvent, render, screen } from '@testing-library/react';
import { API } from '@fenji/shared';
import { fakeApi, reply } from '../../../../../test/fake-api';
import { buildShare, signIn } from '../../../../../test/factories';
import Taro, { resetTaro, routerState, type FakeRequestOption } from '../../../../../test/mocks/taro';
import { listenForPrivacyRequests, registerPrivacyHandler } from '../../../../services/privacy.service';
import PosterPage from './index';
import { tap } from '../../../../../test/tap';


const share = buildShare({ code: 'Poster0001' });

function serve() {
  const seen = fakeApi({ [`POST ${API.shares}`]: (req: FakeRequestOption) => reply(201, { ...share, body: req.data }) });
  Taro.downloadFile.mockImplementation(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' }));
  return seen;
}

beforeEach(() => {
  resetTaro();
  signIn();
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('海报', () => {
  it('makes a poster share of the content and downloads its poster with the session (mini-program code in WeChat)', async () => {
    process.env.TARO_ENV = 'weapp';
    routerState.params = { contentId: 'content7' };
    const seen = serve();
    render(<PosterPage />);
    expect(await screen.findByText('保存到相册')).toBeTruthy();
    expect(seen[0].data).toEqual({ contentId: 'content7', channel: 'poster' });
    expect(Taro.downloadFile).toHaveBeenCalledWith({
      url: 'https://api.test.example/api/shares/Poster0001/poster.png?wxacode=1',
      header: { Authorization: expect.stringMatching(/^Bearer /) },
    });
    expect(document.getElementById('poster-image')?.getAttribute('src')).toBe('wxfile://tmp/poster.png');
  });

  it('of my card: a card share on the poster channel, a QR poster in the browser', async () => {
    routerState.params = { card: '1' };
    const seen = serve();
    render(<PosterPage />);
    expect(await screen.findByText('下载海报')).toBeTruthy();
    expect(seen[0].data).toEqual({ card: true, channel: 'poster' });
    expect((Taro.downloadFile.mock.calls[0][0] as { url: string }).url).toBe('/api/shares/Poster0001/poster.png');
  });

  it('saves to the album after WeChat’s privacy authorisation and the album permission', async () => {
    process.env.TARO_ENV = 'weapp';
    routerState.params = { contentId: 'content7' };
    serve();
    render(<PosterPage />);
    await tap(await screen.findByText('保存到相册'));
    expect(Taro.requirePrivacyAuthorize).toHaveBeenCalled();
    expect(Taro.authorize).toHaveBeenCalledWith({ scope: 'scope.writePhotosAlbum' });
    expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }));
  });

  it('does not save when the privacy guide is declined, nor when the album was refused before and stays off', async () => {
    process.env.TARO_ENV = 'weapp';
    routerState.params = { contentId: 'content7' };
    serve();
    render(<PosterPage />);
    Taro.requirePrivacyAuthorize.mockImplementationOnce((o: { fail: () => void }) => o.fail());
    await tap(await screen.findByText('保存到相册'));
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '需要同意隐私指引才能保存' }));

    Taro.getSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': false }, errMsg: 'getSetting:ok' });
    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    Taro.openSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': false }, errMsg: 'openSetting:ok' });
    await act(async () => fireEvent.click(screen.getByText('保存到相册')));
    expect(Taro.openSetting).toHaveBeenCalled();
    expect(Taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '没有相册权限，无法保存' }));
  });

  it('a failed poster is an error with a retry', async () => {
    routerState.params = { contentId: 'content7' };
    fakeApi({ [`POST ${API.shares}`]: () => reply(201, share) });
    Taro.downloadFile.mockImplementation(async () => ({ statusCode: 503, tempFilePath: '' }));
    render(<PosterPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});

describe('privacy authorisation (WeChat)', () => {
  it('answers WeChat with the agree button’s id once the person agrees in the popup', () => {
    process.env.TARO_ENV = 'weapp';
    registerPrivacyHandler();
    const handler = Taro.onNeedPrivacyAuthorization.mock.calls[0][0] as (resolve: (o: unknown) => void) => void;
    const resolve = jest.fn();
    const asked = jest.fn();
    const stop = listenForPrivacyRequests(asked);
    handler(resolve);
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    expect(asked).toHaveBeenCalledWith(resolve);
    stop();
  });
});
