/** data/sample and data/secret as the specification orders them: groups found recursively, names in order. */
import { z } from 'zod';
import { PackageError, type PackageIssue } from './package-error.js';
import type { PackageFile } from './package-files.js';
import { readYaml, zodIssues } from './yaml-file.js';

/** testdata.yaml: each key inherited from the parent group unless the group sets it. */
export interface GroupConfig {
  readonly onReject: 'break' | 'continue';
  readonly grading: 'default' | 'custom';
  readonly graderFlags: string;
  readonly inputValidatorFlags: string;
  readonly outputValidatorFlags: string;
  /** The file that set `output_validator_flags` (this group's or an ancestor's), for error messages. */
  readonly outputValidatorFlagsFile?: string;
  readonly acceptScore?: number;
  readonly rejectScore?: number;
  readonly range?: string;
  /** 2025-09 keys this file sets that Arbiter does not apply (not inherited; reported by the import). */
  readonly unapplied?: readonly string[];
}

export interface TestCase {
  /** Path below data/ without extension: `sample/1`, `secret/group1/03`. */
  readonly name: string;
  readonly sample: boolean;
  readonly input: string;
  readonly answer: string;
  /** The group (directory below data/) the case belongs to. */
  readonly group: string;
  /** The group's configuration, inherited where the group sets nothing. */
  readonly config: GroupConfig;
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

/** One validator argument: Arbiter passes flags split on whitespace, so an argument must be one such word. */
const argument = z
  .string()
  .regex(/^\S+$/, 'each argument must be one non-empty word (Arbiter splits validator flags on whitespace)');

const configSchema = z.object({
  on_reject: z.enum(['break', 'continue']).optional(),
  grading: z.enum(['default', 'custom']).optional(),
  grader_flags: z.string().optional(),
  input_validator_flags: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
  output_validator_flags: z.string().optional(),
  accept_score: z.number().optional(),
  reject_score: z.number().optional(),
  range: z.string().optional(),
  // 2025-09 (test_group.yaml): arguments as lists; each joins into the flags Arbiter splits on whitespace.
  output_validator_args: z.array(argument).optional(),
  input_validator_args: z.union([z.array(argument), z.record(z.string(), z.array(argument))]).optional(),
  max_score: z.union([z.number().int().nonnegative(), z.literal('unbounded')]).optional(),
  score_aggregation: z.enum(['pass-fail', 'sum', 'min']).optional(),
  require_pass: z.union([z.string(), z.array(z.string())]).optional(),
  static_validation_score: z.union([z.number().int().nonnegative(), z.literal('pass-fail')]).optional(),
  args: z.array(z.string()).optional(),
  static_validator_args: z.array(z.string()).optional(),
  input_visualizer_args: z.array(z.string()).optional(),
  output_visualizer_args: z.array(z.string()).optional(),
  full_feedback: z.boolean().optional(),
});

/** 2025-09 keys read but not applied: reported, so a package's scores or runs are not silently changed. */
const UNAPPLIED_KEYS = [
  'max_score',
  'score_aggregation',
  'require_pass',
  'static_validation_score',
  'args',
  'static_validator_args',
  'input_visualizer_args',
  'output_visualizer_args',
  'full_feedback',
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
  const outputFlags = c.output_validator_flags ?? c.output_validator_args?.join(' ');
  const inputArgs = c.input_validator_args;
  const inputFlags =
    c.input_validator_flags ??
    (inputArgs === undefined
      ? undefined
      : Array.isArray(inputArgs)
        ? inputArgs.join(' ')
        : Object.fromEntries(Object.entries(inputArgs).map(([name, args]) => [name, args.join(' ')])));
  const unapplied = UNAPPLIED_KEYS.filter((key) => c[key] !== undefined);
  return {
    onReject: c.on_reject ?? parent.onReject,
    grading: c.grading ?? parent.grading,
    graderFlags: c.grader_flags ?? parent.graderFlags,
    inputValidatorFlags:
      inputFlags === undefined
        ? parent.inputValidatorFlags
        : typeof inputFlags === 'string'
          ? inputFlags
          : '',
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
    ...(unapplied.length === 0 ? {} : { unapplied }),
  };
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

function group(
  name: string,
  dir: Dir,
  parent: GroupConfig,
  sample: boolean,
  issues: PackageIssue[],
  ignored: string[],
): TestGroup {
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
    if (sub) {
      items.push(group(`${name}/${entry}`, sub, config, sample, issues, ignored));
      continue;
    }
    const file = dir.files.get(entry) as PackageFile;
    if (entry.endsWith('.ans')) {
      const base = entry.slice(0, -'.ans'.length);
      const input = dir.files.get(`${base}.in`);
      if (!input) issues.push({ file: file.path, message: `has no ${base}.in beside it` });
      else
        items.push({
          name: `${name}/${base}`,
          sample,
          input: input.path,
          answer: file.path,
          group: name,
          config,
        });
    } else if (entry.endsWith('.in')) {
      const base = entry.slice(0, -'.in'.length);
      if (!dir.files.has(`${base}.ans`))
        issues.push({ file: file.path, message: `has no ${base}.ans beside it` });
    } else if (!(GROUP_CONFIG_NAMES as readonly string[]).includes(entry)) {
      ignored.push(file.path);
    }
  }
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

export function flatten(items: readonly (TestCase | TestGroup)[]): TestCase[] {
  return items.flatMap((item) => ('items' in item ? flatten(item.items) : [item]));
}

export function readTestData(files: readonly PackageFile[]): TestData {
  const data = tree(files, 'data/');
  const issues: PackageIssue[] = [];
  const ignored: string[] = [];
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
    if (dir) groups.push(group(top, dir, rootConfig, top === 'sample', issues, ignored));
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
