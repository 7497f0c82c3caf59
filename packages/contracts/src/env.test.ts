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
});
