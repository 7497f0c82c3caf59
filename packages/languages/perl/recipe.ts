/** Perl 5 (Debian's perl): a syntax check (`perl -c`), then the script. */
import type { LanguageRecipe } from '../recipe.js';
import { outOfMemory } from '../shared/out-of-memory.js';

export const perlRecipe: LanguageRecipe = {
  id: 'perl',
  prepare: async (code) => ({ files: { 'main.pl': code } }),
  compile: { argv: () => ['/usr/bin/perl', '-c', 'main.pl'], flags: [], collect: [], keep: ['main.pl'] },
  run: () => ['/usr/bin/perl', 'main.pl'],
  classify: outOfMemory(/^Out of memory/m),
  version: {
    argv: ['/usr/bin/perl', '-e', 'print $^V'],
    parse: (out) => /v?(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
