/**
 * Personal access tokens end to end on a real API, worker, Redis and database: created from a session,
 * then acting as the account with `Authorization: Bearer` (our API, Judge0, Piston's WebSocket) and in
 * Judge0's `X-Auth-Token`; unable to mint or revoke tokens; dead once revoked or after a password reset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_API_TOKENS_PER_USER } from '@arbiter/contracts';
import { signUp, waitFor } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({
  api: { SUBMIT_RATE_PER_MINUTE_IP: '0', AUTH_RATE_PER_MINUTE_IP: '0' },
});

async function call(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** The first account of the platform's fresh database: an admin. */
let adminCookie: string;
beforeAll(async () => {
  adminCookie = await signUp(platform.url, 'token-admin');
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createToken(cookie: string, name: string): Promise<{ token: string; id: string }> {
  const created = await call('POST', '/auth/tokens', { cookie }, { name });
  expect(created.status).toBe(201);
  const body = created.body as { token: string; apiToken: { id: string } };
  return { token: body.token, id: body.apiToken.id };
}

async function historyIds(cookie: string): Promise<string[]> {
  const answer = await call('GET', '/submissions', { cookie });
  expect(answer.status).toBe(200);
  return (answer.body as { items: { id: string }[] }).items.map((item) => item.id);
}

/** Runs a program over Piston's WebSocket with these upgrade headers; resolves with the close code. */
function connectRun(code: string, headers: Record<string, string>): Promise<number> {
  const ws = new WebSocket(`${platform.url.replace('http', 'ws')}/piston/api/v2/connect`, { headers });
  ws.on('open', () =>
    ws.send(JSON.stringify({ type: 'init', language: 'python', version: '*', files: [{ content: code }] })),
  );
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('close', (closeCode) => resolve(closeCode));
  });
}

describe('personal access tokens', () => {
  it('act as their account on our API, Judge0 and Piston, and the list never shows them', async () => {
    const cookie = await signUp(platform.url, 'token-owner');
    const { token, id } = await createToken(cookie, 'grading bot');
    expect(token).toMatch(/^arb_/);

    const me = await call('GET', '/auth/me', bearer(token));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { username: 'token-owner' } });

    const listed = await call('GET', '/auth/tokens', bearer(token));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      tokens: [
        {
          id,
          name: 'grading bot',
          prefix: token.slice(0, 8),
          createdAt: expect.any(String) as string,
          expiresAt: null,
          lastUsedAt: expect.any(String) as string,
        },
      ],
    });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const viaBearer = await call('POST', '/judge0/submissions?wait=true', bearer(token), {
      source_code: 'print("bearer")',
      language_id: 71,
    });
    expect(viaBearer.status).toBe(201);
    const viaJudge0Header = await call(
      'POST',
      '/judge0/submissions?wait=true',
      { 'x-auth-token': token },
      { source_code: 'print("x-auth-token")', language_id: 71 },
    );
    expect(viaJudge0Header.status).toBe(201);
    const anonymous = await call('POST', '/judge0/submissions?wait=true', bearer('arb_not-a-token'), {
      source_code: 'print("nobody")',
      language_id: 71,
    });
    expect(anonymous.status).toBe(201);
    expect(await connectRun('print("connect")', bearer(token))).toBe(4999);

    const mine = [viaBearer, viaJudge0Header].map((answer) => (answer.body as { token: string }).token);
    await waitFor(
      async () => (await historyIds(cookie)).length >= 3,
      scaledMs(30_000),
      () => 'three runs in the history',
    );
    const ids = await historyIds(cookie);
    expect(ids).toEqual(expect.arrayContaining(mine));
    expect(ids).not.toContain((anonymous.body as { token: string }).token);
    // Our own history works with the token too.
    expect((await call('GET', '/submissions', bearer(token))).status).toBe(200);
  });

  it('cannot mint or revoke tokens, and stop working once revoked', async () => {
    const cookie = await signUp(platform.url, 'token-revoker');
    const { token, id } = await createToken(cookie, 'ci');

    const minted = await call('POST', '/auth/tokens', bearer(token), { name: 'escalation' });
    expect(minted.status).toBe(403);
    expect(JSON.stringify(minted.body)).toMatch(/Access tokens cannot create access tokens/);
    expect((await call('DELETE', `/auth/tokens/${id}`, bearer(token))).status).toBe(403);

    const other = await signUp(platform.url, 'token-neighbour');
    expect((await call('DELETE', `/auth/tokens/${id}`, { cookie: other })).status).toBe(404);
    expect((await call('GET', '/auth/me', bearer(token))).status).toBe(200);

    expect((await call('DELETE', `/auth/tokens/${id}`, { cookie })).status).toBe(204);
    const after = await call('GET', '/auth/me', bearer(token));
    expect(after.status).toBe(401);
    expect((await call('DELETE', `/auth/tokens/${id}`, { cookie })).status).toBe(404);
  });

  it('refuses bad requests with the field named, and more than the cap', async () => {
    const cookie = await signUp(platform.url, 'token-hoarder');
    expect((await call('POST', '/auth/tokens', {}, { name: 'x' })).status).toBe(401);
    for (const [body, message] of [
      [{ name: '   ' }, /name: must not be empty/],
      [{ name: 'x'.repeat(65) }, /name: must be at most 64 characters/],
      [{ name: 'ok', expiresInDays: 0 }, /expiresInDays: must be at least 1/],
      [{ name: 'ok', scopes: ['all'] }, /scopes/],
    ] as const) {
      const answer = await call('POST', '/auth/tokens', { cookie }, body);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(message);
    }
    for (let i = 0; i < MAX_API_TOKENS_PER_USER; i += 1) await createToken(cookie, `t${i}`);
    const over = await call('POST', '/auth/tokens', { cookie }, { name: 'one more' });
    expect(over.status).toBe(409);
    expect(JSON.stringify(over.body)).toMatch(/revoke one/);
  });

  it('are revoked when an admin resets the password', async () => {
    expect(await call('GET', '/auth/me', { cookie: adminCookie })).toMatchObject({
      body: { user: { role: 'admin' } },
    });
    const cookie = await signUp(platform.url, 'token-reset');
    const { token } = await createToken(cookie, 'laptop');
    const reset = await call('POST', '/admin/users/token-reset/password', { cookie: adminCookie }, {});
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ sessionsEnded: 1, tokensRevoked: 1 });
    expect((await call('GET', '/auth/me', bearer(token))).status).toBe(401);
  });
});
