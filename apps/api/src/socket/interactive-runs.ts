/**
 * Socket.IO's interactive runs (the playground's): `run` starts a free run owned by the connection,
 * checked and queued as `POST /submit` queues one and counted against the same allowance, and the
 * connection then receives its events; `input` feeds the program's stdin while it runs, ends it or kills
 * the run, through the job's input stream in Redis (`JobStdin`, whose caps hold per run). Only the
 * connection that started a run may feed it; a run whose connection goes away is killed.
 */
import {
  MAX_INTERACTIVE_RUNS_PER_SOCKET,
  MAX_LIVE_STDIN_BYTES,
  MAX_LIVE_STDIN_CHUNK_BYTES,
  MAX_LIVE_STDIN_RECORDS,
  interactiveRunRequestSchema,
  isFinalStatus,
  runInputSchema,
  type AuthUser,
  type ErrorCode,
  type InputAck,
  type InteractiveRunRequest,
  type LiveStdinRecord,
  type RunAck,
} from '@arbiter/contracts';
import { clientOwner, userOwner, type StdinAppendOutcome } from '@arbiter/queue';
import { upgradeClientKey, type TrustProxy } from '../http/client-address.js';
import { HttpError } from '../http/http-error.js';
import type { RateLimiters } from '../http/rate-limit.js';
import type { ApiResources } from '../resources.js';
import { acceptSubmission } from '../submissions/accept-submission.js';
import { LiveStdinGate } from '../submissions/live-stdin-gate.js';
import type { ClientSocket, JobRelay } from './job-relay.js';

export interface InteractiveRunsOptions {
  resources: ApiResources;
  limits: Pick<RateLimiters, 'submitFrom'>;
  /** Whether a hop is a trusted proxy (Express's `trust proxy fn`), to find the client's address. */
  trust: TrustProxy;
}

interface Context extends InteractiveRunsOptions {
  relay: JobRelay;
  /** Jobs one connection may watch at once (a run is watched by the connection that started it). */
  maxSubscriptions: number;
}

type Refusal = { ok: false; error: { code: ErrorCode; message: string } };
const refusal = (code: ErrorCode, message: string): Refusal => ({ ok: false, error: { code, message } });

/** What a refused append tells the client. */
function appendAnswer(outcome: StdinAppendOutcome): InputAck {
  switch (outcome) {
    case 'ok':
      return { ok: true };
    case 'bytes':
      return refusal(
        'PAYLOAD_TOO_LARGE',
        `A run takes at most ${MAX_LIVE_STDIN_BYTES} bytes of stdin in all.`,
      );
    case 'records':
      return refusal('RATE_LIMITED', `A run takes at most ${MAX_LIVE_STDIN_RECORDS} input messages.`);
    case 'eof':
      return refusal('INVALID_REQUEST', 'The stdin of this run is closed: end of file was sent.');
    case 'closed':
      return refusal('INVALID_REQUEST', 'This run was killed.');
    case 'unknown':
      return refusal('NOT_FOUND', 'This run is over.');
  }
}

/** Serves `run` and `input` on one connection of `user` (null: signed out). */
export function serveInteractiveRuns(socket: ClientSocket, user: AuthUser | null, context: Context): void {
  const { resources, relay } = context;
  const address = upgradeClientKey(socket.request, context.trust);
  /** Runs started here and not yet seen finished. */
  const runs = new Set<string>();
  /** `run`s being checked and queued: they count against the cap, or a burst would pass it. */
  let starting = 0;
  const gate = new LiveStdinGate();
  // Records go to Redis one after another, in the order the client sent them.
  let chain: Promise<unknown> = Promise.resolve();

  /** Forgets the runs that finished (their record final, or gone). */
  const prune = async (): Promise<void> => {
    for (const jobId of [...runs]) {
      const record = await resources.store.get(jobId);
      if (record === null || isFinalStatus(record.status)) runs.delete(jobId);
    }
  };

  const kill = (jobId: string): void => {
    chain = chain
      .then(() => resources.stdin.append(jobId, { type: 'signal', signal: 'SIGKILL' }))
      .catch(() => undefined);
  };

  const start = async (request: InteractiveRunRequest): Promise<RunAck> => {
    if (runs.size + starting > MAX_INTERACTIVE_RUNS_PER_SOCKET) await prune();
    if (runs.size + starting > MAX_INTERACTIVE_RUNS_PER_SOCKET)
      return refusal(
        'RATE_LIMITED',
        `A connection may have at most ${MAX_INTERACTIVE_RUNS_PER_SOCKET} interactive runs at once; end one first.`,
      );
    if (relay.watchedBy(socket) >= context.maxSubscriptions)
      return refusal(
        'RATE_LIMITED',
        `A connection may watch at most ${context.maxSubscriptions} jobs at once; unsubscribe from some first.`,
      );
    const wait = await context.limits.submitFrom(address, user?.id ?? null);
    if (wait !== null)
      return refusal(
        'RATE_LIMITED',
        `Too many runs and submissions${user ? '' : ' from your address'}. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
      );
    const jobId = await acceptSubmission(
      resources,
      { ...request, mode: 'run' },
      { userId: user?.id ?? null, owner: user ? userOwner(user.id) : clientOwner(address) },
      { interactive: true },
    );
    if (socket.disconnected) {
      // Gone while the run was being queued: nobody can feed it.
      kill(jobId);
      return refusal('SERVICE_UNAVAILABLE', 'The connection closed.');
    }
    runs.add(jobId);
    return { ok: true, jobId };
  };

  socket.on('run', (raw, ack) => {
    const reply = typeof ack === 'function' ? ack : () => undefined;
    const parsed = interactiveRunRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      reply(
        refusal(
          'INVALID_REQUEST',
          `run needs {language, code, args?, limits?}: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'}`,
        ),
      );
      return;
    }
    starting += 1;
    start(parsed.data)
      .catch((error: unknown): RunAck => {
        if (error instanceof HttpError) return refusal(error.code, error.message);
        resources.logger.warn({ err: error }, 'interactive run: cannot start');
        return refusal('SERVICE_UNAVAILABLE', 'Could not start the run; try again.');
      })
      .then((answer) => {
        starting -= 1;
        // The id first, then the events (the relay reads the job's stream from its start).
        reply(answer);
        if (!answer.ok) return;
        relay.subscribe(socket, answer.jobId, 0).catch((err: unknown) => {
          resources.logger.warn({ err, jobId: answer.jobId }, 'interactive run: cannot relay its events');
        });
      })
      .catch(() => undefined);
  });

  socket.on('input', (raw, ack) => {
    const reply = typeof ack === 'function' ? ack : () => undefined;
    const parsed = runInputSchema.safeParse(raw);
    if (!parsed.success) {
      reply(
        refusal(
          'INVALID_REQUEST',
          'input needs {jobId, type: "data", data: string} or {jobId, type: "eof" | "kill"}',
        ),
      );
      return;
    }
    const message = parsed.data;
    if (!runs.has(message.jobId)) {
      reply(
        refusal(
          'NOT_FOUND',
          `No interactive run "${message.jobId}" started by this connection: only the connection that started a run may send it input.`,
        ),
      );
      return;
    }
    const bytes = message.type === 'data' ? Buffer.byteLength(message.data) : 0;
    if (bytes > MAX_LIVE_STDIN_CHUNK_BYTES) {
      reply(
        refusal('PAYLOAD_TOO_LARGE', `An input message holds at most ${MAX_LIVE_STDIN_CHUNK_BYTES} bytes.`),
      );
      return;
    }
    if (!gate.take(bytes)) {
      reply(refusal('RATE_LIMITED', 'Input is sent too fast: slow down.'));
      return;
    }
    const record: LiveStdinRecord =
      message.type === 'data'
        ? { type: 'data', data: message.data }
        : message.type === 'eof'
          ? { type: 'eof' }
          : { type: 'signal', signal: 'SIGKILL' };
    chain = chain
      .then(() => resources.stdin.append(message.jobId, record))
      .then(
        (outcome) => reply(appendAnswer(outcome)),
        (err: unknown) => {
          resources.logger.warn({ err, jobId: message.jobId }, 'interactive run: cannot write stdin');
          reply(refusal('SERVICE_UNAVAILABLE', 'Could not pass the input on; try again.'));
        },
      );
  });

  // Nobody can feed or read the runs any more: they end now rather than at their wall clock.
  socket.on('disconnect', () => {
    for (const jobId of runs) kill(jobId);
    runs.clear();
  });
}
