/** How a package program's run ended, in words for the messages that name it ("exited with code 3"). */
import type { RunReport } from '@arbiter/sandbox';

export function howRunEnded(report: Pick<RunReport, 'status' | 'exitCode' | 'signal'>): string {
  if (report.status === 'exited') return `exited with code ${report.exitCode ?? '?'}`;
  if (report.status === 'signaled') return `was killed by ${report.signal ?? 'a signal'}`;
  return `was stopped (${report.status})`;
}
