/**
 * The sandbox's two native pieces, compiled from C (`packages/sandbox/native/`) once per process when the first
 * sandbox starts: the seccomp filter every run gets (libseccomp builds it; we keep the exported BPF program),
 * and the static helper that starts bubblewrap with only the sandbox's own descriptors open and replaces a
 * cell's tmpfs by a fresh one. A host without a C compiler or libseccomp cannot sandbox: the error says what
 * to install, and the worker refuses to start.
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
const FILTER_SOURCE = join(SOURCES, 'seccomp-filter.c');

/** File names of the installed pieces inside a work root. */
export const HELPER_FILE = 'sandbox-helper';
export const SECCOMP_FILE = 'seccomp.bpf';

const INSTALL_HINT = '`apt-get install -y gcc libc6-dev libseccomp-dev`';

export interface NativeTools {
  /** The static helper executable (`start`, `reset`, `put`, `exec`). */
  helper: Buffer;
  /** The seccomp filter as a BPF program (`struct sock_filter[]`), for bubblewrap's `--seccomp`. */
  seccompBpf: Buffer;
}

/** Where one sandbox installed the pieces (inside its work root). */
export interface InstalledTools {
  helperPath: string;
  seccompPath: string;
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

/** Writes the helper (0755: the cells' uids execute it) and the filter (0644) into `root`, root-owned. */
export function installNativeTools(tools: NativeTools, root: string): InstalledTools {
  const helperPath = join(root, HELPER_FILE);
  const seccompPath = join(root, SECCOMP_FILE);
  writeFileSync(helperPath, tools.helper, { mode: 0o755 });
  chmodSync(helperPath, 0o755);
  writeFileSync(seccompPath, tools.seccompBpf, { mode: 0o644 });
  chmodSync(seccompPath, 0o644);
  return { helperPath, seccompPath };
}

async function build(): Promise<NativeTools> {
  const cc = findExecutable('gcc') ?? findExecutable('cc');
  if (!cc) {
    throw new Error(
      `no C compiler: the sandbox builds its seccomp filter and helper with gcc at start; run ${INSTALL_HINT}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'arbiter-native-'));
  try {
    const helperOut = join(dir, 'sandbox-helper');
    const filterOut = join(dir, 'seccomp-filter');
    await Promise.all([
      compile(cc, ['-O2', '-Wall', '-static', '-o', helperOut, HELPER_SOURCE], 'the sandbox helper'),
      compile(cc, ['-O2', '-Wall', '-o', filterOut, FILTER_SOURCE, '-lseccomp'], 'the seccomp filter'),
    ]);
    let bpf: Buffer;
    try {
      bpf = (await run(filterOut, [], { encoding: 'buffer', env: {} })).stdout;
    } catch (err) {
      throw new Error(`cannot build the seccomp filter: ${detail(err)}`, { cause: err });
    }
    // A BPF program is a non-empty array of 8-byte instructions, at most 4096 of them (BPF_MAXINSNS).
    if (bpf.length === 0 || bpf.length % 8 !== 0 || bpf.length / 8 > 4096) {
      throw new Error(`the seccomp filter program is malformed (${bpf.length} bytes)`);
    }
    return { helper: readFileSync(helperOut), seccompBpf: bpf };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compile(cc: string, args: string[], what: string): Promise<void> {
  try {
    await run(cc, args);
  } catch (err) {
    const text = detail(err);
    const hint = /seccomp/.test(text)
      ? `libseccomp-dev is missing: run ${INSTALL_HINT}`
      : /-lc\b|crt1\.o|stdio\.h|cannot find/.test(text)
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
