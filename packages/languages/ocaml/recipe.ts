/**
 * OCaml (Debian's `ocaml-nox`): compiled to native code by `ocamlopt` (optimised, with the `unix` and `str`
 * libraries), then run. Running out of memory is OCaml's `Out_of_memory` exception (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';

export const ocamlRecipe: LanguageRecipe = {
  id: 'ocaml',
  prepare: async (code) => ({ files: { 'main.ml': code } }),
  compile: {
    argv: () => ['/usr/bin/ocamlopt', '-O3', '-I', '+unix', 'unix.cmxa', 'str.cmxa', '-o', 'main', 'main.ml'],
    flags: [],
    collect: ['main'],
    // ocamlopt runs the assembler and the linker (through gcc) as children.
    needs: { pids: 128 },
  },
  run: () => ['./main'],
  classify: ({ stderr }) => (/exception Out_of_memory/.test(stderr) ? 'MEMORY_LIMIT_EXCEEDED' : null),
  version: {
    argv: ['/usr/bin/ocamlopt', '-version'],
    parse: (out) => /^(\d+\.\d+(\.\d+)?)/.exec(out.trim())?.[1] ?? null,
  },
};
