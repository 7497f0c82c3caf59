/**
 * A sandbox view for runs the judge may stop itself (the first failing test of a submission).
 * `runProgram` throws `AbortError` for an aborted run and drops its report; a stop of our own is
 * a normal end, so this view reports it as an exit without a code (keeping the CPU time and memory
 * measured so far), while an abort from outside (the job was cancelled) still surfaces as `aborted`.
 */
import type { RunReport, Sandbox } from '@arbiter/sandbox';

export function stoppableSandbox(sandbox: Sandbox, stop: AbortSignal, external?: AbortSignal): Sandbox {
  return {
    kind: sandbox.kind,
    driver: sandbox.driver,
    async run(request): Promise<RunReport> {
      const report = await sandbox.run(request);
      if (report.status === 'aborted' && stop.aborted && !external?.aborted) {
        return { ...report, status: 'exited', exitCode: null, signal: null };
      }
      return report;
    },
    runGroup: (requests, onReport) => sandbox.runGroup(requests, onReport),
    close: () => sandbox.close(),
  };
}

/** A signal that fires when either fires. */
export function eitherSignal(a: AbortSignal, b: AbortSignal | undefined): AbortSignal {
  return b === undefined ? a : AbortSignal.any([a, b]);
}
