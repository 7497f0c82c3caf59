/** data/sample and data/secret as the specification orders them: groups found recursively, names in order. */
import { z } from 'zod';
import { PackageError, type PackageIssue } from './package-error.js';
import type { PackageFile } from './package-files.js';
import {
  flagString,
  inputValidatorArgsSchema,
  inputValidatorSetting,
  readCaseConfig,
  submissionArguments,
  validatorArgument,
  withInputValidatorSetting,
} from './test-case-config.js';
import { readYaml, zodIssues } from './yaml-file.js';
import {
  draftAggregation,
  draftScoringSchema,
  readDraftScoring,
  type DraftScoring,
} from './draft-scoring.js';
import { readCaseFiles, type CaseFilesBudget, type CaseFilesLimits } from './test-case-files.js';

/** testdata.yaml: each key inherited from the parent group unless the group sets it. */
export interface GroupConfig {
  readonly onReject: 'break' | 'continue';
  readonly grading: 'default' | 'custom';
  readonly graderFlags: string;
  readonly inputValidatorFlags: string;
  /**
   * The map form of `input_validator_flags` / `input_validator_args`: each validator's own flags by its name
   * (one the map does not name gets none); `inputValidatorFlags` is then empty.
   */
  readonly inputValidatorFlagsByName?: Readonly<Record<string, string>>;
  readonly outputValidatorFlags: string;
  /** 2025-09 `args`: the submission's command-line arguments on each case (input validators get them after their own). */
  readonly args?: readonly string[];
  /**
   * 2025-09 `full_feedback`: whether the solver sees a failed case's input, answer and output. Unset: the
   * specification's default, true for samples and false for secret data (`fullFeedbackOf`).
   */
  readonly fullFeedback?: boolean;
  /** The file that set `output_validator_flags` (this group's or an ancestor's), for error messages. */
  readonly outputValidatorFlagsFile?: string;
  readonly acceptScore?: number;
  readonly rejectScore?: number;
  readonly range?: string;
  /** 2025-09 result aggregation (`max_score`, `score_aggregation`, `require_pass`): this file's own, not inherited. */
  readonly maxScore?: number | 'unbounded';
  readonly scoreAggregation?: ScoreAggregation;
  readonly requirePass?: readonly string[];
  /**
   * The 2023-07 draft's `scoring` map, this file's own (`draft-scoring.ts`): in `secret` and its groups it
   * becomes `maxScore` and `scoreAggregation`, elsewhere it is reported as not applied.
   */
  readonly draftScoring?: DraftScoring;
  /** 2025-09 keys this file sets that Arbiter does not apply (not inherited; reported by the import). */
  readonly unapplied?: readonly string[];
  /** Every key this file sets (not inherited), as written. */
  readonly keys?: readonly string[];
}

/** 2025-09's `score_aggregation`: how a group's (or `secret`'s) score comes from its cases or groups. */
export type ScoreAggregation = 'pass-fail' | 'sum' | 'min';

export interface TestCase {
  /** Path below data/ without extension: `sample/1`, `secret/group1/03`. */
  readonly name: string;
  readonly sample: boolean;
  readonly input: string;
  readonly answer: string;
  /** The group (directory below data/) the case belongs to. */
  readonly group: string;
  /** The group's configuration, inherited where the group sets nothing, with the case's own `X.yaml` over it. */
  readonly config: GroupConfig;
  /** 2025-09's test case configuration `X.yaml` beside the `.in`, when there is one. */
  readonly configFile?: string;
  /**
   * 2025-09's `X.files` folder beside the `.in`: its files by their path in the submission's working
   * directory (`data.txt`, `maps/a.txt`) to their path in the package.
   */
  readonly files?: Readonly<Record<string, string>>;
  /** That file's `hint` and `description` (kept, not shown to solvers). */
  readonly hint?: string;
  readonly description?: string;
  /** Keys of that file Arbiter does not apply, and keys the specification does not name (reported by the import). */
  readonly unappliedKeys?: readonly string[];
  readonly unknownKeys?: readonly string[];
}

export interface TestGroup {
  /** Directory below data/: `sample`, `secret`, `secret/group1`. */
  readonly name: string;
  readonly config: GroupConfig;
  /** Where the config was set, when the group has its own file. */
  readonly configFile?: string;
  /** Cases and subgroups in the specification's order (file-name order, groups and cases together). */
  readonly items: readonly (TestCase | TestGroup)[];
}

export const ROOT_CONFIG: GroupConfig = {
  onReject: 'break',
  grading: 'default',
  graderFlags: '',
  inputValidatorFlags: '',
  outputValidatorFlags: '',
};

const configSchema = z.object({
  on_reject: z.enum(['break', 'continue']).optional(),
  grading: z.enum(['default', 'custom']).optional(),
  grader_flags: flagString.optional(),
  input_validator_flags: z.union([flagString, z.record(z.string(), flagString)]).optional(),
  output_validator_flags: flagString.optional(),
  accept_score: z.number().optional(),
  reject_score: z.number().optional(),
  range: z.string().optional(),
  // 2025-09 (test_group.yaml): arguments as lists; each joins into the flags Arbiter splits on whitespace.
  output_validator_args: z.array(validatorArgument).optional(),
  input_validator_args: inputValidatorArgsSchema.optional(),
  max_score: z.union([z.number().int().nonnegative(), z.literal('unbounded')]).optional(),
  score_aggregation: z.enum(['pass-fail', 'sum', 'min']).optional(),
  require_pass: z.union([z.string(), z.array(z.string())]).optional(),
  static_validation_score: z.union([z.number().int().nonnegative(), z.literal('pass-fail')]).optional(),
  args: submissionArguments.optional(),
  static_validator_args: z.array(z.string()).optional(),
  input_visualizer_args: z.array(z.string()).optional(),
  output_visualizer_args: z.array(z.string()).optional(),
  full_feedback: z.boolean().optional(),
  scoring: draftScoringSchema.optional(),
});

/** 2025-09 keys read but not applied: reported, so a package's scores or runs are not silently changed. */
const UNAPPLIED_KEYS = [
  'static_validation_score',
  'static_validator_args',
  'input_visualizer_args',
  'output_visualizer_args',
] as const;

/** The names a group config may have: legacy and 2023-07 drafts call it testdata.yaml, later ones test_group.yaml. */
export const GROUP_CONFIG_NAMES = ['testdata.yaml', 'test_group.yaml'] as const;

function readConfig(file: string, bytes: Buffer, parent: GroupConfig): GroupConfig {
  const parsed = configSchema.safeParse(readYaml(file, bytes));
  if (!parsed.success) throw new PackageError(zodIssues(file, parsed.error));
  const c = parsed.data;
  const both = (['output', 'input'] as const).filter(
    (kind) => c[`${kind}_validator_flags`] !== undefined && c[`${kind}_validator_args`] !== undefined,
  );
  if (both.length > 0)
    throw new PackageError(
      both.map((kind) => ({
        file,
        message: `sets both ${kind}_validator_flags and ${kind}_validator_args; use one`,
      })),
    );
  if (c.scoring !== undefined && (c.max_score !== undefined || c.score_aggregation !== undefined))
    throw new PackageError([
      {
        file,
        message:
          "sets both scoring (the 2023-07 draft's form) and max_score or score_aggregation (2025-09's); use one",
      },
    ]);
  const outputFlags = c.output_validator_flags ?? c.output_validator_args?.join(' ');
  const inputFlags = c.input_validator_flags ?? c.input_validator_args;
  const unapplied = UNAPPLIED_KEYS.filter((key) => c[key] !== undefined);
  const config: GroupConfig = {
    onReject: c.on_reject ?? parent.onReject,
    grading: c.grading ?? parent.grading,
    graderFlags: c.grader_flags ?? parent.graderFlags,
    inputValidatorFlags: parent.inputValidatorFlags,
    ...(parent.inputValidatorFlagsByName === undefined
      ? {}
      : { inputValidatorFlagsByName: parent.inputValidatorFlagsByName }),
    ...((c.args ?? parent.args) === undefined ? {} : { args: c.args ?? parent.args }),
    outputValidatorFlags: outputFlags ?? parent.outputValidatorFlags,
    ...(outputFlags !== undefined
      ? { outputValidatorFlagsFile: file }
      : parent.outputValidatorFlagsFile === undefined
        ? {}
        : { outputValidatorFlagsFile: parent.outputValidatorFlagsFile }),
    ...((c.accept_score ?? parent.acceptScore) === undefined
      ? {}
      : { acceptScore: c.accept_score ?? parent.acceptScore }),
    ...((c.reject_score ?? parent.rejectScore) === undefined
      ? {}
      : { rejectScore: c.reject_score ?? parent.rejectScore }),
    ...((c.range ?? parent.range) === undefined ? {} : { range: c.range ?? parent.range }),
    ...((c.full_feedback ?? parent.fullFeedback) === undefined
      ? {}
      : { fullFeedback: c.full_feedback ?? parent.fullFeedback }),
    ...(c.max_score === undefined ? {} : { maxScore: c.max_score }),
    ...(c.score_aggregation === undefined ? {} : { scoreAggregation: c.score_aggregation }),
    ...(c.require_pass === undefined
      ? {}
      : { requirePass: typeof c.require_pass === 'string' ? [c.require_pass] : c.require_pass }),
    ...(c.scoring === undefined ? {} : { draftScoring: readDraftScoring(c.scoring) }),
    ...(unapplied.length === 0 ? {} : { unapplied }),
    keys: Object.keys(c),
  };
  return inputFlags === undefined
    ? config
    : withInputValidatorSetting(config, inputValidatorSetting(inputFlags));
}

interface Dir {
  files: Map<string, PackageFile>;
  dirs: Map<string, Dir>;
}

function tree(files: readonly PackageFile[], prefix: string): Dir {
  const root: Dir = { files: new Map(), dirs: new Map() };
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const parts = file.path.slice(prefix.length).split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) dir.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
      dir = next;
    }
    dir.files.set(parts[parts.length - 1] as string, file);
  }
  return root;
}

/** Code-unit order of names, as the reference tools sort directory listings. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every file of a folder and its subfolders. */
function allFiles(dir: Dir): PackageFile[] {
  return [...dir.files.values(), ...[...dir.dirs.values()].flatMap(allFiles)];
}

/** What reading the test data shares across its groups: the problems found, ignored files, the caps. */
interface Reading {
  issues: PackageIssue[];
  ignored: string[];
  budget: CaseFilesBudget;
  /** Whether `X.files` folders are cases' files (2025-09) rather than groups. */
  caseFiles: boolean;
  limits?: CaseFilesLimits;
}

export interface TestDataOptions {
  /** Read `X.files` beside `X.in` as that case's files (2025-09); otherwise such a folder is a group. */
  readonly caseFiles?: boolean;
  /** Caps on those files (CASE_FILES_LIMITS by default). */
  readonly limits?: CaseFilesLimits;
}

function group(name: string, dir: Dir, parent: GroupConfig, sample: boolean, reading: Reading): TestGroup {
  const { issues, ignored } = reading;
  let config = parent;
  let configFile: string | undefined;
  for (const configName of GROUP_CONFIG_NAMES) {
    const file = dir.files.get(configName);
    if (file) {
      config = readConfig(file.path, file.bytes, parent);
      configFile = file.path;
      break;
    }
  }
  const names = [...new Set([...dir.files.keys(), ...dir.dirs.keys()])].sort(byName);
  const items: (TestCase | TestGroup)[] = [];
  for (const entry of names) {
    const sub = dir.dirs.get(entry);
    // A case's X.files folder is part of the case, not a group.
    if (
      sub &&
      reading.caseFiles &&
      entry.endsWith('.files') &&
      dir.files.has(`${entry.slice(0, -'.files'.length)}.in`)
    )
      continue;
    if (sub) {
      items.push(group(`${name}/${entry}`, sub, config, sample, reading));
      continue;
    }
    const file = dir.files.get(entry) as PackageFile;
    if (entry.endsWith('.ans')) {
      const base = entry.slice(0, -'.ans'.length);
      const input = dir.files.get(`${base}.in`);
      const caseFile = dir.files.get(`${base}.yaml`);
      const own = caseFile && readCaseConfig(caseFile.path, caseFile.bytes, config);
      const filesDir = reading.caseFiles ? dir.dirs.get(`${base}.files`) : undefined;
      const files =
        filesDir &&
        readCaseFiles(
          `${file.path.slice(0, -'.ans'.length)}.files/`,
          allFiles(filesDir),
          reading.budget,
          issues,
          ignored,
          reading.limits,
        );
      if (!input) issues.push({ file: file.path, message: `has no ${base}.in beside it` });
      else
        items.push({
          name: `${name}/${base}`,
          sample,
          input: input.path,
          answer: file.path,
          group: name,
          config: own ? own.config : config,
          ...(files === undefined ? {} : { files }),
          ...(caseFile && own
            ? {
                configFile: caseFile.path,
                ...(own.hint === undefined ? {} : { hint: own.hint }),
                ...(own.description === undefined ? {} : { description: own.description }),
                unappliedKeys: own.unapplied,
                unknownKeys: own.unknown,
              }
            : {}),
        });
    } else if (entry.endsWith('.in')) {
      const base = entry.slice(0, -'.in'.length);
      if (!dir.files.has(`${base}.ans`))
        issues.push({ file: file.path, message: `has no ${base}.ans beside it` });
    } else if (
      !(GROUP_CONFIG_NAMES as readonly string[]).includes(entry) &&
      !(entry.endsWith('.yaml') && dir.files.has(`${entry.slice(0, -'.yaml'.length)}.in`))
    ) {
      ignored.push(file.path);
    }
  }
  if (configFile !== undefined && config.draftScoring !== undefined)
    config =
      name === 'secret' || name.startsWith('secret/')
        ? {
            ...config,
            ...draftAggregation(
              name,
              config.draftScoring,
              items.filter((item) => !('items' in item)).length,
              items.flatMap((item) =>
                'items' in item && item.configFile !== undefined && item.config.maxScore !== undefined
                  ? [item.config.maxScore]
                  : [],
              ),
            ),
          }
        : { ...config, unapplied: [...(config.unapplied ?? []), 'scoring'] };
  return { name, config, ...(configFile === undefined ? {} : { configFile }), items };
}

export interface TestData {
  /** `data/`'s own configuration (its testdata.yaml / test_group.yaml, else the defaults): the root group's. */
  readonly config: GroupConfig;
  /** `data/testdata.yaml` (or test_group.yaml), when there is one. */
  readonly configFile?: string;
  /** `data/sample` then `data/secret` (either may be absent). */
  readonly groups: readonly TestGroup[];
  /** Every case in judging order: samples first, then secret data, each in file-name order. */
  readonly cases: readonly TestCase[];
  /** Files under data/ that are not test cases or group configs (hints, descriptions, images, other folders). */
  readonly ignored: readonly string[];
}

/** Whether the solver sees the case's data when it fails: its `full_feedback`, else true for samples only. */
export function fullFeedbackOf(testCase: Pick<TestCase, 'sample' | 'config'>): boolean {
  return testCase.config.fullFeedback ?? testCase.sample;
}

export function flatten(items: readonly (TestCase | TestGroup)[]): TestCase[] {
  return items.flatMap((item) => ('items' in item ? flatten(item.items) : [item]));
}

export function readTestData(files: readonly PackageFile[], options: TestDataOptions = {}): TestData {
  const data = tree(files, 'data/');
  const issues: PackageIssue[] = [];
  const ignored: string[] = [];
  const reading: Reading = {
    issues,
    ignored,
    budget: { used: 0 },
    caseFiles: options.caseFiles ?? true,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  let rootConfig = ROOT_CONFIG;
  let rootFile: string | undefined;
  for (const configName of GROUP_CONFIG_NAMES) {
    const file = data.files.get(configName);
    if (file) {
      rootConfig = readConfig(file.path, file.bytes, ROOT_CONFIG);
      rootFile = file.path;
      break;
    }
  }
  const groups: TestGroup[] = [];
  for (const top of ['sample', 'secret']) {
    const dir = data.dirs.get(top);
    if (dir) groups.push(group(top, dir, rootConfig, top === 'sample', reading));
  }
  for (const [name, file] of data.files) {
    if (!(GROUP_CONFIG_NAMES as readonly string[]).includes(name)) ignored.push(file.path);
  }
  for (const [name] of data.dirs) if (name !== 'sample' && name !== 'secret') ignored.push(`data/${name}/`);
  if (issues.length > 0) throw new PackageError(issues);
  const cases = flatten(groups);
  // No secret data is accepted (parsePackage warns): the samples are then all the test data there is.
  if (cases.length === 0) {
    throw new PackageError([
      { file: 'data', message: 'no test case (an .in with its .ans) in data/sample or data/secret' },
    ]);
  }
  return {
    config: rootConfig,
    ...(rootFile === undefined ? {} : { configFile: rootFile }),
    groups,
    cases,
    ignored: ignored.sort(byName),
  };
}
