/**
 * Socket.IO's interactive runs (the playground's): a connection starts a free run whose stdin it sends
 * while the program runs (`run`, then `input` messages: text, end of file, kill), and receives its events
 * as a subscriber does. Only the connection that started a run may feed it.
 */
import { z } from 'zod';
import { MAX_LIVE_STDIN_CHUNK_BYTES } from './live-stdin.js';
import { MAX_CODE_BYTES, submitRequestFieldsSchema } from './submission.js';

/** Interactive runs one connection may have unfinished at once; another `run` is refused until one ends. */
export const MAX_INTERACTIVE_RUNS_PER_SOCKET = 2;

/**
 * Bytes of one Socket.IO message: a `run` with the largest code (JSON-escaped) or an `input` with the
 * largest stdin chunk fits; the server drops the connection on a larger one.
 */
export const MAX_SOCKET_MESSAGE_BYTES = 2 * Math.max(MAX_CODE_BYTES, MAX_LIVE_STDIN_CHUNK_BYTES) + 16 * 1024;

/** `run`: a free run of `POST /submit`'s fields that fit one (no stdin: it comes as `input`). */
export const interactiveRunRequestSchema = submitRequestFieldsSchema
  .pick({ language: true, args: true, limits: true })
  .extend({
    code: z.string({ error: 'code is required and must be a string' }).min(1, 'code must not be empty'),
  })
  .strict();
export type InteractiveRunRequest = z.infer<typeof interactiveRunRequestSchema>;

const runJobId = z.string().min(1).max(64);

/**
 * `input`: text for the program's stdin (at most MAX_LIVE_STDIN_CHUNK_BYTES bytes a message), its end of
 * file, or a kill (the run ends as Time Limit Exceeded, killed).
 */
export const runInputSchema = z.discriminatedUnion('type', [
  z.object({ jobId: runJobId, type: z.literal('data'), data: z.string() }).strict(),
  z.object({ jobId: runJobId, type: z.literal('eof') }).strict(),
  z.object({ jobId: runJobId, type: z.literal('kill') }).strict(),
]);
export type RunInput = z.infer<typeof runInputSchema>;

export interface SocketError {
  code: string;
  message: string;
}
export type RunAck = { ok: true; jobId: string } | { ok: false; error: SocketError };
export type InputAck = { ok: true } | { ok: false; error: SocketError };
