/**
 * A package's own output validator, compiled and run in the sandbox with the specification's protocol:
 * `validator input judge_answer feedback_dir [flags] < team_output`; exit 42 accepts, 43 is a wrong
 * answer, anything else (another code, a signal, a limit) is a judge error. `judgemessage.txt` in the
 * feedback folder is for the judges, `teammessage.txt` for the team. The validator's sources are laid out
 * as the package has them (so `#include "validate.h"` finds the package's own header) and compiled like a
 * submission in their language; it never runs outside the sandbox.
 */
import { clipText, MAX_TEST_TEXT_BYTES, type LanguageId, type Verdict } from '@arbiter/contracts';
import type { ProblemPackage } from '@arbiter/problem-package';
import type { RunChannel, RunLimits, RunRequest, Sandbox } from '@arbiter/sandbox';
import { buildRunProgram, isBuildRun } from './package-build-run.js';
import {
  compileProgram,
  toolArgv,
  usable,
  type CompileContext,
  type CompiledProgram,
  type UsableReport,
} from './compile-step.js';
import { howRunEnded } from './run-ending.js';

/** The package's validator cannot be used (none, several, an unknown language, it does not compile). */
export class PackageJudgeError extends Error {
  override name = 'PackageJudgeError';
}

export interface CompiledValidator {
  program: CompiledProgram;
}

/** Exit codes of the protocol. */
export const VALIDATOR_ACCEPT = 42;
export const VALIDATOR_WRONG_ANSWER = 43;

/** Limits of one validation (the specification's defaults are 60 s and 2 GiB; bounded here to keep workers moving). */
export const VALIDATOR_LIMITS: RunLimits = {
  cpuMs: 30_000,
  wallMs: 60_000,
  memoryKb: 1024 * 1024,
  pids: 16,
  outputBytes: 64 * 1024,
  fileSizeBytes: 16 * 1024 * 1024,
  openFiles: 64,
  stackKb: 256 * 1024,
};

const LANGUAGE_OF: readonly [RegExp, LanguageId][] = [
  [/\.(cpp|cc|cxx|c\+\+|C)$/, 'cpp'],
  [/\.c$/, 'c'],
  [/\.py$/, 'python'],
];

/**
 * The sources of a program by language: C, C++ and Python 3, or, when it has none of those, shell scripts
 * (`.sh`, run with bash as a Bash submission is).
 */
export function sourcesOf(files: ReadonlyMap<string, Uint8Array>): { name: string; language: LanguageId }[] {
  const of = (table: readonly [RegExp, LanguageId][]) =>
    [...files.keys()].flatMap((name) => {
      const match = table.find(([pattern]) => pattern.test(name));
      return match ? [{ name, language: match[1] }] : [];
    });
  const compiled = of(LANGUAGE_OF);
  return compiled.length > 0 ? compiled : of(SHELL);
}

const SHELL: readonly [RegExp, LanguageId][] = [[/\.sh$/, 'bash']];

/** The validator's files relative to its own folder (legacy `output_validators/<name>/` or its root). */
function validatorFiles(pkg: ProblemPackage): Map<string, Buffer> {
  // output_validators/ (legacy) or output_validator/ (2023-07, and legacy packages that use its name).
  const first = pkg.outputValidators[0] ?? '';
  const dir = first.startsWith('output_validators/') ? 'output_validators/' : 'output_validator/';
  return programFolderFiles(pkg, pkg.outputValidators, dir, (count) => `${dir}: holds ${count} validators`);
}

/**
 * The files of the one program kept under `dir` (`output_validators/`, `graders/`), relative to it: legacy
 * packages may hold each program in a folder of its own, and exactly one is supported (`tooMany` names
 * the fault when there are more).
 */
export function programFolderFiles(
  pkg: ProblemPackage,
  paths: readonly string[],
  dir: string,
  tooMany: (count: number) => string,
): Map<string, Buffer> {
  const inside = paths.map((p) => p.slice(dir.length));
  const tops = new Set(inside.map((p) => (p.includes('/') ? p.split('/')[0] : '')));
  const root = tops.size === 1 && !tops.has('') ? `${[...tops][0] as string}/` : '';
  if (tops.size > 1 && !tops.has(''))
    throw new PackageJudgeError(`${tooMany(tops.size)}; Arbiter runs exactly one`);
  const files = new Map<string, Buffer>();
  for (const path of paths) {
    const file = pkg.files.get(path);
    if (file !== undefined) files.set(path.slice(dir.length + root.length), file.bytes);
  }
  return files;
}

/**
 * Compiles one of the package's own programs (a validator, a grader) from its files, laid out as the
 * package has them: its language from the file endings (C++, C, Python 3), its entry the source that
 * defines `main` (else the first), the other files beside it. In the sandbox, like a submission.
 */
export async function compilePackageProgram(
  files: ReadonlyMap<string, Buffer>,
  role: string,
  sandbox: Sandbox,
  hooks: { signal?: AbortSignal },
  context: CompileContext,
): Promise<CompiledValidator> {
  if (isBuildRun(files)) {
    const built = await buildRunProgram(files, sandbox, hooks, context);
    if (!built.ok)
      throw new PackageJudgeError(
        `the ${role}'s build/run scripts failed (${files.has('build') ? '`build`' : '`run`'}):\n${clipText(built.compileOutput, 4_096)}`,
      );
    return { program: built.program };
  }
  const sources = sourcesOf(files);
  const languages = new Set(sources.map((s) => s.language));
  if (languages.size !== 1) {
    throw new PackageJudgeError(
      languages.size === 0
        ? `the ${role} has no source in a language Arbiter runs for package programs (C++, C, Python 3, shell) and no build/run scripts`
        : `the ${role} mixes languages (${[...languages].join(', ')})`,
    );
  }
  const language = [...languages][0] as LanguageId;
  // The entry is the source that defines main (C, C++), or the only / first Python file.
  const entry =
    sources.find((s) => /\bmain\s*\(/.test((files.get(s.name) as Buffer).toString('latin1'))) ?? sources[0];
  if (entry === undefined) throw new PackageJudgeError(`the ${role} has no source file`);
  const extras: Record<string, Uint8Array> = {};
  for (const [name, bytes] of files) if (name !== entry.name) extras[name] = bytes;
  const compiled = await compileProgram(
    language,
    (files.get(entry.name) as Buffer).toString('utf8'),
    sandbox,
    { signal: hooks.signal },
    context,
    { files: extras },
  );
  if (!compiled.ok) {
    throw new PackageJudgeError(
      `the ${role} (${entry.name}) does not compile:\n${clipText(compiled.compileOutput, 4_096)}`,
    );
  }
  return { program: compiled.program };
}

/** Compiles the package's output validator (once per worker and package: the compile cache keeps it). */
export function compileOutputValidator(
  pkg: ProblemPackage,
  sandbox: Sandbox,
  hooks: { signal?: AbortSignal },
  context: CompileContext,
): Promise<CompiledValidator> {
  return compilePackageProgram(validatorFiles(pkg), 'output validator', sandbox, hooks, context);
}

export interface Validation {
  verdict: Verdict;
  /** `teammessage.txt`, for the user. */
  teamMessage?: string;
  /** `judgemessage.txt`, or why the validator failed: for admins. */
  judgeMessage?: string;
  /** `score.txt` of an accepting validator (scoring problems), when it wrote one. */
  score?: number;
  /**
   * Multi-pass problems: every file the feedback folder held when the validator ended (names relative to
   * it, `nextpass.in` included); set only when the case asked for it (`keepFeedback`).
   */
  feedback?: Record<string, Uint8Array>;
}

const decoder = new TextDecoder();

/** What the validator is run on: one test case, with its flags. */
export interface ValidatorCase {
  input: Uint8Array;
  answer: Uint8Array;
  flags: readonly string[];
  signal?: AbortSignal;
  /** Multi-pass: the feedback folder's files from the previous pass, laid out before the validator starts. */
  feedback?: Readonly<Record<string, Uint8Array>>;
  /** Multi-pass: collect the whole feedback folder after the run (`Validation.feedback`). */
  keepFeedback?: boolean;
}

/** The placeholder that makes the feedback folder exist before the validator starts. */
const FEEDBACK_PLACEHOLDER = '.arbiter';
/** The feedback files read back after every validation. */
const FEEDBACK_FILES = ['judgemessage.txt', 'teammessage.txt', 'score.txt'];

/**
 * The sandbox request that runs the validator on one case: `validator judge/testdata.in judge/testdata.ans
 * feedback/ [flags]`, its stdin the team output (a file) or, for an interactive problem, a channel.
 */
export function validatorRunRequest(
  validator: CompiledValidator,
  input: ValidatorCase,
  io: { stdin: Uint8Array } | { channel: RunChannel },
  limits: RunLimits = VALIDATOR_LIMITS,
): RunRequest {
  const { program } = validator;
  const argv = [
    ...toolArgv(program, limits),
    'judge/testdata.in',
    'judge/testdata.ans',
    'feedback/',
    ...input.flags,
  ];
  const carried: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(input.feedback ?? {})) carried[`feedback/${name}`] = bytes;
  return {
    argv,
    files: {
      ...program.files,
      'judge/testdata.in': input.input,
      'judge/testdata.ans': input.answer,
      // The feedback folder exists before the validator starts, as the protocol promises.
      [`feedback/${FEEDBACK_PLACEHOLDER}`]: '',
      ...carried,
    },
    collect: input.keepFeedback ? ['feedback'] : FEEDBACK_FILES.map((name) => `feedback/${name}`),
    ...io,
    limits,
    signal: input.signal,
  };
}

/** The validator's judgement from how its run ended and the feedback files it wrote. */
export function readValidation(
  report: UsableReport,
  role = 'output validator',
  keepFeedback = false,
): Validation {
  const judged = judgement(report, role);
  if (!keepFeedback) return judged;
  const feedback: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(report.files)) {
    const name = path.slice('feedback/'.length);
    if (path.startsWith('feedback/') && name !== FEEDBACK_PLACEHOLDER) feedback[name] = bytes;
  }
  return { ...judged, feedback };
}

function judgement(report: UsableReport, role: string): Validation {
  const text = (name: string): string | undefined => {
    const bytes = report.files[`feedback/${name}`];
    return bytes === undefined || bytes.length === 0
      ? undefined
      : clipText(decoder.decode(bytes), MAX_TEST_TEXT_BYTES);
  };
  const teamMessage = text('teammessage.txt');
  const judgeMessage = text('judgemessage.txt');
  const messages = {
    ...(teamMessage === undefined ? {} : { teamMessage }),
    ...(judgeMessage === undefined ? {} : { judgeMessage }),
  };
  if (report.status === 'exited' && report.exitCode === VALIDATOR_ACCEPT) {
    const scoreText = report.files['feedback/score.txt'];
    if (scoreText === undefined || scoreText.length === 0) return { verdict: 'ACCEPTED', ...messages };
    // The specification's score.txt: one number (a judge error when it is not one).
    const text = decoder.decode(scoreText).trim();
    const score = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isFinite(score)) return { verdict: 'ACCEPTED', ...messages, score };
    return {
      verdict: 'INTERNAL_ERROR',
      ...(teamMessage === undefined ? {} : { teamMessage }),
      judgeMessage: clipText(
        [
          `Judge error: the ${role}'s score.txt is not a number: ${JSON.stringify(text.slice(0, 80))}.`,
          judgeMessage,
        ]
          .filter(Boolean)
          .join('\n'),
        MAX_TEST_TEXT_BYTES,
      ),
    };
  }
  if (report.status === 'exited' && report.exitCode === VALIDATOR_WRONG_ANSWER)
    return { verdict: 'WRONG_ANSWER', ...messages };
  const how = howRunEnded(report);
  const stderr = decoder.decode(report.stderr).trim();
  return {
    verdict: 'INTERNAL_ERROR',
    ...(teamMessage === undefined ? {} : { teamMessage }),
    judgeMessage: clipText(
      [
        `Judge error: the ${role} ${how} (42 accepts, 43 rejects).`,
        judgeMessage,
        stderr && `stderr:\n${stderr}`,
      ]
        .filter(Boolean)
        .join('\n'),
      MAX_TEST_TEXT_BYTES,
    ),
  };
}

/** Runs the validator on one team output. */
export async function runOutputValidator(
  validator: CompiledValidator,
  sandbox: Sandbox,
  input: ValidatorCase & { output: Uint8Array },
): Promise<Validation> {
  const report = usable(
    await sandbox.run(validatorRunRequest(validator, input, { stdin: input.output })),
    'output validator',
  );
  return readValidation(report, 'output validator', input.keepFeedback);
}
