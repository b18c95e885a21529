import Taro, { type FakeRequestOption, type FakeResponse } from './mocks/taro';

export type Handler = (req: FakeRequestOption) => FakeResponse | Promise<FakeResponse>;

/** `200 { ... }` and friends, in the shape `Taro.request` resolves with. */
export const reply = (statusCode: number, data: unknown): FakeResponse => ({ statusCode, data });

export const errorReply = (statusCode: number, code: string, message: string): FakeResponse =>
  reply(statusCode, { statusCode, code, message });

/**
 * Routes `Taro.request` to handlers keyed `'METHOD /path'` (origin and query string are ignored for matching) and
 * returns the requests it saw. An unrouted request answers 404 in the contract's shape.
 */
export function fakeApi(routes: Record<string, Handler>): FakeRequestOption[] {
  const seen: FakeRequestOption[] = [];
  Taro.request.mockImplementation(async (req: FakeRequestOption) => {
    seen.push(req);
    const path = req.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    const handler = routes[`${req.method ?? 'GET'} ${path}`];
    return handler ? handler(req) : errorReply(404, 'NOT_FOUND', `no route ${req.method} ${path}`);
  });
  return seen;
}

/** The query of a recorded request as an object. */
export function queryOf(req: FakeRequestOption): Record<string, string> {
  const query = req.url.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(query));
}
