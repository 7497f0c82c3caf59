/**
 * The production web build's cache key (scripts/build-web.mjs): it covers the workspace packages the
 * web app imports, found through the package.json files, so `npm start` never serves a build made
 * before one of them changed.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webSourceHash, webWorkspaceDependencies } from '../../scripts/build-web.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let root: string;

function write(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

function manifest(name: string, dependencies: Record<string, string> = {}): string {
  return JSON.stringify({ name, dependencies });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'arbiter-web-hash-'));
  write('package.json', JSON.stringify({ name: 'repo', workspaces: ['packages/*', 'apps/*'] }));
  write('package-lock.json', '{}');
  write('apps/web/package.json', manifest('@arbiter/web', { '@arbiter/contracts': '*', react: '^19' }));
  write('apps/web/src/page.tsx', 'export default function Page() {}');
  // contracts → languages: the web reaches languages only through contracts.
  write('packages/contracts/package.json', manifest('@arbiter/contracts', { '@arbiter/languages': '*' }));
  write('packages/contracts/src/index.ts', 'export const a = 1;');
  write('packages/languages/package.json', manifest('@arbiter/languages'));
  write('packages/languages/catalog.ts', 'export const languages = ["python"];');
  write('packages/languages/node_modules/esbuild/index.js', 'installed, not a source');
  write('packages/sandbox/package.json', manifest('@arbiter/sandbox'));
  write('packages/sandbox/src/index.ts', 'export const b = 2;');
  write('apps/api/package.json', manifest('@arbiter/api', { '@arbiter/sandbox': '*' }));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the web build hash', () => {
  it('follows the web app’s workspace dependencies transitively', () => {
    expect(webWorkspaceDependencies(root)).toEqual(['packages/contracts', 'packages/languages']);
  });

  it('changes when a file of a package the web imports only transitively changes', () => {
    const before = webSourceHash(root);
    expect(webSourceHash(root)).toBe(before);
    write('packages/languages/catalog.ts', 'export const languages = ["python", "cpp"];');
    expect(webSourceHash(root)).not.toBe(before);
  });

  it('changes when a package the web imports gets a new file or a new dependency', () => {
    const before = webSourceHash(root);
    write('packages/contracts/src/extra.ts', 'export const c = 3;');
    const withFile = webSourceHash(root);
    expect(withFile).not.toBe(before);
    write('packages/contracts/package.json', manifest('@arbiter/contracts', { '@arbiter/sandbox': '*' }));
    expect(webWorkspaceDependencies(root)).toEqual(['packages/contracts', 'packages/sandbox']);
    expect(webSourceHash(root)).not.toBe(withFile);
  });

  it('stays the same when a package the web does not depend on, or installed modules, change', () => {
    const before = webSourceHash(root);
    write('packages/sandbox/src/index.ts', 'export const b = 3;');
    write('packages/languages/node_modules/esbuild/index.js', 'another version');
    expect(webSourceHash(root)).toBe(before);
  });

  it('in this repository, covers the contracts and the language catalog the web imports', () => {
    const packages = webWorkspaceDependencies(ROOT);
    expect(packages).toContain('packages/contracts');
    expect(packages).toContain('packages/languages');
    expect(packages).not.toContain('apps/api');
    // A copy of the real packages: editing the catalog (imported as @arbiter/languages/catalog) moves the hash.
    for (const path of [
      'package.json',
      'package-lock.json',
      'apps/web',
      'packages/contracts',
      'packages/languages',
    ]) {
      rmSync(join(root, path), { recursive: true, force: true });
      cpSync(join(ROOT, path), join(root, path), {
        recursive: true,
        filter: (source) => !['node_modules', '.next'].includes(basename(source)),
      });
    }
    const before = webSourceHash(root);
    write('packages/languages/catalog.ts', '// changed\n');
    expect(webSourceHash(root)).not.toBe(before);
  });
});
