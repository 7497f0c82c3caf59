/** PHP (Debian's php-cli), without php.ini (`-n`): a lint (`php -l`), then the script with `memory_limit` from the limit. */
import type { LanguageRecipe } from '../recipe.js';

export const phpRecipe: LanguageRecipe = {
  id: 'php',
  prepare: async (code) => ({ files: { 'main.php': code } }),
  compile: {
    argv: () => ['/usr/bin/php', '-n', '-l', 'main.php'],
    flags: [],
    collect: [],
    keep: ['main.php'],
    // A clean lint says so ("No syntax errors detected in main.php"): a clean compile shows nothing.
    formatOutput: (output) => output.replace(/^No syntax errors detected in \S+\n?/m, ''),
  },
  // PHP's own cap below the cgroup's: running out is its clean "Allowed memory size … exhausted".
  run: (_files, { memoryMb }) => [
    '/usr/bin/php',
    '-n',
    // Errors go to stderr, as other languages' do (the CLI's default is stdout).
    '-d',
    'display_errors=stderr',
    '-d',
    `memory_limit=${Math.max(16, memoryMb - 16)}M`,
    'main.php',
  ],
  classify: ({ stdout, stderr }) =>
    /Allowed memory size of \d+ bytes exhausted|Out of memory/.test(stdout.slice(-500) + stderr)
      ? 'MEMORY_LIMIT_EXCEEDED'
      : null,
  version: {
    argv: ['/usr/bin/php', '-n', '--version'],
    parse: (out) => /PHP (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? null,
  },
};
