/**
 * Where Dolos is on the host: its entry file, and every package folder it loads (itself, its
 * dependencies, theirs, down to the tree-sitter parsers' native addons). The worker binds exactly these
 * folders read-only into the sandbox, at the same paths, so the analysis finds them and nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of `name` as Node resolves it from `from` (a folder), or null when it is not installed. */
function packageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Needed to build the native parsers on install, never loaded by the analysis: not shown in the sandbox. */
const BUILD_ONLY = new Set(['node-gyp', 'nan', 'node-addon-api']);

function dependenciesOf(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  return [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ].filter((name) => !BUILD_ONLY.has(name));
}

/** `@dodona/dolos-lib`'s folder and the folders of everything it depends on; empty when it is not installed. */
export function dolosPackageDirs(): string[] {
  const root = packageDir('@dodona/dolos-lib', dirname(require.resolve('./dolos-runner.mjs')));
  if (root === null) return [];
  const seen = new Set<string>([root]);
  const todo = [root];
  for (let dir = todo.pop(); dir !== undefined; dir = todo.pop()) {
    for (const name of dependenciesOf(dir)) {
      const found = packageDir(name, dir);
      if (found !== null && !seen.has(found)) {
        seen.add(found);
        todo.push(found);
      }
    }
  }
  return [...seen].sort();
}

/** Absolute path of Dolos' entry module (the same inside the sandbox), or null when it is not installed. */
export function dolosEntry(): string | null {
  const root = packageDir('@dodona/dolos-lib', dirname(require.resolve('./dolos-runner.mjs')));
  return root === null ? null : join(root, 'dist', 'index.js');
}

/** The runner program's own file, placed in the sandbox's work dir for each analysis. */
export const DOLOS_RUNNER_SOURCE = (): string => readFileSync(require.resolve('./dolos-runner.mjs'), 'utf8');
