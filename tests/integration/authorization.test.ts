/**
 * Who may do what with jobs: anyone may run, submitting needs an account, a signed-in user's
 * jobs are visible (HTTP and Socket.IO) to that user and admins only, anonymous jobs to whoever
 * holds their id; sockets from foreign origins are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { connect, subscribe, waitForResult, signUp } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0' } });

async function submitAs(cookie: string | null, body: object): Promise<Response> {
  return fetch(`${platform.url}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie === null ? {} : { cookie }) },
    body: JSON.stringify(body),
  });
}

describe('access to jobs', () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    alice = await signUp(platform.url, 'alice'); // the first user: admin
    bob = await signUp(platform.url, 'bob');
  });

  it('asks for an account to submit, not to run', async () => {
    const submitted = await submitAs(null, {
      language: 'python',
      code: 'print(1)',
      mode: 'submit',
      problem: 'two-sum',
    });
    expect(submitted.status).toBe(401);
    expect(await submitted.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: /Sign in/ } });
    expect((await submitAs(null, { language: 'python', code: 'print(1)' })).status).toBe(202);
  });

  it("keeps a user's job from other users, over HTTP and Socket.IO, but not from admins", async () => {
    const carol = await signUp(platform.url, 'carol');
    const response = await submitAs(bob, { language: 'python', code: 'print("bob")' });
    const { jobId } = (await response.json()) as { jobId: string };
    const statusAs = (cookie: string | null) =>
      fetch(`${platform.url}/status/${jobId}`, { headers: cookie === null ? {} : { cookie } }).then(
        (r) => r.status,
      );
    await waitForResult(platform.url, jobId, 20_000, bob);
    expect(await statusAs(bob)).toBe(200);
    expect(await statusAs(carol)).toBe(404);
    expect(await statusAs(null)).toBe(404);
    expect(await statusAs(alice)).toBe(200);

    const asCarol = io(platform.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: carol },
    });
    const asBob = io(platform.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: bob },
    });
    try {
      await expect(subscribe(asCarol, jobId)).rejects.toThrow(/No job/);
      await subscribe(asBob, jobId);
    } finally {
      asCarol.close();
      asBob.close();
    }
  });

  it('lets whoever holds the id of an anonymous job follow it', async () => {
    const response = await submitAs(null, { language: 'python', code: 'print("anon")' });
    const { jobId } = (await response.json()) as { jobId: string };
    expect((await waitForResult(platform.url, jobId)).stdout).toBe('anon\n');
    const { socket, events } = connect(platform.url);
    try {
      await subscribe(socket, jobId);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events.some((event) => event.type === 'result')).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('refuses sockets opened by pages of other origins', async () => {
    const foreign = io(platform.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: 'http://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      foreign.on('connect', () => resolve('connected'));
      foreign.on('connect_error', () => resolve('refused'));
    });
    foreign.close();
    expect(outcome).toBe('refused');
  });
});
