import Taro from '@tarojs/taro';
import { API, authTokensSchema, errorBodySchema, toQueryString, type z } from '@fenji/shared';
import { apiBase } from '../config/env';
import { PAGES } from '../config/routes';
import { ApiError, CLIENT_ERROR_CODES, fallbackError } from './api-error';
import { clearSession, getAccessToken, getRefreshToken, hasSession, saveSession } from './session.service';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** JSON body (not for GET). */
  data?: object;
  /** Query string values; empty ones are left out. */
  query?: Record<string, string | number | undefined | null>;
  /** The shared contract the response body must match; the caller gets its parsed value. */
  schema: z.ZodType<T>;
  /** Send the access token and refresh it once on 401 (default true). Off for the login endpoints. */
  auth?: boolean;
  /** Show the error's message with a toast (default true). */
  toast?: boolean;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

async function send(url: string, method: HttpMethod, data: object | undefined, token: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  try {
    const res = await Taro.request<unknown>({
      url,
      method,
      header,
      dataType: 'json',
      ...(method === 'GET' || data === undefined ? {} : { data }),
    });
    return { statusCode: res.statusCode, data: res.data };
  } catch {
    throw new ApiError(fallbackError(0));
  }
}

function toApiError(res: RawResponse): ApiError {
  const parsed = errorBodySchema.safeParse(res.data);
  if (parsed.success) return new ApiError(parsed.data);
  return new ApiError(fallbackError(res.statusCode));
}

/** One refresh at a time: the old refresh token stops working once used, so concurrent 401s share it. */
let refreshing: Promise<boolean> | null = null;

function refreshSession(): Promise<boolean> {
  if (refreshing) return refreshing;
  const refreshToken = getRefreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshing = (async () => {
    try {
      const res = await send(apiBase() + API.refresh, 'POST', { refreshToken }, null);
      if (res.statusCode < 200 || res.statusCode >= 300) return false;
      const tokens = authTokensSchema.safeParse(res.data);
      if (!tokens.success) return false;
      saveSession(tokens.data);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

let redirectingToLogin = false;

/** The session is gone for good: forget it and send the user to the login page (once). */
function endSession(): void {
  clearSession();
  if (redirectingToLogin) return;
  redirectingToLogin = true;
  Promise.resolve(Taro.reLaunch({ url: PAGES.login }))
    .catch(() => undefined)
    .finally(() => {
      redirectingToLogin = false;
    });
}

async function perform<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const { method = 'GET', data, query, schema, auth = true } = options;
  const url = apiBase() + path + (query ? toQueryString(query) : '');

  if (auth && !hasSession()) {
    endSession();
    throw new ApiError(fallbackError(401));
  }

  let res = await send(url, method, data, auth ? getAccessToken() : null);
  if (auth && res.statusCode === 401) {
    if (!(await refreshSession())) {
      endSession();
      throw toApiError(res);
    }
    res = await send(url, method, data, getAccessToken());
    if (res.statusCode === 401) endSession();
  }

  if (res.statusCode < 200 || res.statusCode >= 300) throw toApiError(res);

  const body = schema.safeParse(res.data);
  if (!body.success) {
    console.error(`[request] ${method} ${path}: the response does not match the contract`, body.error.issues);
    throw new ApiError({
      statusCode: res.statusCode,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: '服务器返回的数据格式不正确',
      details: body.error.issues,
    });
  }
  return body.data;
}

/**
 * For calls that are not JSON requests (a file upload, an image download): runs `send` with the access token,
 * refreshes the session once on 401 and runs it again, and turns a failure into an {@link ApiError} (not toasted:
 * the caller shows it where it belongs, e.g. a page's error state).
 * `send` resolves with the status and the raw body (`Taro.uploadFile` gives a JSON string).
 */
export async function withSession<T extends { statusCode: number }>(send: (token: string) => Promise<T>): Promise<T> {
  const attempt = async (): Promise<T> => {
    const token = getAccessToken();
    if (!token) throw new ApiError(fallbackError(401));
    try {
      return await send(token);
    } catch {
      throw new ApiError(fallbackError(0));
    }
  };
  try {
    if (!hasSession()) {
      endSession();
      throw new ApiError(fallbackError(401));
    }
    let res = await attempt();
    if (res.statusCode === 401) {
      if (!(await refreshSession())) {
        endSession();
        throw new ApiError(fallbackError(401));
      }
      res = await attempt();
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      const data = (res as { data?: unknown }).data;
      let body: unknown = data;
      if (typeof data === 'string') {
        try {
          body = JSON.parse(data);
        } catch {
          body = null;
        }
      }
      throw toApiError({ statusCode: res.statusCode, data: body });
    }
    return res;
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError(fallbackError(0));
  }
}

/**
 * The app's one way to call the API: adds `Authorization: Bearer <accessToken>`, on 401 refreshes the session
 * once and retries, sends the user to login when the session cannot be renewed, and turns every failure into an
 * {@link ApiError} in the contract's shape whose (Chinese) message is shown with a toast.
 */
export async function request<T>(path: string, options: RequestOptions<T>): Promise<T> {
  try {
    return await perform(path, options);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError(fallbackError(0));
    if (options.toast !== false) {
      void Promise.resolve(Taro.showToast({ title: apiError.message, icon: 'none', duration: 2500 })).catch(() => undefined);
    }
    throw apiError;
  }
}
