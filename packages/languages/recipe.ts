/** What the judge needs to know about a language: how to lay out, check, compile and run a program. */
import type { LanguageId } from './catalog.js';

/** The verdicts a toolchain's messages can turn a runtime error into. */
export type ClassifiedVerdict = 'MEMORY_LIMIT_EXCEEDED';

export interface SourceLayout {
  /** File name of the source in the work dir. */
  file: string;
  /** Contents to write (the code, possibly transpiled). */
  contents: string;
}

export interface PrepareResult {
  files: Record<string, string>;
}

export interface RunContext {
  /** Memory limit of the run, in MiB: runtimes with their own heap cap (JVM, V8) are sized from it. */
  memoryMb: number;
  /** The output is watched live (a free run): runtimes that buffer their stdout write it as it comes instead. */
  unbuffered?: boolean;
}

export interface CompileOptions {
  /** Folder with a precompiled `bits/stdc++.h` matching the C++ flags, visible inside the sandbox. */
  pchDir?: string | undefined;
  /** The submitter's flags, already checked against `compilerFlags`; each one argv entry. */
  flags?: readonly string[] | undefined;
  /** A JVM-hosted compiler's class-data sharing archive (see `classArchive` of the compile step). */
  classArchive?: ClassArchiveUse | undefined;
}

/**
 * A JVM class-data sharing archive for the compiler: `use` maps a trusted archive read-only into the
 * compiler's JVM; `dump` (only ever on a fixed trusted sample, outside any cell) writes one at the JVM's exit.
 */
export interface ClassArchiveUse {
  mode: 'use' | 'dump';
  /** Absolute path of the archive file. */
  path: string;
}

/** A compiler's needs beyond the worker's compile limits (each only ever raises a limit). */
export interface CompileNeeds {
  /** Tasks (processes and threads) at once; default 64. */
  pids?: number;
  /** Memory in MiB; default 1024. */
  memoryMb?: number;
  /** Multiplies the worker's compile CPU and wall time: for compilers that are slow to start (JVM-hosted ones). */
  timeScale?: number;
}

export interface LanguageRecipe {
  id: LanguageId;
  /**
   * Turns the code into the files of the work dir. Runs in the worker, so it must not process the
   * code beyond laying it out: every check or transform of user input belongs in the compile step,
   * inside the sandbox's limits.
   */
  prepare(code: string): Promise<PrepareResult>;
  /** Compile step run in the sandbox, if the language has one. */
  compile?: {
    argv: (files: Record<string, string | Uint8Array>, options: CompileOptions) => string[];
    /** The flags a submitter may add (`compilerOptions`): each must match one of these whole. */
    flags: readonly RegExp[];
    /** Artefacts kept for the run step. */
    collect: string[];
    /** Prepared files the run step also gets (a compile step that only checks keeps the sources). */
    keep?: string[];
    /** Rewrites the compile step's (capped) output into compiler-style diagnostics. */
    formatOutput?: (output: string) => string;
    /** Environment of the compiler (the sandbox starts from an empty one with PATH, HOME=/box, LANG). */
    env?: Record<string, string>;
    /** What the compiler needs beyond the worker's compile limits. */
    needs?: CompileNeeds;
    /**
     * The compiler runs on the JVM and takes a class-data sharing archive (`CompileOptions.classArchive`):
     * the worker builds one per toolchain from the language's self-test sample and passes it once built.
     */
    classArchive?: boolean;
  };
  /** Command of the run step. */
  run(files: Record<string, string | Uint8Array>, context: RunContext): string[];
  /** Environment of the run step, e.g. a heap cap a runtime reads from a variable (Mono's GC). */
  runEnv?(context: RunContext): Record<string, string>;
  /**
   * Tasks (processes and threads) the run step may have at once, for runtimes whose thread pools need
   * more than the platform's 64 (the JVM, Go, Mono, the BEAM).
   */
  runPids?: number;
  /**
   * Host paths the toolchain reads besides `/usr` (a package database under `/var/lib`, a config under
   * `/etc`): shown read-only at the same place in every sandbox. Never a writable or secret path.
   */
  readOnlyPaths?: readonly string[];
  /**
   * Marker the run step writes first on stderr when the source does not compile
   * (languages that check and run in one process, e.g. Python).
   */
  compileErrorMarker?: string;
  /**
   * Reads the toolchain's own failure messages of a run that ended in an error (exit status other than
   * 0, or a signal other than the limits'): e.g. a heap it ran out of is MEMORY_LIMIT_EXCEEDED. Null
   * leaves the run's verdict as it is.
   */
  classify?(output: { stdout: string; stderr: string }): ClassifiedVerdict | null;
  /** How to read the toolchain's version on the host. */
  version: { argv: string[]; parse: (output: string) => string | null };
}
