/** The job of a free run (no problem; a user's when signed in), as the compatible APIs queue it. */
import { randomUUID } from 'node:crypto';
import type { JobData, LanguageId } from '@arbiter/contracts';

export interface FreeRun {
  language: LanguageId;
  code: string;
  stdin: string;
  limits: JobData['limits'];
  args?: string[];
  options?: JobData['options'];
  /** The signed-in user it belongs to (their history); absent: anonymous. */
  userId?: string | null;
}

export function freeRunJob(run: FreeRun): JobData {
  return {
    jobId: randomUUID(),
    language: run.language,
    code: run.code,
    stdin: run.stdin,
    mode: 'run',
    problem: null,
    tests: [],
    userId: run.userId ?? null,
    rejudgeOf: null,
    limits: run.limits,
    ...(run.args !== undefined && run.args.length > 0 ? { args: run.args } : {}),
    ...(run.options !== undefined ? { options: run.options } : {}),
    createdAt: Date.now(),
  };
}
