/**
 * Judge0 and Piston submissions are ordinary jobs: one sent with a session cookie is that user's (in
 * their history, with its code), one sent without is anonymous (nobody's history). Piston's WebSocket
 * takes the cookie of its upgrade request.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signUp, waitFor } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0', AUTH_RATE_PER_MINUTE_IP: '0' } });

async function post(
  path: string,
  body: unknown,
  cookie?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Runs a program over Piston's WebSocket with the cookie; resolves with the close code. */
function connectRun(code: string, cookie: string): Promise<number> {
  const ws = new WebSocket(`${platform.url.replace('http', 'ws')}/piston/api/v2/connect`, {
    headers: { cookie },
  });
  ws.on('open', () =>
    ws.send(JSON.stringify({ type: 'init', language: 'python', version: '*', files: [{ content: code }] })),
  );
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('close', (closeCode) => resolve(closeCode));
  });
}

interface HistoryItem {
  id: string;
  language: string;
}

async function history(cookie: string): Promise<HistoryItem[]> {
  const response = await fetch(`${platform.url}/submissions`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: HistoryItem[] }).items;
}

describe('Judge0 and Piston submissions in the history', () => {
  it("are the signed-in user's when a session cookie comes with them, and nobody's without", async () => {
    const cookie = await signUp(platform.url, 'compat-user');
    const mine = await post(
      '/judge0/submissions?wait=true',
      { source_code: 'print("judge0 of mine")', language_id: 71 },
      cookie,
    );
    expect(mine.status).toBe(201);
    const token = (mine.body as { token: string }).token;
    const anonymous = await post('/judge0/submissions?wait=true', {
      source_code: 'print("judge0 of nobody")',
      language_id: 71,
    });
    expect(anonymous.status).toBe(201);
    const piston = await post(
      '/piston/api/v2/execute',
      { language: 'javascript', version: '*', files: [{ content: 'console.log("piston of mine")' }] },
      cookie,
    );
    expect(piston.status).toBe(200);
    expect((piston.body as { run: { stdout: string } }).run.stdout).toBe('piston of mine\n');

    expect(await connectRun('print("connect of mine")', cookie)).toBe(4999);

    // The history is the database: wait until the three results are saved there.
    await waitFor(
      async () => (await history(cookie)).length >= 3,
      scaledMs(30_000),
      () => 'three in the history',
    );
    const items = await history(cookie);
    expect(items.map((item) => item.language).sort()).toEqual(['javascript', 'python', 'python']);
    expect(items.map((item) => item.id)).toContain(token);
    expect(items.map((item) => item.id)).not.toContain((anonymous.body as { token: string }).token);

    const one = await fetch(`${platform.url}/submissions/${token}`, { headers: { cookie } });
    expect(((await one.json()) as { code: string }).code).toBe('print("judge0 of mine")');
  });
});
