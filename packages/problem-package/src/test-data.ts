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

const configSchema = z.object({
  on_reject: z.enum(['break', 'continue']).optional(),
  grading: z.enum(['default', 'custom']).optional(),
  grader_flags: z.string().optional(),
  input_validator_flags: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
  output_validator_flags: z.string().optional(),
  accept_score: z.number().optional(),
  reject_score: z.number().optional(),
  range: z.string().optional(),
});

/** The names a group config may have: legacy and 2023-07 drafts call it testdata.yaml, later ones test_group.yaml. */
export const GROUP_CONFIG_NAMES = ['testdata.yaml', 'test_group.yaml'] as const;

function readConfig(file: string, bytes: Buffer, parent: GroupConfig): GroupConfig {
  const parsed = configSchema.safeParse(readYaml(file, bytes));
  if (!parsed.success) throw new PackageError(zodIssues(file, parsed.error));
  const c = parsed.data;
  const inputFlags = c.input_validator_flags;
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
    outputValidatorFlags: c.output_validator_flags ?? parent.outputValidatorFlags,
    ...(c.output_validator_flags !== undefined
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
