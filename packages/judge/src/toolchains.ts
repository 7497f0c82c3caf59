/** Finds which toolchains this host has, and their versions, once at worker start (remembered on disk). */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { promisify } from 'node:util';
import { LANGUAGE_IDS, LANGUAGE_NAMES, type LanguageId, type LanguageInfo } from '@arbiter/contracts';
import { languageSourceHash, RECIPES } from '@arbiter/languages';

const run = promisify(execFile);
const PATH_DIRS = ['/usr/bin', '/bin'];
/** Versions remembered at most (the newest kept): one per language and toolchain build. */
const MAX_REMEMBERED = 1_000;

/** The toolchain binary's path and what identifies its build (size and time of change), or null when absent. */
async function binaryIdentity(command: string): Promise<string | null> {
  for (const path of isAbsolute(command) ? [command] : PATH_DIRS.map((dir) => `${dir}/${command}`)) {
    try {
      const info = await stat(path);
      if (info.isFile()) return `${path}|${info.size}|${info.mtimeMs}|${info.ino}`;
    } catch {
      // not there: the next folder
    }
  }
  return null;
}

/** Versions found earlier, by language, binary identity and the language's sources (a file that cannot be read is empty). */
async function readRemembered(file: string | undefined): Promise<Record<string, string>> {
  if (file === undefined) return {};
  try {
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
    return Object.fromEntries(
      Object.entries(json).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length <= 200,
      ),
    );
  } catch {
    return {};
  }
}

async function remember(file: string, versions: Record<string, string>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(versions));
  await rename(temporary, file);
}

/**
 * Languages (of `only`, default all) whose toolchain answered its version command, in the catalog's order.
 * With `cacheFile`, a version is remembered under the binary's identity (path, size, time of change, inode)
 * and the language's sources: a worker restarted on the same toolchains asks none of them again (46 version
 * commands, JVMs among them, cost several seconds of CPU per start).
 */
export async function detectToolchains(
  only?: readonly LanguageId[],
  cacheFile?: string,
): Promise<LanguageInfo[]> {
  const remembered = await readRemembered(cacheFile);
  const learned: Record<string, string> = {};
  const found = await Promise.all(
    LANGUAGE_IDS.filter((id) => only === undefined || only.includes(id)).map(
      async (id): Promise<LanguageInfo | null> => {
        const { argv, parse } = RECIPES[id].version;
        const [command, ...args] = argv;
        if (command === undefined) return null;
        const identity = cacheFile === undefined ? null : await binaryIdentity(command);
        const key = identity === null ? null : `${id}|${identity}|${languageSourceHash(id)}`;
        const known = key === null ? undefined : remembered[key];
        if (known !== undefined) return { id, name: LANGUAGE_NAMES[id], version: known };
        try {
          // Generous: a JVM's `-version` took over 10 s on a loaded one-CPU machine (the User-Mode Linux guest
          // of test:cgroup-v2), and a language missed here is missing until the worker restarts. The probes run
          // at once, so only a toolchain that hangs makes the start wait this long.
          const { stdout, stderr } = await run(command, args, {
            timeout: 60_000,
            env: { PATH: PATH_DIRS.join(':') },
          });
          const version = parse(`${stdout}\n${stderr}`);
          if (version !== null && key !== null) learned[key] = version;
          return version === null ? null : { id, name: LANGUAGE_NAMES[id], version };
        } catch {
          return null;
        }
      },
    ),
  );
  if (cacheFile !== undefined && Object.keys(learned).length > 0) {
    const all = Object.entries({ ...(await readRemembered(cacheFile)), ...learned }).slice(-MAX_REMEMBERED);
    await remember(cacheFile, Object.fromEntries(all)).catch(() => undefined);
  }
  return found.filter((info): info is LanguageInfo => info !== null);
}
