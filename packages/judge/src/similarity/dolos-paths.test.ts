/** What of node_modules the similarity analysis sees in the sandbox: Dolos and what it loads, no build tools. */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dolosEntry, dolosPackageDirs } from './dolos-paths.js';

describe('dolosPackageDirs', () => {
  it('holds Dolos, its parsers and their native loader, and leaves out the build-only packages', () => {
    const dirs = dolosPackageDirs();
    const names = dirs.map((dir) => dir.replace(/^.*node_modules\//, ''));
    for (const name of [
      '@dodona/dolos-lib',
      '@dodona/dolos-core',
      '@dodona/dolos-parsers',
      'tree-sitter',
      'node-gyp-build',
    ])
      expect(names).toContain(name);
    for (const name of ['node-gyp', 'nan', 'node-addon-api']) expect(names).not.toContain(name);
    for (const dir of dirs) expect(existsSync(join(dir, 'package.json')), dir).toBe(true);
    // The entry is inside one of the bound folders.
    const entry = dolosEntry();
    expect(entry).not.toBeNull();
    expect(dirs.some((dir) => entry?.startsWith(`${dir}/`))).toBe(true);
    expect(basename(entry ?? '')).toBe('index.js');
  });
});
