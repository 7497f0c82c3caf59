/** PyPy 3 (Debian's pypy3): Python with a JIT, run as Python 3 is (the syntax check inside the run). */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';
import { pythonRecipe } from '../python/recipe.js';

export const pypyRecipe: LanguageRecipe = {
  id: 'pypy',
  prepare: async (code) => ({ files: { 'main.py': code } }),
  run: (files, context) => ['/usr/bin/pypy3', ...pythonRecipe.run(files, context).slice(1)],
  compileErrorMarker: pythonRecipe.compileErrorMarker,
  classify: outOfMemory(/^MemoryError\b/m),
  version: { argv: ['/usr/bin/pypy3', '--version'], parse: (out) => /PyPy (\S+)/.exec(out)?.[1] ?? null },
};
