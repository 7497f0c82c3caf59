// Watches one contest over Socket.IO in the compact form (@arbiter/contracts/scoreboard-wire): asks with
// `watchContest` on every (re)connect, so a dropped connection gets the current board again, hands on the
// whole board (`scoreboardCompact`), each row update after it (`scoreboardRows`), and each nudge that
// its clarifications or announcements changed. A handler that cannot apply an update asks again.
import type { CompactScoreboard, ScoreboardRowsUpdate } from '@arbiter/contracts/scoreboard-wire';
import { openLiveSocket } from './live-socket';

export interface ContestStreamHandlers {
  onBoard(board: CompactScoreboard): void;
  /** The rows a change touched; answers false when it does not follow the board held (ask again). */
  onRows?(update: ScoreboardRowsUpdate): boolean;
  /** A clarification or announcement was posted or answered: read them again. */
  onMessages?(): void;
  /** Whether the live connection is up (false: the board shown may be old). */
  onConnection(connected: boolean): void;
  /** The connection could not be made (a proxy without WebSockets, the API down): it keeps trying. */
  onUnreachable?(): void;
  onError(message: string): void;
}

export function watchContest(
  baseUrl: string,
  contestId: string,
  handlers: ContestStreamHandlers,
): () => void {
  const socket = openLiveSocket(baseUrl);
  const watch = () =>
    socket.emit('watchContest', { contestId, form: 'compact' }, (answer) => {
      if (!answer.ok) handlers.onError(answer.error.message);
    });
  socket.on('connect', () => {
    handlers.onConnection(true);
    watch();
  });
  socket.on('connect_error', () => handlers.onUnreachable?.());
  socket.on('disconnect', () => handlers.onConnection(false));
  socket.on('scoreboardCompact', (board) => {
    if (board.contestId === contestId) handlers.onBoard(board);
  });
  socket.on('scoreboardRows', (update) => {
    if (update.contestId === contestId && handlers.onRows?.(update) === false) watch();
  });
  socket.on('contestMessages', (event) => {
    if (event.contestId === contestId) handlers.onMessages?.();
  });
  return () => {
    socket.close();
  };
}
