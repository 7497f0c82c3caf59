/**
 * What the languages on the JVM share (Kotlin, Scala, Clojure, Groovy; Java keeps its own recipe): the run's
 * heap sized from the memory limit, so running out of it is a clean `OutOfMemoryError`, and a compiler's JVM
 * started for a short run.
 */
import type { ClassArchiveUse } from '../recipe.js';

/** The JVM's message when the heap runs out; -XX:+ExitOnOutOfMemoryError prints its notice on stdout. */
export const JVM_OOM = 'java.lang.OutOfMemoryError';

/** Flags of a program's JVM: heap below the cgroup limit (room for metaspace, code cache and thread stacks). */
export function jvmRunFlags(memoryMb: number): string[] {
  const heapMb = Math.max(32, memoryMb - 64);
  return [`-Xmx${heapMb}m`, '-Xss64m', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError', '-Xshare:auto'];
}

/** Flags of a compiler's JVM: a short run, so the first JIT tier only and the serial collector. */
export const JVM_COMPILER_FLAGS = [
  '-Xmx768m',
  '-Xss16m',
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-Xshare:auto',
];

/**
 * Flags that hand a compiler's JVM its class-data sharing archive: the classes it loads at every start
 * (most of the compiler), already parsed, verified and laid out, mapped from the file instead of read from the
 * jars. A stale archive (another JDK or jar) is refused by the JVM itself, which then loads from the jars as
 * before; its notices about that are silenced, as they would land in the compile output.
 */
export function jvmClassArchiveFlags(archive: ClassArchiveUse | undefined): string[] {
  if (archive === undefined) return [];
  const option = archive.mode === 'use' ? 'SharedArchiveFile' : 'ArchiveClassesAtExit';
  return [`-XX:${option}=${archive.path}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off'];
}

/** Maps the JVM's heap exhaustion to MEMORY_LIMIT_EXCEEDED. */
export function jvmClassify({
  stdout,
  stderr,
}: {
  stdout: string;
  stderr: string;
}): 'MEMORY_LIMIT_EXCEEDED' | null {
  return stderr.includes(JVM_OOM) || stdout.slice(-200).includes(JVM_OOM) ? 'MEMORY_LIMIT_EXCEEDED' : null;
}

/** The JVM's threads (compiler, collector, signal, finalizer…) need more tasks than a native program. */
export const JVM_PIDS = 128;
