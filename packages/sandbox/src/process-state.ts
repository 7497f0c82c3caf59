/** A process's parent and whether it is still running (not exiting, not a zombie), read from /proc. */
import { readFileSync } from 'node:fs';

/** `PF_EXITING` in the flags of /proc/<pid>/stat: set as the process starts to exit, before it closes its files. */
const PF_EXITING = 0x4;

export interface ProcessState {
  ppid: number;
  /** Neither exiting (`PF_EXITING`) nor dead (a zombie). */
  running: boolean;
}

/** The state of `pid`, or undefined when it is gone. */
export function processState(pid: number): ProcessState | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After the command's `)`: state, ppid, pgrp, session, tty_nr, tpgid, flags, …
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0] ?? 'X';
  const flags = Number(fields[6]);
  return {
    ppid: Number(fields[1]),
    running: state !== 'Z' && state !== 'X' && (flags & PF_EXITING) === 0,
  };
}
