/**
 * The Socket.IO endpoint: clients `subscribe` to a job with the last `seq` they saw and
 * receive `status`, `log`, `test` and `result` events from the relay.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  subscribeRequestSchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@arbiter/contracts';
import type { Logger } from '@arbiter/observability';
import type { JobRelay } from './job-relay.js';

export interface SocketServerOptions {
  origins: string[];
  relay: JobRelay;
  logger: Logger;
  /**
   * Jobs one connection may watch at once; more are refused (a flood of subscriptions
   * must not cost the server).
   * @defaultValue 50
   */
  maxSubscriptionsPerSocket?: number;
}

export function createSocketServer(httpServer: HttpServer, options: SocketServerOptions) {
  const { relay, logger } = options;
  const maxSubscriptions = options.maxSubscriptionsPerSocket ?? 50;
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    cors: { origin: options.origins, credentials: true },
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
  });

  io.on('connection', (socket) => {
    socket.on('subscribe', (raw, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = subscribeRequestSchema.safeParse(raw);
      if (!parsed.success) {
        reply({
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'subscribe needs {jobId: string, after?: number ≥ 0}' },
        });
        return;
      }
      const { jobId, after = 0 } = parsed.data;
      if (relay.watchedBy(socket) >= maxSubscriptions) {
        reply({
          ok: false,
          error: { code: 'INVALID_REQUEST', message: `at most ${maxSubscriptions} jobs per connection` },
        });
        return;
      }
      relay
        .subscribe(socket, jobId, after)
        .then((known) => {
          if (known) {
            reply({ ok: true });
          } else {
            reply({ ok: false, error: { code: 'NOT_FOUND', message: `No job with id "${jobId}".` } });
          }
        })
        .catch((err: unknown) => {
          logger.warn({ err, jobId }, 'subscribe failed');
          reply({
            ok: false,
            error: { code: 'SERVICE_UNAVAILABLE', message: 'Could not read the job; try again.' },
          });
        });
    });
    socket.on('unsubscribe', (raw) => {
      if (typeof raw?.jobId !== 'string') return;
      relay.unsubscribe(socket, raw.jobId);
    });
    socket.on('disconnect', () => relay.removeSocket(socket));
  });

  return io;
}
