/**
 * JavaScript on Node.js. The syntax is checked before the run (esbuild parses it in the
 * worker; nothing is executed), so a syntax error is `COMPILE_ERROR` like in compiled languages.
 */
import { transform } from 'esbuild';
import type { LanguageRecipe, PrepareResult } from './recipe.js';
import { formatEsbuildError } from './esbuild-errors.js';

/**
 * Node writes to pipes and sockets asynchronously: a program printing in a loop never yields,
 * so its output piles up in memory instead of reaching the output limit. This preload makes
 * stdout and stderr blocking, as they are for files.
 */
export const NODE_STDIO_PRELOAD = {
  file: '.stdio-blocking.cjs',
  contents: 'for (const s of [process.stdout, process.stderr]) s._handle?.setBlocking?.(true);\n',
};

export function nodeArgs(memoryMb: number, file: string, extra: string[] = []): string[] {
  // V8's heap is capped below the cgroup limit so running out is a clean, reportable error.
  const heapMb = Math.max(16, memoryMb - 32);
  return [
    '/usr/bin/node',
    `--max-old-space-size=${heapMb}`,
    '--stack-size=65500',
    '--require',
    `./${NODE_STDIO_PRELOAD.file}`,
    ...extra,
    file,
  ];
}

export const javascript: LanguageRecipe = {
  id: 'javascript',
  async prepare(code): Promise<PrepareResult> {
    try {
      await transform(code, { loader: 'js', format: 'cjs', logLevel: 'silent' });
      return { ok: true, files: { 'main.js': code, [NODE_STDIO_PRELOAD.file]: NODE_STDIO_PRELOAD.contents } };
    } catch (error) {
      return { ok: false, compileOutput: formatEsbuildError(error, 'main.js') };
    }
  },
  run: (_files, { memoryMb }) => nodeArgs(memoryMb, 'main.js'),
  version: { argv: ['/usr/bin/node', '--version'], parse: (out) => /v(\S+)/.exec(out)?.[1] ?? null },
};
