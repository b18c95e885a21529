import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { errorMessage } from './api-error';

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/**
 * A keyset-paged list: `load(null)` starts over, `load(cursor)` appends the next page.
 * An answer that arrives after a newer request was made is dropped.
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): {
  page: PagedList<T>;
  setPage: Dispatch<SetStateAction<PagedList<T>>>;
  load: (cursor: string | null) => Promise<void>;
} {
  const [page, setPage] = useState<PagedList<T>>({ items: [], nextCursor: null, loading: true, error: null });
  const request = useRef(0);

  async function load(cursor: string | null): Promise<void> {
    const id = ++request.current;
    setPage((p) => ({ ...p, loading: true, error: null, ...(cursor ? {} : { items: [], nextCursor: null }) }));
    try {
      const res = await fetchPage(cursor);
      if (id !== request.current) return;
      setPage((p) => ({ items: cursor ? [...p.items, ...res.items] : res.items, nextCursor: res.nextCursor, loading: false, error: null }));
    } catch (e) {
      if (id !== request.current) return;
      setPage((p) => ({ ...p, loading: false, error: errorMessage(e) }));
    }
  }

  return { page, setPage, load };
}
