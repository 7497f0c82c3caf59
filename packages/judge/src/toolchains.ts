/** Finds which toolchains this host has, and their versions, once at worker start. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LANGUAGE_IDS, LANGUAGE_NAMES, type LanguageId, type LanguageInfo } from '@arbiter/contracts';
import { RECIPES } from '@arbiter/languages';

const run = promisify(execFile);

/** Languages (of `only`, default all) whose toolchain answered its version command, in the catalog's order. */
export async function detectToolchains(only?: readonly LanguageId[]): Promise<LanguageInfo[]> {
  const found = await Promise.all(
    LANGUAGE_IDS.filter((id) => only === undefined || only.includes(id)).map(
      async (id): Promise<LanguageInfo | null> => {
        const { argv, parse } = RECIPES[id].version;
        const [command, ...args] = argv;
        if (command === undefined) return null;
        try {
          // Generous: a JVM's `-version` took over 10 s on a loaded one-CPU machine (the User-Mode Linux guest
          // of test:cgroup-v2), and a language missed here is missing until the worker restarts. The probes run
          // at once, so only a toolchain that hangs makes the start wait this long.
          const { stdout, stderr } = await run(command, args, {
            timeout: 60_000,
            env: { PATH: '/usr/bin:/bin' },
          });
          const version = parse(`${stdout}\n${stderr}`);
          return version === null ? null : { id, name: LANGUAGE_NAMES[id], version };
        } catch {
          return null;
        }
      },
    ),
  );
  return found.filter((info): info is LanguageInfo => info !== null);
}
