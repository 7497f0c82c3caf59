/**
 * Relays job event streams to this instance's Socket.IO clients. Each subscription keeps
 * the last `seq` it delivered and reads the stream after it, so a late or reconnecting
 * client gets every event, in order, once. Workers announce appends on a per-job pub/sub
 * channel; any API instance can serve any client because the stream in Redis, not an
 * instance's memory, is the source. A small event comes inside its announcement: when it is
 * the next one a subscription waits for, it goes out without reading the stream.
 */
import type { Socket } from 'socket.io';
import type { ClientToServerEvents, JobEvent, JobResult, ServerToClientEvents } from '@arbiter/contracts';
import { isFinalStatus, withoutJudgeMessages } from '@arbiter/contracts';
import type { Logger } from '@arbiter/observability';
import {
  parseAnnouncement,
  queuePositions,
  type JobEventLog,
  type JobStore,
  type Redis,
} from '@arbiter/queue';

export type ClientSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** A result as the socket's user may see it: validators' messages for the judges go to admins only. */
function forViewer<T extends Parameters<typeof withoutJudgeMessages>[0]>(socket: ClientSocket, result: T): T {
  const user = (socket.data as { user?: { role?: string } | null }).user;
  return user?.role === 'admin' ? result : withoutJudgeMessages(result);
}

interface Subscription {
  socket: ClientSocket;
  jobId: string;
  lastSeq: number;
  /** Last status delivered; queue positions are refreshed only while `queued`. */
  status: string | null;
  pumping: boolean;
  again: boolean;
  done: boolean;
}

export interface JobRelayOptions {
  events: JobEventLog;
  store: JobStore;
  /** A connection in subscriber mode, used for nothing else. */
  subscriber: Redis;
  /** Commands connection, for queue positions. */
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** How often positions are read while a watched job is queued (`POSITION_TICK_MS`); 0: only on subscribe. */
  positionTickMs?: number;
}

const BATCH = 500;
/**
 * While a job watched here is queued, its place is read again this often (one script call for all of them).
 * A tick, not BullMQ's event stream: reading every event of every job (about six each) cost each API
 * instance CPU per job on every worker's job, while a tick costs per quarter second, and nothing when no
 * watched job waits.
 */
export const POSITION_TICK_MS = 250;
/** A failed read (Redis away) is tried again after this long, in ms: no announcement may come again. */
const RETRY_MS = 500;

export class JobRelay {
  /** jobId → socket id → subscription. */
  private readonly byJob = new Map<string, Map<string, Subscription>>();
  private readonly jobByChannel = new Map<string, string>();
  /** Resolves once the job's channel is subscribed. */
  private readonly channelReady = new Map<string, Promise<unknown>>();
  /** socket id → jobs it watches. */
  private readonly bySocket = new Map<string, Set<string>>();
  private refreshTimer: NodeJS.Timeout | null = null;
  /** Schedules a refresh every `POSITION_TICK_MS` while a pass found some watched job queued. */
  private positionTicker: NodeJS.Timeout | null = null;
  /** A refresh pass is under way; `refreshAgain`: the queue moved meanwhile, so one more pass follows. */
  private refreshing = false;
  private refreshAgain = false;
  /** Waiting for no pass to be scheduled or under way (`refreshesSettled`). */
  private settledWaiters: Array<() => void> = [];
  private closed = false;
  /**
   * jobId → the lowest position this instance sent for it. The append script drops a position that is
   * not below the last one stored (never above this), so a pass skips those without a round trip.
   */
  private readonly lowestSent = new Map<string, number>();
  /** jobId → pending retry of a failed read. */
  private readonly retries = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: JobRelayOptions) {
    options.subscriber.on('message', (channel: string, message: string) => {
      const jobId = this.jobByChannel.get(channel);
      if (jobId !== undefined) this.announced(jobId, message);
    });
    // Announcements sent while disconnected are lost: catch up from the streams once both the
    // subscriber and the commands connection (which reads them) are back, whichever is last.
    const catchUp = () => {
      for (const jobId of this.byJob.keys()) this.pumpJob(jobId);
    };
    options.subscriber.on('ready', catchUp);
    options.redis.on('ready', catchUp);
  }

  /**
   * Returns false when the job is unknown (never existed, or expired). `known`: the job's record as the
   * caller just read it (null: none), so it is not read again; undefined: read here.
   */
  async subscribe(
    socket: ClientSocket,
    jobId: string,
    after: number,
    known?: JobResult | null,
  ): Promise<boolean> {
    const { events, store } = this.options;
    // A record the caller read that is not final needs no look at the stream's meta first: the job is
    // known and still going, so the relay follows its stream (an expired one, of a job queued long ago,
    // starts again from seq 1 with the job's next event).
    const going = known !== undefined && known !== null && !isFinalStatus(known.status);
    const [lastSeq, record] = going
      ? [null, known]
      : await Promise.all([events.lastSeq(jobId), known === undefined ? store.get(jobId) : known]);
    if (lastSeq === 0 && record === null) return false;
    if (lastSeq === 0 && record !== null) {
      // The stream expired but the result is kept: send it as the last event.
      if (isFinalStatus(record.status) && record.lastSeq > after) {
        socket.emit('result', { ...forViewer(socket, record), jobId, seq: record.lastSeq });
      }
      return true;
    }

    let subs = this.byJob.get(jobId);
    if (subs === undefined) {
      subs = new Map();
      this.byJob.set(jobId, subs);
      const channel = events.channel(jobId);
      this.jobByChannel.set(channel, jobId);
      this.channelReady.set(jobId, this.options.subscriber.subscribe(channel));
    }
    // Subscribed before the first read, so nothing appended in between is missed.
    await this.channelReady.get(jobId);
    const existing = subs.get(socket.id);
    const sub: Subscription = existing ?? {
      socket,
      jobId,
      lastSeq: after,
      status: null,
      pumping: false,
      again: false,
      done: false,
    };
    subs.set(socket.id, sub);
    let watched = this.bySocket.get(socket.id);
    if (watched === undefined) {
      watched = new Set();
      this.bySocket.set(socket.id, watched);
    }
    watched.add(jobId);
    await this.pump(sub);
    if (sub.status === 'queued') this.scheduleRefresh();
    return true;
  }

  unsubscribe(socket: ClientSocket, jobId: string): void {
    const watched = this.bySocket.get(socket.id);
    watched?.delete(jobId);
    if (watched?.size === 0) this.bySocket.delete(socket.id);
    const subs = this.byJob.get(jobId);
    if (subs === undefined) return;
    subs.delete(socket.id);
    if (subs.size === 0) this.dropJob(jobId);
  }

  /** Forgets every subscription of a disconnected socket. */
  removeSocket(socket: ClientSocket): void {
    for (const jobId of [...(this.bySocket.get(socket.id) ?? [])]) this.unsubscribe(socket, jobId);
  }

  /** Jobs a socket is watching now (finished ones are let go). */
  watchedBy(socket: ClientSocket): number {
    return this.bySocket.get(socket.id)?.size ?? 0;
  }

  /** Whether the socket is watching this job now. */
  watches(socket: ClientSocket, jobId: string): boolean {
    return this.bySocket.get(socket.id)?.has(jobId) ?? false;
  }

  /** Subscriptions held now (for tests and metrics). */
  size(): number {
    let count = 0;
    for (const subs of this.byJob.values()) count += subs.size;
    return count;
  }

  /**
   * Asks for fresh queue positions of the queued jobs watched here (on a new queued subscription, and
   * every `POSITION_TICK_MS` while one is watched). Coalesced to one pass per 50 ms.
   */
  scheduleRefresh(): void {
    if (this.closed) return;
    if (this.refreshing) {
      // Never two passes at once: with thousands of watched jobs a pass outlasts the 50 ms.
      this.refreshAgain = true;
      return;
    }
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = null;
      this.refreshing = true;
      this.refreshPositions()
        .catch((err: unknown) => this.options.logger.warn({ err }, 'queue position refresh failed'))
        .finally(() => {
          this.refreshing = false;
          if (this.refreshAgain) {
            this.refreshAgain = false;
            this.scheduleRefresh();
          }
          if (this.refreshTimer === null && !this.refreshing) {
            for (const resolve of this.settledWaiters.splice(0)) resolve();
          }
        });
    }, 50);
  }

  /**
   * Resolves once no scheduled refresh pass is waiting or under way (at once when none is): a caller that
   * then runs `refreshPositions` itself knows no scheduled pass runs beside it.
   */
  refreshesSettled(): Promise<void> {
    if ((this.refreshTimer === null && !this.refreshing) || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.tickPositions(false);
    for (const resolve of this.settledWaiters.splice(0)) resolve();
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    for (const jobId of [...this.byJob.keys()]) this.dropJob(jobId);
  }

  /**
   * One pass: the places of every queued job watched here in one round trip (per 1,000 jobs), then a
   * `queued` event for each whose place fell below the lowest this instance sent (it used to be two
   * round trips per watched job, one after the other, every pass).
   */
  async refreshPositions(): Promise<void> {
    const { redis, prefix, events } = this.options;
    const queued: string[] = [];
    for (const [jobId, subs] of this.byJob) {
      if ([...subs.values()].some((sub) => sub.status === 'queued')) queued.push(jobId);
    }
    this.tickPositions(queued.length > 0);
    if (queued.length === 0) return;
    const places = await queuePositions(redis, prefix, queued);
    const appends: Array<Promise<unknown>> = [];
    queued.forEach((jobId, i) => {
      const position = places[i];
      if (position === null || position === undefined) return;
      if (position >= (this.lowestSent.get(jobId) ?? Infinity)) return;
      appends.push(
        events.refreshPosition(jobId, position).then(() => {
          if (this.byJob.has(jobId)) this.lowestSent.set(jobId, position);
        }),
      );
    });
    await Promise.all(appends);
  }

  /** Starts or stops the position tick: it runs while the last pass found a watched job queued. */
  private tickPositions(on: boolean): void {
    const every = this.options.positionTickMs ?? POSITION_TICK_MS;
    if (on && !this.closed && every > 0) {
      if (this.positionTicker !== null) return;
      this.positionTicker = setInterval(() => this.scheduleRefresh(), every);
      this.positionTicker.unref();
    } else if (this.positionTicker !== null) {
      clearInterval(this.positionTicker);
      this.positionTicker = null;
    }
  }

  /** An append was announced: deliver it if it is the next event, else read the stream. */
  private announced(jobId: string, message: string): void {
    let event: JobEvent | null = null;
    try {
      event = parseAnnouncement(jobId, message).event;
    } catch (err) {
      this.options.logger.warn({ err, jobId }, 'unreadable announcement; reading the stream');
    }
    for (const sub of this.byJob.get(jobId)?.values() ?? []) {
      if (event !== null && !sub.pumping && !sub.done && event.seq === sub.lastSeq + 1) {
        this.deliver(sub, event);
        if (sub.done) this.unsubscribe(sub.socket, sub.jobId);
      } else {
        this.pump(sub).catch((err: unknown) => {
          this.options.logger.warn({ err, jobId }, 'relay read failed; reading again shortly');
          this.retryLater(jobId);
        });
      }
    }
  }

  private pumpJob(jobId: string): void {
    for (const sub of this.byJob.get(jobId)?.values() ?? []) {
      this.pump(sub).catch((err: unknown) => {
        this.options.logger.warn({ err, jobId }, 'relay read failed; reading again shortly');
        this.retryLater(jobId);
      });
    }
  }

  /** Reads the job's stream again soon; does nothing once nobody here watches the job. */
  private retryLater(jobId: string): void {
    if (this.retries.has(jobId)) return;
    const timer = setTimeout(() => {
      this.retries.delete(jobId);
      this.pumpJob(jobId);
    }, RETRY_MS);
    timer.unref();
    this.retries.set(jobId, timer);
  }

  /** Delivers everything after `sub.lastSeq`; one read loop per subscription at a time. */
  private async pump(sub: Subscription): Promise<void> {
    if (sub.pumping) {
      sub.again = true;
      return;
    }
    sub.pumping = true;
    try {
      do {
        sub.again = false;
        for (;;) {
          const batch = await this.options.events.readAfter(sub.jobId, sub.lastSeq, BATCH);
          for (const event of batch) this.deliver(sub, event);
          if (batch.length < BATCH || sub.done) break;
        }
      } while (sub.again && !sub.done);
    } finally {
      sub.pumping = false;
    }
    if (sub.done) this.unsubscribe(sub.socket, sub.jobId);
  }

  private deliver(sub: Subscription, event: JobEvent): void {
    if (event.seq <= sub.lastSeq || sub.done) return;
    sub.lastSeq = event.seq;
    const meta = { jobId: event.jobId, seq: event.seq };
    switch (event.type) {
      case 'status':
        sub.status = event.data.status;
        sub.socket.emit('status', { ...event.data, ...meta });
        break;
      case 'log':
        sub.socket.emit('log', { ...event.data, ...meta });
        break;
      case 'test':
        sub.socket.emit('test', { ...event.data, ...meta });
        break;
      case 'stage':
        sub.socket.emit('stage', { ...event.data, ...meta });
        break;
      case 'result':
        sub.done = true;
        sub.socket.emit('result', { ...forViewer(sub.socket, event.data), ...meta });
        break;
    }
  }

  private dropJob(jobId: string): void {
    this.byJob.delete(jobId);
    this.lowestSent.delete(jobId);
    this.channelReady.delete(jobId);
    const channel = this.options.events.channel(jobId);
    this.jobByChannel.delete(channel);
    this.options.subscriber.unsubscribe(channel).catch(() => undefined);
  }
}
