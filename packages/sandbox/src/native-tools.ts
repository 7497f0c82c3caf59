/**
 * The sandbox's native piece, compiled from C (`packages/sandbox/native/`) once per process when the first
 * sandbox starts: the static helper that starts bubblewrap with only the sandbox's own descriptors open, and
 * replaces a cell's tmpfs by a fresh one and checks it. A host without a C compiler cannot sandbox: the error
 * says what to install.
 */
import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findExecutable } from './preflight.js';

const run = promisify(execFile);

const SOURCES = fileURLToPath(new URL('../native/', import.meta.url));
const HELPER_SOURCE = join(SOURCES, 'sandbox-helper.c');

/** File names of the installed pieces inside a work root. */
export const HELPER_FILE = 'sandbox-helper';

const INSTALL_HINT = '`apt-get install -y gcc libc6-dev`';

export interface NativeTools {
  /** The static helper executable (`exec`, `reset`). */
  helper: Buffer;
}

/** Where one sandbox installed the pieces (inside its work root). */
export interface InstalledTools {
  helperPath: string;
}

let building: Promise<NativeTools> | undefined;

/** Compiles both pieces once per process (a failed build is retried by the next caller). */
export function buildNativeTools(): Promise<NativeTools> {
  building ??= build().catch((err: unknown) => {
    building = undefined;
    throw err;
  });
  return building;
}

/** Writes the helper into `root`, root-owned, mode 0755. */
export function installNativeTools(tools: NativeTools, root: string): InstalledTools {
  const helperPath = join(root, HELPER_FILE);
  writeFileSync(helperPath, tools.helper, { mode: 0o755 });
  chmodSync(helperPath, 0o755);
  return { helperPath };
}

async function build(): Promise<NativeTools> {
  const cc = findExecutable('gcc') ?? findExecutable('cc');
  if (!cc) {
    throw new Error(`no C compiler: the sandbox builds its helper with gcc at start; run ${INSTALL_HINT}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'arbiter-native-'));
  try {
    const helperOut = join(dir, 'sandbox-helper');
    await compile(cc, ['-O2', '-Wall', '-static', '-o', helperOut, HELPER_SOURCE], 'the sandbox helper');
    return { helper: readFileSync(helperOut) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compile(cc: string, args: string[], what: string): Promise<void> {
  try {
    await run(cc, args);
  } catch (err) {
    const text = detail(err);
    const hint = /-lc\b|crt1\.o|stdio\.h|cannot find/.test(text)
      ? `the C library's development files are missing: run ${INSTALL_HINT}`
      : `is the compiler broken? (${INSTALL_HINT})`;
    throw new Error(`cannot compile ${what} (${text}): ${hint}`, { cause: err });
  }
}

function detail(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'stderr' in err) {
    const stderr = String((err as { stderr: unknown }).stderr).trim();
    if (stderr) return stderr.split('\n').slice(0, 5).join(' | ');
  }
  return err instanceof Error ? err.message : String(err);
}
