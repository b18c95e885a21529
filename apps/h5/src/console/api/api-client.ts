import { API, type AuthTokens } from '@fenji/shared';
import { ApiError } from './api-error';
import type { SessionStore } from './session-store';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
  /** multipart/form-data (an upload); the browser sets the boundary. */
  upload<T>(path: string, form: FormData): Promise<T>;
  /** Without the Authorization header and without the refresh dance (login). */
  postPublic<T>(path: string, body: unknown): Promise<T>;
}

export interface ApiClientOptions {
  session: SessionStore;
  /** The session is gone (refresh refused): back to the login page. */
  onSessionExpired: () => void;
}

const SESSION_EXPIRED = '登录已过期，请重新登录';

async function readError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { code?: unknown; message?: unknown; details?: unknown } | null;
  return new ApiError(
    res.status,
    typeof body?.code === 'string' ? body.code : 'HTTP_' + res.status,
    typeof body?.message === 'string' ? body.message : `服务器错误（${res.status}），请稍后重试`,
    body?.details,
  );
}

async function readBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * The one fetch wrapper of the console: bearer token, one refresh on 401 then one retry, errors as ApiError.
 * Concurrent 401s share a single refresh.
 */
export function createApiClient({ session, onSessionExpired }: ApiClientOptions): ApiClient {
  let refreshing: Promise<string | null> | null = null;

  async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await fetch(path, { method, headers, body: body === undefined ? undefined : multipart ? body : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'NETWORK', '网络异常，请检查网络后重试');
    }
  }

  /** New access token, or null when the refresh token is refused. */
  function refresh(): Promise<string | null> {
    refreshing ??= (async () => {
      const current = session.get();
      if (!current) return null;
      const res = await send('POST', API.refresh, { refreshToken: current.refreshToken }, null);
      if (!res.ok) return null;
      const tokens = await readBody<Partial<AuthTokens>>(res);
      if (!tokens?.accessToken) return null;
      session.save({
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? current.refreshToken,
        user: tokens.user ?? current.user,
      });
      return tokens.accessToken;
    })()
      .catch(() => null)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  function expire(): ApiError {
    session.clear();
    onSessionExpired();
    return new ApiError(401, 'UNAUTHENTICATED', SESSION_EXPIRED);
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res = await send(method, path, body, session.get()?.accessToken ?? null);
    if (res.status === 401) {
      const token = await refresh();
      if (!token) throw expire();
      res = await send(method, path, body, token);
      if (res.status === 401) throw expire();
    }
    if (!res.ok) throw await readError(res);
    return readBody<T>(res);
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    upload: (path, form) => request('POST', path, form),
    async postPublic<T>(path: string, body: unknown): Promise<T> {
      const res = await send('POST', path, body, null);
      if (!res.ok) throw await readError(res);
      return readBody<T>(res);
    },
  };
}
