/** Tcl 8.6 (Debian's tcl): the script run by tclsh. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const tclRecipe: LanguageRecipe = {
  id: 'tcl',
  prepare: async (code) => ({ files: { 'main.tcl': code } }),
  run: () => ['/usr/bin/tclsh', 'main.tcl'],
  classify: outOfMemory(/unable to (re)?alloc|out of memory/i),
  version: {
    argv: ['/bin/sh', '-c', "echo 'puts [info patchlevel]' | /usr/bin/tclsh"],
    parse: (out) => /^(\d+\.\d+(\.\d+)?)/m.exec(out.trim())?.[1] ?? null,
  },
};
