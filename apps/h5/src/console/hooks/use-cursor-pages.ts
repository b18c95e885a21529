import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListTotal } from '@fenji/shared';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: ListTotal;
}

interface CursorPagesOptions<T> {
  /** The list's query key without the page: filters, sort, page size. A new key starts over at page 1. */
  queryKey: readonly unknown[];
  /** One request function for the table: the page's cursor (null = first) and whether to ask for the total. */
  fetchPage: (cursor: string | null, first: boolean) => Promise<Page<T>>;
  enabled?: boolean;
}

interface Position {
  key: string;
  index: number;
  /** cursors[i] fetches page i (cursors[0] = null). */
  cursors: Array<string | null>;
  total?: ListTotal;
}

/**
 * Keyset pagination for a table: 上一页 / 下一页 over opaque cursors (never offsets, so page 500 of a million
 * leads costs what page 1 does). The total comes with the first page and is kept while paging.
 */
export function useCursorPages<T>({ queryKey, fetchPage, enabled = true }: CursorPagesOptions<T>) {
  const key = JSON.stringify(queryKey);
  const [position, setPosition] = useState<Position>({ key, index: 0, cursors: [null] });
  const current: Position = position.key === key ? position : { key, index: 0, cursors: [null] };
  const cursor = current.cursors[current.index] ?? null;

  const query = useQuery({
    queryKey: [...queryKey, cursor],
    queryFn: () => fetchPage(cursor, current.index === 0),
    placeholderData: keepPreviousData,
    enabled,
  });

  useEffect(() => {
    if (position.key !== key) setPosition({ key, index: 0, cursors: [null] });
  }, [key, position.key]);

  const data = query.isPlaceholderData ? undefined : query.data;
  useEffect(() => {
    if (!data || position.key !== key) return;
    setPosition((p) => {
      const cursors = p.cursors.slice(0, p.index + 1);
      cursors[p.index + 1] = data.nextCursor;
      return { ...p, cursors, total: p.index === 0 && data.total ? data.total : p.total };
    });
  }, [data, key, position.key]);

  return {
    query,
    items: query.data?.items ?? [],
    page: current.index + 1,
    total: current.index === 0 ? (data?.total ?? current.total) : current.total,
    hasPrev: current.index > 0,
    hasNext: Boolean(query.data?.nextCursor) && !query.isPlaceholderData,
    next: () => setPosition((p) => (p.cursors[p.index + 1] ? { ...p, index: p.index + 1 } : p)),
    prev: () => setPosition((p) => ({ ...p, index: Math.max(0, p.index - 1) })),
    first: () => setPosition((p) => ({ ...p, index: 0 })),
  };
}
