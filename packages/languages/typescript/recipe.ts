/**
 * TypeScript: transpiled to JavaScript by esbuild in the sandbox, as the compile step (esbuild only parses
 * and rewrites; nothing is executed), then run on Node.js with an inline source map so stack traces point
 * at the TypeScript lines. Types are not checked, as with `tsx` or `ts-node --transpile-only`.
 */
import { ESBUILD_FLAGS, NODE_STDIO_PRELOAD, nodeArgs, nodeHeapExhausted } from '../javascript/recipe.js';
import type { LanguageRecipe } from '../recipe.js';
import { ESBUILD_BINARY } from '../shared/esbuild-binary.js';
import { formatEsbuildOutput } from '../shared/esbuild-errors.js';

export const typescriptRecipe: LanguageRecipe = {
  id: 'typescript',
  prepare: async (code) => ({
    files: { 'main.ts': code, [NODE_STDIO_PRELOAD.file]: NODE_STDIO_PRELOAD.contents },
  }),
  compile: {
    argv: (files) => [
      ESBUILD_BINARY,
      'main.ts',
      // Extra TypeScript files (`POST /submit`'s `files`) are bundled into main.js: Node cannot load `.ts`.
      ...(Object.keys(files).some((name) => name !== 'main.ts' && /\.[cm]?tsx?$/.test(name))
        ? ['--bundle', '--platform=node']
        : []),
      '--format=cjs',
      '--target=node20',
      '--sourcemap=inline',
      '--outfile=main.js',
      ...ESBUILD_FLAGS,
    ],
    flags: [],
    collect: ['main.js'],
    keep: [NODE_STDIO_PRELOAD.file],
    formatOutput: formatEsbuildOutput,
  },
  run: (_files, { memoryMb }) => nodeArgs(memoryMb, 'main.js', ['--enable-source-maps']),
  readOnlyPaths: [ESBUILD_BINARY],
  classify: nodeHeapExhausted,
  version: {
    argv: ['/usr/bin/node', '--version'],
    parse: (out) => {
      const node = /v(\S+)/.exec(out)?.[1];
      return node ? `esbuild on Node.js ${node}` : null;
    },
  },
};
