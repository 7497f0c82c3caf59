// The Socket.IO connection of a live page (a contest's board, a class's matrix): WebSocket only, with the
// session cookie, reconnecting quickly; each page asks again for what it watches on every (re)connect.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@arbiter/contracts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function openLiveSocket(baseUrl: string): LiveSocket {
  return io(baseUrl, {
    transports: ['websocket'],
    withCredentials: true,
    forceNew: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 2_000,
  });
}
