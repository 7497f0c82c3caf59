/** problem.yaml in the legacy format and in versions 2023-07 and 2025-09, read into one shape. */
import { z } from 'zod';
import { PackageError } from './package-error.js';
import { flagString } from './test-case-config.js';
import { readYaml, unknownKeys, zodIssues } from './yaml-file.js';

export type FormatVersion = 'legacy' | '2023-07' | '2025-09';
export type ProblemType = 'pass-fail' | 'scoring' | 'multi-pass' | 'interactive' | 'submit-answer';

export interface ProblemMetadata {
  readonly formatVersion: FormatVersion;
  /** Names by language (`en`); legacy `name` is English. May be empty: the statement can name the problem. */
  readonly names: Readonly<Record<string, string>>;
  readonly types: readonly ProblemType[];
  /** Legacy `validation`: `default`, or `custom` with `interactive` and/or `score`; 2023-07 derives it. */
  readonly validation: 'default' | 'custom';
  /** Legacy `validator_flags` (2023-07 keeps flags in testdata.yaml only). */
  readonly validatorFlags: string;
  readonly keywords: readonly string[];
  readonly uuid?: string;
  readonly limits: {
    /** Seconds, when the package states one (2023-07 `limits.time_limit`). */
    readonly timeLimit?: number;
    /** Legacy `time_multiplier` / 2023-07 `time_multipliers.ac_to_time_limit`. */
    readonly timeMultiplier: number;
    /** Legacy `time_safety_margin` / 2023-07 `time_multipliers.time_limit_to_tle`. */
    readonly timeSafetyMargin: number;
    /** MiB. */
    readonly memory: number;
    /** MiB. */
    readonly output: number;
  };
  /** Multi-pass problems: the most passes a case may take (`limits.validation_passes`, default 2). */
  readonly validationPasses: number;
  /** Scoring problems: whether higher (`max`, the default) or lower scores are better (legacy `grading.objective`). */
  readonly objective: 'max' | 'min';
  /** Keys the package sets that Arbiter does not read (reported, not refused). */
  readonly unsupported: readonly string[];
}

const positive = z.number().positive();
const positiveInt = z.number().int().positive();

const commonLimits = {
  memory: positiveInt.optional(),
  output: positiveInt.optional(),
  code: positiveInt.optional(),
  compilation_time: positive.optional(),
  compilation_memory: positiveInt.optional(),
  validation_time: positive.optional(),
  validation_memory: positiveInt.optional(),
  validation_output: positiveInt.optional(),
  // The specification sets no upper bound; a judge may refuse a limit it cannot honour, and each pass is a run.
  validation_passes: z.number().int().min(2).max(1000, 'Arbiter runs at most 1000 passes').optional(),
};

const legacySchema = z.object({
  problem_format_version: z.literal('legacy').optional(),
  name: z.string().optional(),
  type: z.enum(['pass-fail', 'scoring']).default('pass-fail'),
  uuid: z.string().optional(),
  limits: z
    .object({
      ...commonLimits,
      time_multiplier: positive.default(5),
      time_safety_margin: positive.default(2),
      time_limit: positive.optional(),
    })
    .default({ time_multiplier: 5, time_safety_margin: 2 }),
  validation: z
    .string()
    .regex(
      /^(default|custom(\s+(interactive|score|multi-pass))*)$/,
      'must be "default" or "custom" followed by "interactive", "score" and/or "multi-pass"',
    )
    .default('default'),
  validator_flags: flagString.default(''),
  keywords: z.string().default(''),
  grading: z
    .object({
      objective: z.enum(['max', 'min'], { error: 'must be "max" or "min"' }).optional(),
      show_test_data_groups: z.boolean({ error: 'must be true or false' }).optional(),
    })
    .optional(),
});

const PROBLEM_TYPES = ['pass-fail', 'scoring', 'multi-pass', 'interactive', 'submit-answer'] as const;

/** Types the specification lists as incompatible. */
const INCOMPATIBLE_TYPES = [
  ['pass-fail', 'scoring'],
  ['multi-pass', 'submit-answer'],
  ['interactive', 'submit-answer'],
] as const;

const problemType = z.enum(PROBLEM_TYPES, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a problem type (${PROBLEM_TYPES.join(', ')})`,
});

/**
 * `type`: one type, or a list of them. A string of several words (`pass-fail interactive`, as the
 * specification's own example packages write it) is that list.
 */
const problemTypes = z.preprocess(
  (value) => (typeof value === 'string' && /\s/.test(value.trim()) ? value.trim().split(/\s+/) : value),
  z
    .union([z.string(), z.array(z.string()).min(1)], { error: 'must be a type or a list of types' })
    .transform((type) => (Array.isArray(type) ? type : [type]))
    .pipe(z.array(problemType))
    .refine((type) => new Set(type).size === type.length, 'lists a type twice')
    .superRefine((type, ctx) => {
      for (const [a, b] of INCOMPATIBLE_TYPES)
        if (type.includes(a) && type.includes(b))
          ctx.addIssue({ code: 'custom', message: `${a} and ${b} exclude each other` });
    }),
);

const modernSchema = z.object({
  problem_format_version: z.enum(['2023-07', '2023-07-draft', '2025-09']),
  name: z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]),
  uuid: z.string().optional(),
  type: problemTypes.default(['pass-fail']),
  limits: z
    .object({
      ...commonLimits,
      time_limit: positive.optional(),
      time_multipliers: z
        .object({ ac_to_time_limit: positive.default(2), time_limit_to_tle: positive.default(1.5) })
        .default({ ac_to_time_limit: 2, time_limit_to_tle: 1.5 }),
    })
    .default({ time_multipliers: { ac_to_time_limit: 2, time_limit_to_tle: 1.5 } }),
  keywords: z.array(z.string()).default([]),
});

const LIMIT_KEYS = [
  'memory',
  'output',
  'code',
  'compilation_time',
  'compilation_memory',
  'validation_time',
  'validation_memory',
  'validation_output',
  'validation_passes',
  'time_limit',
] as const;

/** Keys Arbiter reads, or accepts as information only. */
const KNOWN_LEGACY = {
  problem_format_version: true,
  name: true,
  type: true,
  uuid: true,
  author: true,
  source: true,
  source_url: true,
  license: true,
  rights_owner: true,
  limits: [...LIMIT_KEYS, 'time_multiplier', 'time_safety_margin'],
  validation: true,
  validator_flags: true,
  keywords: true,
  grading: ['objective', 'show_test_data_groups'],
} as const;

const KNOWN_MODERN = {
  problem_format_version: true,
  name: true,
  uuid: true,
  type: true,
  version: true,
  credits: true,
  source: true,
  license: true,
  rights_owner: true,
  embargo_until: true,
  limits: [...LIMIT_KEYS, 'time_multipliers', 'time_resolution'],
  keywords: true,
  languages: true,
} as const;

/**
 * Legacy `grading` (scoring problems only) as report lines: `objective` is followed; the groups' results
 * are always shown, so `show_test_data_groups: false` is reported rather than followed.
 */
function legacyGrading(grading: z.infer<typeof legacySchema>['grading'], scoring: boolean): string[] {
  if (grading === undefined) return [];
  if (!scoring) return ['grading (only for scoring problems; ignored)'];
  const lines: string[] = [];
  if (grading.show_test_data_groups === false)
    lines.push(
      "grading.show_test_data_groups false (not supported: the groups' results are shown to the submitter)",
    );
  return lines;
}

/** 2025-09 keys that Arbiter reads but does not apply yet, with what that means. */
const UNAPPLIED_2025 = {
  allow_file_writing: 'allow_file_writing (submissions may write in their working directory as always)',
} as const;

/** 2025-09's own keys that Arbiter reads (`constants`: package-constants.ts substitutes them). */
const KNOWN_2025 = { ...KNOWN_MODERN, constants: true } as const;

const DEFAULT_MEMORY_MIB = 1024;
const DEFAULT_OUTPUT_MIB = 8;
/** The specification's default `limits.validation_passes`. */
const DEFAULT_VALIDATION_PASSES = 2;

export function parseProblemYaml(bytes: Buffer): ProblemMetadata {
  const file = 'problem.yaml';
  const raw = readYaml(file, bytes);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PackageError([{ file, message: 'must be a mapping of keys to values' }]);
  }
  const version = (raw as Record<string, unknown>)['problem_format_version'];
  if (version === undefined || version === 'legacy') {
    const parsed = legacySchema.safeParse(raw);
    if (!parsed.success) throw new PackageError(zodIssues(file, parsed.error));
    const p = parsed.data;
    const words = p.validation.split(/\s+/);
    const types: ProblemType[] = [p.type];
    if (words.includes('interactive')) types.push('interactive');
    if (words.includes('score') && !types.includes('scoring')) types.push('scoring');
    // DOMjudge's legacy extension (its example hangman): `validation: custom multi-pass`.
    if (words.includes('multi-pass')) types.push('multi-pass');
    const unsupported = unknownKeys(raw, KNOWN_LEGACY);
    if (p.limits.time_limit !== undefined)
      unsupported.push('limits.time_limit (not in the legacy format; used)');
    unsupported.push(...legacyGrading(p.grading, types.includes('scoring')));
    return {
      formatVersion: 'legacy',
      names: p.name === undefined ? {} : { en: p.name },
      types,
      validation: words[0] === 'custom' ? 'custom' : 'default',
      validatorFlags: p.validator_flags,
      keywords: p.keywords.split(/\s+/).filter((k) => k !== ''),
      ...(p.uuid === undefined ? {} : { uuid: p.uuid }),
      limits: {
        ...(p.limits.time_limit === undefined ? {} : { timeLimit: p.limits.time_limit }),
        timeMultiplier: p.limits.time_multiplier,
        timeSafetyMargin: p.limits.time_safety_margin,
        memory: p.limits.memory ?? DEFAULT_MEMORY_MIB,
        output: p.limits.output ?? DEFAULT_OUTPUT_MIB,
      },
      validationPasses: p.limits.validation_passes ?? DEFAULT_VALIDATION_PASSES,
      objective: types.includes('scoring') ? (p.grading?.objective ?? 'max') : 'max',
      unsupported,
    };
  }
  if (version !== '2023-07' && version !== '2023-07-draft' && version !== '2025-09') {
    throw new PackageError([
      {
        file,
        message: `problem_format_version ${JSON.stringify(version)} is not supported (legacy, 2023-07, 2025-09)`,
      },
    ]);
  }
  const parsed = modernSchema.safeParse(raw);
  if (!parsed.success) throw new PackageError(zodIssues(file, parsed.error));
  const p = parsed.data;
  const types = p.type;
  // 2025-09 is the finished 2023-07 draft: read the same way, its new keys reported.
  const finished = p.problem_format_version === '2025-09';
  const unsupported = unknownKeys(raw, finished ? KNOWN_2025 : KNOWN_MODERN).map((key) =>
    finished && key in UNAPPLIED_2025 ? UNAPPLIED_2025[key as keyof typeof UNAPPLIED_2025] : key,
  );
  return {
    formatVersion: finished ? '2025-09' : '2023-07',
    names: typeof p.name === 'string' ? { en: p.name } : p.name,
    types,
    validation: types.includes('interactive') || types.includes('multi-pass') ? 'custom' : 'default',
    validatorFlags: '',
    keywords: p.keywords,
    ...(p.uuid === undefined ? {} : { uuid: p.uuid }),
    limits: {
      ...(p.limits.time_limit === undefined ? {} : { timeLimit: p.limits.time_limit }),
      timeMultiplier: p.limits.time_multipliers.ac_to_time_limit,
      timeSafetyMargin: p.limits.time_multipliers.time_limit_to_tle,
      memory: p.limits.memory ?? DEFAULT_MEMORY_MIB,
      output: p.limits.output ?? DEFAULT_OUTPUT_MIB,
    },
    validationPasses: p.limits.validation_passes ?? DEFAULT_VALIDATION_PASSES,
    objective: 'max',
    unsupported,
  };
}
