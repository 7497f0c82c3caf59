/**
 * Elixir (Debian's `elixir`, on Erlang/OTP's BEAM): the compile step parses the script (`Code.string_to_quoted!`:
 * a syntax error is a compile error; nothing of the program runs), then `elixir` runs it. The BEAM runs as for
 * Erlang: one scheduler of each kind, each process's heap capped by `+hmax` from the memory limit. Elixir's
 * script runner halts as soon as the script's process is killed for its heap, before the BEAM's own report is
 * written: its "** (EXIT from #PID<…>) killed" is MEMORY_LIMIT_EXCEEDED too (docs/LANGUAGES.md).
 */
import type { LanguageRecipe } from '../recipe.js';
import { BEAM_PIDS, beamFlags, beamOutOfMemory } from '../erlang/recipe.js';

const ELIXIR = '/usr/bin/elixir';
/** Reads the script as Elixir's parser does and stops; exit status 1 with the parser's message on an error. */
const PARSE = 'Code.string_to_quoted!(File.read!("main.exs"), file: "main.exs")';
const KILLED = /\*\* \(EXIT from #PID<[\d.]+>\) killed/;

export const elixirRecipe: LanguageRecipe = {
  id: 'elixir',
  prepare: async (code) => ({ files: { 'main.exs': code } }),
  compile: {
    argv: () => [ELIXIR, '--erl', beamFlags(512).join(' '), '-e', PARSE],
    flags: [],
    collect: [],
    keep: ['main.exs'],
    needs: { pids: BEAM_PIDS },
  },
  run: (_files, { memoryMb }) => [ELIXIR, '--erl', beamFlags(memoryMb).join(' '), 'main.exs'],
  runEnv: () => ({ ERL_CRASH_DUMP_SECONDS: '0' }),
  runPids: BEAM_PIDS,
  classify: (output) =>
    beamOutOfMemory(output) ?? (KILLED.test(output.stderr) ? 'MEMORY_LIMIT_EXCEEDED' : null),
  version: {
    argv: [ELIXIR, '--version'],
    parse: (out) => /Elixir (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
