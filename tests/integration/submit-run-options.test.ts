/** `redirectStderrToStdout` and `numberOfRuns` of POST /submit, through the worker and sandbox. */
import { describe, expect, it } from 'vitest';
import { post, submit, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform();

type Refusal = { error: { code: string; message: string } };

describe('POST /submit with redirectStderrToStdout', () => {
  it('folds stderr into stdout in the order written, leaving stderr empty', async () => {
    const code =
      'import sys\nprint("one", flush=True)\nprint("two", file=sys.stderr, flush=True)\nprint("three")';
    const plain = await waitForResult(platform.url, await submit(platform.url, { language: 'python', code }));
    expect(plain).toMatchObject({ stdout: 'one\nthree\n', stderr: 'two\n' });
    const jobId = await submit(platform.url, { language: 'python', code, redirectStderrToStdout: true });
    expect(await waitForResult(platform.url, jobId)).toMatchObject({
      verdict: 'ACCEPTED',
      stdout: 'one\ntwo\nthree\n',
      stderr: '',
    });
  });

  it('still reports a syntax error as a compile error', async () => {
    const jobId = await submit(platform.url, {
      language: 'python',
      code: 'print(',
      redirectStderrToStdout: true,
    });
    const result = await waitForResult(platform.url, jobId);
    expect(result.verdict).toBe('COMPILE_ERROR');
    expect(result.stdout).toBe('');
  });
});

describe('POST /submit with numberOfRuns', () => {
  // Runs leave nothing behind (each starts from a fresh work dir): the worker's step timings count them.
  const runs = (result: { timings?: { run?: { runs: number } } }) => result.timings?.run?.runs;

  it('runs the program three times: the output is the last run, the times an average of three', async () => {
    const code = 'import time\ntime.sleep(0.4)\nprint("ok")';
    const jobId = await submit(platform.url, { language: 'python', code, numberOfRuns: 3 });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result).toMatchObject({ verdict: 'ACCEPTED', stdout: 'ok\n' });
    expect(runs(result)).toBe(3);
    expect(result.wallTimeMs).toBeGreaterThanOrEqual(400);
    // An average of three runs, not their sum: the run step's own wall time holds all three.
    const step = result.timings?.run;
    expect(result.wallTimeMs).toBeLessThan(((step?.end ?? 0) - (step?.start ?? 0)) / 2);
  });

  it('stops at the first run that is not accepted, as Judge0 does', async () => {
    const code = 'import time\ntime.sleep(0.5)\nraise SystemExit(3)';
    const jobId = await submit(platform.url, { language: 'python', code, numberOfRuns: 20 });
    const result = await waitForResult(platform.url, jobId, 60_000);
    expect(result).toMatchObject({ verdict: 'RUNTIME_ERROR', exitCode: 3 });
    expect(runs(result)).toBe(1);
  });

  it('refuses 0, 21 and fractions with 400, and any number on a problem', async () => {
    for (const numberOfRuns of [0, 21, 1.5]) {
      const answer = await post(platform.url, '/submit', { language: 'python', code: 'x', numberOfRuns });
      expect(answer.status, String(numberOfRuns)).toBe(400);
      expect((answer.body as Refusal).error.message).toContain('numberOfRuns');
    }
    const problem = await post(platform.url, '/submit', {
      language: 'python',
      code: 'x',
      problem: 'two-sum',
      numberOfRuns: 2,
    });
    expect(problem.status).toBe(400);
    expect((problem.body as Refusal).error.message).toContain('"numberOfRuns" is for free runs');
  });
});
