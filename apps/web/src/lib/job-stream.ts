// Follows one job over Socket.IO: subscribes, and after a reconnect resubscribes from the last seq
// seen, so no event is shown twice or lost. Falls back to polling GET /status if the socket fails.
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  JobResult,
  ServerToClientEvents,
  SocketEventPayload,
} from '@arbiter/contracts';

export interface JobStreamHandlers {
  onStatus(event: SocketEventPayload<'status'>): void;
  onLog(event: SocketEventPayload<'log'>): void;
  onTest?(event: SocketEventPayload<'test'>): void;
  onResult(event: SocketEventPayload<'result'> | JobResult): void;
  onError(message: string): void;
}

export function followJob(baseUrl: string, jobId: string, handlers: JobStreamHandlers): () => void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    transports: ['websocket'],
    withCredentials: true,
    forceNew: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2_000,
  });
  let lastSeq = 0;
  let done = false;
  let failures = 0;
  let poll: ReturnType<typeof setTimeout> | null = null;
  const seen = (seq: number) => {
    if (done || seq <= lastSeq) return false;
    lastSeq = seq;
    return true;
  };
  const finish = (result: JobResult) => {
    done = true;
    if (poll !== null) clearTimeout(poll);
    socket.close();
    handlers.onResult(result);
  };
  /** After repeated connection failures, ask GET /status until the job is finished. */
  const pollStatus = () => {
    if (done || poll !== null) return;
    const tick = async () => {
      poll = null;
      if (done) return;
      const response = await fetch(`${baseUrl}/status/${jobId}`, { credentials: 'include' }).catch(
        () => null,
      );
      const body = response?.ok ? ((await response.json()) as JobResult) : null;
      if (body && (body.status === 'completed' || body.status === 'failed')) finish(body);
      else if (!done) poll = setTimeout(() => void tick(), 1_000);
    };
    poll = setTimeout(() => void tick(), 500);
  };
  socket.on('connect', () => {
    failures = 0;
    socket.emit('subscribe', { jobId, after: lastSeq }, (answer) => {
      if (!answer.ok) handlers.onError(answer.error.message);
    });
  });
  socket.on('connect_error', () => {
    failures += 1;
    if (failures >= 3) pollStatus();
  });
  socket.on('status', (event) => seen(event.seq) && handlers.onStatus(event));
  socket.on('log', (event) => seen(event.seq) && handlers.onLog(event));
  socket.on('test', (event) => seen(event.seq) && handlers.onTest?.(event));
  socket.on('result', (event) => {
    if (seen(event.seq)) finish(event);
  });
  return () => {
    done = true;
    if (poll !== null) clearTimeout(poll);
    socket.close();
  };
}
