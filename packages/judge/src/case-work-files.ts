/** A package case's `X.files` (2025-09) as the bytes to put in a run's working directory. */
import type { ProblemPackage, TestCase } from '@arbiter/problem-package';
import { InfrastructureError } from './verdict.js';

/** The case's files by their path in the working directory, or undefined when it has none. */
export function caseWorkFiles(
  pkg: ProblemPackage,
  testCase: TestCase,
): Record<string, Uint8Array> | undefined {
  if (testCase.files === undefined) return undefined;
  const out: Record<string, Uint8Array> = {};
  for (const [relative, path] of Object.entries(testCase.files)) {
    const file = pkg.files.get(path);
    if (file === undefined) throw new InfrastructureError(`package file ${path} is missing`);
    out[relative] = file.bytes;
  }
  return out;
}
