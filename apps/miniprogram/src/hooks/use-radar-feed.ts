import { useCallback, useEffect, useRef, useState } from 'react';
import type { RadarItem } from '@fenji/shared';
import { listRadar } from '../services/radar.service';
import { RadarSocket, type LiveState } from '../services/radar-socket';
import { refreshUnreadBadge } from '../services/badge.service';
import { usePagedList, type PagedList } from './use-paged-list';

const PAGE_SIZE = 20;
/** At most this many items fetched to fill a gap; a larger gap reloads the first page. */
const CATCH_UP_LIMIT = 100;

export interface RadarFeed extends PagedList<RadarItem> {
  /** The socket's state, shown as 实时更新中 / 连接中… / 正在重连. */
  live: LiveState;
}

/** Newest first by id (ULIDs order by time), without duplicates. */
export function mergeNewest(incoming: RadarItem[], current: RadarItem[]): RadarItem[] {
  const seen = new Set<string>();
  return [...incoming, ...current]
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * 客户雷达: the feed's first page from `GET /api/radar`, then live items over the WebSocket while the page is shown,
 * and after a gap (socket dropped, app in the background) what was missed via `?after=<newest id>`.
 */
export function useRadarFeed(): RadarFeed & { start: () => void; stop: () => void } {
  const list = usePagedList<RadarItem>((cursor) => listRadar({ cursor: cursor ?? undefined, limit: PAGE_SIZE }), (item) => item.id);
  const [live, setLive] = useState<LiveState>('connecting');
  const newest = useRef<string | null>(null);
  newest.current = list.items[0]?.id ?? null;
  const { setItems, reload } = list;

  const catchUp = useCallback(async () => {
    const after = newest.current;
    if (!after) {
      await reload();
      return;
    }
    try {
      const page = await listRadar({ after, limit: CATCH_UP_LIMIT });
      if (page.nextCursor) {
        await reload(); // more was missed than one catch-up holds: start again from the top
        return;
      }
      if (page.items.length > 0) setItems((prev) => mergeNewest(page.items, prev));
    } catch {
      // The socket is back but the API is not: the next reconnection or a pull-down tries again.
    }
  }, [reload, setItems]);

  const catchUpRef = useRef(catchUp);
  catchUpRef.current = catchUp;

  const socket = useRef<RadarSocket | null>(null);
  if (!socket.current) {
    socket.current = new RadarSocket({
      onState: setLive,
      onReconnected: () => void catchUpRef.current(),
      onMessage: (message) => {
        if (message.type === 'radar') {
          setItems((prev) => mergeNewest([message.item], prev));
        } else {
          void refreshUnreadBadge();
        }
      },
    });
  }

  useEffect(() => () => socket.current?.stop(), []);

  const start = useCallback(() => socket.current?.start(), []);
  const stop = useCallback(() => socket.current?.stop(), []);

  return { ...list, live, start, stop };
}
