/**
 * The JVM compilers' class archives: built once from the trusted sample and found again on disk, named anew
 * for another toolchain, mapped by the compiler in the sandbox, and never writable from a cell.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBwrapSandbox, type BwrapSandbox } from '@arbiter/sandbox';
import { scaledMs } from '../../../tests/support/speed-factor.js';
import {
  COMPILE_STEP_LIMITS,
  RECIPES,
  buildClassArchive,
  classArchivePath,
  compileProgram,
  javaVersion,
  judgeReadOnlyPaths,
} from '../src/index.js';

const JAVA = '/usr/bin/javac';
const hasJava = existsSync(JAVA) && process.getuid?.() === 0;
let root: string;
let sandbox: BwrapSandbox;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'arbiter-class-archive-test-'));
  await chmod(root, 0o755); // the cells' uids look inside
  if (!hasJava) return;
  sandbox = await createBwrapSandbox({
    slots: 1,
    spares: 0,
    cgroupRoot: `class-archive-test-${process.pid}`,
    workRoot: join(tmpdir(), `class-archive-test-${process.pid}`),
    // Beside the sandbox tests' uid blocks (20 000 + 32 per process, offsets 0..29 taken).
    uidBase: 20_000 + (process.pid % 1_000) * 32 + 30,
    readyTimeoutMs: scaledMs(10_000),
    extraRoBinds: [...judgeReadOnlyPaths(), root],
  });
}, scaledMs(60_000));

afterAll(async () => {
  await sandbox?.close();
  await rm(root, { recursive: true, force: true });
});

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe.skipIf(!hasJava)('JVM compiler class archive', () => {
  it(
    'is built once from the sample, renamed for another toolchain, and mapped by javac in the sandbox',
    { timeout: scaledMs(180_000) },
    async () => {
      const java = await javaVersion();
      const path = classArchivePath(root, 'java', '17.0.15', java);
      expect(classArchivePath(root, 'java', '17.0.16', java)).not.toBe(path);
      expect(classArchivePath(root, 'java', '17.0.15', `${java} other`)).not.toBe(path);
      expect(await buildClassArchive(path, 'java')).toBe(path);
      const built = await stat(path);
      expect(built.mode & 0o222).toBe(0); // read-only even to its owner
      expect(await buildClassArchive(path, 'java')).toBe(path);
      expect((await stat(path)).mtimeMs).toBe(built.mtimeMs);

      const compiled = await compileProgram(
        'java',
        'public class Main { public static void main(String[] a) { System.out.println(42); } }\n',
        sandbox,
        {},
        { classArchives: { java: path } },
      );
      expect(compiled.ok).toBe(true);

      // -Xshare:on (after the recipe's auto) refuses to start unless the archive is mapped.
      const { files } = await RECIPES.java.prepare('public class Main {}\n');
      const argv = RECIPES.java.compile?.argv(files, { classArchive: { mode: 'use', path } }) ?? [];
      const report = await sandbox.run({
        argv: [...argv.slice(0, -1), '-J-Xshare:on', ...argv.slice(-1)],
        files,
        collect: [],
        limits: COMPILE_STEP_LIMITS,
      });
      expect(Buffer.from(report.stdout).toString() + Buffer.from(report.stderr).toString()).toBe('');
      expect(report.exitCode).toBe(0);
    },
  );

  it('cannot be written, replaced or added to from a cell', { timeout: scaledMs(180_000) }, async () => {
    const path = classArchivePath(root, 'java', '17.0.15', await javaVersion());
    expect(await buildClassArchive(path, 'java')).toBe(path);
    const before = await sha(path);
    const report = await sandbox.run({
      argv: [
        '/bin/sh',
        '-c',
        `chmod u+w ${path}; echo x >> ${path}; cp /bin/sh ${path}; rm -f ${path}; ` +
          `mv ${path} /tmp/x; echo y > ${root}/other.jsa; ls ${root}`,
      ],
      files: {},
      collect: [],
      limits: COMPILE_STEP_LIMITS,
    });
    expect(Buffer.from(report.stderr).toString()).toMatch(/Read-only file system/);
    expect(await sha(path)).toBe(before);
    expect(existsSync(join(root, 'other.jsa'))).toBe(false);
  });
});
