/**
 * Live workers decide what can be run: `GET /languages` lists what their heartbeats advertise,
 * and a job in a language none of them has is refused instead of waiting forever. With no live
 * worker at all, jobs are accepted and wait for one.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerRegistry, createKeys } from '@arbiter/queue';
import { REDIS_URL, post, waitFor } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0' }, worker: false });
let redis: Redis;
let registry: WorkerRegistry;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  registry = new WorkerRegistry(redis, createKeys(platform.prefix));
});

afterAll(async () => {
  redis?.disconnect();
});

/** A platform.worker that can run Python only, as its heartbeat tells the registry. */
async function pythonOnlyWorker(): Promise<void> {
  await registry.heartbeat(
    {
      id: 'python-only',
      host: 'test',
      pid: 1,
      concurrency: 1,
      active: 0,
      sandbox: 'bwrap',
      sandboxDriver: 'cgroup-v1',
      languages: [{ id: 'python', name: 'Python', version: '3' }],
      version: 'test',
      startedAt: new Date().toISOString(),
    },
    60_000,
  );
}

describe('languages of live workers', () => {
  it('accepts jobs while no platform.worker is live: they wait for one', async () => {
    expect((await post(platform.url, '/submit', { language: 'cpp', code: 'int main(){}' })).status).toBe(202);
  });

  it('refuses a language no live platform.worker has, saying which ones are available', async () => {
    await pythonOnlyWorker();
    const languages = (await (await fetch(`${platform.url}/languages`)).json()) as { id: string }[];
    expect(languages.map((language) => language.id)).toEqual(['python']);

    // The API reads the workers' adverts at most once a second.
    let answer = await post(platform.url, '/submit', { language: 'cpp', code: 'int main(){}' });
    await waitFor(
      async () => {
        answer = await post(platform.url, '/submit', { language: 'cpp', code: 'int main(){}' });
        return answer.status !== 202;
      },
      5_000,
      () => `cpp was still accepted: ${JSON.stringify(answer)}`,
    );
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'LANGUAGE_UNAVAILABLE' } } });
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/available now: python/);
    expect((await post(platform.url, '/submit', { language: 'python', code: 'print(1)' })).status).toBe(202);
  });

  it('accepts the language again once its platform.worker is back', async () => {
    await registry.remove('python-only');
    await waitFor(
      async () =>
        (await post(platform.url, '/submit', { language: 'cpp', code: 'int main(){}' })).status === 202,
      5_000,
      () => 'cpp stayed refused after the python-only platform.worker left',
    );
  });
});
