import { useCallback, useRef, useState } from 'react';
import type { Share, ShareChannel } from '@fenji/shared';

export interface Shares {
  /** Shares created so far on this page, by channel. */
  shares: Partial<Record<ShareChannel, Share>>;
  /** The share on `channel`, created on first use and reused after (one per channel per page visit). */
  ensure: (channel: ShareChannel) => Promise<Share>;
  /** The created share on `channel` right now, for WeChat's synchronous share callbacks. */
  current: (channel: ShareChannel) => Share | undefined;
}

/**
 * One share per channel per page visit, of a content or of my card: `create` is null until there is something to
 * share (the content has not loaded yet).
 */
export function useShares(create: ((channel: ShareChannel) => Promise<Share>) | null): Shares {
  const pending = useRef(new Map<ShareChannel, Promise<Share>>());
  const resolved = useRef(new Map<ShareChannel, Share>());
  const [shares, setShares] = useState<Partial<Record<ShareChannel, Share>>>({});
  const creator = useRef(create);
  creator.current = create;

  const ensure = useCallback((channel: ShareChannel): Promise<Share> => {
    const make = creator.current;
    if (!make) return Promise.reject(new Error('nothing to share yet'));
    const existing = pending.current.get(channel);
    if (existing) return existing;
    const created = make(channel).then(
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
  }, []);

  const current = useCallback((channel: ShareChannel) => resolved.current.get(channel), []);

  return { shares, ensure, current };
}
