import { Redis } from 'ioredis';
import type { AppConfig } from '../../src/core/config/config';
import { RedisConnections } from '../../src/core/coordination/redis-connections';
import { RedisEventBus, RedisJobLock, RedisSharedCache } from '../../src/core/coordination/redis-ports';
import { RedisRateLimitStore } from '../../src/core/rate-limit/redis-rate-limit.store';
import { freshRedisUrl } from '../support/redis';

/** Two sets of connections stand for two API processes: everything here crosses Redis, nothing is in memory. */
describe('the coordination ports on a real Redis', () => {
  let url: string;
  const opened: RedisConnections[] = [];
  const connections = () => {
    const c = new RedisConnections({ redisUrl: url } as AppConfig);
    opened.push(c);
    return c;
  };

  beforeAll(async () => {
    url = await freshRedisUrl(11);
  });
  afterAll(async () => {
    await Promise.all(opened.map((c) => c.onApplicationShutdown()));
  });

  it('EventBus: a message published in one process reaches the subscribers of another, and of itself', async () => {
    const a = new RedisEventBus(connections());
    const b = new RedisEventBus(connections());
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    a.subscribe('radar', (m) => gotA.push(m));
    const stopB = b.subscribe('radar', (m) => gotB.push(m));
    b.subscribe('other', () => gotB.push('wrong topic'));
    await Promise.all([a.ready(), b.ready()]);
    await a.publish('radar', { leadId: 'L1', words: '王芳 又打开了你分享的文章' });
    await waitFor(() => gotA.length === 1 && gotB.length === 1);
    expect(gotB).toEqual([{ leadId: 'L1', words: '王芳 又打开了你分享的文章' }]);
    stopB();
    await b.publish('radar', { leadId: 'L2' });
    await waitFor(() => gotA.length === 2);
    expect(gotB).toHaveLength(1);
  });

  it('SharedCache: one process sets, another reads, until the time to live ends', async () => {
    const a = new RedisSharedCache(connections().client as Redis);
    const b = new RedisSharedCache(connections().client as Redis);
    await a.set('wechat:token', 'ACCESS_TOKEN', 300);
    expect(await b.get('wechat:token')).toBe('ACCESS_TOKEN');
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.get('wechat:token')).toBeNull();
    await a.set('k', 'v', 60_000);
    await b.delete('k');
    expect(await a.get('k')).toBeNull();
  });

  it('JobLock: of two processes racing for a job one runs it; a crashed holder\'s lock lapses', async () => {
    const a = new RedisJobLock(connections().client as Redis);
    const b = new RedisJobLock(connections().client as Redis);
    let runs = 0;
    const job = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 200));
      return 'ran';
    };
    const results = await Promise.all([a.runExclusive('retention', 10_000, job), b.runExclusive('retention', 10_000, job)]);
    expect(runs).toBe(1);
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    expect(await b.runExclusive('retention', 10_000, async () => 'after release')).toBe('after release');
    // A holder that died without releasing: its lock lapses after its time to live.
    const raw = connections().client as Redis;
    await raw.set('fenji:lock:stuck', 'dead-process', 'PX', 300);
    expect(await a.runExclusive('stuck', 10_000, async () => 'x')).toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(await a.runExclusive('stuck', 10_000, async () => 'x')).toBe('x');
    // A period's run: one in all, and it stays taken after the job ends.
    const period = await Promise.all([a.runOncePer('recycle', 1000, async () => 'a'), b.runOncePer('recycle', 1000, async () => 'b')]);
    expect(period.filter(Boolean)).toHaveLength(1);
    expect(await a.runOncePer('recycle', 1000, async () => 'again')).toBeNull();
  });

  it('RateLimitStore: 100 hits racing from two processes allow exactly the limit; undo and reset', async () => {
    const a = new RedisRateLimitStore(connections().client as Redis);
    const b = new RedisRateLimitStore(connections().client as Redis);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).hit('login:13800000001', 20, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
    expect(Math.max(...results.map((r) => r.hits))).toBe(100);
    expect(results.every((r) => r.retryAfterSeconds >= 1 && r.retryAfterSeconds <= 60)).toBe(true);
    expect(await b.peek('login:13800000001')).toBe(100);
    await a.undo('login:13800000001');
    expect(await b.peek('login:13800000001')).toBe(99);
    await a.reset('login:13800000001');
    expect(await b.peek('login:13800000001')).toBe(0);
    await a.undo('login:13800000001');
    expect(await b.peek('login:13800000001')).toBe(0); // never below zero
    // A window ends: counting starts again.
    await a.hit('short', 1, 1);
    expect((await a.hit('short', 1, 1)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await b.hit('short', 1, 1)).allowed).toBe(true);
    // Any bucket name fits: a 300-character forged header is a bounded key.
    expect((await a.hit(`ip:${'9'.repeat(300)}`, 5, 60)).hits).toBe(1);
  });
});

async function waitFor(done: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting for the message');
    await new Promise((r) => setTimeout(r, 20));
  }
}
