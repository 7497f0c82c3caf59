/**
 * A package program (validator, grader) given as a folder with the specification's `build` and/or `run`
 * scripts ("Other programs", 2023-07 and 2025-09): `build`, when there, runs with `sh` in the sandbox like a
 * compile step, its working directory a copy of the program's folder; then `run` (which must exist) is the
 * program: started directly when it is an ELF binary or has a `#!` line, else with `sh`. The folder as the
 * build left it is what the program runs from, kept in the compile cache like any compiled program.
 */
import { MAX_TEXT_BYTES, clipText, utf8Bytes } from '@arbiter/contracts';
import type { LanguageRecipe } from '@arbiter/languages';
import type { Sandbox } from '@arbiter/sandbox';
import { CompileCache } from './compile-cache.js';
import { usable, type CompileContext, type CompileResult, type CompiledProgram } from './compile-step.js';
import { COMPILE_STEP_LIMITS, compileLimitsFor } from './run-limits.js';
import { howRunEnded } from './run-ending.js';

/** Where the build runs: a folder of the work dir (the sandbox collects folders, never the work dir itself). */
const BUILD_DIR = 'program';
const BUILD_ARGV = ['/bin/sh', '-c', `cd ${BUILD_DIR} && exec /bin/sh ./build`];

const decoder = new TextDecoder();

/** Whether a program's files (relative to its folder) are in the build/run form. */
export function isBuildRun(files: ReadonlyMap<string, Uint8Array>): boolean {
  return files.has('build') || files.has('run');
}

/** How `run` is started from the work dir it is laid out at the root of. */
function runCommand(run: Uint8Array): string[] {
  const head = decoder.decode(run.subarray(0, 4));
  return head === '\x7fELF' || head.startsWith('#!') ? ['./run'] : ['/bin/sh', 'run'];
}

/**
 * The built folder as a program: its files at the root of the work dir (as the other package programs are
 * laid out), its command `run`. The recipe only carries that command; nothing compiles it again.
 */
function builtProgram(files: Record<string, Uint8Array>, output: string): CompiledProgram {
  const command = runCommand(files.run as Uint8Array);
  const recipe: LanguageRecipe = {
    id: 'bash',
    prepare: () => Promise.resolve({ files: {} }),
    run: () => [...command],
    version: { argv: [], parse: () => null },
  };
  return { language: 'bash', recipe, sources: {}, files, compileOutput: output };
}

/**
 * Builds (when there is a `build`) and checks a build/run program. A failing build or a missing `run` is a
 * failed compile naming the script, with its output clipped; a sandbox fault throws, as for any compile.
 */
export async function buildRunProgram(
  files: ReadonlyMap<string, Uint8Array>,
  sandbox: Sandbox,
  hooks: { signal?: AbortSignal },
  context: CompileContext,
): Promise<CompileResult> {
  if (!files.has('build')) {
    const laid = Object.fromEntries(files);
    if (laid.run === undefined) return { ok: false, compileOutput: 'no `run` script' };
    return { ok: true, program: builtProgram(laid, '') };
  }
  const placed: Record<string, Uint8Array> = {};
  for (const [name, bytes] of files) placed[`${BUILD_DIR}/${name}`] = bytes;
  const versions = context.versions ?? {};
  const key =
    context.cache === undefined
      ? null
      : CompileCache.key({
          language: 'package-build-run',
          // The scripts may use python3, cc and c++: a new toolchain builds again.
          version: [versions.c, versions.cpp, versions.python].map((v) => v ?? '').join('\0'),
          argv: BUILD_ARGV,
          files: placed,
        });
  const cached = key === null ? undefined : context.cache?.get(key);
  if (cached !== undefined) return cached;
  const report = usable(
    await sandbox.run({
      argv: BUILD_ARGV,
      files: placed,
      collect: [BUILD_DIR],
      limits: compileLimitsFor(context.limits ?? COMPILE_STEP_LIMITS),
      ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
    }),
    'build',
  );
  const output = decoder.decode(report.stdout) + decoder.decode(report.stderr);
  const built: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(report.files))
    if (path.startsWith(`${BUILD_DIR}/`)) built[path.slice(BUILD_DIR.length + 1)] = bytes;
  let result: CompileResult;
  if (report.status !== 'exited' || report.exitCode !== 0) {
    const how = howRunEnded(report);
    const why = `\n\`build\` ${how}.`;
    result = { ok: false, compileOutput: clipText(output, MAX_TEXT_BYTES - utf8Bytes(why)) + why };
  } else if (built.run === undefined) {
    const why = '\n`build` succeeded but left no `run` in the folder.';
    result = { ok: false, compileOutput: clipText(output, MAX_TEXT_BYTES - utf8Bytes(why)) + why };
  } else {
    result = { ok: true, program: builtProgram(built, clipText(output)) };
  }
  // A limit depends on load, not only on the scripts: only builds that ended by themselves are kept.
  if (key !== null && (result.ok || report.status === 'exited')) context.cache?.set(key, result);
  return result;
}
