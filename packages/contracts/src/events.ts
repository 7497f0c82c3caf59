/**
 * Live job events: appended by the API and workers to a per-job Redis stream,
 * relayed to Socket.IO subscribers in `seq` order. Event names are the contract.
 */
import { z } from 'zod';
import type { ProgressMatrix, WatchProgressRequest } from './classes.js';
import type { Scoreboard, WatchContestRequest } from './contests.js';
import type { CompactScoreboard, ScoreboardRowsUpdate } from './scoreboard-wire.js';
import type { InputAck, InteractiveRunRequest, RunAck, RunInput } from './interactive-run.js';
import { jobResultSchema } from './result.js';
import { jobStatusSchema, verdictSchema } from './verdicts.js';

export const LOG_STREAMS = ['compile', 'stdout', 'stderr'] as const;
export const logStreamSchema = z.enum(LOG_STREAMS);
export type LogStream = z.infer<typeof logStreamSchema>;

export const statusPayloadSchema = z.object({
  status: jobStatusSchema,
  /** 1-based place in the queue while `queued`. */
  position: z.number().int().positive().optional(),
  /** Which attempt is running (> 1 after a worker was lost). */
  attempt: z.number().int().positive().optional(),
});
export type StatusPayload = z.infer<typeof statusPayloadSchema>;
export const logPayloadSchema = z.object({ stream: logStreamSchema, chunk: z.string() });
export const testPayloadSchema = z.object({
  index: z.number().int().nonnegative(),
  verdict: verdictSchema,
  timeMs: z.number().nonnegative(),
  memoryKb: z.number().nonnegative(),
});

/** An interactive run's program started: stdin sent from now on reaches it. */
export const stagePayloadSchema = z.object({ stage: z.literal('run') });

/** An event as stored in the stream, before it gets its `jobId` and `seq`. */
export const jobEventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), data: statusPayloadSchema }),
  z.object({ type: z.literal('log'), data: logPayloadSchema }),
  z.object({ type: z.literal('test'), data: testPayloadSchema }),
  z.object({ type: z.literal('stage'), data: stagePayloadSchema }),
  z.object({ type: z.literal('result'), data: jobResultSchema }),
]);
export type JobEventBody = z.infer<typeof jobEventBodySchema>;
export type JobEventType = JobEventBody['type'];

/** An event as read back from the stream: the body plus its job and position. */
export type JobEvent = JobEventBody & { jobId: string; seq: number };

/** What a client receives for event `type`: the payload plus `jobId` and `seq`. */
export type SocketEventPayload<T extends JobEventType> = Extract<JobEventBody, { type: T }>['data'] & {
  jobId: string;
  seq: number;
};

/**
 * Jobs one Socket.IO connection may watch at once, counting subscriptions still being checked;
 * further `subscribe`s are acknowledged with a `RATE_LIMITED` error until some finish or are dropped.
 */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 50;

/**
 * `subscribe`s one Socket.IO connection may have looked up (the job's owner, in Redis or the
 * database) per minute, counted from its first; further ones are acknowledged with `RATE_LIMITED`
 * until the minute is over. Malformed ids and subscriptions over MAX_SUBSCRIPTIONS_PER_SOCKET cost
 * no look-up and do not count.
 */
export const MAX_SUBSCRIBE_LOOKUPS_PER_SOCKET_PER_MINUTE = 100;

export const subscribeRequestSchema = z
  .object({
    jobId: z.string().min(1).max(64),
    /** Last `seq` the client has seen; events after it are (re)sent. */
    after: z.number().int().nonnegative().optional(),
  })
  .strict();
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

/** Events the server emits to Socket.IO clients. */
export interface ServerToClientEvents {
  /** A watched contest's scoreboard (`watchContest`), as `GET /contests/:id/scoreboard` answers it. */
  scoreboard: (board: Scoreboard) => void;
  /** `watchContest` with `form: 'compact'`: the whole board, at once and whenever a viewer must start over. */
  scoreboardCompact: (board: CompactScoreboard) => void;
  /** `watchContest` with `form: 'compact'`: the rows a change touched, against the board last sent. */
  scoreboardRows: (update: ScoreboardRowsUpdate) => void;
  /** A watched contest has a new announcement, or a clarification asked or answered: read them again. */
  contestMessages: (event: { contestId: string }) => void;
  /** A watched assignment's progress matrix (`watchProgress`), as its HTTP route answers a teacher. */
  progress: (matrix: ProgressMatrix) => void;
  status: (payload: SocketEventPayload<'status'>) => void;
  log: (payload: SocketEventPayload<'log'>) => void;
  test: (payload: SocketEventPayload<'test'>) => void;
  stage: (payload: SocketEventPayload<'stage'>) => void;
  result: (payload: SocketEventPayload<'result'>) => void;
}

export type SubscribeAck = { ok: true } | { ok: false; error: { code: string; message: string } };

/** Events clients emit. */
export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack?: (answer: SubscribeAck) => void) => void;
  unsubscribe: (request: { jobId: string }) => void;
  /**
   * Receive `scoreboard` now, whenever a verdict of the contest lands and at its freeze and end, and
   * `contestMessages` when a clarification or announcement is posted.
   */
  watchContest: (request: WatchContestRequest, ack?: (answer: SubscribeAck) => void) => void;
  unwatchContest: (request: WatchContestRequest) => void;
  /**
   * Receive `progress` (the whole matrix) now and whenever a member's verdict on one of the assignment's
   * problems lands, a member joins or the assignment changes. Those who teach the class only; others get
   * `FORBIDDEN` (signed out: `UNAUTHENTICATED`).
   */
  watchProgress: (request: WatchProgressRequest, ack?: (answer: SubscribeAck) => void) => void;
  unwatchProgress: (request: WatchProgressRequest) => void;
  /** Starts an interactive run owned by this connection, which then receives its events. */
  run: (request: InteractiveRunRequest, ack: (answer: RunAck) => void) => void;
  /** Stdin, end of file or a kill for a run this connection started. */
  input: (message: RunInput, ack?: (answer: InputAck) => void) => void;
}
