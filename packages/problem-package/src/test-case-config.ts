/** 2025-09's test case configuration (`X.yaml` beside `X.in`) laid over its group's, and the `*_args` values both share. */
import { z } from 'zod';
import { PackageError } from './package-error.js';
import type { GroupConfig, TestCase } from './test-data.js';
import { readYaml, zodIssues } from './yaml-file.js';

/** One validator argument: Arbiter passes validator flags split on whitespace, so an argument must be one such word. */
export const validatorArgument = z
  .string()
  .max(4096, 'each argument must be at most 4096 characters')
  .regex(
    /^[^\s\0]+$/,
    'each argument must be one non-empty word (Arbiter splits validator flags on whitespace)',
  );

/** Legacy flags as one string (split on whitespace into arguments): no NUL, which no argument can hold. */
export const flagString = z
  .string()
  .max(65536, 'must be at most 65536 characters')
  .refine((flags) => !flags.includes('\0'), 'cannot hold a NUL character');

/** `args`: the submission's command-line arguments, each passed as it is (no shell), within what exec takes. */
export const submissionArguments = z
  .array(
    z
      .string()
      .max(4096, 'each argument must be at most 4096 characters')
      .refine((arg) => !arg.includes('\0'), 'an argument cannot hold a NUL character'),
  )
  .max(256, 'at most 256 arguments');

/** `input_validator_args`: one list for every input validator, or a map from a validator's name to its own list. */
export const inputValidatorArgsSchema = z.union([
  z.array(validatorArgument),
  z.record(z.string(), z.array(validatorArgument)),
]);

/** The input validator flags a value of `input_validator_flags`/`input_validator_args` sets: the shared string, else the map. */
export function inputValidatorSetting(
  value: string | readonly string[] | Readonly<Record<string, string | readonly string[]>>,
): Pick<GroupConfig, 'inputValidatorFlags' | 'inputValidatorFlagsByName'> {
  if (typeof value === 'string') return { inputValidatorFlags: value };
  if (Array.isArray(value)) return { inputValidatorFlags: value.join(' ') };
  const byName = Object.fromEntries(
    Object.entries(value as Readonly<Record<string, string | readonly string[]>>).map(([name, args]) => [
      name,
      typeof args === 'string' ? args : args.join(' '),
    ]),
  );
  return { inputValidatorFlags: '', inputValidatorFlagsByName: byName };
}

/** `config` with its input validator flags replaced by `setting` (a shared list drops an inherited map). */
export function withInputValidatorSetting(
  config: GroupConfig,
  setting: Pick<GroupConfig, 'inputValidatorFlags' | 'inputValidatorFlagsByName'>,
): GroupConfig {
  const out: { -readonly [K in keyof GroupConfig]: GroupConfig[K] } = { ...config, ...setting };
  if (setting.inputValidatorFlagsByName === undefined) delete out.inputValidatorFlagsByName;
  return out;
}

/**
 * The flags the input validator `name` (its file or folder name under input_validators/) gets: the map
 * form's entry for it (by that name, or the file's name without its extension), none when the map does
 * not name it; else the shared flags.
 */
export function inputValidatorFlagsFor(config: GroupConfig, name: string): string {
  const byName = config.inputValidatorFlagsByName;
  if (byName === undefined) return config.inputValidatorFlags;
  return byName[name] ?? byName[name.replace(/\.[^.]*$/, '')] ?? '';
}

const caseSchema = z.object({
  args: submissionArguments.optional(),
  input_validator_args: inputValidatorArgsSchema.optional(),
  output_validator_args: z.array(validatorArgument).optional(),
  input_visualizer_args: z.array(z.string()).optional(),
  output_visualizer_args: z.array(z.string()).optional(),
  full_feedback: z.boolean().optional(),
  hint: z.string().optional(),
  description: z.string().optional(),
});

/** Keys a test case file may set that Arbiter reads but does not apply to a run (reported by the import). */
const UNAPPLIED_CASE_KEYS = [
  'input_visualizer_args',
  'output_visualizer_args',
  'hint',
  'description',
] as const;

export interface CaseConfig {
  /**
   * The group's configuration with this file's `args`, `input_validator_args`, `output_validator_args`
   * and `full_feedback` over it.
   */
  readonly config: GroupConfig;
  readonly hint?: string;
  readonly description?: string;
  /** Keys set here that are kept but not applied (visualizers, feedback to solvers). */
  readonly unapplied: readonly string[];
  /** Keys the specification does not name. */
  readonly unknown: readonly string[];
}

/**
 * Reads `X.yaml`: each key it sets replaces the group's value for this case (the specification's
 * "inherited from test_group.yaml"), the rest stay the group's. A bad value is the package's error,
 * naming the file.
 */
export function readCaseConfig(file: string, bytes: Buffer, group: GroupConfig): CaseConfig {
  const raw = readYaml(file, bytes);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new PackageError([{ file, message: 'must be a map of test case settings' }]);
  const parsed = caseSchema.safeParse(raw);
  if (!parsed.success) throw new PackageError(zodIssues(file, parsed.error));
  const c = parsed.data;
  const known = Object.keys(caseSchema.shape);
  let config: GroupConfig = group;
  if (c.args !== undefined) config = { ...config, args: c.args };
  if (c.full_feedback !== undefined) config = { ...config, fullFeedback: c.full_feedback };
  if (c.input_validator_args !== undefined)
    config = withInputValidatorSetting(config, inputValidatorSetting(c.input_validator_args));
  if (c.output_validator_args !== undefined)
    config = {
      ...config,
      outputValidatorFlags: c.output_validator_args.join(' '),
      outputValidatorFlagsFile: file,
    };
  return {
    config,
    ...(c.hint === undefined ? {} : { hint: c.hint }),
    ...(c.description === undefined ? {} : { description: c.description }),
    unapplied: UNAPPLIED_CASE_KEYS.filter((key) => c[key] !== undefined),
    unknown: Object.keys(raw).filter((key) => !known.includes(key)),
  };
}

/** Settings kept with the case for the judges, which Arbiter does not show. */
const KEPT = new Set(['hint', 'description']);

/** The report's lines for the cases' own files: keys kept but not applied, and keys the specification does not name. */
export function caseConfigReport(cases: readonly TestCase[]): string[] {
  const out: string[] = [];
  for (const testCase of cases) {
    if (testCase.configFile === undefined) continue;
    for (const key of testCase.unappliedKeys ?? [])
      out.push(
        `${testCase.configFile}: ${key} (${KEPT.has(key) ? 'kept, not shown to solvers' : 'not applied'})`,
      );
    for (const key of testCase.unknownKeys ?? [])
      out.push(`${testCase.configFile}: ${key} (not a test case setting of the specification; ignored)`);
  }
  return out;
}
