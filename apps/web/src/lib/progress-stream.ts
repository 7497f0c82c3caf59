// Watches one assignment's progress matrix over Socket.IO (teachers only): asks with `watchProgress` on
// every (re)connect, so a dropped connection gets the current matrix again, and hands each pushed one on.
import type { ProgressMatrix } from '@arbiter/contracts';
import { openLiveSocket } from './live-socket';

export interface ProgressStreamHandlers {
  onMatrix(matrix: ProgressMatrix): void;
  /** Whether the live connection is up (false: the page falls back to reading the matrix now and then). */
  onConnection(connected: boolean): void;
  onError(message: string): void;
}

export function watchProgress(
  baseUrl: string,
  classId: string,
  assignmentId: string,
  handlers: ProgressStreamHandlers,
): () => void {
  const socket = openLiveSocket(baseUrl);
  socket.on('connect', () => {
    socket.emit('watchProgress', { classId, assignmentId }, (answer) => {
      if (answer.ok) handlers.onConnection(true);
      else handlers.onError(answer.error.message);
    });
  });
  socket.on('disconnect', () => handlers.onConnection(false));
  socket.on('progress', (matrix) => {
    if (matrix.assignmentId === assignmentId) handlers.onMatrix(matrix);
  });
  return () => {
    socket.close();
  };
}
