import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { API } from '@fenji/shared';
import { errorReply, fakeApi, reply } from '../../../test/fake-api';
import { buildTokens, signIn } from '../../../test/factories';
import Taro, { resetTaro } from '../../../test/mocks/taro';
import { getAccessToken, getSessionUser } from '../../services/session.service';
import LoginPage from './index';

const type = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });

beforeEach(() => resetTaro());
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('login page (H5)', () => {
  it('checks the fields with the shared schema and sends nothing when they are wrong', async () => {
    const seen = fakeApi({});
    render(<LoginPage />);

    type('手机号', '12345');
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('手机号格式不正确')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(seen).toHaveLength(0);
  });

  it('signs in with phone and password, keeps the tokens and opens the library', async () => {
    const tokens = buildTokens();
    const seen = fakeApi({ [`POST ${API.login}`]: () => reply(200, tokens) });
    render(<LoginPage />);

    type('手机号', '13800138000');
    type('密码', 'correct horse');
    fireEvent.click(screen.getByText('登录'));

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/library/index' }));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: '/api/auth/login', method: 'POST', data: { phone: '13800138000', password: 'correct horse' } });
    expect(seen[0].header?.Authorization).toBeUndefined();
    expect(getAccessToken()).toBe(tokens.accessToken);
    expect(getSessionUser()).toEqual(tokens.user);
  });

  it("shows the server's message when the password is wrong", async () => {
    fakeApi({ [`POST ${API.login}`]: () => errorReply(401, 'INVALID_CREDENTIALS', '手机号或密码错误') });
    render(<LoginPage />);

    type('手机号', '13800138000');
    type('密码', 'wrong');
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('手机号或密码错误')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '手机号或密码错误' }));
    expect(Taro.switchTab).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
  });

  it('activates a first-time account with the invite code and a new password of 8+ characters', async () => {
    const tokens = buildTokens();
    const seen = fakeApi({ [`POST ${API.activate}`]: () => reply(200, tokens) });
    render(<LoginPage />);

    fireEvent.click(screen.getByText('首次使用？用邀请码激活'));
    type('邀请码', 'ABC123');
    type('设置密码（至少 8 位）', 'short');
    fireEvent.click(screen.getByText('激活并登录'));
    expect(await screen.findByText('密码至少 8 位')).toBeTruthy();
    expect(seen).toHaveLength(0);

    type('设置密码（至少 8 位）', 'long enough');
    fireEvent.click(screen.getByText('激活并登录'));

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalled());
    expect(seen[0]).toMatchObject({ url: '/api/auth/activate', data: { inviteCode: 'ABC123', password: 'long enough' } });
    expect(getAccessToken()).toBe(tokens.accessToken);
  });

  it('goes straight to the library when a session exists', async () => {
    signIn();
    render(<LoginPage />);
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/library/index' }));
  });
});

describe('login page (WeChat)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('signs in a bound WeChat account with the Taro.login code', async () => {
    const tokens = buildTokens();
    const seen = fakeApi({ [`POST ${API.wechatLogin}`]: () => reply(200, tokens) });
    render(<LoginPage />);

    expect(screen.queryByPlaceholderText('手机号')).toBeNull();
    fireEvent.click(screen.getByText('微信登录'));

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalled());
    expect(Taro.login).toHaveBeenCalled();
    expect(seen[0]).toMatchObject({ url: 'https://api.test.example/api/auth/wechat', data: { code: 'wx-login-code' } });
    expect(getAccessToken()).toBe(tokens.accessToken);
  });

  it('asks for the invite code when the account is not bound, then binds with the ticket', async () => {
    const tokens = buildTokens();
    const bindTicket = 'ticket-0123456789';
    const seen = fakeApi({
      [`POST ${API.wechatLogin}`]: () => reply(200, { bindTicket }),
      [`POST ${API.wechatBind}`]: () => reply(200, tokens),
    });
    render(<LoginPage />);

    fireEvent.click(screen.getByText('微信登录'));
    const invite = await screen.findByPlaceholderText('邀请码');
    expect(Taro.switchTab).not.toHaveBeenCalled();

    fireEvent.change(invite, { target: { value: 'x' } });
    fireEvent.click(screen.getByText('绑定并登录'));
    expect(await screen.findByText('邀请码格式不正确')).toBeTruthy();

    fireEvent.change(invite, { target: { value: 'INVITE88' } });
    await act(async () => {
      fireEvent.click(screen.getByText('绑定并登录'));
    });

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalled());
    expect(seen.map((r) => r.url)).toEqual([
      'https://api.test.example/api/auth/wechat',
      'https://api.test.example/api/auth/wechat/bind',
    ]);
    expect(seen[1].data).toEqual({ bindTicket, inviteCode: 'INVITE88' });
    expect(getAccessToken()).toBe(tokens.accessToken);
  });
});
