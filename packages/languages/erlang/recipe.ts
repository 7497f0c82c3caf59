/**
 * Erlang/OTP (Debian's `erlang-nox`): `erlc` compiles the module to a `.beam` (the file is named after the
 * `-module` attribute, `main` if there is none), and `erl` runs its `main/0` without a shell, then stops; the program's arguments are `init:get_plain_arguments()`. The
 * BEAM caps each process's heap below the memory limit (`+hmax`, killing the process that reaches it: "maximum
 * heap size reached" → MEMORY_LIMIT_EXCEEDED); one scheduler thread of each kind keeps its threads few.
 */
import type { LanguageRecipe } from '../recipe.js';

const MODULE = /^-module\(\s*'?([a-z][A-Za-z0-9_@]*)'?\s*\)\s*\./m;

/** The module's name, from its `-module` attribute (`main` if there is none). */
export function erlangModule(code: string): string {
  return MODULE.exec(code)?.[1] ?? 'main';
}

/** The BEAM with few threads, the program's process heap capped (in words) below the memory limit. */
export function beamFlags(memoryMb: number): string[] {
  const heapWords = Math.floor((Math.max(16, memoryMb - 48) * 1024 * 1024) / 8);
  return [
    '+S',
    '1:1',
    '+SDcpu',
    '1:1',
    '+SDio',
    '1',
    '+A',
    '1',
    '+hmax',
    String(heapWords),
    '+hmaxk',
    'true',
  ];
}

/** The BEAM's report of a process that reached `+hmax`, or the emulator's own failed allocation. */
export function beamOutOfMemory({
  stdout,
  stderr,
}: {
  stdout: string;
  stderr: string;
}): 'MEMORY_LIMIT_EXCEEDED' | null {
  const text = `${stderr}\n${stdout.slice(-2000)}`;
  return /maximum heap size reached|Cannot allocate \d+ bytes of memory|eheap_alloc: Cannot allocate/.test(
    text,
  )
    ? 'MEMORY_LIMIT_EXCEEDED'
    : null;
}

/** The BEAM's schedulers, dirty schedulers and async pool. */
export const BEAM_PIDS = 128;

export const erlangRecipe: LanguageRecipe = {
  id: 'erlang',
  prepare: async (code) => ({ files: { [`${erlangModule(code)}.erl`]: code } }),
  compile: {
    // erlc writes into an existing folder only: a fixed shell line makes it, the file names are its arguments.
    argv: (files) => [
      '/bin/sh',
      '-c',
      'mkdir ebin && exec /usr/bin/erlc -o ebin "$@"',
      'erlc',
      ...Object.keys(files).filter((name) => name.endsWith('.erl')),
    ],
    flags: [],
    collect: ['ebin'],
    needs: { pids: BEAM_PIDS },
  },
  run: (files, { memoryMb }) => {
    const source = Object.keys(files).find((name) => name.endsWith('.erl')) ?? 'main.erl';
    const module = source.slice(0, -'.erl'.length);
    return [
      '/usr/bin/erl',
      '-noshell',
      '-pa',
      'ebin',
      ...beamFlags(memoryMb),
      '-s',
      module,
      'main',
      '-s',
      'init',
      'stop',
      // The program's arguments come after this: plain arguments (`init:get_plain_arguments()`), not flags of `erl`.
      '-extra',
    ];
  },
  // A crash writes no erl_crash.dump.
  runEnv: () => ({ ERL_CRASH_DUMP_SECONDS: '0' }),
  runPids: BEAM_PIDS,
  classify: beamOutOfMemory,
  version: {
    argv: [
      '/usr/bin/erl',
      '-noshell',
      '-eval',
      'io:format("~s~n", [erlang:system_info(otp_release)]), halt().',
    ],
    parse: (out) => /^(\d+)\s*$/m.exec(out)?.[1] ?? null,
  },
};
