/** 2025-09 `X.files`: a test case's files for the submission's working directory, read under caps. */
import type { PackageIssue } from './package-error.js';
import type { PackageFile } from './package-files.js';
import { validatorFile } from './validator-file.js';

/** How much a package's `X.files` folders may hold: they are written into the sandbox on every run. */
export const CASE_FILES_LIMITS = {
  /** Files in one case's folder (its subfolders included). */
  maxFilesPerCase: 64,
  /** Bytes of one case's files together. */
  maxBytesPerCase: 16 * 1024 * 1024,
  /** Bytes of every case's files together. */
  maxBytesTotal: 128 * 1024 * 1024,
} as const;

export type CaseFilesLimits = { [K in keyof typeof CASE_FILES_LIMITS]: number };

/** The specification's rule for every file and folder name of a package. */
const NAME = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}$/;

/** Bytes already taken by the package's `X.files` folders, shared by every case as they are read. */
export interface CaseFilesBudget {
  used: number;
  /** The total cap was reported (once, at the case that passed it). */
  passed?: boolean;
}

/**
 * A case's files by their path in the working directory (`data.txt`, `maps/a.txt`) to their path in the
 * package. `files` are the folder's files, `folder` its path with a trailing slash. A file whose path has
 * a name the specification does not allow (one starting with a dot or a dash, say) is treated as absent,
 * as the specification says, and listed in `ignored`. Paths are the package's own: the zip and folder
 * readers already refused `..`, absolute paths and links that leave the package, and copied the others.
 */
export function readCaseFiles(
  folder: string,
  files: readonly PackageFile[],
  budget: CaseFilesBudget,
  issues: PackageIssue[],
  ignored: string[],
  limits: CaseFilesLimits = CASE_FILES_LIMITS,
): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  let bytes = 0;
  for (const file of files) {
    const relative = file.path.slice(folder.length);
    if (!relative.split('/').every((part) => NAME.test(part))) {
      ignored.push(file.path);
      continue;
    }
    count++;
    bytes += file.bytes.length;
    budget.used += file.bytes.length;
    out[relative] = file.path;
  }
  const name = folder.replace(/\/$/, '');
  if (count > limits.maxFilesPerCase)
    issues.push({ file: name, message: `more than ${limits.maxFilesPerCase} files` });
  if (bytes > limits.maxBytesPerCase)
    issues.push({ file: name, message: `its files pass ${limits.maxBytesPerCase} bytes together` });
  else if (budget.used > limits.maxBytesTotal && budget.passed !== true) {
    budget.passed = true;
    issues.push({
      file: name,
      message: `the test cases' .files folders pass ${limits.maxBytesTotal} bytes together`,
    });
  }
  return out;
}

/**
 * The specification's error of a case file with the name of one of an input validator's own files (both
 * land in the validator's working directory): one issue per clash, naming the case's file. `validators`
 * are the validator files' package paths (`input_validators/v.py`, `input_validators/dir/x.h`); a file of
 * a folder validator is named by its path in that folder, a single-file validator by its file name.
 */
export function caseFileClashes(
  cases: readonly { files?: Readonly<Record<string, string>> }[],
  validators: readonly string[],
): PackageIssue[] {
  const names = new Set(validators.map((path) => validatorFile(path).file));
  const issues: PackageIssue[] = [];
  for (const testCase of cases)
    for (const [relative, path] of Object.entries(testCase.files ?? {}))
      if (names.has(relative))
        issues.push({
          file: path,
          message: `has the name of an input validator's file (${relative}); both would be in the validator's working directory`,
        });
  return issues;
}
