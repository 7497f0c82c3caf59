/**
 * Adds up the sandbox steps of one job into the `compile` and `run` entries of its `timings`: the
 * first start, the last end, the programs' own wall time and the number of sandbox runs per step.
 */
import type { StepTiming } from '@arbiter/contracts';
import type { StepTimes } from './compile-step.js';

export class StepTimings {
  private readonly steps: { compile?: StepTiming; run?: StepTiming } = {};

  /** Pass as `onStep` in the judge's hooks. */
  readonly record = (times: StepTimes): void => {
    const runs = times.cached ? 0 : 1;
    const seen = this.steps[times.step];
    this.steps[times.step] =
      seen === undefined
        ? { start: times.start, end: times.end, programMs: times.programMs, runs }
        : {
            start: seen.start,
            end: times.end,
            programMs: Math.round((seen.programMs + times.programMs) * 100) / 100,
            runs: seen.runs + runs,
          };
  };

  /** The steps seen so far, to spread into `timings`. */
  summary(): { compile?: StepTiming; run?: StepTiming } {
    return { ...this.steps };
  }
}
