/**
 * Rate limits on a real API and Redis, with small limits from the environment: submits per
 * address and per account, sign-in and sign-up per address. A refused request is 429 with
 * `Retry-After` and enqueues nothing. Client addresses are varied with `X-Forwarded-For`, which
 * the API trusts from loopback (as from a reverse proxy on the same machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import { createSubmissionQueue, type SubmissionQueue } from '@arbiter/queue';
import { Redis } from 'ioredis';
import { REDIS_URL, base, cleanup, startApi, testPrefix, type HttpAnswer } from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let url: string;
let redis: Redis;
let queue: SubmissionQueue;

const SUBMIT_PER_IP = 3;
const SUBMIT_PER_USER = 2;
const AUTH_PER_IP = 4;

beforeAll(async () => {
  api = await startApi(prefix, {
    SUBMIT_RATE_PER_MINUTE_IP: String(SUBMIT_PER_IP),
    SUBMIT_RATE_PER_MINUTE_USER: String(SUBMIT_PER_USER),
    AUTH_RATE_PER_MINUTE_IP: String(AUTH_PER_IP),
  });
  url = base(api);
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  queue = createSubmissionQueue({ connection: redis, prefix });
});

afterAll(async () => {
  await queue?.close();
  redis?.disconnect();
  await api?.close(1_000);
  await cleanup(prefix);
});

async function jobCount(): Promise<number> {
  const counts = await queue.getJobCounts();
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

const PROGRAM = { language: 'python', code: 'print(1)' };

interface Limited extends HttpAnswer {
  retryAfter: string | null;
}

async function send(path: string, body: unknown, headers: Record<string, string>): Promise<Limited> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: await response.json(),
    retryAfter: response.headers.get('retry-after'),
  };
}

function expectLimited(answer: Limited, message: RegExp): void {
  expect(answer.status).toBe(429);
  const error = (answer.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('RATE_LIMITED');
  expect(error.message).toMatch(message);
  const seconds = Number(answer.retryAfter);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(error.message).toContain(`Try again in ${seconds} second`);
}

async function signUp(username: string, address: string): Promise<string> {
  const response = await fetch(`${url}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password: 'a fine long password' }),
  });
  expect(response.status).toBe(201);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie;
}

describe('POST /submit', () => {
  it(`refuses the submit after ${SUBMIT_PER_IP} from one address with 429, and enqueues nothing for it`, async () => {
    const from = { 'x-forwarded-for': '198.51.100.7' };
    const before = await jobCount();
    for (let i = 0; i < SUBMIT_PER_IP; i += 1)
      expect((await send('/submit', PROGRAM, from)).status).toBe(202);
    const refused = await send('/submit', PROGRAM, from);
    expectLimited(refused, /from your address: at most 3 a minute/);
    expect((await send('/submit', PROGRAM, from)).status).toBe(429);
    expect(await jobCount()).toBe(before + SUBMIT_PER_IP);

    // Another address has its own allowance.
    expect((await send('/submit', PROGRAM, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(202);
  });

  it('counts an IPv6 client per /64', async () => {
    for (let i = 0; i < SUBMIT_PER_IP; i += 1) {
      const answer = await send('/submit', PROGRAM, { 'x-forwarded-for': `2001:db8:7:7::${i + 1}` });
      expect(answer.status).toBe(202);
    }
    expect((await send('/submit', PROGRAM, { 'x-forwarded-for': '2001:db8:7:7:abcd::9' })).status).toBe(429);
  });

  it(`refuses the submit after ${SUBMIT_PER_USER} from one account, whatever its address`, async () => {
    const cookie = await signUp('sam', '192.0.2.1');
    const before = await jobCount();
    for (const address of ['192.0.2.10', '192.0.2.11'])
      expect((await send('/submit', PROGRAM, { cookie, 'x-forwarded-for': address })).status).toBe(202);
    const refused = await send('/submit', PROGRAM, { cookie, 'x-forwarded-for': '192.0.2.12' });
    expectLimited(refused, /You can submit at most 2 times a minute/);
    expect(await jobCount()).toBe(before + SUBMIT_PER_USER);

    // Someone else on the same address is not held back by sam's limit.
    const other = await signUp('kim', '192.0.2.1');
    expect((await send('/submit', PROGRAM, { cookie: other, 'x-forwarded-for': '192.0.2.12' })).status).toBe(
      202,
    );
  });
});

describe('sign-in and sign-up', () => {
  it(`refuses the attempt after ${AUTH_PER_IP} from one address with 429`, async () => {
    const from = { 'x-forwarded-for': '203.0.113.5' };
    const wrong = { username: 'sam', password: 'not the password' };
    for (let i = 0; i < AUTH_PER_IP; i += 1)
      expect((await send('/auth/login', wrong, from)).status).toBe(401);
    expectLimited(await send('/auth/login', wrong, from), /sign-in and sign-up attempts/);
    // The right password does not get through either, nor does a sign-up: one allowance for both.
    expect((await send('/auth/login', { ...wrong, password: 'a fine long password' }, from)).status).toBe(
      429,
    );
    expect(
      (await send('/auth/signup', { username: 'flood', password: 'a fine long password' }, from)).status,
    ).toBe(429);
    // Other addresses are unaffected.
    expect(
      (
        await send(
          '/auth/login',
          { username: 'sam', password: 'a fine long password' },
          { 'x-forwarded-for': '203.0.113.6' },
        )
      ).status,
    ).toBe(200);
  });

  it('keeps its counters in Redis under REDIS_PREFIX', async () => {
    const keys = await redis.keys(`${prefix}:rl:*`);
    expect(keys.some((key) => key.startsWith(`${prefix}:rl:auth-ip:`))).toBe(true);
    expect(keys.some((key) => key.startsWith(`${prefix}:rl:submit-ip:`))).toBe(true);
    expect(keys.some((key) => key.startsWith(`${prefix}:rl:submit-user:`))).toBe(true);
  });
});
