/**
 * Where a job's time goes, from the timestamps each stage records (`result.timings`, see
 * docs/API.md) and the client's own: sent → accepted by the API → queued → picked by a worker →
 * marked running → compile and run in the sandbox (each split into the sandbox's own set-up and
 * clean-up, and the program's wall time) → result stored → result event received.
 */
import type { JobRun } from './client.js';
import { mean, ms } from './stats.js';

export const STAGES = [
  ['http', 'HTTP in + checks'],
  ['accept', 'API: row, record, event, enqueue'],
  ['queue', 'queue wait'],
  ['before', 'worker: before the first step'],
  ['compileSandbox', 'compile: sandbox'],
  ['compileProgram', 'compile: compiler'],
  ['runSandbox', 'run: sandbox'],
  ['runProgram', 'run: program'],
  ['after', 'worker: between and after steps'],
  ['delivery', 'result: store, relay, socket'],
] as const;

export type Stage = (typeof STAGES)[number][0];

/** Each stage's ms for one job; null when the result carries no timings. */
export function stagesOf(run: JobRun): Record<Stage, number> | null {
  const t = run.result.timings;
  if (t === undefined) return null;
  const compileTotal = t.compile === undefined ? 0 : t.compile.end - t.compile.start;
  const compileProgram = t.compile?.programMs ?? 0;
  const runTotal = t.run === undefined ? 0 : t.run.end - t.run.start;
  const runProgram = t.run?.programMs ?? 0;
  const firstStart = Math.min(t.compile?.start ?? Infinity, t.run?.start ?? Infinity, t.finishedAt);
  return {
    http: t.acceptedAt - run.sentAt,
    accept: t.enqueuedAt - t.acceptedAt,
    queue: t.pickedAt - t.enqueuedAt,
    // Parsing the job, preparing the source (esbuild, the harness), the compile cache.
    before: firstStart - t.pickedAt,
    compileSandbox: compileTotal - compileProgram,
    compileProgram,
    runSandbox: runTotal - runProgram,
    runProgram,
    // Between the steps, then waiting for the `running` marks and the last output to be stored.
    after: t.finishedAt - firstStart - compileTotal - runTotal,
    delivery: run.resultAt - t.finishedAt,
  };
}

/** Mean ms per stage over `runs` (means add up to the mean total, which medians would not). */
export function meanStages(runs: JobRun[]): { stages: Record<Stage, number>; total: number } | null {
  const all = runs.map(stagesOf).filter((s): s is Record<Stage, number> => s !== null);
  if (all.length === 0) return null;
  const stages = Object.fromEntries(STAGES.map(([key]) => [key, mean(all.map((s) => s[key]))])) as Record<
    Stage,
    number
  >;
  return { stages, total: mean(runs.map((run) => run.resultAt - run.sentAt)) };
}

export function breakdownRow(label: string[], runs: JobRun[]): string[] {
  const found = meanStages(runs);
  if (found === null) return [...label, ...STAGES.map(() => '–'), '–'];
  return [...label, ...STAGES.map(([key]) => ms(found.stages[key])), ms(found.total)];
}

export const BREAKDOWN_HEADER = STAGES.map(([, name]) => name);
