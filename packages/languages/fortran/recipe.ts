/**
 * Fortran with GFortran (Debian's `gfortran`): free-form sources compiled once to `main` (optimised), then
 * run. An `allocate` the allocator refuses ends the program with gfortran's "Allocation would exceed memory
 * limit" (→ MEMORY_LIMIT_EXCEEDED).
 */
import type { LanguageRecipe } from '../recipe.js';
import { GCC_COMMON_FLAGS, gccVersion, sourcesOf } from '../shared/gcc.js';

export const FORTRAN_COMPILER_FLAGS = [
  ...GCC_COMMON_FLAGS,
  /^-std=(f95|f2003|f2008|f2018|gnu|legacy)$/,
  /^-f(no-)?(implicit-none|range-check|bounds-check|check=[a-z,]+)$/,
];

export const fortranRecipe: LanguageRecipe = {
  id: 'fortran',
  prepare: async (code) => ({ files: { 'main.f90': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/gfortran',
      '-O2',
      '-pipe',
      ...(options.flags ?? []),
      '-o',
      'main',
      ...sourcesOf(files, 'main.f90', /\.(f90|f95|f03|f08)$/),
    ],
    flags: FORTRAN_COMPILER_FLAGS,
    collect: ['main'],
  },
  run: () => ['./main'],
  classify: ({ stderr }) =>
    /Allocation would exceed memory limit|Cannot allocate memory/.test(stderr)
      ? 'MEMORY_LIMIT_EXCEEDED'
      : null,
  version: { argv: ['/usr/bin/gfortran', '-dumpfullversion'], parse: gccVersion },
};
