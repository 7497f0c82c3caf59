/**
 * Judging a 50-test submission: the whole `judgeProblem` (sandboxed, compile cached), and what
 * one more test costs once the process runs, from the slope between a 10-test and a 50-test run
 * (so start-up and one-time class loading drop out): Δ run wall / 40. Two-sum's calls take
 * microseconds, so this is the harness and its conversation with the worker. Needs root.
 *
 *   npx tsx bench/harness.ts [repetitions, default 5]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageId } from '@arbiter/contracts';
import {
  CompileCache,
  buildPrecompiledHeader,
  judgeProblem,
  judgeProgram,
  judgeReadOnlyPaths,
  precompiledHeaderDir,
  type CompileContext,
} from '@arbiter/judge';
import { loadCatalog, problemLimits, type FunctionProblem } from '@arbiter/problems';
import { createBwrapSandbox } from '@arbiter/sandbox';
import { makeBenchCatalog } from './support/catalog.js';
import { median } from './support/stats.js';

const REPS = Number(process.argv[2] ?? 5);
const TESTS = 50;
const FEW = 10;

const HELLO: Partial<Record<LanguageId, string>> = {
  python: 'pass',
  cpp: 'int main() { return 0; }',
  java: 'public class Main { public static void main(String[] a) {} }',
};

async function main(): Promise<void> {
  // two-sum with exactly 50 tests (the real catalog has 34), and the first 10 of them.
  const benchCatalog = makeBenchCatalog();
  const catalog = await loadCatalog(benchCatalog.dir);
  benchCatalog.remove();
  const full = catalog.get('two-sum') as FunctionProblem;
  const problem: FunctionProblem = { ...full, hidden: full.hidden.slice(0, TESTS - full.samples.length) };
  if (problem.samples.length + problem.hidden.length !== TESTS) throw new Error('two-sum needs 50 tests');
  const small: FunctionProblem = { ...full, hidden: full.hidden.slice(0, FEW - full.samples.length) };
  const cacheRoot = mkdtempSync(join(tmpdir(), 'bench-harness-'));
  chmodSync(cacheRoot, 0o755);
  const pch = await buildPrecompiledHeader(precompiledHeaderDir(cacheRoot, 'bench'));
  const context: CompileContext = { cache: new CompileCache(), pchDir: pch?.includeDir };
  const sandbox = await createBwrapSandbox({
    slots: 1,
    cgroupRoot: 'arbiter-bench-harness',
    uidBase: 19_101,
    extraRoBinds: [...judgeReadOnlyPaths(), ...(pch ? [pch.includeDir] : [])],
  });
  const rows: string[] = [];
  try {
    for (const language of ['python', 'cpp', 'java'] as LanguageId[]) {
      const code = full.solutions.find((s) => s.language === language)?.code ?? '';
      const limits = problemLimits(problem);
      const job = { problem, language, code, mode: 'submit' as const, limits };
      await judgeProblem(job, sandbox, {}, context); // compile once (cached afterwards)
      const judged: number[] = [];
      const runWall: number[] = [];
      const inside: number[] = [];
      for (let i = 0; i < REPS; i += 1) {
        const started = performance.now();
        const outcome = await judgeProblem(job, sandbox, {}, context);
        judged.push(performance.now() - started);
        if (outcome.verdict !== 'ACCEPTED') throw new Error(`${language}: ${outcome.verdict}`);
        runWall.push(outcome.wallTimeMs ?? NaN);
        inside.push(outcome.tests.reduce((sum, test) => sum + test.timeMs, 0));
      }
      const hello = HELLO[language] ?? '';
      await judgeProgram({ language, code: hello, stdin: '', limits }, sandbox, {}, context);
      const start: number[] = [];
      for (let i = 0; i < REPS; i += 1) {
        const outcome = await judgeProgram(
          { language, code: hello, stdin: '', limits },
          sandbox,
          {},
          context,
        );
        start.push(outcome.wallTimeMs ?? NaN);
      }
      const fewWall: number[] = [];
      for (let i = 0; i < REPS; i += 1) {
        const outcome = await judgeProblem({ ...job, problem: small }, sandbox, {}, context);
        fewWall.push(outcome.wallTimeMs ?? NaN);
      }
      // The slope between 10 and 50 tests: start-up and one-time class loading drop out. What one more
      // test costs the run: handing it over, the call, the answer (two-sum's calls take microseconds).
      const perTest = (median(runWall) - median(fewWall)) / (TESTS - FEW);
      rows.push(
        `| ${language} | ${TESTS} | ${median(judged).toFixed(1)} | ${median(runWall).toFixed(1)} | ${median(start).toFixed(1)} | ${median(inside).toFixed(2)} | ${(perTest * 1000).toFixed(0)} µs |`,
      );
    }
  } finally {
    await sandbox.close();
    rmSync(cacheRoot, { recursive: true, force: true });
  }
  console.log(`\ntwo-sum, ${TESTS} tests, submit mode, median of ${REPS} (ms)\n`);
  console.log(
    '| language | tests | judgeProblem | run wall | process start (hello) | per-test times, summed | run wall per test (10→50 slope) |',
  );
  console.log('|---|--:|--:|--:|--:|--:|--:|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
