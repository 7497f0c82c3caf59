/** The error `loadProblem` and `loadCatalog` throw: every problem found, each naming its file and field. */

export interface ProblemIssue {
  /** Path of the file, relative to where loading started when possible. */
  file: string;
  /** Dotted path of the field inside the file (`function.params.1.type`, `[3].args[0]`), or '' for the whole file. */
  field: string;
  message: string;
}

export class ProblemFormatError extends Error {
  override name = 'ProblemFormatError';
  constructor(readonly issues: ProblemIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

export function formatIssue(issue: ProblemIssue): string {
  return issue.field === ''
    ? `${issue.file}: ${issue.message}`
    : `${issue.file}: ${issue.field}: ${issue.message}`;
}
