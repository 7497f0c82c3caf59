/**
 * JavaScript on Node.js. The syntax is checked before the run (esbuild parses it in the
 * worker; nothing is executed), so a syntax error is `COMPILE_ERROR` like in compiled languages.
 */
import { transform } from 'esbuild';
import type { LanguageRecipe, PrepareResult } from './recipe.js';
import { formatEsbuildError } from './esbuild-errors.js';

export function nodeArgs(memoryMb: number, file: string, extra: string[] = []): string[] {
  // V8's heap is capped below the cgroup limit so running out is a clean, reportable error.
  const heapMb = Math.max(16, memoryMb - 32);
  return ['/usr/bin/node', `--max-old-space-size=${heapMb}`, '--stack-size=65500', ...extra, file];
}

export const javascript: LanguageRecipe = {
  id: 'javascript',
  async prepare(code): Promise<PrepareResult> {
    try {
      await transform(code, { loader: 'js', format: 'cjs', logLevel: 'silent' });
      return { ok: true, files: { 'main.js': code } };
    } catch (error) {
      return { ok: false, compileOutput: formatEsbuildError(error, 'main.js') };
    }
  },
  run: (_files, { memoryMb }) => nodeArgs(memoryMb, 'main.js'),
  version: { argv: ['/usr/bin/node', '--version'], parse: (out) => /v(\S+)/.exec(out)?.[1] ?? null },
};
