/**
 * JVM class-data sharing archives for the JVM-hosted compilers (kotlinc, scalac, javac): the classes a
 * compiler loads at every start, dumped once per toolchain by compiling the language's fixed self-test sample
 * on the host (no user input), then mapped read-only into every compile in the sandbox. It halves the
 * compiler's start (docs/PERFORMANCE.md). Only this builder writes an archive, outside any cell: a cell sees
 * the folder read-only, and an archive from anything a user controls is never used (docs/SANDBOX.md).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { RECIPES, languageMeta, type LanguageId, type LanguageRecipe } from '@arbiter/languages';
import { STALE_LOCK_MS, alive, lockIsLive } from './build-lock.js';
import { runHostBuildCommand } from './host-build-command.js';

const run = promisify(execFile);

/** The languages whose compiler takes a class archive. */
export function classArchiveLanguages(languages: readonly LanguageId[]): LanguageId[] {
  return languages.filter((language) => RECIPES[language].compile?.classArchive === true);
}

/**
 * The archive of a language's compiler under `root`: named by everything that makes an archive stale (the
 * toolchain's version, the JVM's, the compile command with its class path), so a changed toolchain gets a new
 * one and never maps an old one.
 */
export function classArchivePath(
  root: string,
  language: LanguageId,
  toolchainVersion: string,
  javaVersion: string,
): string {
  const argv = RECIPES[language].compile?.argv({}, {}) ?? [];
  const id = createHash('sha256')
    .update(`${language}\0${toolchainVersion}\0${javaVersion}\0${argv.join('\0')}`)
    .digest('hex')
    .slice(0, 16);
  return join(root, `${language}-${id}.jsa`);
}

/** The JVM's own version line (`java -version`), part of every archive's name. */
export async function javaVersion(): Promise<string> {
  const { stderr } = await run('/usr/bin/java', ['-Xshare:off', '-version'], { timeout: 30_000 });
  return stderr.trim();
}

/**
 * Builds the archive at `path` unless it is already there, by compiling the language's self-test sample on
 * the host. Returns the path, or null if it could not be built (compiles then run without one) or `signal`
 * ended the build (the compiler is killed and its partial file removed before this settles).
 */
export async function buildClassArchive(
  path: string,
  language: LanguageId,
  recipe: LanguageRecipe = RECIPES[language],
  signal?: AbortSignal,
): Promise<string | null> {
  if (await isFile(path)) return path;
  if (signal?.aborted) return null;
  const sample = languageMeta(language)?.sample;
  if (recipe.compile?.classArchive !== true || sample === undefined) return null;
  // One builder per archive among a host's workers; a lock whose builder died holds nothing.
  const lock = `${path}.building`;
  const held = await open(lock, 'wx').catch(() => null);
  if (held === null) {
    if (await lockIsLive(lock)) return waitForOther(path, language, recipe, signal);
    await rm(lock, { force: true });
    return buildClassArchive(path, language, recipe, signal);
  }
  await held.writeFile(String(process.pid));
  await held.close();
  await removeDeadPartials(dirname(path));
  const work = await mkdtemp(join(tmpdir(), 'arbiter-class-archive-'));
  const partial = `${path}.${process.pid}.tmp`;
  try {
    const { files } = await recipe.prepare(sample);
    for (const [name, contents] of Object.entries(files)) await writeFile(join(work, name), contents);
    const [command, ...args] = recipe.compile.argv(files, { classArchive: { mode: 'dump', path: partial } });
    await runHostBuildCommand(command ?? '', args, {
      cwd: work,
      env: { PATH: '/usr/bin:/bin', HOME: work, LANG: 'C.UTF-8', ...recipe.compile.env },
      timeout: 180_000,
      ...(signal === undefined ? {} : { signal }),
    });
    if (!(await isFile(partial))) return null;
    await chmod(partial, 0o444);
    // Written beside the target and renamed, so a compile never maps half a file.
    await rename(partial, path);
    return path;
  } catch {
    return null;
  } finally {
    await rm(partial, { force: true });
    await rm(work, { recursive: true, force: true });
    await rm(lock, { force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function waitForOther(
  path: string,
  language: LanguageId,
  recipe: LanguageRecipe,
  signal?: AbortSignal,
): Promise<string | null> {
  const lock = `${path}.building`;
  for (let waited = 0; waited < STALE_LOCK_MS && signal?.aborted !== true; waited += 250) {
    if (await isFile(path)) return path;
    if (!(await stat(lock).catch(() => null))) return (await isFile(path)) ? path : null;
    if (!(await lockIsLive(lock))) return buildClassArchive(path, language, recipe, signal);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

/** Removes half-written archives (`<name>.jsa.<pid>.tmp`, tens of MB each) whose builder is gone. */
async function removeDeadPartials(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const pid = /\.jsa\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) await rm(join(dir, name), { force: true });
  }
}
