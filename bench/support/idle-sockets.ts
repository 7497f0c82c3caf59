/**
 * Many connected Socket.IO clients that watch nothing (a crowd of open tabs), to measure what holding
 * them costs the API: each its own WebSocket connection, opened a batch at a time.
 */
import { io } from 'socket.io-client';
import type { ClientSocket } from '../../tests/support/platform.js';

/** Connections opened at once: the API accepts them without a burst of refusals. */
const BATCH = 50;

export interface IdleSockets {
  count: number;
  close(): void;
}

export async function connectIdleSockets(url: string, count: number): Promise<IdleSockets> {
  const sockets: ClientSocket[] = [];
  const close = () => {
    for (const socket of sockets) socket.close();
  };
  try {
    for (let opened = 0; opened < count; opened += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - opened) }, () => {
        const socket: ClientSocket = io(url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        sockets.push(socket);
        return new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
      });
      await Promise.all(batch);
    }
  } catch (error) {
    close();
    throw error;
  }
  return {
    get count() {
      return sockets.filter((socket) => socket.connected).length;
    },
    close,
  };
}
