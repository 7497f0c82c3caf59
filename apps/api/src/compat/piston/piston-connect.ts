/**
 * Piston v2's WebSocket, `<prefix>/api/v2/connect`: an interactive run. The client sends `init` (an
 * execute request) within a second, then `data` (stdin) and `signal` messages while the program runs;
 * the server answers `runtime`, then `stage`, `data` (stdout, stderr) and `exit` per stage, and closes
 * with 4999 when the job is done, or with Piston's 4000-4005 codes (an `error` message first for
 * 4002). The job is an ordinary interactive job: its stdin goes through the job's input stream in
 * Redis to whichever worker runs it, its output comes back through the job's event stream.
 */
import type { IncomingHttpHeaders, IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { clientOwner, userOwner } from '@arbiter/queue';
import {
  MAX_LIVE_STDIN_BYTES,
  MAX_LIVE_STDIN_CHUNK_BYTES,
  pistonExecuteRequestSchema,
  type JobEvent,
  type LiveStdinRecord,
} from '@arbiter/contracts';
import { userOfHeaders } from '../../auth/session.js';
import { upgradeClientKey, type TrustProxy } from '../../http/client-address.js';
import { ForeignHttpError, HttpError } from '../../http/http-error.js';
import type { RateLimiters } from '../../http/rate-limit.js';
import { parseBody } from '../../http/validate.js';
import type { ApiResources } from '../../resources.js';
import type { JobWatcher } from '../../submissions/job-watcher.js';
import { LiveStdinGate } from '../../submissions/live-stdin-gate.js';
import { acceptJob } from '../../submissions/queue-job.js';
import { invalidMessage, pistonJob, type PistonMatch } from './piston-job.js';
import { pistonResult } from './piston-stages.js';

/** Largest message a client may send (an `init` with its files); larger ones close the socket with 1009. */
export const PISTON_WS_MAX_MESSAGE_BYTES = 1024 * 1024;
/** Sockets open at once per client address; more upgrades are answered 429. */
export const PISTON_WS_MAX_PER_CLIENT = 4;
/** Sockets open at once on one API instance; more upgrades are answered 503. */
export const PISTON_WS_MAX_TOTAL = 1000;
/** Piston closes a socket that sent no `init` within a second (4001). */
export const PISTON_WS_INIT_TIMEOUT_MS = 1_000;
/** How long a socket may follow its job at most (a job stuck in the queue must not hold it forever). */
const JOB_FOLLOW_MS = 10 * 60_000;

/** Piston's signal names (its `globals.SIGNALS`); another name closes the socket with 4005. */
const SIGNALS = new Set([
  ...[
    'SIGHUP',
    'SIGINT',
    'SIGQUIT',
    'SIGILL',
    'SIGTRAP',
    'SIGABRT',
    'SIGBUS',
    'SIGFPE',
    'SIGKILL',
    'SIGUSR1',
    'SIGSEGV',
    'SIGUSR2',
    'SIGPIPE',
    'SIGALRM',
    'SIGTERM',
    'SIGSTKFLT',
    'SIGCHLD',
    'SIGCONT',
    'SIGSTOP',
    'SIGTSTP',
    'SIGTTIN',
    'SIGTTOU',
    'SIGURG',
    'SIGXCPU',
    'SIGXFSZ',
    'SIGVTALRM',
    'SIGPROF',
    'SIGWINCH',
    'SIGIO',
    'SIGPWR',
    'SIGSYS',
    'SIGRTMIN',
  ],
  ...Array.from({ length: 15 }, (_, i) => `SIGRTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `SIGRTMAX-${14 - i}`),
  'SIGRTMAX',
]);
/**
 * Signals whose default action is to do nothing or to stop the process: accepted and ignored. Every other
 * signal ends the run as SIGKILL does.
 */
const HARMLESS = new Set([
  'SIGCHLD',
  'SIGCONT',
  'SIGURG',
  'SIGWINCH',
  'SIGSTOP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
]);

export interface PistonConnectOptions {
  resources: ApiResources;
  watcher: JobWatcher;
  limits: Pick<RateLimiters, 'submitFrom'>;
  /** PISTON_PREFIX. */
  prefix: string;
  /** Whether a hop is a trusted proxy (Express's `trust proxy fn`), to find the client's address. */
  trust: TrustProxy;
}

export interface PistonConnect {
  /** Sockets open now. */
  open(): number;
  /** Closes every socket (1001) and stops taking upgrades. */
  close(): void;
}

/** The text of an error answer: Piston's `message` for its own errors, else the platform's. */
function errorText(error: HttpError): string {
  if (error instanceof ForeignHttpError) {
    const body = error.body as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  }
  return error.message;
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachPistonConnect(httpServer: HttpServer, options: PistonConnectOptions): PistonConnect {
  const { resources } = options;
  const path = `${options.prefix}/api/v2/connect`;
  const wss = new WebSocketServer({ noServer: true, maxPayload: PISTON_WS_MAX_MESSAGE_BYTES });
  const perClient = new Map<string, number>();
  let closing = false;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = req.url ?? '';
    const pathname = url.split('?')[0];
    if (pathname !== path) return; // Socket.IO's, or nobody's (Socket.IO ends those)
    socket.on('error', () => undefined);
    if (closing) return refuseUpgrade(socket, 503, 'Service Unavailable');
    const address = upgradeClientKey(req, options.trust);
    const count = perClient.get(address) ?? 0;
    if (count >= PISTON_WS_MAX_PER_CLIENT) return refuseUpgrade(socket, 429, 'Too Many Requests');
    if (wss.clients.size >= PISTON_WS_MAX_TOTAL) return refuseUpgrade(socket, 503, 'Service Unavailable');
    perClient.set(address, count + 1);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', () => {
        const left = (perClient.get(address) ?? 1) - 1;
        if (left <= 0) perClient.delete(address);
        else perClient.set(address, left);
      });
      serve(ws, address, req.headers);
    });
  };
  httpServer.on('upgrade', onUpgrade);

  /** `headers`: the upgrade's; a signed-in user's run (cookie or access token) is theirs (their history). */
  function serve(ws: WebSocket, address: string, headers: IncomingHttpHeaders): void {
    /** `null` until an `init` arrived; then the job (its id once accepted). */
    let state: null | { jobId: string | null; match: PistonMatch | null } = null;
    let follower: { stop: () => void } | null = null;
    let finished = false;
    const gate = new LiveStdinGate();
    // Records go to Redis one after another, in the order the client sent them.
    let chain: Promise<unknown> = Promise.resolve();

    const send = (message: Record<string, unknown>): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const close = (code: number, reason: string): void => {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    };
    const fail = (message: string): void => {
      // A close reason is at most 123 bytes: the message goes first, as Piston does.
      send({ type: 'error', message });
      close(4002, 'Notified Error');
    };

    const initTimer = setTimeout(() => {
      if (state === null) close(4001, 'Initialization Timeout');
    }, PISTON_WS_INIT_TIMEOUT_MS);

    ws.on('close', () => {
      clearTimeout(initTimer);
      follower?.stop();
      // Nobody reads the program any more: it ends now rather than at its time limit.
      const jobId = state?.jobId;
      if (jobId && !finished) {
        chain = chain
          .then(() => resources.stdin.append(jobId, { type: 'signal', signal: 'SIGKILL' }))
          .catch(() => undefined);
      }
    });
    ws.on('error', () => undefined);

    const write = (record: LiveStdinRecord): void => {
      const jobId = state?.jobId;
      const bytes = record.type === 'data' ? Buffer.byteLength(record.data) : 0;
      if (!gate.take(bytes)) return fail('stdin is sent too fast: slow down');
      const deliver = async (id: string) => {
        const outcome = await resources.stdin.append(id, record);
        if (outcome === 'bytes') fail(`stdin is over ${MAX_LIVE_STDIN_BYTES} bytes`);
        else if (outcome === 'records') fail('too many stdin messages for one run');
      };
      // Before the job is accepted (its id is known), records wait in the chain behind the init.
      chain = chain
        .then(() => {
          const id = state?.jobId ?? jobId;
          return id ? deliver(id) : undefined;
        })
        .catch((err: unknown) => {
          resources.logger.warn({ err }, 'piston connect: cannot write stdin');
          fail('the platform could not take the input; try again');
        });
    };

    const init = async (message: Record<string, unknown>): Promise<void> => {
      let body;
      try {
        body = parseBody(pistonExecuteRequestSchema, message);
      } catch (error) {
        return fail(invalidMessage(error as Error));
      }
      const wait = await options.limits.submitFrom(address);
      if (wait !== null) return fail(`too many runs from your address; try again in ${wait} s`);
      const user = await userOfHeaders(resources, headers);
      const { data, match } = await pistonJob(resources, body, true, user?.id ?? null);
      await resources.stdin.open(data.jobId);
      try {
        await acceptJob(resources, data, user ? userOwner(user.id) : clientOwner(address));
      } catch (error) {
        if (error instanceof HttpError) return fail(errorText(error));
        throw error;
      }
      if (state === null) return;
      state.jobId = data.jobId;
      state.match = match;
      send({ type: 'runtime', language: match.runtime.language, version: match.runtime.version });
      if (ws.readyState !== ws.OPEN) {
        // Gone while the job was being accepted: it is killed at once.
        await resources.stdin
          .append(data.jobId, { type: 'signal', signal: 'SIGKILL' })
          .catch(() => undefined);
        return;
      }
      followJob(data.jobId, match);
    };

    const followJob = (jobId: string, match: PistonMatch): void => {
      const compiled = match.language.piston.compiled;
      let stage: 'compile' | 'run' | null = null;
      const enter = (next: 'compile' | 'run') => {
        stage = next;
        send({ type: 'stage', stage: next });
      };
      const onEvent = (event: JobEvent): void => {
        switch (event.type) {
          case 'status':
            if (event.data.status === 'running' && stage === null) enter(compiled ? 'compile' : 'run');
            break;
          case 'stage':
            if (stage === 'compile') {
              send({ type: 'exit', stage: 'compile', code: 0, signal: null });
              enter('run');
            } else if (stage === null) enter('run');
            break;
          case 'log':
            // The compiler's output (and an interpreter's syntax error) comes as stderr, as Piston's does.
            send({
              type: 'data',
              stream: event.data.stream === 'stdout' ? 'stdout' : 'stderr',
              data: event.data.chunk,
            });
            break;
          case 'result': {
            finished = true;
            const result = event.data;
            if (result.status === 'failed' || result.verdict === 'INTERNAL_ERROR')
              return fail(result.error ?? 'the platform could not run the job');
            const piston = pistonResult(match.language, match.runtime.version, result);
            if (result.verdict === 'COMPILE_ERROR') {
              if (stage === null) enter(compiled ? 'compile' : 'run');
              send({ type: 'exit', stage: compiled ? 'compile' : 'run', code: 1, signal: null });
            } else {
              if (stage !== 'run') {
                if (stage === 'compile') send({ type: 'exit', stage: 'compile', code: 0, signal: null });
                enter('run');
              }
              send({ type: 'exit', stage: 'run', code: piston.run.code, signal: piston.run.signal });
            }
            close(4999, 'Job Completed');
            break;
          }
          default:
            break;
        }
      };
      const followed = options.watcher.follow(jobId, onEvent);
      follower = followed;
      const timer = setTimeout(() => {
        followed.stop();
        if (!finished) fail('the job did not finish in time');
      }, JOB_FOLLOW_MS);
      followed.done
        .catch((err: unknown) => {
          resources.logger.warn({ err, jobId }, 'piston connect: cannot follow the job');
          fail('the platform lost track of the job');
        })
        .finally(() => clearTimeout(timer));
    };

    ws.on('message', (raw: RawData, isBinary: boolean) => {
      let message: unknown;
      try {
        message = JSON.parse(isBinary ? Buffer.from(raw as Buffer).toString('utf8') : String(raw));
      } catch (error) {
        return fail((error as Error).message);
      }
      if (typeof message !== 'object' || message === null) return fail('a message is a JSON object');
      const msg = message as Record<string, unknown>;
      switch (msg.type) {
        case 'init':
          if (state !== null) return close(4000, 'Already Initialized');
          state = { jobId: null, match: null };
          chain = chain
            .then(() => init(msg))
            .catch((err: unknown) => {
              if (err instanceof HttpError) return fail(errorText(err));
              resources.logger.error({ err }, 'piston connect: init failed');
              fail('the platform could not start the job');
            });
          return;
        case 'data':
          if (state === null) return close(4003, 'Not yet initialized');
          if (msg.stream !== 'stdin') return close(4004, 'Can only write to stdin');
          if (typeof msg.data !== 'string') return fail('data must be a string');
          if (Buffer.byteLength(msg.data) > MAX_LIVE_STDIN_CHUNK_BYTES)
            return fail(`a stdin message is at most ${MAX_LIVE_STDIN_CHUNK_BYTES} bytes`);
          return write({ type: 'data', data: msg.data });
        case 'eof':
          // Arbiter's own message (Piston has no way to end stdin): the program reads end of file.
          if (state === null) return close(4003, 'Not yet initialized');
          return write({ type: 'eof' });
        case 'signal':
          if (state === null) return close(4003, 'Not yet initialized');
          if (typeof msg.signal !== 'string' || !SIGNALS.has(msg.signal))
            return close(4005, 'Invalid signal');
          if (HARMLESS.has(msg.signal)) return;
          return write({ type: 'signal', signal: msg.signal });
        default:
          // Piston ignores messages of other types.
          return;
      }
    });
  }

  return {
    open: () => wss.clients.size,
    close() {
      closing = true;
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'Server Shutting Down');
      wss.close();
    },
  };
}
