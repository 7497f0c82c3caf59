// Follows one job over Socket.IO: subscribes, and after a reconnect resubscribes from the last seq seen.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SocketEventPayload } from '@arbiter/contracts';

export interface JobStreamHandlers {
  onStatus(event: SocketEventPayload<'status'>): void;
  onLog(event: SocketEventPayload<'log'>): void;
  onResult(event: SocketEventPayload<'result'>): void;
  onError(message: string): void;
}

export function followJob(baseUrl: string, jobId: string, handlers: JobStreamHandlers): () => void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    transports: ['websocket'],
  });
  let lastSeq = 0;
  const seen = (seq: number) => {
    if (seq <= lastSeq) return false;
    lastSeq = seq;
    return true;
  };
  socket.on('connect', () => {
    socket.emit('subscribe', { jobId, after: lastSeq }, (answer) => {
      if (!answer.ok) handlers.onError(answer.error.message);
    });
  });
  socket.on('status', (event) => seen(event.seq) && handlers.onStatus(event));
  socket.on('log', (event) => seen(event.seq) && handlers.onLog(event));
  socket.on('result', (event) => {
    if (!seen(event.seq)) return;
    handlers.onResult(event);
    socket.close();
  });
  return () => socket.close();
}
