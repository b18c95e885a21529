import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../services/api-error';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  /** A page is being fetched. */
  loading: boolean;
  /** The first page has answered at least once (with items, none, or an error). */
  loaded: boolean;
  /** Why the last fetch failed; a failed first page is an error state, never "empty". */
  error: ApiError | null;
  /** Starts again from the first page (a new filter, pull-down, retry). */
  reload: () => Promise<void>;
  /** Appends the next page; does nothing while loading or at the end. */
  loadMore: () => Promise<void>;
  /** Local changes: remove a claimed lead, prepend a live item… */
  setItems: (update: (prev: T[]) => T[]) => void;
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ statusCode: 0, code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' });

/**
 * A list the API pages with `nextCursor` (我的客户, 公海, 雷达, 通知). `fetchPage` reads the current filter itself;
 * only the answer to the latest `reload` may fill the list, so a slow answer to an old filter is dropped. Items
 * already in the list (same `keyOf`) are not added twice when a page overlaps.
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, keyOf: (item: T) => string): PagedList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const cursorRef = useRef<string | null>(null);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const key = useRef(keyOf);
  key.current = keyOf;

  const run = useCallback(async (cursor: string | null) => {
    const gen = cursor ? generation.current : ++generation.current;
    busy.current = true;
    setLoading(true);
    try {
      const page = await fetcher.current(cursor);
      if (gen !== generation.current) return;
      setItemsState((prev) => {
        if (!cursor) return page.items;
        const seen = new Set(prev.map((item) => key.current(item)));
        return [...prev, ...page.items.filter((item) => !seen.has(key.current(item)))];
      });
      cursorRef.current = page.nextCursor;
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      if (gen === generation.current) setError(asApiError(e));
    } finally {
      if (gen === generation.current) {
        busy.current = false;
        setLoading(false);
        setLoaded(true);
      }
    }
  }, []);

  const reload = useCallback(() => run(null), [run]);
  const loadMore = useCallback(async () => {
    if (busy.current || !cursorRef.current) return;
    await run(cursorRef.current);
  }, [run]);
  const setItems = useCallback((update: (prev: T[]) => T[]) => setItemsState(update), []);

  return { items, nextCursor, loading, loaded, error, reload, loadMore, setItems };
}
