/**
 * Rust (Debian's `rustc`, edition 2021, optimised): one crate from `main.rs` (extra `.rs` files are its
 * modules, by `mod`), linked by the system's `cc`, then run. Running out of memory under the cgroup ends the
 * process; an allocation the allocator refuses prints Rust's own message and aborts.
 */
import type { LanguageRecipe } from '../recipe.js';

/** Flags a submitter may add to rustc: optimisation, edition, lint levels, cfg names; nothing naming a path. */
export const RUST_COMPILER_FLAGS = [
  /^-C(opt-level=[0-3sz]|debug-assertions=(on|off|yes|no)|overflow-checks=(on|off|yes|no)|target-cpu=native)$/,
  /^--edition=(2015|2018|2021)$/,
  /^-[AWDF][a-z_:]+$/,
  /^--cfg=[A-Za-z_][A-Za-z0-9_]*$/,
];

export const rustRecipe: LanguageRecipe = {
  id: 'rust',
  prepare: async (code) => ({ files: { 'main.rs': code } }),
  compile: {
    argv: (_files, options) => [
      '/usr/bin/rustc',
      '--edition=2021',
      '-O',
      '--crate-name=main',
      '-Cdebuginfo=0',
      '-Cstrip=debuginfo',
      '--color=never',
      ...(options.flags ?? []),
      '-o',
      'main',
      'main.rs',
    ],
    flags: RUST_COMPILER_FLAGS,
    collect: ['main'],
    // rustc's code generation runs on several threads, and the linker is a child (cc → collect2 → ld).
    needs: { pids: 128 },
  },
  run: () => ['./main'],
  // The standard library's message when the allocator refuses (then it aborts).
  classify: ({ stderr }) =>
    /^memory allocation of \d+ bytes failed/m.test(stderr) ? 'MEMORY_LIMIT_EXCEEDED' : null,
  version: { argv: ['/usr/bin/rustc', '--version'], parse: (out) => /rustc (\S+)/.exec(out)?.[1] ?? null },
};
