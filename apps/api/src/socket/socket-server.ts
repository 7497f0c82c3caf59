/**
 * The Socket.IO endpoint: clients `subscribe` to a job with the last `seq` they saw and
 * receive `status`, `log`, `test` and `result` events from the relay.
 */
import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  MAX_SOCKET_MESSAGE_BYTES,
  MAX_SUBSCRIBE_LOOKUPS_PER_SOCKET_PER_MINUTE,
  MAX_SUBSCRIPTIONS_PER_SOCKET,
  jobIdSchema,
  subscribeRequestSchema,
  type AuthUser,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@arbiter/contracts';
import type { Logger } from '@arbiter/observability';
import { canAccess, type FoundJob } from '../submissions/job-access.js';
import { serveInteractiveRuns, type InteractiveRunsOptions } from './interactive-runs.js';
import type { JobRelay } from './job-relay.js';
import { LookupWindow } from './lookup-window.js';

interface SocketData {
  user: AuthUser | null;
  /** Jobs whose subscription is being checked (owner look-up, first read): they count against the limit. */
  pending: Set<string>;
  /** Owner look-ups left this minute (a subscribe/unsubscribe loop must not cost a read each time forever). */
  lookups: LookupWindow;
}

export interface SocketServerOptions {
  origins: string[];
  relay: JobRelay;
  logger: Logger;
  /** Who a connection belongs to, from its handshake's headers: cookie or access token (null: signed out). */
  userOf: (headers: IncomingHttpHeaders) => Promise<AuthUser | null>;
  /**
   * A job's owner (null: anonymous) and its Redis record, which the subscription then reads no
   * second time; undefined if unknown.
   */
  findJob: (jobId: string) => Promise<FoundJob | undefined>;
  /**
   * Jobs one connection may watch at once; more are refused (a flood of subscriptions
   * must not cost the server).
   * @defaultValue MAX_SUBSCRIPTIONS_PER_SOCKET
   */
  maxSubscriptionsPerSocket?: number;
  /**
   * Owner look-ups one connection may make per minute; more `subscribe`s are refused until the
   * minute is over.
   * @defaultValue MAX_SUBSCRIBE_LOOKUPS_PER_SOCKET_PER_MINUTE
   */
  maxLookupsPerMinute?: number;
  /** Interactive runs (`run`, `input`); absent: those events are refused. */
  interactive?: InteractiveRunsOptions;
}

export function createSocketServer(httpServer: HttpServer, options: SocketServerOptions) {
  const { relay, logger } = options;
  const maxSubscriptions = options.maxSubscriptionsPerSocket ?? MAX_SUBSCRIPTIONS_PER_SOCKET;
  const maxLookups = options.maxLookupsPerMinute ?? MAX_SUBSCRIBE_LOOKUPS_PER_SOCKET_PER_MINUTE;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>(httpServer, {
    cors: { origin: options.origins, credentials: true },
    serveClient: false,
    // A `run` carries the program's code, an `input` a chunk of stdin.
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // CORS does not cover the WebSocket upgrade: without this a page on another site could
    // open a socket carrying the visitor's cookie. Clients that send no Origin (tools) may.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || options.origins.includes(origin));
    },
  });

  io.use((socket, next) => {
    options.userOf(socket.handshake.headers).then(
      (user) => {
        socket.data.user = user;
        socket.data.pending = new Set();
        socket.data.lookups = new LookupWindow(maxLookups);
        next();
      },
      () => next(new Error('Could not check your sign-in; try again.')),
    );
  });

  io.on('connection', (socket) => {
    if (options.interactive) {
      serveInteractiveRuns(socket, socket.data.user, {
        ...options.interactive,
        relay,
        maxSubscriptions,
      });
    } else {
      const off = {
        ok: false as const,
        error: { code: 'NOT_FOUND', message: 'Interactive runs are not served here.' },
      };
      socket.on('run', (_raw, ack) => typeof ack === 'function' && ack(off));
      socket.on('input', (_raw, ack) => typeof ack === 'function' && ack(off));
    }
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
      // Not an id this API hands out: no look-up needed (a flood of junk ids costs nothing).
      if (!jobIdSchema.safeParse(jobId).success) {
        reply({ ok: false, error: { code: 'NOT_FOUND', message: `No job with id "${jobId}".` } });
        return;
      }
      // Subscriptions still being checked count too, or a burst would pass the limit before any lands
      // (each once: the relay may already count one that is not yet settled here).
      const { pending } = socket.data;
      const checking = [...pending].filter((id) => !relay.watches(socket, id)).length;
      if (relay.watchedBy(socket) + checking >= maxSubscriptions) {
        reply({
          ok: false,
          error: {
            code: 'RATE_LIMITED',
            message: `A connection may watch at most ${maxSubscriptions} jobs at once; unsubscribe from some first.`,
          },
        });
        return;
      }
      const wait = socket.data.lookups.take();
      if (wait !== null) {
        reply({
          ok: false,
          error: {
            code: 'RATE_LIMITED',
            message: `A connection may subscribe to at most ${maxLookups} jobs a minute. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
          },
        });
        return;
      }
      pending.add(jobId);
      options
        .findJob(jobId)
        .then((found) =>
          found !== undefined && canAccess(socket.data.user, found.owner)
            ? relay.subscribe(socket, jobId, after, found.record)
            : false,
        )
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
        })
        .finally(() => pending.delete(jobId));
    });
    socket.on('unsubscribe', (raw) => {
      if (typeof raw?.jobId !== 'string') return;
      relay.unsubscribe(socket, raw.jobId);
    });
    socket.on('disconnect', () => relay.removeSocket(socket));
  });

  return io;
}
