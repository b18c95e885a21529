import { API, contentSchema, shareSchema } from '@fenji/shared';
import { errorReply, fakeApi, reply } from '../../test/fake-api';
import { buildContent, buildShare, buildTokens, signIn } from '../../test/factories';
import Taro, { resetTaro } from '../../test/mocks/taro';
import { ApiError } from './api-error';
import { request } from './request';
import { getAccessToken, getRefreshToken, hasSession } from './session.service';

beforeEach(() => resetTaro());

describe('request', () => {
  it('sends the access token and returns the body parsed by the contract', async () => {
    const { accessToken } = signIn();
    const content = buildContent();
    const seen = fakeApi({ [`GET ${API.contentItem(content.id)}`]: () => reply(200, content) });

    await expect(request(API.contentItem(content.id), { schema: contentSchema })).resolves.toEqual(content);
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe(`/api/contents/${content.id}`);
    expect(seen[0].header?.Authorization).toBe(`Bearer ${accessToken}`);
  });

  it('calls the absolute API base in the mini-program build', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      signIn();
      const seen = fakeApi({ 'GET /api/contents': () => reply(200, []) });
      await request(API.contents, { schema: contentSchema.array() });
      expect(seen[0].url).toBe('https://api.test.example/api/contents');
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('on 401 refreshes the session once, then retries with the new token', async () => {
    const old = signIn();
    const renewed = buildTokens();
    const share = buildShare();
    const seen = fakeApi({
      [`POST ${API.shares}`]: (req) =>
        req.header?.Authorization === `Bearer ${renewed.accessToken}`
          ? reply(201, share)
          : errorReply(401, 'TOKEN_INVALID', '登录已过期'),
      [`POST ${API.refresh}`]: (req) =>
        JSON.stringify(req.data) === JSON.stringify({ refreshToken: old.refreshToken })
          ? reply(200, renewed)
          : errorReply(401, 'TOKEN_INVALID', '登录已过期'),
    });

    const body = { contentId: 'content1', channel: 'link' as const };
    await expect(request(API.shares, { method: 'POST', data: body, schema: shareSchema })).resolves.toEqual(share);

    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/shares',
      'POST /api/auth/refresh',
      'POST /api/shares',
    ]);
    expect(seen[1].header?.Authorization).toBeUndefined();
    expect(seen[2].data).toEqual(body);
    expect(getAccessToken()).toBe(renewed.accessToken);
    expect(getRefreshToken()).toBe(renewed.refreshToken);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('refreshes only once for concurrent 401s (the old refresh token stops working)', async () => {
    signIn();
    const renewed = buildTokens();
    let refreshes = 0;
    fakeApi({
      'GET /api/contents': (req) =>
        req.header?.Authorization === `Bearer ${renewed.accessToken}` ? reply(200, []) : errorReply(401, 'TOKEN_INVALID', 'x'),
      [`POST ${API.refresh}`]: () => {
        refreshes += 1;
        return refreshes === 1 ? reply(200, renewed) : errorReply(401, 'TOKEN_INVALID', '刷新令牌已失效');
      },
    });

    const schema = contentSchema.array();
    await expect(Promise.all([request(API.contents, { schema }), request(API.contents, { schema })])).resolves.toEqual([[], []]);
    expect(refreshes).toBe(1);
  });

  it('when the refresh fails, clears the session, goes to login and reports the error', async () => {
    signIn();
    const seen = fakeApi({
      'GET /api/contents': () => errorReply(401, 'TOKEN_INVALID', '登录已过期，请重新登录'),
      [`POST ${API.refresh}`]: () => errorReply(401, 'TOKEN_INVALID', '刷新令牌无效'),
    });

    const failure = request(API.contents, { schema: contentSchema.array() });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ statusCode: 401, code: 'TOKEN_INVALID', message: '登录已过期，请重新登录' });

    expect(seen).toHaveLength(2); // no retry without a new token
    expect(hasSession()).toBe(false);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录', icon: 'none' }));
  });

  it('does not call the API without a session: straight to login', async () => {
    const seen = fakeApi({});
    await expect(request(API.contents, { schema: contentSchema.array() })).rejects.toMatchObject({ statusCode: 401 });
    expect(seen).toHaveLength(0);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('never refreshes for the login endpoints (auth: false): a 401 there is a wrong password', async () => {
    signIn();
    const seen = fakeApi({ [`POST ${API.login}`]: () => errorReply(401, 'INVALID_CREDENTIALS', '手机号或密码错误') });

    await expect(
      request(API.login, { method: 'POST', data: { phone: '13800138000', password: 'x' }, schema: shareSchema, auth: false }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: '手机号或密码错误' });
    expect(seen).toHaveLength(1);
    expect(seen[0].header?.Authorization).toBeUndefined();
    expect(hasSession()).toBe(true);
  });

  it('maps an error body to the contract shape and toasts its message', async () => {
    signIn();
    fakeApi({
      'GET /api/contents': () =>
        reply(429, { statusCode: 429, code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', details: { retryAfter: 30 } }),
    });

    const error = await request(API.contents, { schema: contentSchema.array() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toBody()).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: '操作太频繁，请稍后再试',
      details: { retryAfter: 30 },
    });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '操作太频繁，请稍后再试' }));
  });

  it('gives a Chinese message for an error without the contract body (e.g. a proxy page)', async () => {
    signIn();
    fakeApi({ 'GET /api/contents': () => reply(502, '<html>Bad Gateway</html>') });
    await expect(request(API.contents, { schema: contentSchema.array() })).rejects.toMatchObject({
      statusCode: 502,
      code: 'INTERNAL',
      message: '服务暂时不可用，请稍后重试',
    });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    signIn();
    Taro.request.mockRejectedValue(new Error('request:fail'));
    await expect(request(API.contents, { schema: contentSchema.array() })).rejects.toMatchObject({
      statusCode: 0,
      code: 'NETWORK_ERROR',
      message: '网络异常，请检查网络后重试',
    });
  });

  it('rejects a 200 whose body breaks the contract', async () => {
    signIn();
    fakeApi({ 'GET /api/contents': () => reply(200, [{ id: 1 }]) });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(request(API.contents, { schema: contentSchema.array() })).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    spy.mockRestore();
  });

  it('stays quiet when asked not to toast', async () => {
    signIn();
    fakeApi({ 'GET /api/contents': () => errorReply(403, 'FORBIDDEN', '没有权限') });
    await expect(request(API.contents, { schema: contentSchema.array(), toast: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
