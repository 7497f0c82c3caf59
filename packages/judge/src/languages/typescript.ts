/**
 * TypeScript: transpiled to JavaScript in the worker (esbuild only parses and rewrites;
 * nothing is executed), then run on Node.js with an inline source map so stack traces
 * point at the TypeScript lines. Types are not checked, as with `tsx` or `ts-node --transpile-only`.
 */
import { transform } from 'esbuild';
import { formatEsbuildError } from './esbuild-errors.js';
import { NODE_STDIO_PRELOAD, nodeArgs } from './javascript.js';
import type { LanguageRecipe, PrepareResult } from './recipe.js';

export const typescript: LanguageRecipe = {
  id: 'typescript',
  async prepare(code): Promise<PrepareResult> {
    try {
      const output = await transform(code, {
        loader: 'ts',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'inline',
        sourcefile: 'main.ts',
        logLevel: 'silent',
      });
      return {
        ok: true,
        files: { 'main.js': output.code, [NODE_STDIO_PRELOAD.file]: NODE_STDIO_PRELOAD.contents },
      };
    } catch (error) {
      return { ok: false, compileOutput: formatEsbuildError(error, 'main.ts') };
    }
  },
  run: (_files, { memoryMb }) => nodeArgs(memoryMb, 'main.js', ['--enable-source-maps']),
  version: {
    argv: ['/usr/bin/node', '--version'],
    parse: (out) => {
      const node = /v(\S+)/.exec(out)?.[1];
      return node ? `esbuild on Node.js ${node}` : null;
    },
  },
};
