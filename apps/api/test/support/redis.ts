import { Redis } from 'ioredis';

/**
 * The Redis of the cluster suite (TEST_REDIS_URL, set by `.ci/run` and `scripts/redis.sh`), on a database index
 * of its own for this test file, emptied first. Fails with a clear line when it is not set: a test that needs
 * Redis never passes without one.
 */
export async function freshRedisUrl(db: number): Promise<string> {
  const server = process.env.TEST_REDIS_URL;
  if (!server) throw new Error('TEST_REDIS_URL is not set: start one with `bash scripts/redis.sh start <port>`');
  const url = new URL(server);
  url.pathname = `/${db}`;
  const redis = new Redis(url.toString());
  await redis.flushdb();
  await redis.quit();
  return url.toString();
}
