import { act, renderHook, waitFor } from '@testing-library/react';
import { ApiError } from '../services/api-error';
import { usePagedList, type Page } from './use-paged-list';

/** A fetch whose answers the test releases one by one. */
function deferredFetch() {
  const calls: Array<{ cursor: string | null; resolve: (page: Page<string>) => void; reject: (e: unknown) => void }> = [];
  const fetch = (cursor: string | null) => new Promise<Page<string>>((resolve, reject) => calls.push({ cursor, resolve, reject }));
  return { calls, fetch };
}

describe('usePagedList', () => {
  it('drops the answer to an older reload: only the latest filter fills the list', async () => {
    const { calls, fetch } = deferredFetch();
    const { result } = renderHook(() => usePagedList(fetch, (s) => s));
    act(() => void result.current.reload());
    act(() => void result.current.reload());
    await act(async () => calls[1].resolve({ items: ['new'], nextCursor: null }));
    await act(async () => calls[0].resolve({ items: ['old'], nextCursor: 'c' }));
    expect(result.current.items).toEqual(['new']);
    expect(result.current.nextCursor).toBeNull();
  });

  it('appends the next page without duplicates, and never asks twice at once', async () => {
    const { calls, fetch } = deferredFetch();
    const { result } = renderHook(() => usePagedList(fetch, (s) => s));
    act(() => void result.current.reload());
    await act(async () => calls[0].resolve({ items: ['a', 'b'], nextCursor: 'c1' }));
    act(() => {
      void result.current.loadMore();
      void result.current.loadMore();
    });
    expect(calls).toHaveLength(2);
    expect(calls[1].cursor).toBe('c1');
    await act(async () => calls[1].resolve({ items: ['b', 'c'], nextCursor: null }));
    expect(result.current.items).toEqual(['a', 'b', 'c']);
    await act(async () => void (await result.current.loadMore()));
    expect(calls).toHaveLength(2); // at the end
  });

  it('keeps what it had when a page fails, and reports the error (never an empty list)', async () => {
    const { calls, fetch } = deferredFetch();
    const { result } = renderHook(() => usePagedList(fetch, (s) => s));
    act(() => void result.current.reload());
    await act(async () => calls[0].reject(new ApiError({ statusCode: 500, code: 'INTERNAL', message: '服务暂时不可用' })));
    expect(result.current.error?.code).toBe('INTERNAL');
    expect(result.current.loaded).toBe(true);

    act(() => void result.current.reload());
    await act(async () => calls[1].resolve({ items: ['a'], nextCursor: 'c' }));
    expect(result.current.error).toBeNull();
    act(() => void result.current.loadMore());
    await act(async () => calls[2].reject(new Error('offline')));
    await waitFor(() => expect(result.current.error?.code).toBe('NETWORK_ERROR'));
    expect(result.current.items).toEqual(['a']);
  });
});
