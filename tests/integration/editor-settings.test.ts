/**
 * Editor settings over HTTP on a real API and database: defaults until saved, saved per account,
 * 401 without a session, and 400 naming the field for a body out of range, of the wrong type,
 * with an unknown field or missing one.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDITOR_SETTINGS, editorSettingsResponseSchema } from '@arbiter/contracts';
import { signUp, testPrefix } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SIGNUP_RATE_PER_HOUR_IP: '0' },
  worker: false,
});

interface Answer {
  status: number;
  body: { settings?: unknown; error?: { code: string; message: string } };
}

async function call(method: string, cookie: string | undefined, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (cookie !== undefined) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${platform.url}/settings/editor`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

describe('editor settings', () => {
  const suffix = testPrefix().slice(-6);

  it('answers the defaults until saved, then what the account saved (and only to that account)', async () => {
    const ada = await signUp(platform.url, `ada_${suffix}`);
    const bob = await signUp(platform.url, `bob_${suffix}`);
    const first = await call('GET', ada);
    expect(first.status).toBe(200);
    expect(editorSettingsResponseSchema.parse(first.body).settings).toEqual(DEFAULT_EDITOR_SETTINGS);

    const saved = { fontSize: 18, tabSize: 2, keyBindings: 'vim' };
    const put = await call('PUT', ada, saved);
    expect(put.status).toBe(200);
    expect(put.body.settings).toEqual(saved);
    expect((await call('GET', ada)).body.settings).toEqual(saved);
    expect((await call('GET', bob)).body.settings).toEqual(DEFAULT_EDITOR_SETTINGS);

    const again = { fontSize: 12, tabSize: 8, keyBindings: 'emacs' };
    expect((await call('PUT', ada, again)).status).toBe(200);
    expect((await call('GET', ada)).body.settings).toEqual(again);
  });

  it('refuses anonymous callers with 401', async () => {
    for (const answer of [
      await call('GET', undefined),
      await call('PUT', undefined, { fontSize: 16, tabSize: 4, keyBindings: 'default' }),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('UNAUTHENTICATED');
      expect(answer.body.error?.message).toMatch(/^Sign in to (read|save) your settings/);
    }
  });

  it('answers 400 naming the field that is wrong, and keeps the saved settings', async () => {
    const cookie = await signUp(platform.url, `cyd_${suffix}`);
    const valid = { fontSize: 16, tabSize: 4, keyBindings: 'default' };
    expect((await call('PUT', cookie, valid)).status).toBe(200);
    const cases: [unknown, string][] = [
      [{ ...valid, fontSize: 99 }, 'fontSize: must be at most 28'],
      [{ ...valid, fontSize: 4 }, 'fontSize: must be at least 10'],
      [{ ...valid, fontSize: '16' }, 'fontSize: must be a number'],
      [{ ...valid, tabSize: 2.5 }, 'tabSize: must be a whole number'],
      [{ ...valid, keyBindings: 'nano' }, 'keyBindings: must be one of default, vim, emacs'],
      [{ ...valid, theme: 'dark' }, 'body: unknown field(s) theme'],
      [{ fontSize: 16, tabSize: 4 }, 'keyBindings: must be one of default, vim, emacs'],
    ];
    for (const [body, message] of cases) {
      const answer = await call('PUT', cookie, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error?.code).toBe('INVALID_REQUEST');
      expect(answer.body.error?.message).toBe(message);
    }
    expect((await call('GET', cookie)).body.settings).toEqual(valid);
  });
});
