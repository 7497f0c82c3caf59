/** `submissions/submissions.yaml` (2025-09; `expectations.yaml` in 2023-07 drafts): glob patterns giving submissions permitted and required verdicts and a score. */
import type { PackageFile } from './package-files.js';
import type { PackageIssue } from './package-error.js';
import { readYaml } from './yaml-file.js';

/** A test case's verdict as the file names it (a memory or output limit is a crash, `RTE`). */
export type CaseVerdict = 'AC' | 'WA' | 'TLE' | 'RTE';
const CASE_VERDICTS: readonly CaseVerdict[] = ['AC', 'WA', 'TLE', 'RTE'];

/** One rule a submission must satisfy. */
export interface SubmissionExpectation {
  /** The key that gave it (`accepted`, `mixed/*.py`), with the test data glob when it has one. */
  readonly pattern: string;
  /** A glob over test groups and cases relative to `data/` (`secret/group1`); absent: every case. */
  readonly cases?: string;
  /** Every case's verdict must be one of these; absent: any. */
  readonly permitted?: readonly CaseVerdict[];
  /** At least one case's verdict must be one of these; absent: no such demand. */
  readonly required?: readonly CaseVerdict[];
  /** The submission's score must lie in this inclusive range (scoring problems). */
  readonly score?: readonly [number, number];
}

/** The specification's default directories (2025-09 "Default directories"). */
export const DEFAULT_EXPECTATIONS: Readonly<
  Record<string, Pick<SubmissionExpectation, 'permitted' | 'required'>>
> = {
  accepted: { permitted: ['AC'] },
  rejected: { required: ['RTE', 'TLE', 'WA'] },
  wrong_answer: { permitted: ['AC', 'WA'], required: ['WA'] },
  time_limit_exceeded: { permitted: ['AC', 'TLE'], required: ['TLE'] },
  run_time_error: { permitted: ['AC', 'RTE'], required: ['RTE'] },
  brute_force: { permitted: ['AC', 'RTE', 'TLE'], required: ['RTE', 'TLE'] },
};

/** The file's names: 2025-09's, then the 2023-07 drafts'. */
export const EXPECTATION_FILES = ['submissions/submissions.yaml', 'submissions/expectations.yaml'] as const;

/** Keys that describe a submission and change nothing in its check. */
const INFORMATIONAL = new Set(['authors', 'author', 'model_solution']);
/** Keys the specification has that Arbiter does not apply. */
const NOT_APPLIED = new Set(['language', 'entrypoint', 'message', 'use_for_time_limit']);

/**
 * A glob of the specification: `*` within one name, `{a,b}` alternatives; `**` and `[xyz]` are not part of
 * it. Spaces around an alternative are not part of it (`{ 4 }`), and `dir/` is `dir`, as BAPCtools reads them.
 */
export function globPattern(glob: string): RegExp {
  const trimmed = glob.replace(/\/+$/, '').replace(
    /\{[^{}]*\}/g,
    (braces) =>
      `{${braces
        .slice(1, -1)
        .split(',')
        .map((alternative) => alternative.trim())
        .join(',')}}`,
  );
  let out = '';
  let depth = 0;
  for (const ch of trimmed) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '{') {
      out += '(?:';
      depth++;
    } else if (ch === '}' && depth > 0) {
      out += ')';
      depth--;
    } else if (ch === ',' && depth > 0) out += '|';
    else out += ch.replace(/[\\^$.|?+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${out}${')'.repeat(depth)}$`);
}

/** Whether the glob matches the path or one of its parent folders (`accepted` matches `accepted/a.py`). */
export function globMatches(glob: string | RegExp, path: string): boolean {
  const pattern = typeof glob === 'string' ? globPattern(glob) : glob;
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) if (pattern.test(parts.slice(0, i).join('/'))) return true;
  return false;
}

export interface ExpectationRules {
  /** The file read; absent: the package has none. */
  readonly file?: string;
  /** Each top-level key with its rules, in the file's order. */
  readonly entries: readonly { readonly glob: string; readonly rules: readonly SubmissionExpectation[] }[];
  readonly unsupported: readonly string[];
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A test data key: a group or case glob (`sample`, `secret/group1`, `secret/*-hard`, `*`). */
const isCaseKey = (key: string) => /^(sample|secret|\*|\{)/.test(key);

function verdicts(file: string, where: string, value: unknown, issues: PackageIssue[]) {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((v) => !CASE_VERDICTS.includes(v as CaseVerdict))) {
    issues.push({ file, message: `${where}: must be a list of ${CASE_VERDICTS.join(', ')}` });
    return undefined;
  }
  return [...new Set(list as CaseVerdict[])];
}

function scoreRange(file: string, where: string, value: unknown, issues: PackageIssue[]) {
  if (typeof value === 'number' && Number.isFinite(value)) return [value, value] as const;
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number') &&
    (value[0] as number) <= (value[1] as number)
  )
    return [value[0] as number, value[1] as number] as const;
  issues.push({ file, message: `${where}: must be a number or a list of two ascending numbers` });
  return undefined;
}

/** One map of rules (the submission's own, or one test data key's). */
function ruleOf(
  file: string,
  glob: string,
  cases: string | undefined,
  map: Record<string, unknown>,
  issues: PackageIssue[],
  unsupported: string[],
): SubmissionExpectation | undefined {
  const where = cases === undefined ? glob : `${glob}.${cases}`;
  const rule: {
    pattern: string;
    cases?: string;
    permitted?: CaseVerdict[];
    required?: CaseVerdict[];
    score?: readonly [number, number];
  } = { pattern: cases === undefined ? glob : `${glob} ${cases}` };
  if (cases !== undefined) rule.cases = cases;
  for (const [key, value] of Object.entries(map)) {
    if (key === 'permitted' || key === 'required') {
      const list = verdicts(file, `${where}.${key}`, value, issues);
      if (list !== undefined) rule[key] = list;
    } else if (key === 'score') {
      if (cases !== undefined) unsupported.push(`${file}: ${where}.score (a group's score; not applied)`);
      else {
        const range = scoreRange(file, `${where}.score`, value, issues);
        if (range !== undefined) rule.score = range;
      }
    } else if (cases === undefined && (INFORMATIONAL.has(key) || isCaseKey(key))) continue;
    else if (NOT_APPLIED.has(key)) unsupported.push(`${file}: ${where}.${key} (not applied)`);
    else unsupported.push(`${file}: ${where}.${key} (unknown key; ignored)`);
  }
  return rule.permitted || rule.required || rule.score ? rule : undefined;
}

/** Reads the package's expectations file, if any; bad values are issues naming it, unknown keys are reported. */
export function readExpectations(
  files: readonly PackageFile[],
  issues: PackageIssue[],
  warnings: string[],
): ExpectationRules {
  const present = EXPECTATION_FILES.map((name) => files.find((f) => f.path === name)).filter(
    (f): f is PackageFile => f !== undefined,
  );
  const found = present[0];
  if (found === undefined) return { entries: [], unsupported: [] };
  if (present.length > 1) warnings.push(`${present[1]?.path}: ignored, ${found.path} is read`);
  const file = found.path;
  const doc = readYaml(file, found.bytes);
  if (!isMap(doc)) {
    issues.push({ file, message: 'must map submission globs to their expectations' });
    return { file, entries: [], unsupported: [] };
  }
  const unsupported: string[] = [];
  const entries: { glob: string; rules: SubmissionExpectation[] }[] = [];
  for (const [glob, value] of Object.entries(doc)) {
    if (glob.includes('**') || /[[\]]/.test(glob)) {
      unsupported.push(`${file}: ${glob} (\`**\` and \`[...]\` are not part of the format's globs; ignored)`);
      continue;
    }
    if (!isMap(value)) {
      issues.push({ file, message: `${glob}: must be a map of expectations` });
      continue;
    }
    const rules: SubmissionExpectation[] = [];
    const own = ruleOf(file, glob, undefined, value, issues, unsupported);
    if (own !== undefined) rules.push(own);
    for (const [key, inner] of Object.entries(value)) {
      if (!isCaseKey(key)) continue;
      if (!isMap(inner)) {
        issues.push({ file, message: `${glob}.${key}: must be a map of expectations` });
        continue;
      }
      const rule = ruleOf(file, glob, key, inner, issues, unsupported);
      if (rule !== undefined) rules.push(rule);
    }
    entries.push({ glob, rules });
  }
  return { file, entries, unsupported };
}

/**
 * The rules one submission must satisfy (`path` relative to `submissions/`), or undefined when no key of the
 * file matches it. A key that is exactly its folder's name replaces that folder's default keys one by one;
 * the folder's default (overridden or not) comes first, then every other matching key adds its rules.
 */
export function expectationsFor(
  rules: ExpectationRules,
  path: string,
  folder: string,
): { rules: SubmissionExpectation[]; replacesFolder: boolean } | undefined {
  const matching = rules.entries.filter((entry) => globMatches(entry.glob, path));
  if (matching.length === 0) return undefined;
  const out: SubmissionExpectation[] = [];
  let replacesFolder = false;
  for (const entry of matching) {
    const base = DEFAULT_EXPECTATIONS[folder];
    if (entry.glob === folder && base !== undefined) {
      replacesFolder = true;
      const own = entry.rules.find((rule) => rule.cases === undefined);
      out.push({
        pattern: folder,
        ...(base.permitted === undefined ? {} : { permitted: base.permitted }),
        ...(base.required === undefined ? {} : { required: base.required }),
        ...own,
      });
      out.push(...entry.rules.filter((rule) => rule.cases !== undefined));
    } else out.push(...entry.rules);
  }
  return { rules: out, replacesFolder };
}
