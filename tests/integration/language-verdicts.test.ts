/**
 * Every language the worker offers, judged through `POST /submit` (real API, worker and sandbox) on the
 * programs its own folder gives (`meta.samples`, and `meta.sample` for A+B): hello, A+B, compile error (a
 * syntax error for an interpreter), runtime error, time and memory limits. Table-driven: a new language
 * brings its programs and this file judges them. A language whose toolchain is not installed on this host is
 * skipped; one that is installed but not offered (its self-test failed) fails.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JobResult, LanguageInfo } from '@arbiter/contracts';
import {
  LANGUAGES,
  LISTED_LANGUAGE_IDS,
  RECIPES,
  SELF_TEST_INPUT,
  SELF_TEST_OUTPUT,
  type LanguageId,
  type LanguageSamples,
} from '@arbiter/languages';
import { submit, waitForResult } from '../support/platform.js';
import { cpuScaledMs, scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({
  api: { SUBMIT_RATE_PER_MINUTE_IP: '0', MAX_TIME_MS: String(Math.max(15_000, scaledMs(15_000))) },
  worker: { WORKER_CONCURRENCY: '3', COMPILE_TIME_MS: String(Math.max(20_000, scaledMs(20_000))) },
});

/** Room for a language's start (an interpreter's or a VM's) on this machine, as CPU time. */
const START_MS = Math.max(5_000, scaledMs(5_000));
/** The CPU a busy loop gets past the language's start before its time limit. */
const BUSY_MS = cpuScaledMs(1_000);
const MEMORY_MB = 256;

type Case = 'hello' | 'aPlusB' | 'compileError' | 'runtimeError' | 'timeLimit' | 'memoryLimit';
const CASES: readonly Case[] = [
  'hello',
  'aPlusB',
  'compileError',
  'runtimeError',
  'timeLimit',
  'memoryLimit',
];

/** Where the recipe checks the code before running it, a syntax error is a compile error. */
function checksBeforeRunning(id: LanguageId): boolean {
  const recipe = RECIPES[id];
  return recipe.compile !== undefined || recipe.compileErrorMarker !== undefined;
}

let offered: Promise<Map<string, LanguageInfo>> | undefined;
/** The languages the worker advertises (it has started: usePlatform's beforeAll has run). */
function offeredLanguages(): Promise<Map<string, LanguageInfo>> {
  offered ??= fetch(`${platform.url}/languages`)
    .then((response) => response.json() as Promise<LanguageInfo[]>)
    .then((list) => new Map(list.map((info) => [info.id, info])));
  return offered;
}

/** Each language's hello, judged once: its CPU time is the language's start, which the time-limit case builds on. */
const hellos = new Map<LanguageId, Promise<JobResult>>();

async function judge(id: LanguageId, code: string, timeMs: number, stdin?: string): Promise<JobResult> {
  const jobId = await submit(platform.url, {
    language: id,
    code,
    stdin,
    limits: { timeMs, memoryMb: MEMORY_MB },
  });
  return waitForResult(platform.url, jobId, scaledMs(120_000));
}

function hello(id: LanguageId, samples: LanguageSamples): Promise<JobResult> {
  let result = hellos.get(id);
  if (result === undefined) {
    result = judge(id, samples.hello, START_MS);
    hellos.set(id, result);
  }
  return result;
}

// Unlisted languages (Judge0's multi-file program) are not offered here: judge0-multifile.test.ts has it.
const LISTED = LANGUAGES.filter((meta) => LISTED_LANGUAGE_IDS.includes(meta.id));

describe.each(LISTED.map((meta) => [meta.id, meta] as const))('%s', (id, meta) => {
  it.for(CASES)('%s', { concurrent: true, timeout: scaledMs(240_000) }, async (which, context) => {
    const info = (await offeredLanguages()).get(id);
    if (info === undefined) {
      const toolchain = RECIPES[id].version.argv[0] ?? '';
      // Installed but not offered: its self-test failed, which is what this file is here to catch.
      expect(existsSync(toolchain), `${id}'s toolchain ${toolchain} is installed but not offered`).toBe(
        false,
      );
      context.skip();
      return;
    }
    const samples: LanguageSamples = meta.samples;
    switch (which) {
      case 'hello': {
        const result = await hello(id, samples);
        expect(result).toMatchObject({
          status: 'completed',
          verdict: 'ACCEPTED',
          stdout: 'hello\n',
          exitCode: 0,
        });
        break;
      }
      case 'aPlusB': {
        const result = await judge(id, meta.sample, START_MS, SELF_TEST_INPUT);
        expect(result).toMatchObject({
          status: 'completed',
          verdict: 'ACCEPTED',
          stdout: SELF_TEST_OUTPUT,
        });
        break;
      }
      case 'compileError': {
        const result = await judge(id, samples.compileError, START_MS);
        if (checksBeforeRunning(id)) {
          expect(result).toMatchObject({ status: 'completed', verdict: 'COMPILE_ERROR' });
          expect(result.compileOutput.length).toBeGreaterThan(0);
          expect(result.timeMs).toBeNull();
        } else {
          expect(result).toMatchObject({ status: 'completed', verdict: 'RUNTIME_ERROR', stdout: '' });
          expect(result.stderr.length).toBeGreaterThan(0);
        }
        break;
      }
      case 'runtimeError': {
        const result = await judge(id, samples.runtimeError, START_MS);
        expect(result).toMatchObject({ status: 'completed', verdict: 'RUNTIME_ERROR', stdout: 'before\n' });
        break;
      }
      case 'timeLimit': {
        // The loop itself must reach the limit: the language's start plus BUSY_MS of looping.
        const start = (await hello(id, samples)).timeMs;
        const timeMs = Math.min(START_MS, Math.ceil(start ?? START_MS) + BUSY_MS);
        const result = await judge(id, samples.timeLimit, timeMs);
        expect(result, JSON.stringify({ timeMs, start })).toMatchObject({
          status: 'completed',
          verdict: 'TIME_LIMIT_EXCEEDED',
        });
        // Not `timeMs >= limit`: on a loaded host the wall clock (3 × the CPU limit + 1 s) may stop the loop first.
        break;
      }
      case 'memoryLimit': {
        // Filling the memory costs CPU in page faults: the CPU limit leaves room for the memory limit.
        const result = await judge(id, samples.memoryLimit, Math.max(10_000, scaledMs(10_000)));
        expect(result).toMatchObject({ status: 'completed', verdict: 'MEMORY_LIMIT_EXCEEDED' });
        break;
      }
    }
  });
});
