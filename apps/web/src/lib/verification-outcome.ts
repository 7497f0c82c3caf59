// How the verification report words a verified submission: its submissions.yaml rules and its outcome.
import type { ExpectationCheck, VerifiedSubmission } from '@arbiter/contracts';

/** What a rule asks, e.g. `permitted AC, WA; required WA; score 0–50` (`any verdict` when nothing). */
export function describeExpectation(check: ExpectationCheck): string {
  const parts: string[] = [];
  if (check.permitted !== undefined)
    parts.push(
      check.permitted.length === 0 ? 'no verdict permitted' : `permitted ${check.permitted.join(', ')}`,
    );
  if (check.required !== undefined)
    parts.push(check.required.length === 0 ? 'nothing required' : `required ${check.required.join(', ')}`);
  if (check.score !== undefined) {
    const [low, high] = check.score;
    parts.push(low === high ? `score ${low}` : `score ${low}–${high}`);
  }
  return parts.length === 0 ? 'any verdict' : parts.join('; ');
}

export interface SubmissionOutcome {
  /** `OK`, `Not judged`, `Fails its label` or `Fails submissions.yaml`. */
  label: string;
  tone: 'ok' | 'bad' | 'muted';
  /** The patterns of the submissions.yaml rules that did not hold. */
  failedRules: string[];
}

/**
 * The Label column: a submission listed but not judged (no header, label or key; `got` null while it passes)
 * is "Not judged", not "OK"; one failing a submissions.yaml rule names the rules that failed.
 */
export function submissionOutcome(
  item: Pick<VerifiedSubmission, 'ok' | 'got' | 'expectations'>,
): SubmissionOutcome {
  const failedRules = (item.expectations ?? []).filter((check) => !check.ok).map((check) => check.pattern);
  if (item.ok) {
    return item.got === null
      ? { label: 'Not judged', tone: 'muted', failedRules }
      : { label: 'OK', tone: 'ok', failedRules };
  }
  return failedRules.length > 0
    ? { label: 'Fails submissions.yaml', tone: 'bad', failedRules }
    : { label: 'Fails its label', tone: 'bad', failedRules };
}
