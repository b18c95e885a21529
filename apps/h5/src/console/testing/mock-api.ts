import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  /** Path and query, as requested. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: RecordedRequest) => { status?: number; body?: unknown } | Error;

/** An API error answer in the contract's shape. */
export const apiError = (status: number, code: string, message: string) => ({ status, body: { statusCode: status, code, message } });

/**
 * Replaces global fetch with a tiny router: `'GET /api/leads'` → handler. Every request is recorded.
 * Unrouted requests answer 404 with the API's error shape.
 */
export function mockApi(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const [path = '', query = ''] = url.split('?');
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      path,
      query: new URLSearchParams(query),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : (init.body ?? undefined),
    };
    requests.push(request);
    const handler = routes[`${request.method} ${path}`];
    const answer = handler
      ? handler(request)
      : { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: `未模拟的请求 ${request.method} ${path}` } };
    if (answer instanceof Error) throw answer;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    fetchMock,
    of: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path),
  };
}
