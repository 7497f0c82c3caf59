// Watches one contest over Socket.IO: asks for its scoreboard with `watchContest` on every (re)connect,
// so a dropped connection gets the current board again, and hands each pushed board on, and each
// nudge that its clarifications or announcements changed.
import type { Scoreboard } from '@arbiter/contracts';
import { openLiveSocket } from './live-socket';

export interface ContestStreamHandlers {
  onBoard(board: Scoreboard): void;
  /** A clarification or announcement was posted or answered: read them again. */
  onMessages?(): void;
  /** Whether the live connection is up (false: the board shown may be old). */
  onConnection(connected: boolean): void;
  onError(message: string): void;
}

export function watchContest(
  baseUrl: string,
  contestId: string,
  handlers: ContestStreamHandlers,
): () => void {
  const socket = openLiveSocket(baseUrl);
  socket.on('connect', () => {
    handlers.onConnection(true);
    socket.emit('watchContest', { contestId }, (answer) => {
      if (!answer.ok) handlers.onError(answer.error.message);
    });
  });
  socket.on('disconnect', () => handlers.onConnection(false));
  socket.on('scoreboard', (board) => {
    if (board.contestId === contestId) handlers.onBoard(board);
  });
  socket.on('contestMessages', (event) => {
    if (event.contestId === contestId) handlers.onMessages?.();
  });
  return () => {
    socket.close();
  };
}
