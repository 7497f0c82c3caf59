/**
 * x86-64 assembly with NASM (Debian's `nasm`): assembled to an ELF64 object and linked by gcc against the C
 * library (entry `main`, no PIE, so `call printf` works as written), then run. The compile step is a fixed
 * shell line over the fixed file names; the code never reaches the shell.
 */
import type { LanguageRecipe } from '../recipe.js';

const BUILD =
  '/usr/bin/nasm -f elf64 -O1 -o main.o main.asm && /usr/bin/gcc -no-pie -Wl,-z,noexecstack -o main main.o';

export const nasmRecipe: LanguageRecipe = {
  id: 'nasm',
  prepare: async (code) => ({ files: { 'main.asm': code } }),
  compile: { argv: () => ['/bin/sh', '-c', BUILD], flags: [], collect: ['main'] },
  run: () => ['./main'],
  version: { argv: ['/usr/bin/nasm', '-v'], parse: (out) => /NASM version (\S+)/.exec(out)?.[1] ?? null },
};
