import { useCallback, useRef, useState } from 'react';
import type { Share, ShareChannel } from '@fenji/shared';
import { createShare } from '../../../../services/share.service';

export interface ContentShares {
  /** Shares created so far on this page, by channel. */
  shares: Partial<Record<ShareChannel, Share>>;
  /** The share on `channel`, created on first use and reused after (one per channel per page visit). */
  ensure: (channel: ShareChannel) => Promise<Share>;
  /** The created share on `channel` right now, for WeChat's synchronous share callbacks. */
  current: (channel: ShareChannel) => Share | undefined;
}

export function useContentShares(contentId: string | null): ContentShares {
  const pending = useRef(new Map<ShareChannel, Promise<Share>>());
  const resolved = useRef(new Map<ShareChannel, Share>());
  const [shares, setShares] = useState<Partial<Record<ShareChannel, Share>>>({});

  const ensure = useCallback(
    (channel: ShareChannel): Promise<Share> => {
      if (!contentId) return Promise.reject(new Error('content not loaded'));
      const existing = pending.current.get(channel);
      if (existing) return existing;
      const created = createShare({ contentId, channel }).then(
        (share) => {
          resolved.current.set(channel, share);
          setShares((prev) => ({ ...prev, [channel]: share }));
          return share;
        },
        (error: unknown) => {
          pending.current.delete(channel); // let the next tap try again
          throw error;
        },
      );
      pending.current.set(channel, created);
      return created;
    },
    [contentId],
  );

  const current = useCallback((channel: ShareChannel) => resolved.current.get(channel), []);

  return { shares, ensure, current };
}
