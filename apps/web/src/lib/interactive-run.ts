// An interactive run over Socket.IO: one connection starts the run (`run`), receives its events, and is
// the only one that may feed it (`input`: a line of stdin, end of file, a kill). The server kills the run
// when that connection goes; its result is then read with GET /status.
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  InputAck,
  InteractiveRunRequest,
  JobResult,
  RunInput,
  ServerToClientEvents,
} from '@arbiter/contracts';
import type { JobStreamHandlers } from './job-stream';

export interface InteractiveHandlers extends JobStreamHandlers {
  /** The run is queued under this id. */
  onStarted(jobId: string): void;
  /** The program started: input sent now reaches it at once. */
  onProgramStarted(): void;
  /** The run was refused before it was queued (nothing will follow). */
  onRefused(message: string): void;
}

export interface InteractiveRun {
  /** Sends text to the program's stdin; resolves with why it was refused, or null. */
  send(data: string): Promise<string | null>;
  /** Ends the program's stdin. */
  eof(): Promise<string | null>;
  /** Ends the run. */
  kill(): Promise<string | null>;
  /** Stops following (the server then kills an unfinished run). */
  stop(): void;
}

export function startInteractiveRun(
  baseUrl: string,
  request: InteractiveRunRequest,
  handlers: InteractiveHandlers,
): InteractiveRun {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    transports: ['websocket'],
    withCredentials: true,
    forceNew: true,
    // A new connection could not feed the run: the server kills it when this one drops.
    reconnection: false,
  });
  let jobId: string | null = null;
  let lastSeq = 0;
  let done = false;
  // Input typed before the server has acknowledged the run waits for that answer (in the order it was
  // typed) instead of being refused: the input line is shown as soon as the run is asked for.
  let settle: (accepted: boolean) => void = () => undefined;
  const acknowledged = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  let poll: ReturnType<typeof setTimeout> | null = null;
  const seen = (event: { jobId: string; seq: number }) => {
    if (done || event.jobId !== jobId || event.seq <= lastSeq) return false;
    lastSeq = event.seq;
    return true;
  };
  const finish = (result: JobResult) => {
    done = true;
    settle(false);
    if (poll !== null) clearTimeout(poll);
    socket.close();
    handlers.onResult(result);
  };
  /** The connection dropped before the result: ask GET /status until the run is finished. */
  const pollStatus = () => {
    if (done || poll !== null || jobId === null) return;
    const id = jobId;
    const tick = async () => {
      poll = null;
      if (done) return;
      const response = await fetch(`${baseUrl}/status/${id}`, { credentials: 'include' }).catch(() => null);
      const body = response?.ok ? ((await response.json()) as JobResult) : null;
      if (body && (body.status === 'completed' || body.status === 'failed')) finish(body);
      else if (!done) poll = setTimeout(() => void tick(), 1_000);
    };
    poll = setTimeout(() => void tick(), 500);
  };

  socket.once('connect', () => {
    socket.emit('run', request, (answer) => {
      if (done) return;
      if (!answer.ok) {
        done = true;
        settle(false);
        socket.close();
        handlers.onRefused(answer.error.message);
        return;
      }
      jobId = answer.jobId;
      settle(true);
      handlers.onStarted(answer.jobId);
    });
  });
  socket.on('connect_error', () => {
    if (done) return;
    done = true;
    settle(false);
    socket.close();
    handlers.onRefused('Could not reach the server; try again.');
  });
  socket.on('disconnect', () => {
    settle(false);
    pollStatus();
  });
  socket.on('status', (event) => seen(event) && handlers.onStatus(event));
  socket.on('log', (event) => seen(event) && handlers.onLog(event));
  socket.on('stage', (event) => seen(event) && handlers.onProgramStarted());
  socket.on('result', (event) => {
    if (seen(event)) finish(event);
  });

  const input = async (
    message: { type: 'data'; data: string } | { type: 'eof' } | { type: 'kill' },
  ): Promise<string | null> => {
    if (jobId === null && !done) await acknowledged;
    if (jobId === null || done || !socket.connected) return 'The run is not taking input.';
    try {
      const answer: InputAck = await socket
        .timeout(10_000)
        .emitWithAck('input', { ...message, jobId } as RunInput);
      return answer.ok ? null : answer.error.message;
    } catch {
      return 'The server did not answer; try again.';
    }
  };
  return {
    send: (data) => input({ type: 'data', data }),
    eof: () => input({ type: 'eof' }),
    kill: () => input({ type: 'kill' }),
    stop: () => {
      done = true;
      settle(false);
      if (poll !== null) clearTimeout(poll);
      socket.close();
    },
  };
}
