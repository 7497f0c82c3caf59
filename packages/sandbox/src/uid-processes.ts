/** The live processes a uid owns anywhere on the host, read from /proc (used when a cell is retired). */
import { readdirSync, readFileSync } from 'node:fs';

/** Pids whose real uid is `uid`, zombies left out (they are dead; only their parent can reap them). */
export function processesOfUid(uid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${name}/status`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) !== uid) continue;
    if (/^State:\s+Z/m.test(status)) continue;
    out.push(Number(name));
  }
  return out;
}
