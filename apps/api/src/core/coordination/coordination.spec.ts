import { InProcessEventBus } from './event-bus';
import { InProcessJobLock } from './job-lock';
import { InProcessSharedCache } from './shared-cache';

describe('in-process coordination ports', () => {
  it('EventBus delivers a copy to each subscriber of the topic until it unsubscribes', async () => {
    const bus = new InProcessEventBus();
    const got: unknown[] = [];
    const stop = bus.subscribe('radar', (m) => got.push(m));
    bus.subscribe('other', () => got.push('wrong topic'));
    const sent = { id: 1 };
    await bus.publish('radar', sent);
    expect(got).toEqual([{ id: 1 }]);
    expect(got[0]).not.toBe(sent);
    stop();
    await bus.publish('radar', { id: 2 });
    expect(got).toHaveLength(1);
  });

  it('SharedCache keeps a value for its time to live', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const cache = new InProcessSharedCache();
      await cache.set('k', 'v', 1000);
      expect(await cache.get('k')).toBe('v');
      jest.setSystemTime(1_000_000 + 1001);
      expect(await cache.get('k')).toBeNull();
      await cache.set('k', 'v2', 1000);
      await cache.delete('k');
      expect(await cache.get('k')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('JobLock runs one job of a name at a time and frees the name after it', async () => {
    const lock = new InProcessJobLock();
    let release!: () => void;
    const first = lock.runExclusive('recycle', 60_000, () => new Promise<string>((r) => (release = () => r('done'))));
    expect(await lock.runExclusive('recycle', 60_000, async () => 'second')).toBeNull();
    expect(await lock.runExclusive('other', 60_000, async () => 'other job')).toBe('other job');
    release();
    expect(await first).toBe('done');
    expect(await lock.runExclusive('recycle', 60_000, async () => 'again')).toBe('again');
  });

  it('JobLock gives a period to the first run that asks and keeps it after the job ends', async () => {
    jest.useFakeTimers({ now: 5_000_000 });
    try {
      const lock = new InProcessJobLock();
      expect(await lock.runOncePer('recycle', 1000, async () => 'first')).toBe('first');
      expect(await lock.runOncePer('recycle', 1000, async () => 'same period')).toBeNull();
      jest.setSystemTime(5_000_000 + 950);
      expect(await lock.runOncePer('recycle', 1000, async () => 'next period')).toBe('next period');
    } finally {
      jest.useRealTimers();
    }
  });
});
