/** Env schemas: laptop defaults, and one readable error naming every bad variable. */
import { describe, expect, it } from 'vitest';
import { apiEnvSchema, parseEnv, workerEnvSchema } from './env.js';

describe('env schemas', () => {
  it('work with nothing set', () => {
    const api = parseEnv(apiEnvSchema, {});
    expect(api).toMatchObject({ PORT: 4000, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: 'arbiter' });
    expect(api.WEB_ORIGIN).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    const worker = parseEnv(workerEnvSchema, {});
    expect(worker).toMatchObject({ SANDBOX: 'bwrap', ALLOW_UNSANDBOXED: false });
    expect(worker.WORKER_CONCURRENCY).toBeUndefined();
  });

  it('coerces numbers, flags and lists', () => {
    const worker = parseEnv(workerEnvSchema, { WORKER_CONCURRENCY: '4', ALLOW_UNSANDBOXED: 'true' });
    expect(worker.WORKER_CONCURRENCY).toBe(4);
    expect(worker.ALLOW_UNSANDBOXED).toBe(true);
    const api = parseEnv(apiEnvSchema, { WEB_ORIGIN: 'https://a.example, https://b.example' });
    expect(api.WEB_ORIGIN).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names every bad variable in one error', () => {
    expect(() =>
      parseEnv(apiEnvSchema, { PORT: 'eighty', REDIS_URL: 'http://x', REDIS_PREFIX: 'a b' }),
    ).toThrow(/Invalid environment:\n {2}REDIS_URL: .*\n {2}REDIS_PREFIX: .*\n {2}PORT: /s);
    expect(() => parseEnv(workerEnvSchema, { SANDBOX: 'docker' })).toThrow(/SANDBOX/);
  });

  it('takes WORKER_LANGUAGES as known language ids only', () => {
    expect(parseEnv(workerEnvSchema, { WORKER_LANGUAGES: 'python, cpp,python' }).WORKER_LANGUAGES).toEqual([
      'python',
      'cpp',
    ]);
    expect(parseEnv(workerEnvSchema, {}).WORKER_LANGUAGES).toBeUndefined();
    expect(() => parseEnv(workerEnvSchema, { WORKER_LANGUAGES: 'python,cobolx' })).toThrow(
      /WORKER_LANGUAGES: unknown language id\(s\) cobolx; known: .*python/,
    );
    expect(() => parseEnv(workerEnvSchema, { WORKER_LANGUAGES: ' , ' })).toThrow(
      /WORKER_LANGUAGES: name at least one language id/,
    );
  });

  it('takes WEB_ORIGIN as origins only', () => {
    expect(
      parseEnv(apiEnvSchema, { WEB_ORIGIN: 'https://judge.example/, http://localhost:3000' }).WEB_ORIGIN,
    ).toEqual(['https://judge.example', 'http://localhost:3000']);
    for (const bad of ['https://judge.example/app', 'judge.example', 'ftp://judge.example', '*']) {
      expect(() => parseEnv(apiEnvSchema, { WEB_ORIGIN: bad }), bad).toThrow(
        /WEB_ORIGIN: .* is not an origin/,
      );
    }
  });

  it('trusts proxies on loopback only by default, and only what TRUST_PROXY names', () => {
    expect(parseEnv(apiEnvSchema, {}).TRUST_PROXY).toEqual(['loopback']);
    expect(parseEnv(apiEnvSchema, { TRUST_PROXY: 'none' }).TRUST_PROXY).toEqual([]);
    expect(
      parseEnv(apiEnvSchema, { TRUST_PROXY: 'loopback, uniquelocal, 203.0.113.7, 10.0.0.0/8, fd00::/8' })
        .TRUST_PROXY,
    ).toEqual(['loopback', 'uniquelocal', '203.0.113.7', '10.0.0.0/8', 'fd00::/8']);
    for (const bad of ['everyone', 'true', '10.0.0.0/33', 'loopback, none']) {
      expect(() => parseEnv(apiEnvSchema, { TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: /);
    }
  });
});
