/** Redis-side plumbing shared by the API and workers: the BullMQ queue, job records, event streams, live workers. */
export { createKeys, type Keys } from './keys.js';
export { createRedis, type Redis, type RedisOptions } from './redis-connection.js';
export {
  SUBMISSION_QUEUE,
  createSubmissionQueue,
  enqueueSubmission,
  submissionJobOptions,
  submissionPriority,
  submissionTurn,
  type SubmissionQueue,
  type SubmissionQueueOptions,
} from './submission-queue.js';
export { queuePosition, queuePositions, waitingCount } from './queue-position.js';
export { QUEUE_STATES, readQueueDepth, type QueueDepth, type QueueState } from './queue-depth.js';
export { RedisCommand } from './redis-command.js';
export { redisCommands } from './redis-commands.js';
export {
  fairPriority,
  fairShareKey,
  jobClass,
  userOwner,
  clientOwner,
  REJUDGE_OWNER,
  REQUEUED_OWNER,
  type JobClass,
  type QueueOwner,
  type QueueTurn,
} from './fair-share.js';
export {
  RESULTS_GROUP,
  RESULTS_STREAM_MAX_LENGTH,
  ResultsStream,
  parseResultsEntry,
  type ResultsEntry,
} from './results-stream.js';
export {
  RESULTS_QUEUE,
  createResultsQueue,
  type ResultsJobName,
  type PersistJobData,
  type ResultsQueue,
} from './results-queue.js';
export {
  JobEventLog,
  parseAnnouncement,
  type Announcement,
  type JobEventLogOptions,
} from './job-event-log.js';
export { JobStdin, type JobStdinOptions, type StdinAppendOutcome, type StdinReader } from './job-stdin.js';
export { JobStore, newJobRecord, type JobStoreOptions } from './job-store.js';
export { WorkerRegistry, workerAdvertSchema, type WorkerAdvert } from './worker-registry.js';
export { PackageBlobs, PACKAGE_BLOB_TTL_SECONDS, type PackageBlobsOptions } from './package-blobs.js';
