/**
 * Which languages the live workers can run, as their heartbeats say, read at most once a
 * second per API instance. A job in a language no live worker has would wait forever, so it is
 * refused; with no live worker at all jobs are still accepted and wait (workers restarting, or
 * scaling up from zero, will take them).
 */
import type { LanguageId } from '@arbiter/contracts';
import type { WorkerRegistry } from '@arbiter/queue';
import { HttpError } from '../http/http-error.js';

const FRESH_MS = 1_000;

interface Snapshot {
  at: number;
  /** null: no live worker. */
  languages: Promise<Set<string> | null>;
}

const snapshots = new WeakMap<WorkerRegistry, Snapshot>();

function liveLanguages(registry: WorkerRegistry): Promise<Set<string> | null> {
  const now = Date.now();
  const snapshot = snapshots.get(registry);
  if (snapshot && now - snapshot.at < FRESH_MS) return snapshot.languages;
  const languages = registry
    .live()
    .then((workers) =>
      workers.length === 0 ? null : new Set(workers.flatMap((worker) => worker.languages.map((l) => l.id))),
    );
  snapshots.set(registry, { at: now, languages });
  // A failed read is not kept: the next request asks Redis again.
  languages.catch(() => snapshots.delete(registry));
  return languages;
}

/** Throws 503 LANGUAGE_UNAVAILABLE when workers are live but none of them runs `language`. */
export async function checkLanguageAvailable(registry: WorkerRegistry, language: LanguageId): Promise<void> {
  const languages = await liveLanguages(registry);
  if (languages === null || languages.has(language)) return;
  const available = [...languages].sort().join(', ') || 'none';
  throw new HttpError(
    503,
    'LANGUAGE_UNAVAILABLE',
    `No running worker can run ${language} right now, so it would never be judged; nothing was saved. Languages available now: ${available}.`,
  );
}
