/**
 * The worker's start-up self-test in the real sandbox: it advertises (registry, `GET /languages`, Judge0's
 * languages, Piston's runtimes) only the languages whose sample printed the right sum, with their versions;
 * a language whose toolchain is broken is not offered and a submit in it is refused; a worker whose every
 * self-test fails refuses to start and says why.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageInfo } from '@arbiter/contracts';
import {
  LANGUAGE_IDS,
  LISTED_LANGUAGE_IDS,
  RECIPES,
  type LanguageId,
  type LanguageRecipe,
} from '@arbiter/languages';
import { WorkerRegistry, createKeys } from '@arbiter/queue';
import type { RunningWorker } from '@arbiter/worker';
import { REDIS_URL, post, startWorkerInProcess } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0' }, worker: false });
const MISSING = '/usr/bin/arbiter-test-missing-interpreter';

/** The recipe with its run step pointing at a binary that is not there: a toolchain installed but broken. */
function broken(recipe: LanguageRecipe): LanguageRecipe {
  return { ...recipe, run: (files, context) => [MISSING, ...recipe.run(files, context).slice(1)] };
}

let redis: Redis;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  worker = await startWorkerInProcess(platform.prefix, {}, { recipes: { python: broken(RECIPES.python) } });
}, scaledMs(240_000));

afterAll(async () => {
  await worker?.stop(2_000);
  redis?.disconnect();
});

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${platform.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('language self-test at worker start', () => {
  it('advertises the languages whose sample ran, with versions, and not the broken one', async () => {
    const [advert] = await new WorkerRegistry(redis, createKeys(platform.prefix)).live();
    const ids = advert?.languages.map((language) => language.id) ?? [];
    expect(ids).not.toContain('python');
    // This host has Node.js (the tests run on it): JavaScript passes its self-test.
    expect(ids).toContain('javascript');
    for (const language of advert?.languages ?? []) expect(language.version).toMatch(/\d/);

    // Our own /languages lists the advertised languages but the unlisted ones (Judge0's multi-file program).
    expect(ids).toContain('multifile');
    const offered = await getJson<LanguageInfo[]>('/languages');
    expect(offered.map((language) => language.id).sort()).toEqual(
      ids.filter((id) => LISTED_LANGUAGE_IDS.includes(id)).sort(),
    );
    const judge0 = await getJson<{ name: string }[]>('/judge0/languages');
    expect(judge0.some((language) => /^Python/.test(language.name))).toBe(false);
    expect(judge0.some((language) => /^JavaScript/.test(language.name))).toBe(true);
    const piston = await getJson<{ language: string }[]>('/piston/api/v2/runtimes');
    expect(piston.map((runtime) => runtime.language)).not.toContain('python');
    expect(piston.map((runtime) => runtime.language)).toContain('javascript');
  });

  it('refuses a submit in the language that failed its self-test, naming what is available', async () => {
    const answer = await post(platform.url, '/submit', { language: 'python', code: 'print(1)' });
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'LANGUAGE_UNAVAILABLE' } } });
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/python.*javascript/s);
  });

  it('offers only the WORKER_LANGUAGES it is given, probing no other toolchain', async () => {
    const only = await startWorkerInProcess(platform.prefix, {
      WORKER_ID: 'only-js-c',
      WORKER_LANGUAGES: 'javascript,c',
    });
    try {
      const live = await new WorkerRegistry(redis, createKeys(platform.prefix)).live();
      const advert = live.find((candidate) => candidate.id === 'only-js-c');
      expect(advert?.languages.map((language) => language.id).sort()).toEqual(['c', 'javascript']);
    } finally {
      await only.stop(2_000);
    }
  });

  it('refuses to start a worker whose every self-test fails, saying why', async () => {
    const recipes = Object.fromEntries(LANGUAGE_IDS.map((id) => [id, broken(RECIPES[id])])) as Record<
      LanguageId,
      LanguageRecipe
    >;
    // Three languages are enough to show it, and spare compiling the whole catalogue's samples.
    const started = startWorkerInProcess(
      platform.prefix,
      { WORKER_ID: 'all-broken', WORKER_LANGUAGES: 'javascript,python,c' },
      { recipes },
    );
    await expect(started).rejects.toThrow(/every language's self-test failed.*javascript: /s);
    const live = await new WorkerRegistry(redis, createKeys(platform.prefix)).live();
    expect(live.map((advert) => advert.id)).not.toContain('all-broken');
  });
});
