/** A command runs by its SHA on a real Redis, and sends its source again after the server forgot it. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisCommands } from '../src/redis-commands.js';
import { startPrivateRedis, type PrivateRedis } from '../../../tests/support/redis-server.js';

// A server of this file's own: SCRIPT FLUSH on the machine's shared Redis would make every other suite's
// next script call miss and send its source again, which tests that count commands would see.
let server: PrivateRedis;
let redis: Redis;

beforeAll(async () => {
  server = await startPrivateRedis();
  redis = new Redis(server.url, { lazyConnect: false });
});

afterAll(async () => {
  await redis.quit();
  await server.dispose();
});

describe('RedisCommand on a real Redis', () => {
  it('loads every script (each one compiles in Redis and its SHA is the one Redis computes)', async () => {
    for (const command of Object.values(redisCommands)) {
      expect(await redis.script('LOAD', command.lua)).toBe(command.sha);
    }
  });

  it('runs after SCRIPT FLUSH by sending the source once, then by SHA again', async () => {
    const key = `arbiter-test:lock:${process.pid}:${Date.now()}`;
    await redis.set(key, 'mine');
    await redis.script('FLUSH');
    expect(await redisCommands.releaseLock.run(redis, [key], ['theirs'])).toBe(0);
    expect(await redis.get(key)).toBe('mine');
    const [exists] = (await redis.script('EXISTS', redisCommands.releaseLock.sha)) as number[];
    expect(exists).toBe(1);
    expect(await redisCommands.releaseLock.run(redis, [key], ['mine'])).toBe(1);
    expect(await redis.get(key)).toBeNull();
  });
});
