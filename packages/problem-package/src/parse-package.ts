/** Reads a whole package: metadata, statements, test data, validators and labelled submissions, with a report. */
import { readConstants, substituteConstants, type PackageConstants } from './package-constants.js';
import { PackageError, type PackageIssue } from './package-error.js';
import type { PackageFile } from './package-files.js';
import { readIncludes, type PackageIncludes } from './package-includes.js';
import { parseProblemYaml, type ProblemMetadata } from './problem-yaml.js';
import { checkResultAggregation } from './result-aggregation-rules.js';
import { caseConfigReport } from './test-case-config.js';
import {
  EXPECTATION_FILES,
  expectationsFor,
  readExpectations,
  type ExpectationRules,
  type SubmissionExpectation,
} from './submission-expectations.js';
import { readTestData, type GroupConfig, type TestData, type TestGroup } from './test-data.js';
import { caseFileClashes } from './test-case-files.js';
import { flagWords, parseValidatorFlags, ValidatorFlagsError } from './validator-flags.js';

export interface Statement {
  /** Language code from `problem.<lang>.<ext>`; `en` for a bare legacy `problem.tex`. */
  readonly language: string;
  readonly format: 'markdown' | 'latex';
  readonly path: string;
  readonly text: string;
}

export type SubmissionLabel =
  | 'accepted'
  | 'partially_accepted'
  | 'wrong_answer'
  | 'time_limit_exceeded'
  | 'run_time_error'
  | 'rejected'
  | 'brute_force';

export interface PackageSubmission {
  /** Its folder's label; null: a folder the format does not name, or a file directly in `submissions/`. */
  readonly label: SubmissionLabel | null;
  /** Its folder under `submissions/` (`accepted`, `mixed-verdicts`); empty for a file directly in it. */
  readonly folder: string;
  /** `submissions/accepted/sol.cpp`, or the folder of a multi-file submission. */
  readonly path: string;
  /** The files, paths relative to the submission (one file for a single-file submission). */
  readonly files: readonly string[];
  /** The rules of `submissions/submissions.yaml` (or `expectations.yaml`) that match it; absent: none do. */
  readonly expectations?: readonly SubmissionExpectation[];
  /** A key of that file is exactly its folder's name: those rules replace the folder's own check. */
  readonly replacesFolder?: boolean;
}

export interface ImportReport {
  /** What was found, one line each. */
  readonly found: readonly string[];
  /** What the package has that Arbiter does not judge or read yet. */
  readonly unsupported: readonly string[];
  readonly warnings: readonly string[];
}

export interface ProblemPackage {
  readonly metadata: ProblemMetadata;
  /** The name to show: English, else the first language's, else the statement's `\problemname`/heading. */
  readonly title: string;
  readonly validation: 'default' | 'custom';
  /** Legacy validator flags; each case adds its group's `output_validator_flags`. */
  readonly statements: readonly Statement[];
  readonly testData: TestData;
  /**
   * A scoring problem scored by 2025-09's result aggregation (`max_score`, `score_aggregation`,
   * `require_pass`): every 2025-09 one, and a 2023-07 one whose test_group.yaml uses those keys.
   * Otherwise a scoring problem is graded by the legacy keys (`accept_score`, `grader_flags`, `range`).
   */
  readonly resultAggregation: boolean;
  /** Files of the output validator(s), when the package has a custom one. */
  readonly outputValidators: readonly string[];
  /** Files of the input validators: `input_validators/`, or the older `input_format_validators/`. */
  readonly inputValidators: readonly string[];
  /** `graders/`: the custom grader's files, run for the groups that say `grading: custom`. */
  readonly graders: readonly string[];
  readonly submissions: readonly PackageSubmission[];
  /** `include/`: code added to submissions, by language. */
  readonly includes: PackageIncludes;
  /** Time limit in seconds from `limits.time_limit` or a DOMjudge `.timelimit` file; absent: derive it. */
  readonly timeLimit?: number;
  readonly files: ReadonlyMap<string, PackageFile>;
  readonly report: ImportReport;
}

const LEGACY_LABELS: readonly SubmissionLabel[] = [
  'accepted',
  'partially_accepted',
  'wrong_answer',
  'time_limit_exceeded',
  'run_time_error',
];
/** 2023-07's folders, and `partially_accepted`, which problemtools reads in every version (its 2023-07 examples use it). */
const MODERN_LABELS: readonly SubmissionLabel[] = [
  'accepted',
  'partially_accepted',
  'rejected',
  'wrong_answer',
  'time_limit_exceeded',
  'run_time_error',
  'brute_force',
];

function statements(files: readonly PackageFile[], metadata: ProblemMetadata): Statement[] {
  const legacy = metadata.formatVersion === 'legacy';
  const dir = legacy ? 'problem_statement/' : 'statement/';
  const out: Statement[] = [];
  for (const file of files) {
    if (!file.path.startsWith(dir) || file.path.slice(dir.length).includes('/')) continue;
    const m = /^problem(?:\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*))?\.(tex|md)$/.exec(file.path.slice(dir.length));
    if (!m || (legacy && m[2] === 'md')) continue;
    out.push({
      language: m[1] ?? 'en',
      format: m[2] === 'md' ? 'markdown' : 'latex',
      path: file.path,
      text: file.bytes.toString('utf8'),
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** `\problemname{X}` of a LaTeX statement or the first `# X` of a Markdown one. */
function titleFromStatement(statement: Statement | undefined): string | undefined {
  if (!statement) return undefined;
  const m =
    statement.format === 'latex'
      ? /\\problemname\{([^}]*)\}/.exec(statement.text)
      : /^#\s+(.+)$/m.exec(statement.text);
  return m?.[1]?.trim() || undefined;
}

function submissions(
  files: readonly PackageFile[],
  labels: readonly SubmissionLabel[],
  expectations: ExpectationRules,
): PackageSubmission[] {
  const out = new Map<
    string,
    { label: SubmissionLabel | null; folder: string; path: string; files: string[] }
  >();
  for (const file of files) {
    const parts = file.path.split('/');
    if (parts[0] !== 'submissions' || parts.length < 2) continue;
    if ((EXPECTATION_FILES as readonly string[]).includes(file.path)) continue;
    // A hidden entry (`.gitkeep`, `.git/`) is no submission, as in problemtools and DOMjudge.
    if (parts[1]?.startsWith('.') || (parts.length > 2 && parts[2]?.startsWith('.'))) continue;
    // A file directly in submissions/ is a submission of no folder; anything else is one per folder entry.
    const folder = parts.length === 2 ? '' : (parts[1] as string);
    const label = labels.includes(folder as SubmissionLabel) ? (folder as SubmissionLabel) : null;
    const path = parts.slice(0, parts.length === 2 ? 2 : 3).join('/');
    const entry = out.get(path) ?? { label, folder, path, files: [] };
    entry.files.push(parts.slice(3).join('/') || (parts[parts.length === 2 ? 1 : 2] as string));
    out.set(path, entry);
  }
  return [...out.values()]
    .map((entry) => {
      const matched = expectationsFor(expectations, entry.path.slice('submissions/'.length), entry.folder);
      return matched === undefined
        ? entry
        : { ...entry, expectations: matched.rules, replacesFolder: matched.replacesFolder };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Parses a package given as its files (root at the package root); throws PackageError naming each bad file. */
export function parsePackage(all: readonly PackageFile[]): ProblemPackage {
  // Symbolic links out of the package (or to nothing in it) are named in the warnings, never read.
  const given = all.filter((f) => f.leftOut === undefined);
  const yaml = given.find((f) => f.path === 'problem.yaml');
  if (!yaml)
    throw new PackageError([{ file: 'problem.yaml', message: 'missing at the root of the package' }]);
  const metadata = parseProblemYaml(yaml.bytes);
  const legacy = metadata.formatVersion === 'legacy';
  const warnings: string[] = all.flatMap((f) => (f.leftOut === undefined ? [] : [`${f.path}: ${f.leftOut}`]));
  // 2025-09 constants: everything below (and every reader of `files`) sees the substituted files.
  const constants: PackageConstants =
    metadata.formatVersion === '2025-09' ? readConstants(yaml.bytes, warnings) : new Map();
  const { files, substituted } = substituteConstants(given, constants, warnings);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const unsupported: string[] = metadata.unsupported.map((key) => `problem.yaml: ${key}`);
  const issues: PackageIssue[] = [];

  if (metadata.formatVersion === '2025-09' && metadata.uuid === undefined)
    warnings.push('problem.yaml: no uuid, which 2025-09 requires');

  const texts = statements(files, metadata);
  if (texts.length === 0) {
    warnings.push(
      `no statement found (${legacy ? 'problem_statement/problem.tex' : 'statement/problem.en.md'})`,
    );
  }
  const english = texts.find((s) => s.language === 'en') ?? texts[0];
  const title =
    metadata.names['en'] ??
    Object.values(metadata.names)[0] ??
    titleFromStatement(english) ??
    'Untitled problem';

  // X.files folders (a case's files for the working directory) are 2025-09's; earlier versions have none.
  const testData = readTestData(files, { caseFiles: metadata.formatVersion === '2025-09' });

  const inFolder = (dir: string) => files.filter((f) => f.path.startsWith(dir)).map((f) => f.path);
  // A legacy package without output_validators/ may use the 2023-07 folder name, as DOMjudge reads it.
  const validatorDir =
    legacy && (inFolder('output_validators/').length > 0 || inFolder('output_validator/').length === 0)
      ? 'output_validators/'
      : 'output_validator/';
  const outputValidators = inFolder(validatorDir);
  if (legacy && validatorDir === 'output_validator/')
    warnings.push('output_validator/ in a legacy package (the 2023-07 name) is read as output_validators/');
  // The older name input_format_validators/ is still read, and preferred when present, as problemtools does.
  const inputValidatorDir =
    inFolder('input_format_validators/').length > 0 ? 'input_format_validators/' : 'input_validators/';
  const inputValidators = inFolder(inputValidatorDir);
  if (inputValidatorDir === 'input_format_validators/')
    warnings.push(
      `input_format_validators/ (the older name of input_validators/) is read as the input validators${inFolder('input_validators/').length > 0 ? '; input_validators/ is not used' : ''}`,
    );
  const graders = files.filter((f) => f.path.startsWith('graders/')).map((f) => f.path);
  const validation = legacy
    ? metadata.validation
    : outputValidators.length > 0
      ? 'custom'
      : metadata.validation;
  if (validation === 'custom' && outputValidators.length === 0) {
    issues.push({ file: 'problem.yaml', message: `validation is custom but ${validatorDir} is empty` });
  }
  if (validation === 'default') {
    // Every flag string the default validator will see must be valid, named by the file that set it.
    const seen = new Set<string>();
    for (const { config } of testData.cases) {
      const key = config.outputValidatorFlags;
      if (seen.has(key)) continue;
      seen.add(key);
      try {
        parseValidatorFlags([...flagWords(metadata.validatorFlags), ...flagWords(key)]);
      } catch (e) {
        if (!(e instanceof ValidatorFlagsError)) throw e;
        const file =
          flagWords(key).length > 0 ? (config.outputValidatorFlagsFile ?? 'problem.yaml') : 'problem.yaml';
        issues.push({ file, message: `validator flags: ${e.message}` });
      }
    }
  }
  for (const { file, config } of groupConfigs(testData)) {
    for (const key of config.unapplied ?? []) unsupported.push(`${file}: ${key} (not applied)`);
    if (config.draftScoring !== undefined && config.scoreAggregation !== undefined)
      warnings.push(
        `${file}: scoring (the 2023-07 draft's form) read as max_score ${String(config.maxScore)}, score_aggregation ${config.scoreAggregation}`,
      );
  }
  const aggregation = checkResultAggregation(metadata, testData);
  issues.push(...aggregation.issues);
  unsupported.push(...aggregation.unsupported);
  unsupported.push(...caseConfigReport(testData.cases));
  for (const type of metadata.types) {
    if (type === 'submit-answer') unsupported.push(`problem type ${type} is not judged yet`);
  }
  if (metadata.types.includes('scoring') && !aggregation.applies) {
    // Each group's range must be two numbers, the first at most the second (inf allowed).
    for (const { file, config } of groupConfigs(testData)) {
      if (config.range !== undefined && !validRange(config.range))
        issues.push({
          file,
          message: `range: "${config.range}" is not two numbers, the first at most the second`,
        });
      // A custom grader must be there to be run (problemtools refuses such a package too).
      if (config.grading === 'custom' && graders.length === 0)
        issues.push({ file, message: 'grading: custom, but graders/ holds no grader' });
    }
  }

  if (graders.length > 0) {
    const custom = groupConfigs(testData).filter(({ config }) => config.grading === 'custom').length;
    if (custom === 0 || !metadata.types.includes('scoring'))
      unsupported.push('graders/: not used (no test data group of a scoring problem says grading: custom)');
    else if (aggregation.applies)
      unsupported.push(
        'graders/: not used (the result aggregation of test_group.yaml replaces the legacy grading)',
      );
  }

  let timeLimit = metadata.limits.timeLimit;
  const timelimitFile = byPath.get('.timelimit');
  if (timeLimit === undefined && timelimitFile) {
    const value = Number(timelimitFile.bytes.toString('utf8').trim());
    if (!(value > 0) || !Number.isFinite(value)) {
      issues.push({ file: '.timelimit', message: 'must hold a positive number of seconds' });
    } else timeLimit = value;
  }
  issues.push(...caseFileClashes(testData.cases, inputValidators));
  if (issues.length > 0) throw new PackageError(issues);

  const expectationRules = legacy
    ? { entries: [], unsupported: [] }
    : readExpectations(files, issues, warnings);
  unsupported.push(...expectationRules.unsupported);
  if (issues.length > 0) throw new PackageError(issues);
  const subs = submissions(files, legacy ? LEGACY_LABELS : MODERN_LABELS, expectationRules);
  const unnamed = subs.filter((s) => s.label === null).map((s) => s.path);
  if (unnamed.length > 0)
    warnings.push(
      `${unnamed.join(', ')}: not in a folder the format names; judged only with an @EXPECTED_RESULTS@ header${legacy ? '' : ' or a matching key of submissions/submissions.yaml'}`,
    );
  if (timeLimit === undefined && !subs.some((s) => s.label === 'accepted')) {
    warnings.push('no time limit stated and no accepted submission to derive one from');
  }
  if (!testData.cases.some((c) => !c.sample))
    warnings.push(
      'data/secret: no secret test case, which the specification requires (problemtools refuses such a package); submissions are judged on the samples',
    );
  const includes = readIncludes(files, warnings);
  const samples = testData.cases.filter((c) => c.sample).length;
  const found = [
    `format ${metadata.formatVersion}, type ${metadata.types.join(' + ')}`,
    `title "${title}"`,
    `${texts.length} statement(s)${texts.length ? `: ${texts.map((s) => s.path).join(', ')}` : ''}`,
    `${samples} sample and ${testData.cases.length - samples} secret test case(s)`,
    `validation ${validation}${metadata.validatorFlags ? ` (flags: ${metadata.validatorFlags})` : ''}`,
    timeLimit === undefined ? 'no time limit stated' : `time limit ${timeLimit} s`,
    `memory limit ${metadata.limits.memory} MiB`,
    `${subs.length} submission(s)`,
  ];
  if (expectationRules.file !== undefined)
    found.push(
      `${expectationRules.file}: ${expectationRules.entries.length} pattern(s), matching ${subs.filter((s) => s.expectations !== undefined).length} submission(s)`,
    );
  if (graders.length > 0 && metadata.types.includes('scoring') && !aggregation.applies) {
    const custom = groupConfigs(testData).filter(({ config }) => config.grading === 'custom');
    if (custom.length > 0)
      found.push(
        `custom grader (graders/) for ${custom.map(({ file }) => file.replace(/\/[^/]+$/, '/')).join(', ')}`,
      );
  }
  if (constants.size > 0)
    found.push(
      `constants ${[...constants.keys()].join(', ')}, substituted in ${substituted.length} file(s)${substituted.length ? `: ${substituted.slice(0, 10).join(', ')}${substituted.length > 10 ? ', …' : ''}` : ''}`,
    );
  const withFiles = testData.cases.filter((c) => c.files !== undefined);
  if (withFiles.length > 0)
    found.push(
      `test case files (X.files) for ${withFiles
        .slice(0, 10)
        .map((c) => c.name)
        .join(
          ', ',
        )}${withFiles.length > 10 ? `, … (${withFiles.length} cases)` : ''}, put in the working directory of the submission and of the input validators`,
    );
  if (metadata.objective === 'min') found.push('grading.objective min: lower scores are better');
  if (includes.byLanguage.size > 0)
    found.push(
      `included code (include/) for ${[...includes.byLanguage.keys()].sort().join(', ')}, added to submissions`,
    );
  if (testData.ignored.length > 0)
    warnings.push(`not test data, kept as files: ${testData.ignored.join(', ')}`);
  return {
    metadata,
    title,
    validation,
    statements: texts,
    testData,
    resultAggregation: aggregation.applies,
    outputValidators,
    inputValidators,
    graders,
    submissions: subs,
    includes,
    ...(timeLimit === undefined ? {} : { timeLimit }),
    files: byPath,
    report: { found, unsupported, warnings },
  };
}

/** Every group config file with what it set (data/'s own first). */
function groupConfigs(testData: TestData): { file: string; config: GroupConfig }[] {
  const found: { file: string; config: GroupConfig }[] = [];
  const visit = (group: TestGroup) => {
    if (group.configFile !== undefined) found.push({ file: group.configFile, config: group.config });
    for (const item of group.items) if ('items' in item) visit(item);
  };
  if (testData.configFile !== undefined) found.push({ file: testData.configFile, config: testData.config });
  testData.groups.forEach(visit);
  return found;
}

/** A `range`: two numbers (`inf`, `-inf`, `+inf` allowed), the first at most the second. */
function validRange(range: string): boolean {
  const words = range.trim().split(/\s+/);
  if (words.length !== 2) return false;
  const [low, high] = words.map((word) => {
    const w = word.toLowerCase();
    if (w === 'inf' || w === '+inf') return Infinity;
    if (w === '-inf') return -Infinity;
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(word) ? Number(word) : Number.NaN;
  }) as [number, number];
  return !Number.isNaN(low) && !Number.isNaN(high) && low <= high;
}
