/**
 * The two shell snippets that run inside a sandbox. A sandbox is started ahead of its run (namespaces,
 * mounts and cgroup are the slow part) with the `STANDBY_COMMAND`: a shell that says "ready" on fd 3 and
 * blocks reading fd 3. When a run arrives, the worker writes the run's script (below) and stdin file to
 * the read-only I/O folder and a newline to fd 3; the shell sources the script, which sets the rlimits,
 * closes fd 3 and runs the program with stdin from a file (so `/dev/stdin` opens like a file, and the
 * worker never blocks on a pipe). The shell is the sandbox's pid 1 and waits for the program. A run with a
 * channel (`RunChannel`) gets fd 3 itself as its fd 0 instead, and no stdin file exists.
 *
 * The run's stdout comes in on fd 5 (bubblewrap's own fd 1 is /dev/null: its monitor, outside, holds its
 * fds 0-2 until it exits). A run without a channel makes fd 5 the shell's fd 1 and runs the program in the
 * foreground, as ever. A run with a channel is a conversation, where the other side must read end of file
 * as soon as the program closes its stdout, even while it goes on running: there the shell starts the
 * program in the background with fd 5 as its stdout, closes its own copy and waits for it, so only the
 * program (and its children) hold stdout. (As a background job of a shell without job control, the
 * program starts with SIGINT and SIGQUIT ignored; nothing in a sandbox sends them but the program itself.)
 *
 * rlimits are set here, inside, by `ulimit` (a shell builtin: no extra exec): it only lowers limits, which
 * an unprivileged process may do. RLIMIT_AS is never set (it breaks the JVM and V8: memory is the cgroup's).
 */
import { IO_MOUNT, shQuote } from './bwrap-args.js';
import type { RunLimits } from './sandbox.js';

export const SCRIPT_FILE = 'run.sh';
export const STDIN_FILE = 'stdin';
/** The descriptor the sandbox's shell gets the run's stdout on (see the helper's `serve`). */
export const STDOUT_FD = 5;

/** What the prepared shell runs: ready byte on fd 3, wait for the go line, then source the run script. */
export const STANDBY_COMMAND = [
  '/bin/sh',
  '-c',
  `printf R >&3 && read -r go <&3 && . ${IO_MOUNT}/${SCRIPT_FILE}`,
];

/** Hard caps the worker itself runs under; requests above them are clamped (an unprivileged shell cannot raise them). */
export interface HardCaps {
  openFiles: number;
  stackKb: number;
}

export interface ScriptInput {
  argv: readonly string[];
  env?: Record<string, string>;
  limits: RunLimits;
  caps: HardCaps;
  /** The program's fd 0 is the control socket (fd 3 of the shell) instead of the stdin file. */
  channel?: boolean;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws on an argv or env the shell could not pass through unchanged. */
export function checkCommand(argv: readonly string[], env?: Record<string, string>): void {
  if (argv.length === 0 || argv[0] === '') throw new Error('argv must name a program');
  for (const a of argv) if (a.includes('\0')) throw new Error('argv must not contain NUL bytes');
  for (const [k, v] of Object.entries(env ?? {})) {
    if (!ENV_NAME.test(k)) throw new Error(`invalid environment variable name: ${JSON.stringify(k)}`);
    if (v.includes('\0')) throw new Error(`environment variable ${k} must not contain NUL bytes`);
  }
}

export function runScript(input: ScriptInput): string {
  const l = input.limits;
  // RLIMIT_CPU is per process and whole seconds: a backstop one second above the cgroup-enforced total.
  const cpuSeconds = Math.ceil(l.cpuMs / 1000) + 1;
  // dash's `ulimit -f` counts 512-byte blocks; `-s` counts KiB.
  const fsizeBlocks = Math.max(1, Math.ceil(l.fileSizeBytes / 512));
  const nofile = Math.min(Math.floor(l.openFiles), input.caps.openFiles);
  const stackKb = Math.min(Math.floor(l.stackKb), input.caps.stackKb);
  const lines = [
    // With a channel the shell keeps fd 3 (it hands it to the program as fd 0 and never reads it again).
    ...(input.channel ? [] : [`exec 3>&- 1>&${STDOUT_FD} ${STDOUT_FD}>&-`]),
    'ulimit -c 0',
    `ulimit -t ${cpuSeconds}`,
    `ulimit -f ${fsizeBlocks}`,
    `ulimit -n ${nofile}`,
    `ulimit -s ${stackKb}`,
  ];
  for (const [k, v] of Object.entries(input.env ?? {})) lines.push(`export ${k}=${shQuote(v)}`);
  // Not exec'd: the shell stays pid 1 of the sandbox (signals work normally for the program, pid 2 and
  // below), and exits with the program's status (128 + N for a signal).
  const command = input.argv.map(shQuote).join(' ');
  if (input.channel) {
    // `wait` gives the program's status as a foreground command would; the shell no longer holds stdout.
    lines.push(
      `${command} <&3 3<&- >&${STDOUT_FD} ${STDOUT_FD}>&- &`,
      `exec ${STDOUT_FD}>&-`,
      'wait $!',
      'exit $?',
    );
  } else {
    lines.push(`${command} < ${IO_MOUNT}/${STDIN_FILE}`, 'exit $?');
  }
  return lines.join('\n') + '\n';
}
