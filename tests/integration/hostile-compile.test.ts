/**
 * Source code that makes a transpiler blow up, through `POST /submit` → worker (its own process) → sandbox:
 * a TypeScript `enum` whose members double a string (2^40 bytes when folded) and 17,000 nested blocks in
 * JavaScript. esbuild runs in the sandbox with the compile step's limits, so each ends with a verdict, the
 * worker process stays up, and the next job is judged normally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import {
  base,
  cleanup,
  spawnApp,
  startApi,
  submit,
  testPrefix,
  waitForResult,
  type ChildApp,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let url: string;
let worker: ChildApp;

beforeAll(async () => {
  api = await startApi(prefix);
  url = base(api);
  worker = await spawnApp('worker', { REDIS_PREFIX: prefix, WORKER_CONCURRENCY: '1' }, 'worker ready');
});

afterAll(async () => {
  worker?.child.kill('SIGKILL');
  await worker?.exited;
  await api?.close(1_000);
  await cleanup(prefix);
});

/** ~580 bytes: each member is the previous one twice, so constant folding doubles it 40 times. */
const ENUM_BOMB = [
  'enum E {',
  '  a = "xx",',
  ...Array.from({ length: 40 }, (_, i) => {
    const prev = i === 0 ? 'a' : `m${i - 1}`;
    return `  m${i} = ${prev} + ${prev},`;
  }),
  '}',
  'console.log(E.m39.length);',
].join('\n');

const NESTED_BLOCKS = '{'.repeat(17_000) + '}'.repeat(17_000);

describe('transpiler bombs', () => {
  it('a doubling TypeScript enum is a compile error and the worker stays up', async () => {
    expect(ENUM_BOMB.length).toBeLessThan(1_200);
    const jobId = await submit(url, { language: 'typescript', code: ENUM_BOMB });
    const result = await waitForResult(url, jobId, 90_000);
    expect(result).toMatchObject({ status: 'completed', verdict: 'COMPILE_ERROR' });
    expect(result.compileOutput).toMatch(/Compilation (ran out of memory|took too long|wrote a file over)/);
    expect(worker.child.exitCode).toBeNull();
  }, 120_000);

  it('17,000 nested blocks in JavaScript and in TypeScript end with a verdict and the worker stays up', async () => {
    const js = await submit(url, { language: 'javascript', code: NESTED_BLOCKS });
    const ts = await submit(url, { language: 'typescript', code: NESTED_BLOCKS });
    for (const jobId of [js, ts]) {
      const result = await waitForResult(url, jobId, 90_000);
      expect(result.status).toBe('completed');
      expect(result.verdict).not.toBe('INTERNAL_ERROR');
    }
    expect(worker.child.exitCode).toBeNull();
  }, 180_000);

  it('the next jobs, in both languages, are judged normally by the same worker process', async () => {
    for (const language of ['typescript', 'javascript'] as const) {
      const jobId = await submit(url, {
        language,
        code: 'const n: number = 6 * 7;\nconsole.log(n)'.replace(
          ': number',
          language === 'typescript' ? ': number' : '',
        ),
      });
      const result = await waitForResult(url, jobId, 30_000);
      expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', stdout: '42\n' });
    }
    const broken = await submit(url, { language: 'typescript', code: 'let x y' });
    const result = await waitForResult(url, broken, 30_000);
    expect(result.verdict).toBe('COMPILE_ERROR');
    expect(result.compileOutput).toMatch(/^main\.ts:1:7: error: Expected ";" but found "y"/);
    expect(worker.child.exitCode).toBeNull();
    expect(worker.output()).not.toMatch(/ERR_STRING_TOO_LONG|uncaught/i);
  }, 90_000);
});
