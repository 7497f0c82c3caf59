/** R (Debian's r-base-core): a parse check, then `Rscript`; base and recommended packages only. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const rRecipe: LanguageRecipe = {
  id: 'r',
  prepare: async (code) => ({ files: { 'main.R': code } }),
  compile: {
    argv: () => ['/usr/bin/Rscript', '--vanilla', '-e', 'invisible(parse("main.R"))'],
    flags: [],
    collect: [],
    keep: ['main.R'],
  },
  run: () => ['/usr/bin/Rscript', '--vanilla', 'main.R'],
  classify: outOfMemory(/cannot allocate (vector|memory)/),
  // R_HOME/etc links to /etc/R (Renviron, Makeconf): read-only, no secrets.
  readOnlyPaths: ['/etc/R'],
  version: {
    argv: ['/usr/bin/Rscript', '--version'],
    parse: (out) => /version (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
