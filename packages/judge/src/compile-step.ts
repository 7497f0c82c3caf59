/**
 * Turns source code into a runnable program: the language's layout of the files, then its
 * compile step in the sandbox (compilers, and esbuild's transpile or syntax check). A failure here is a `COMPILE_ERROR`, never an exception;
 * exceptions are platform faults.
 */
import {
  MAX_TEXT_BYTES,
  clipText,
  preciseNow,
  utf8Bytes,
  type LanguageId,
  type LogStream,
} from '@arbiter/contracts';
import type { RunLimits, RunReport, Sandbox } from '@arbiter/sandbox';
import { CompileCache } from './compile-cache.js';
import { RECIPES, type LanguageRecipe } from '@arbiter/languages';
import { COMPILE_STEP_LIMITS, compileLimitsFor } from './run-limits.js';
import { streamDecoder } from './stream-text.js';
import { InfrastructureError } from './verdict.js';

/** A program ready to run: the files of its work dir and how to start it. */
export interface CompiledProgram {
  language: LanguageId;
  recipe: LanguageRecipe;
  /** Source files as prepared, the entry first, then any extra files (for the run command, e.g. Java's class name). */
  sources: Record<string, string | Uint8Array>;
  /** Files the run step starts with (artefacts for compiled languages, sources otherwise). */
  files: Record<string, string | Uint8Array>;
  compileOutput: string;
}

/** The command that starts a package's own program (validator, grader, checker) under `limits`, buffered. */
export function toolArgv(program: CompiledProgram, limits: Pick<RunLimits, 'memoryKb'>): string[] {
  return [...program.recipe.run(program.sources, { memoryMb: limits.memoryKb / 1024, unbuffered: false })];
}

export type CompileResult = { ok: true; program: CompiledProgram } | { ok: false; compileOutput: string };

/** One sandbox step as it happened (see `StepHooks.onStep`). */
export interface StepTimes {
  step: 'compile' | 'run';
  /** Epoch ms (`preciseNow()`) before the sandbox was asked, and after its report was back. */
  start: number;
  end: number;
  /** The program's own wall time inside, in ms. */
  programMs: number;
  /** A compile served from the cache: no sandbox run. */
  cached: boolean;
}

export interface StepHooks {
  onLog?: (stream: LogStream, chunk: string) => void;
  signal?: AbortSignal;
  /** Called after each compile or run step, with when it ran (for the job's `timings`). */
  onStep?: (times: StepTimes) => void;
}

export interface CompileContext {
  /** Where compiled programs are kept between jobs; none: compile every time. */
  cache?: CompileCache;
  /** Toolchain version per language (from `detectToolchains`), part of the cache key. */
  versions?: Partial<Record<LanguageId, string>>;
  /** Folder of the precompiled C++ header, once it is built (see `buildPrecompiledHeader`). */
  pchDir?: string;
  /** The JVM compilers' class-data sharing archives, by language, once built (see `buildClassArchive`). */
  classArchives?: Partial<Record<LanguageId, string>>;
  /** Limits of the compile step; default COMPILE_STEP_LIMITS (the worker's COMPILE_TIME_MS sets its times). */
  limits?: RunLimits;
  /** Recipes used instead of the registry's, by language (tests break a toolchain this way). */
  recipes?: Partial<Record<LanguageId, LanguageRecipe>>;
}

/** What a free run adds to its code (`POST /submit`'s `files` and `compilerOptions`). */
export interface ProgramExtras {
  /** Files beside the entry file, by relative path; sources the compiler takes are compiled too. */
  files?: Record<string, string | Uint8Array>;
  /** Compiler flags, each one argv entry; each must match the recipe's allow-list. */
  flags?: readonly string[];
}

const decoder = new TextDecoder();

export async function compileProgram(
  language: LanguageId,
  code: string,
  sandbox: Sandbox,
  hooks: StepHooks = {},
  context: CompileContext = {},
  extras: ProgramExtras = {},
): Promise<CompileResult> {
  const recipe = context.recipes?.[language] ?? RECIPES[language];
  const onLog = hooks.onLog ?? (() => undefined);
  const prepared = await recipe.prepare(code);
  const clash = Object.keys(extras.files ?? {}).find((name) => name in prepared.files);
  if (clash !== undefined) {
    const compileOutput = `${clash}: this name is the entry file's; rename the extra file.\n`;
    onLog('compile', compileOutput);
    return { ok: false, compileOutput };
  }
  // The entry's own files first: run commands look for the first source of their kind.
  const sources: Record<string, string | Uint8Array> = { ...prepared.files, ...extras.files };
  // The API refuses flags off the allow-list; a job that still has one is not compiled.
  const flags = extras.flags ?? [];
  const refused = flags.find((flag) => !(recipe.compile?.flags ?? []).some((rule) => rule.test(flag)));
  if (refused !== undefined) {
    const compileOutput = `compiler flag ${JSON.stringify(refused)} is not allowed for ${language}\n`;
    onLog('compile', compileOutput);
    return { ok: false, compileOutput };
  }
  if (recipe.compile === undefined) {
    return { ok: true, program: { language, recipe, sources, files: sources, compileOutput: '' } };
  }

  const archive = recipe.compile.classArchive === true ? context.classArchives?.[language] : undefined;
  const argv = recipe.compile.argv(sources, {
    pchDir: context.pchDir,
    flags,
    classArchive: archive === undefined ? undefined : { mode: 'use', path: archive },
  });
  const env = recipe.compile.env;
  const key =
    context.cache === undefined
      ? null
      : CompileCache.key({
          language,
          version: context.versions?.[language] ?? '',
          argv,
          env,
          files: sources,
        });
  const lookedUp = preciseNow();
  const cached = key === null ? undefined : context.cache?.get(key);
  if (cached !== undefined) {
    hooks.onStep?.({ step: 'compile', start: lookedUp, end: lookedUp, programMs: 0, cached: true });
    const output = cached.ok ? cached.program.compileOutput : cached.compileOutput;
    if (output.length > 0) onLog('compile', output);
    return cached;
  }

  // Output that gets rewritten (esbuild's) is sent once rewritten, after the step, not live.
  const formatOutput = recipe.compile.formatOutput;
  const compileLog = streamDecoder((_stream, text) => formatOutput === undefined && onLog('compile', text));
  const start = preciseNow();
  const report = usable(
    await sandbox.run({
      argv,
      files: sources,
      collect: recipe.compile.collect,
      ...(env === undefined ? {} : { env }),
      limits: compileLimitsFor(context.limits ?? COMPILE_STEP_LIMITS, recipe.compile.needs),
      onOutput: compileLog.push,
      signal: hooks.signal,
    }),
    'compile',
  );
  hooks.onStep?.({ step: 'compile', start, end: preciseNow(), programMs: report.wallMs, cached: false });
  compileLog.end();
  const rawOutput = decoder.decode(report.stdout) + decoder.decode(report.stderr);
  const output = formatOutput?.(rawOutput) ?? rawOutput;
  let result: CompileResult;
  if (report.status === 'exited' && report.exitCode === 0) {
    const kept: Record<string, string | Uint8Array> = {};
    for (const name of recipe.compile.keep ?? []) {
      const file = sources[name];
      if (file !== undefined) kept[name] = file;
    }
    // The run step also gets the extra files (data a program may read).
    const files = { ...extras.files, ...kept, ...report.files };
    const compileOutput = clipText(output);
    result = { ok: true, program: { language, recipe, sources, files, compileOutput } };
  } else {
    const why = limitNote(report);
    // The note is kept whole: the output before it is clipped to leave it room within the cap.
    result = { ok: false, compileOutput: clipText(output, MAX_TEXT_BYTES - utf8Bytes(why)) + why };
  }
  const compileOutput = result.ok ? result.program.compileOutput : result.compileOutput;
  if (formatOutput !== undefined && compileOutput.length > 0) onLog('compile', compileOutput);
  // Limit failures depend on load, not only on the source: those are not kept.
  if (key !== null && (result.ok || report.status === 'exited')) context.cache?.set(key, result);
  return result;
}

/** Why the sandbox stopped the compiler, as a line after its output ('' when it ended by itself). */
function limitNote(report: UsableReport): string {
  switch (report.status) {
    case 'cpu_limit':
    case 'wall_limit':
      return '\nCompilation took too long and was stopped.';
    case 'memory_limit':
      return '\nCompilation ran out of memory and was stopped.';
    case 'output_limit':
      return '\nCompilation printed too much and was stopped.';
    case 'signaled':
      return report.signal === 'SIGXFSZ'
        ? '\nCompilation wrote a file over the size limit and was stopped.'
        : '';
    case 'exited':
      return '';
  }
}

export type UsableReport = RunReport & { status: Exclude<RunReport['status'], 'internal_error' | 'aborted'> };

/** Throws for runs that say nothing about the program: aborted, or failed inside the sandbox. */
export function usable(report: RunReport, step: string): UsableReport {
  if (report.status === 'aborted') {
    throw new DOMException(`${step} step aborted`, 'AbortError');
  }
  if (report.status === 'internal_error') {
    throw new InfrastructureError(`sandbox failed in the ${step} step: ${report.error ?? 'unknown error'}`);
  }
  return report as UsableReport;
}
