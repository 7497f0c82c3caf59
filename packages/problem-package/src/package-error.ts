/** The error a package that cannot be judged raises: every problem found, each naming its file. */

export interface PackageIssue {
  /** Path inside the package (`problem.yaml`, `data/secret/g1/testdata.yaml`), or '' for the package itself. */
  readonly file: string;
  readonly message: string;
}

export const formatPackageIssue = (issue: PackageIssue): string =>
  issue.file === '' ? issue.message : `${issue.file}: ${issue.message}`;

export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(readonly issues: readonly PackageIssue[]) {
    super(issues.map(formatPackageIssue).join('\n'));
  }
}
