/**
 * JavaScript on Node.js. The syntax is checked before the run by esbuild, in the sandbox with the compile
 * step's limits (it parses, never executes), so a syntax error is `COMPILE_ERROR` like in compiled languages.
 */
import type { LanguageRecipe } from '../recipe.js';
import { ESBUILD_BINARY } from '../shared/esbuild-binary.js';
import { formatEsbuildOutput } from '../shared/esbuild-errors.js';

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

/** V8's heap cap (`--max-old-space-size`) reached. */
export const nodeHeapExhausted = ({ stderr }: { stderr: string }): 'MEMORY_LIMIT_EXCEEDED' | null =>
  stderr.includes('JavaScript heap out of memory') ? 'MEMORY_LIMIT_EXCEEDED' : null;

/** esbuild's flags shared by both languages: plain text diagnostics, errors only, at most 6 of them. */
export const ESBUILD_FLAGS = ['--log-level=error', '--log-limit=6', '--color=false'];

export const javascriptRecipe: LanguageRecipe = {
  id: 'javascript',
  prepare: async (code) => ({
    files: { 'main.js': code, [NODE_STDIO_PRELOAD.file]: NODE_STDIO_PRELOAD.contents },
  }),
  compile: {
    // Whitespace minified: the checked output (thrown away) stays linear in the source, whatever its nesting.
    argv: () => [
      ESBUILD_BINARY,
      'main.js',
      '--format=cjs',
      '--minify-whitespace',
      '--outfile=/dev/null',
      ...ESBUILD_FLAGS,
    ],
    // esbuild's own flags are not offered to submitters.
    flags: [],
    collect: [],
    keep: ['main.js', NODE_STDIO_PRELOAD.file],
    formatOutput: formatEsbuildOutput,
  },
  run: (_files, { memoryMb }) => nodeArgs(memoryMb, 'main.js'),
  readOnlyPaths: [ESBUILD_BINARY],
  // V8's heap cap (`--max-old-space-size`) reached.
  classify: nodeHeapExhausted,
  version: { argv: ['/usr/bin/node', '--version'], parse: (out) => /v(\S+)/.exec(out)?.[1] ?? null },
};
