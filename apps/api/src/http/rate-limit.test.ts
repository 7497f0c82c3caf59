/**
 * The rate limiter when Redis misbehaves: it must never make a request hang or fail. Redis down:
 * counted in memory (still limited). Redis connected but silent: let through after the timeout.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@arbiter/observability';
import { createRedis, type Redis } from '@arbiter/queue';
import { errorHandler } from './error-handler.js';
import { clientAddressKey } from './client-address.js';
import { createRateLimiters } from './rate-limit.js';

const logger = createLogger({ service: 'test', level: 'silent' });
const closers: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  vi.restoreAllMocks();
});

/** A tiny app with the auth limiter in front of one route, listening on a free port. */
async function serve(redis: Redis, timeoutMs?: number): Promise<string> {
  const limits = createRateLimiters(
    { redis, prefix: 'unit', logger, timeoutMs },
    {
      submitPerMinuteUser: 0,
      submitPerMinuteIp: 0,
      authPerMinuteIp: 2,
      signupPerHourIp: 0,
      loginFailuresPerHourIp: 0,
      loginFailuresPerHourUserIp: 0,
      loginFailuresPerHourUser: 0,
    },
  );
  const app = express();
  app.post('/auth/login', limits.auth, (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler(logger));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('rate limiter without a working Redis', () => {
  it('counts in memory while Redis is unreachable, answering at once', async () => {
    // Port 1: nothing listens, the connection never becomes ready.
    const redis = createRedis('redis://127.0.0.1:1', { name: 'unit-dead', failFast: true });
    redis.on('error', () => undefined);
    closers.push(() => redis.disconnect());
    const warn = vi.spyOn(logger, 'warn');
    // A long timeout: a limiter that waited for Redis instead of counting in memory would stall the test.
    const url = await serve(redis, 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await fetch(`${url}/auth/login`, { method: 'POST' })).status);
    // The third refused: counted in memory, not let through for want of an answer.
    expect(statuses).toEqual([200, 200, 429]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('lets a request through, with a warning, when Redis does not answer in time', async () => {
    // Says it is ready but never answers a command.
    const silent = {
      status: 'ready',
      defineCommand: () => undefined,
      rlflxIncr: () => new Promise(() => undefined),
    } as unknown as Redis;
    const warn = vi.spyOn(logger, 'warn');
    const url = await serve(silent, 100);
    expect((await fetch(`${url}/auth/login`, { method: 'POST' })).status).toBe(200);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 'auth-ip' }),
      expect.stringMatching(/letting/),
    );
  });
});

describe('clientAddressKey', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });
});
