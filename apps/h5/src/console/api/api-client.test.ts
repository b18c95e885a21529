// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API } from '@fenji/shared';
import { buildSession, memorySessionStore } from '../testing/render-console';
import { mockApi } from '../testing/mock-api';
import { createApiClient } from './api-client';
import { ApiError } from './api-error';

afterEach(() => vi.unstubAllGlobals());

describe('createApiClient', () => {
  it('sends the bearer token and returns the JSON body', async () => {
    const api = mockApi({ 'GET /api/branches': () => ({ body: [{ id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z' }] }) });
    const client = createApiClient({ session: memorySessionStore(), onSessionExpired: vi.fn() });
    await expect(client.get(API.branches)).resolves.toEqual([{ id: 'b1', name: '南山店', createdAt: '2026-11-01T00:00:00Z' }]);
    expect(api.requests[0]!.headers.authorization).toBe('Bearer access-token-1');
  });

  it('on 401 refreshes once, stores the new tokens and retries with the new token', async () => {
    let calls = 0;
    const api = mockApi({
      'GET /api/staff': (req) => {
        calls++;
        return req.headers.authorization === 'Bearer access-token-2'
          ? { body: [] }
          : { status: 401, body: { statusCode: 401, code: 'TOKEN_INVALID', message: '登录已过期' } };
      },
      'POST /api/auth/refresh': () => ({ body: buildSession({ accessToken: 'access-token-2', refreshToken: 'refresh-token-2' }) }),
    });
    const session = memorySessionStore();
    const onSessionExpired = vi.fn();
    const client = createApiClient({ session, onSessionExpired });
    await expect(client.get(API.staff)).resolves.toEqual([]);
    expect(calls).toBe(2);
    expect(api.of('POST', API.refresh)[0]!.body).toEqual({ refreshToken: 'refresh-token-1' });
    expect(session.get()?.accessToken).toBe('access-token-2');
    expect(session.get()?.refreshToken).toBe('refresh-token-2');
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('goes back to login when the refresh is refused', async () => {
    mockApi({
      'GET /api/staff': () => ({ status: 401, body: { statusCode: 401, code: 'TOKEN_INVALID', message: '未登录' } }),
      'POST /api/auth/refresh': () => ({ status: 401, body: { statusCode: 401, code: 'TOKEN_INVALID', message: '未登录' } }),
    });
    const session = memorySessionStore();
    const onSessionExpired = vi.fn();
    const client = createApiClient({ session, onSessionExpired });
    await expect(client.get(API.staff)).rejects.toMatchObject({ statusCode: 401, message: '登录已过期，请重新登录' });
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(session.get()).toBeNull();
  });

  it("turns an error answer into an ApiError carrying the server's message and code", async () => {
    mockApi({
      'POST /api/branches': () => ({
        status: 409,
        body: { statusCode: 409, code: 'BRANCH_NAME_TAKEN', message: '已有同名门店' },
      }),
    });
    const client = createApiClient({ session: memorySessionStore(), onSessionExpired: vi.fn() });
    const error = await client.post(API.branches, { name: '南山店' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 409, code: 'BRANCH_NAME_TAKEN', message: '已有同名门店' });
  });

  it('uploads multipart without a JSON content type, and deletes', async () => {
    const api = mockApi({
      'POST /api/uploads': () => ({ status: 201, body: { url: '/media/01ABCDEFGHJK/640.jpg', width: 640, height: 480 } }),
      'DELETE /api/branches/b1': () => ({ status: 204 }),
    });
    const client = createApiClient({ session: memorySessionStore(), onSessionExpired: vi.fn() });
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'a.png');
    await expect(client.upload(API.uploads, form)).resolves.toEqual({ url: '/media/01ABCDEFGHJK/640.jpg', width: 640, height: 480 });
    expect(api.requests[0]!.headers['content-type']).toBeUndefined();
    expect(api.requests[0]!.body).toBe(form);
    await expect(client.delete(API.branchItem('b1'))).resolves.toBeUndefined();
  });
});
