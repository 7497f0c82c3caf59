/**
 * Names of every Redis key and channel the platform uses besides BullMQ's own.
 * Per-job keys share a `{jobId}` hash tag so a job's keys live on one Redis Cluster slot.
 */
export interface Keys {
  /** The job's event stream (XADD/XRANGE). */
  events(jobId: string): string;
  /** Hash beside the stream: last `seq`, last status, last queue position. */
  eventMeta(jobId: string): string;
  /** Pub/sub channel announcing that the job's stream grew. */
  eventChannel(jobId: string): string;
  /** The job's record (status and result). */
  record(jobId: string): string;
  /** An interactive job's input stream: stdin chunks, end of file, signals (see `JobStdin`). */
  stdin(jobId: string): string;
  /** Hash beside the input stream: bytes and records so far, whether stdin or the stream is closed. */
  stdinMeta(jobId: string): string;
  /** Sorted set of live workers, scored by heartbeat expiry (ms). */
  workers(): string;
  /** One live worker's advertisement (JSON). */
  worker(workerId: string): string;
  /** Held by the API instance reconciling the database with the queue. */
  reconcileLock(): string;
  /** An imported problem package's zip, by its SHA-256, for workers to fetch (see `PackageBlobs`). */
  packageBlob(sha256: string): string;
  /** Stream of results (and `running` notices) for the API's persisters to save (see `ResultsStream`). */
  results(): string;
  /** Results stream entries that could not be saved after every attempt, kept for an operator. */
  resultsDead(): string;
}

export function createKeys(prefix: string): Keys {
  return {
    events: (jobId) => `${prefix}:ev:{${jobId}}`,
    eventMeta: (jobId) => `${prefix}:evmeta:{${jobId}}`,
    eventChannel: (jobId) => `${prefix}:evch:{${jobId}}`,
    record: (jobId) => `${prefix}:job:{${jobId}}`,
    stdin: (jobId) => `${prefix}:in:{${jobId}}`,
    stdinMeta: (jobId) => `${prefix}:inmeta:{${jobId}}`,
    workers: () => `${prefix}:workers`,
    worker: (workerId) => `${prefix}:worker:${workerId}`,
    reconcileLock: () => `${prefix}:reconcile-lock`,
    packageBlob: (sha256) => `${prefix}:pkg:${sha256}`,
    results: () => `${prefix}:results:stream`,
    resultsDead: () => `${prefix}:results:dead`,
  };
}
