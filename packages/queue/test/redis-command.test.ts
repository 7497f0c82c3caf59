/** A command runs by its SHA on a real Redis, and sends its source again after the server forgot it. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisCommands } from '../src/redis-commands.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false });
afterAll(() => redis.quit());

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
