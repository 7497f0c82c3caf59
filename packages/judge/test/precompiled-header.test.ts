/** The precompiled C++ header: built once, found again on disk, actually used by g++, and used by C++ compiles. */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnsandboxedSandbox, type RunRequest } from '@arbiter/sandbox';
import { buildPrecompiledHeader, compileProgram, precompiledHeaderDir } from '../src/index.js';

const run = promisify(execFile);
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'arbiter-pch-test-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('precompiled bits/stdc++.h', () => {
  it(
    'is built once, reused from disk, and taken by g++ for the same flags',
    { timeout: 120_000 },
    async () => {
      const dir = precompiledHeaderDir(root, '12.2.0');
      expect(precompiledHeaderDir(root, '13.1.0')).not.toBe(dir);
      const built = await buildPrecompiledHeader(dir);
      expect(built).toEqual({ includeDir: dir });
      // Found again on disk: the second call builds nothing (the header file is the same one).
      const gch = join(dir, 'bits', 'stdc++.h.gch');
      const first = await stat(gch);
      expect(await buildPrecompiledHeader(dir)).toEqual({ includeDir: dir });
      const again = await stat(gch);
      expect([again.ino, again.mtimeMs]).toEqual([first.ino, first.mtimeMs]);

      const source = join(root, 'probe.cpp');
      await writeFile(source, '#include <bits/stdc++.h>\nint main() { return 0; }\n');
      // -H prints the headers used; "!" marks a valid precompiled header.
      const { stderr } = await run('/usr/bin/g++', [
        '-std=gnu++17',
        '-O2',
        '-I',
        dir,
        '-H',
        '-fsyntax-only',
        source,
      ]);
      expect(stderr.split('\n')[0]).toBe(`! ${join(dir, 'bits', 'stdc++.h.gch')}`);

      const commands: string[][] = [];
      const inner = createUnsandboxedSandbox();
      const sandbox = {
        kind: 'recording',
        driver: 'none' as const,
        run: (request: RunRequest) => {
          commands.push(request.argv);
          return inner.run(request);
        },
        runGroup: inner.runGroup,
        close: () => inner.close(),
      };
      const compiled = await compileProgram(
        'cpp',
        '#include <bits/stdc++.h>\nint main(){}',
        sandbox,
        {},
        { pchDir: dir },
      );
      expect(compiled.ok).toBe(true);
      expect(commands[0]).toEqual(expect.arrayContaining(['-I', dir]));
    },
  );
});

describe('concurrent builders', () => {
  it('build the header once and all get it', { timeout: 120_000 }, async () => {
    const dir = precompiledHeaderDir(root, 'concurrent');
    const results = await Promise.all([1, 2, 3].map(() => buildPrecompiledHeader(dir)));
    expect(results).toEqual([1, 2, 3].map(() => ({ includeDir: dir })));
  });
});

describe('a builder that died', () => {
  it(
    'holds nothing: its lock is taken over and its half-written file removed',
    { timeout: 120_000 },
    async () => {
      const dir = precompiledHeaderDir(root, 'died');
      // A process that has exited: its pid names the lock and a partial file, as a worker killed mid-build leaves.
      const dead = spawnSync('/bin/true').pid;
      await mkdir(join(dir, 'bits'), { recursive: true });
      await writeFile(join(dir, '.building'), String(dead));
      const partial = join(dir, 'bits', `stdc++.h.gch.${dead}.tmp`);
      await writeFile(partial, 'half');
      const started = performance.now();
      expect(await buildPrecompiledHeader(dir)).toEqual({ includeDir: dir });
      // Before, a fresh lock made every builder wait up to five minutes for it.
      expect(performance.now() - started).toBeLessThan(100_000);
      expect(existsSync(partial)).toBe(false);
      expect(existsSync(join(dir, '.building'))).toBe(false);
      expect(existsSync(join(dir, 'bits', 'stdc++.h.gch'))).toBe(true);
    },
  );
  it(
    'stops when its signal ends it: g++ is killed and nothing of the build is left in the folder',
    { timeout: 120_000 },
    async () => {
      const dir = precompiledHeaderDir(root, 'aborted');
      const stop = new AbortController();
      const building = buildPrecompiledHeader(dir, stop.signal);
      const partial = join(dir, 'bits', `stdc++.h.gch.${process.pid}.tmp`);
      // The g++ that writes the header, found by its output path among this process's children.
      const builders = async (): Promise<number[]> => {
        const pattern = partial.replace(/[.+*?^${}()|[\]\\]/g, '\\$&');
        const { stdout } = await run('/usr/bin/pgrep', ['-f', '-P', String(process.pid), pattern]).catch(
          () => ({ stdout: '' }),
        );
        return stdout.split('\n').filter(Boolean).map(Number);
      };
      // Polled until it runs (the test's timeout bounds the wait).
      while ((await builders()).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      stop.abort();
      expect(await building).toBeNull();
      expect(await builders()).toEqual([]);
      expect(await readdir(join(dir, 'bits'))).toEqual([]);
      expect(await readdir(dir)).toEqual(['bits']);
    },
  );
});
