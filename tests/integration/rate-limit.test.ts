/**
 * Rate limits on a real API and Redis, with small limits from the environment: submits per
 * account (signed in) and per address (anonymous), sign-in and sign-up attempts per address,
 * sign-ups per address, failed sign-ins per address, per username and address, and per username.
 * A refused request is 429 with `Retry-After` and enqueues nothing. Client addresses are varied
 * with `X-Forwarded-For`, which the API trusts from loopback (as from a reverse proxy on the same
 * machine) unless TRUST_PROXY says otherwise.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBSCRIBE_LOOKUPS_PER_SOCKET_PER_MINUTE } from '@arbiter/contracts';
import type { ApiServer } from '@arbiter/api';
import { createSubmissionQueue, type SubmissionQueue } from '@arbiter/queue';
import { Redis } from 'ioredis';
import {
  REDIS_URL,
  base,
  cleanup,
  connect,
  startApi,
  testPrefix,
  type HttpAnswer,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let url: string;
let redis: Redis;
let queue: SubmissionQueue;

const SUBMIT_PER_IP = 3;
const SUBMIT_PER_USER = 2;
const AUTH_PER_IP = 4;
const SIGNUP_PER_IP = 2;
const FAILURES_PER_IP = 3;
const FAILURES_PER_USER_IP = 2;
const FAILURES_PER_USER = 4;
const PASSWORD = 'a fine long password';

beforeAll(async () => {
  api = await startApi(prefix, {
    SUBMIT_RATE_PER_MINUTE_IP: String(SUBMIT_PER_IP),
    SUBMIT_RATE_PER_MINUTE_USER: String(SUBMIT_PER_USER),
    AUTH_RATE_PER_MINUTE_IP: String(AUTH_PER_IP),
    SIGNUP_RATE_PER_HOUR_IP: String(SIGNUP_PER_IP),
    LOGIN_FAILURES_PER_HOUR_IP: String(FAILURES_PER_IP),
    LOGIN_FAILURES_PER_HOUR_USER_IP: String(FAILURES_PER_USER_IP),
    LOGIN_FAILURES_PER_HOUR_USER: String(FAILURES_PER_USER),
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

async function send(
  path: string,
  body: unknown,
  headers: Record<string, string>,
  target = url,
): Promise<Limited> {
  const response = await fetch(`${target}${path}`, {
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

function expectLimited(answer: Limited, message: RegExp, longest = 60): void {
  expect(answer.status).toBe(429);
  const error = (answer.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('RATE_LIMITED');
  expect(error.message).toMatch(message);
  const seconds = Number(answer.retryAfter);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(longest);
  expect(error.message).toContain(`Try again in ${seconds} second`);
}

async function signUp(username: string, address: string): Promise<string> {
  const response = await fetch(`${url}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(response.status).toBe(201);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie;
}

const login = (username: string, password: string, address: string) =>
  send('/auth/login', { username, password }, { 'x-forwarded-for': address });

describe('POST /submit', () => {
  it(`refuses the anonymous submit after ${SUBMIT_PER_IP} from one address with 429, and enqueues nothing for it`, async () => {
    const from = { 'x-forwarded-for': '198.51.100.7' };
    const before = await jobCount();
    for (let i = 0; i < SUBMIT_PER_IP; i += 1)
      expect((await send('/submit', PROGRAM, from)).status).toBe(202);
    const refused = await send('/submit', PROGRAM, from);
    expectLimited(refused, /without a sign-in from your address: at most 3 a minute/);
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

  it('lets a classroom of signed-in people behind one address submit, each up to their own limit', async () => {
    const classroom = '192.0.2.50';
    const students = [await signUp('ada', '192.0.2.51'), await signUp('bob', '192.0.2.51')];
    students.push(await signUp('cyd', '192.0.2.52'));
    // 3 × 2 = 6 submits from one address whose anonymous allowance is 3.
    for (const cookie of students)
      for (let i = 0; i < SUBMIT_PER_USER; i += 1)
        expect((await send('/submit', PROGRAM, { cookie, 'x-forwarded-for': classroom })).status).toBe(202);
    // Each is then at their own limit, and nobody else's.
    expectLimited(
      await send('/submit', PROGRAM, { cookie: students[0] ?? '', 'x-forwarded-for': classroom }),
      /You can submit at most 2 times a minute/,
    );
  });

  it("does not let anonymous traffic on the same address use up a signed-in person's allowance", async () => {
    const shared = '192.0.2.60';
    const cookie = await signUp('dee', '192.0.2.61');
    for (let i = 0; i < SUBMIT_PER_IP; i += 1)
      expect((await send('/submit', PROGRAM, { 'x-forwarded-for': shared })).status).toBe(202);
    expect((await send('/submit', PROGRAM, { 'x-forwarded-for': shared })).status).toBe(429);
    for (let i = 0; i < SUBMIT_PER_USER; i += 1)
      expect((await send('/submit', PROGRAM, { cookie, 'x-forwarded-for': shared })).status).toBe(202);
  });

  it('does not lift an account limit when its owner signs out', async () => {
    const home = '192.0.2.70';
    const cookie = await signUp('eve', '192.0.2.71');
    for (let i = 0; i < SUBMIT_PER_USER; i += 1)
      expect((await send('/submit', PROGRAM, { cookie, 'x-forwarded-for': home })).status).toBe(202);
    expectLimited(
      await send('/submit', PROGRAM, { cookie, 'x-forwarded-for': home }),
      /at most 2 times a minute/,
    );
    const before = await jobCount();
    // Signed out (no cookie), same address: held until the account's minute is over.
    const signedOut = await send('/submit', PROGRAM, { 'x-forwarded-for': home });
    expectLimited(signedOut, /signing out does not lift it/);
    expect(await jobCount()).toBe(before);
    // Other addresses, and signed-in people on this one, are not held.
    expect((await send('/submit', PROGRAM, { 'x-forwarded-for': '192.0.2.72' })).status).toBe(202);
    const neighbour = await signUp('fay', '192.0.2.71');
    expect((await send('/submit', PROGRAM, { cookie: neighbour, 'x-forwarded-for': home })).status).toBe(202);
  });
});

describe('sign-in and sign-up', () => {
  it(`refuses the attempt after ${AUTH_PER_IP} from one address with 429`, async () => {
    const from = { 'x-forwarded-for': '203.0.113.5' };
    const wrong = { username: 'nobody-at-all', password: 'not the password' };
    for (let i = 0; i < AUTH_PER_IP; i += 1) {
      const answer = await send('/auth/login', { ...wrong, username: `nobody-${i}` }, from);
      expect(answer.status, JSON.stringify(answer.body)).toBe(i < FAILURES_PER_IP ? 401 : 429);
    }
    expectLimited(await send('/auth/login', wrong, from), /sign-in and sign-up attempts/);
    // The right password does not get through either, nor does a sign-up: one allowance for both.
    expect((await send('/auth/login', { username: 'sam', password: PASSWORD }, from)).status).toBe(429);
    expect((await send('/auth/signup', { username: 'flood', password: PASSWORD }, from)).status).toBe(429);
    // Other addresses are unaffected.
    expect((await login('sam', PASSWORD, '203.0.113.6')).status).toBe(200);
  });

  it(`refuses sign-ups after ${SIGNUP_PER_IP} an hour from one address`, async () => {
    const from = '203.0.113.20';
    await signUp('gus', from);
    await signUp('hal', from);
    const refused = await send(
      '/auth/signup',
      { username: 'ivy', password: PASSWORD },
      { 'x-forwarded-for': from },
    );
    expectLimited(refused, /Too many sign-ups from your address: at most 2 an hour/, 3_600);
    await signUp('ivy', '203.0.113.21');
  });

  it(`refuses a username from an address after ${FAILURES_PER_USER_IP} failed sign-ins, even with the right password`, async () => {
    const from = '203.0.113.30';
    for (let i = 0; i < FAILURES_PER_USER_IP; i += 1)
      expect((await login('kim', 'wrong guess', from)).status).toBe(401);
    const refused = await login('kim', PASSWORD, from);
    expectLimited(refused, /failed sign-ins to this account from your address: at most 2 an hour/, 3_600);
    // Usernames ignore case here too.
    expect((await login('KIM', PASSWORD, from)).status).toBe(429);
    // From elsewhere the owner still signs in.
    expect((await login('kim', PASSWORD, '203.0.113.31')).status).toBe(200);
  });

  it("forgets an address's failures for a username once the right password comes from it", async () => {
    const from = '203.0.113.40';
    expect((await login('ada', 'wrong guess', from)).status).toBe(401);
    expect((await login('ada', PASSWORD, from)).status).toBe(200);
    expect((await login('ada', 'wrong guess', from)).status).toBe(401);
    // Two failures in the hour, but not in a row: not refused.
    expect((await login('ada', PASSWORD, from)).status).toBe(200);
  });

  it(`refuses an address after ${FAILURES_PER_IP} failed sign-ins to any usernames (credential stuffing)`, async () => {
    const from = '203.0.113.50';
    for (const username of ['bob', 'cyd', 'no-such-user'])
      expect((await login(username, 'leaked password 1', from)).status).toBe(401);
    expectLimited(
      await login('dee', PASSWORD, from),
      /failed sign-ins from your address: at most 3 an hour/,
      3_600,
    );
  });

  it(`refuses a username after ${FAILURES_PER_USER} failed sign-ins from all addresses together`, async () => {
    for (let i = 0; i < FAILURES_PER_USER; i += 1)
      expect((await login('hal', 'distributed guess', `203.0.113.${60 + i}`)).status).toBe(401);
    expectLimited(
      await login('hal', PASSWORD, '203.0.113.70'),
      /failed sign-ins to this account: at most 4 an hour from all addresses together/,
      3_600,
    );
    // An unknown username is counted the same way (no hint of which usernames exist).
    for (let i = 0; i < FAILURES_PER_USER; i += 1)
      expect((await login('not-a-user', 'distributed guess', `203.0.113.${80 + i}`)).status).toBe(401);
    expect((await login('not-a-user', 'distributed guess', '203.0.113.90')).status).toBe(429);
  });

  it('keeps its counters in Redis under REDIS_PREFIX', async () => {
    const keys = await redis.keys(`${prefix}:rl:*`);
    for (const name of [
      'auth-ip',
      'submit-ip',
      'submit-user',
      'submit-held',
      'signup-ip',
      'login-fail-ip',
      'login-fail-user-ip',
      'login-fail-user',
    ])
      expect(
        keys.some((key) => key.startsWith(`${prefix}:rl:${name}:`)),
        name,
      ).toBe(true);
  });
});

describe('Socket.IO subscribe', () => {
  type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

  it(`looks up at most ${MAX_SUBSCRIBE_LOOKUPS_PER_SOCKET_PER_MINUTE} jobs a minute for one connection`, async () => {
    const flooder = connect(url);
    const bystander = connect(url);
    try {
      const codes: string[] = [];
      // One at a time, so the cap on subscriptions being checked at once never applies.
      for (let i = 0; i <= MAX_SUBSCRIBE_LOOKUPS_PER_SOCKET_PER_MINUTE; i += 1) {
        const ack = (await flooder.socket
          .timeout(10_000)
          .emitWithAck('subscribe', { jobId: randomUUID() })) as Ack;
        codes.push(ack.ok ? 'ok' : ack.error.code);
      }
      expect(codes.slice(0, -1).every((code) => code === 'NOT_FOUND')).toBe(true);
      const last = (await flooder.socket
        .timeout(10_000)
        .emitWithAck('subscribe', { jobId: randomUUID() })) as Ack;
      expect(last).toMatchObject({
        ok: false,
        error: {
          code: 'RATE_LIMITED',
          message: expect.stringMatching(
            /at most 100 jobs a minute\. Try again in \d+ seconds?\./,
          ) as unknown,
        },
      });
      expect(codes.at(-1)).toBe('RATE_LIMITED');
      // Malformed ids cost no look-up and are still told so; other connections are not affected.
      expect(await flooder.socket.timeout(10_000).emitWithAck('subscribe', { jobId: 'x' })).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
      expect(
        await bystander.socket.timeout(10_000).emitWithAck('subscribe', { jobId: randomUUID() }),
      ).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
      expect(flooder.socket.connected).toBe(true);
    } finally {
      flooder.socket.close();
      bystander.socket.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  it('with none, counts the peer address and ignores X-Forwarded-For', async () => {
    const own = `${prefix}-np`;
    const direct = await startApi(own, { TRUST_PROXY: 'none', SUBMIT_RATE_PER_MINUTE_IP: '2' });
    try {
      const target = base(direct);
      const claimed = ['198.18.0.1', '198.18.0.2', '198.18.0.3'];
      const statuses: number[] = [];
      for (const address of claimed)
        statuses.push((await send('/submit', PROGRAM, { 'x-forwarded-for': address }, target)).status);
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await direct.close(1_000);
      await cleanup(own);
    }
  });
});
