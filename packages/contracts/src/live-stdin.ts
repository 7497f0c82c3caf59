/**
 * Live stdin of an interactive run: what a client may send into a running program (text, end of file,
 * a kill) and the caps that hold wherever it is produced (the Piston WebSocket, Socket.IO) and stored
 * (the job's input stream in Redis).
 */
import { z } from 'zod';

/** Bytes of stdin one interactive job may receive in all (UTF-8). */
export const MAX_LIVE_STDIN_BYTES = 1024 * 1024;
/** Bytes of one stdin chunk. */
export const MAX_LIVE_STDIN_CHUNK_BYTES = 64 * 1024;
/** Records (chunks, end of file, signal) of one job's input stream. */
export const MAX_LIVE_STDIN_RECORDS = 4096;
/** Stdin bytes one client may send per second (a burst of twice as much is allowed). */
export const LIVE_STDIN_BYTES_PER_SECOND = 64 * 1024;
/** Stdin messages one client may send per second (a burst of twice as many is allowed). */
export const LIVE_STDIN_MESSAGES_PER_SECOND = 100;

/**
 * One record of a job's input stream: a chunk for the program's stdin, its end of file, or a request
 * to kill the run (every signal ends the run as SIGKILL does; the name is kept for the record).
 */
export const liveStdinRecordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data'), data: z.string() }),
  z.object({ type: z.literal('eof') }),
  z.object({ type: z.literal('signal'), signal: z.string().max(16) }),
]);
export type LiveStdinRecord = z.infer<typeof liveStdinRecordSchema>;
