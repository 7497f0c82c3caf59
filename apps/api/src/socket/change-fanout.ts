/**
 * Changes announced to every API instance over Redis pub/sub, each handled where it has viewers: a
 * module names a channel (`<prefix>:contests:changed`, `<prefix>:classes:progress`, …) and a handler,
 * any instance publishes an id on it, and every instance runs the handler for that id. The first change
 * of an id is handled at once; changes that come while it runs or in the `coalesceMs` after it are
 * handled once more, together, when that time is over (so a burst of verdicts costs two reads, not one
 * per verdict, and one id is never handled twice at the same time, so pushes leave in order). A channel
 * may instead handle each message as it comes (`immediate`). The handlers read the database and emit to
 * their own sockets' rooms, so no Socket.IO adapter is needed: each instance serves its own viewers.
 */
import type { Logger } from '@arbiter/observability';
import type { Redis } from '@arbiter/queue';

export interface FanoutChannel {
  /** The Redis channel's full name. */
  channel: string;
  /** Handles one announced id on this instance (reads, emits to local rooms). */
  handle(id: string): Promise<void> | void;
  /**
   * Reads a message into the id it changes, noting whatever else it says for the next handling of that
   * id (the handler then takes what was noted); called as each message comes.
   * @defaultValue the message is the id
   */
  idOf?(message: string): string;
  /**
   * Handle each message at once instead of once per `coalesceMs` per id.
   * @defaultValue false
   */
  immediate?: boolean;
}

/** One id of one channel being handled now, or in the quiet time after. */
interface Pending {
  /** Changed again since the handling began: handle once more when the quiet time is over. */
  dirty: boolean;
  /** The quiet time after a handling, while later changes wait. */
  cooldown: NodeJS.Timeout | null;
}

export class ChangeFanout {
  private readonly channels = new Map<string, FanoutChannel>();
  /** Per channel and id (`<channel>\0<id>`): its handling, while one runs or its quiet time lasts. */
  private readonly pending = new Map<string, Pending>();
  private readonly onMessage = (channel: string, message: string) => {
    const entry = this.channels.get(channel);
    if (entry === undefined) return;
    const id = entry.idOf?.(message) ?? message;
    if (entry.immediate === true) this.run(entry, id);
    else this.schedule(channel, id);
  };

  constructor(
    private readonly subscriber: Redis,
    private readonly logger: Logger,
    /** Changes of one id within this many ms are handled once. */
    private readonly coalesceMs = 200,
  ) {
    subscriber.on('message', this.onMessage);
  }

  /** Adds a channel; call `start()` after every channel is added. */
  add(entry: FanoutChannel): void {
    this.channels.set(entry.channel, entry);
  }

  /** Subscribes to every added channel. */
  async start(): Promise<void> {
    await this.subscriber.subscribe(...this.channels.keys());
  }

  /** Handles `id` on `channel` here, as an announcement would: now, or after the current quiet time. */
  schedule(channel: string, id: string): void {
    const entry = this.channels.get(channel);
    if (entry === undefined) return;
    const key = `${channel}\u0000${id}`;
    const pending = this.pending.get(key);
    if (pending !== undefined) {
      pending.dirty = true;
      return;
    }
    const fresh: Pending = { dirty: false, cooldown: null };
    this.pending.set(key, fresh);
    this.begin(entry, id, key, fresh);
  }

  private begin(entry: FanoutChannel, id: string, key: string, pending: Pending): void {
    pending.dirty = false;
    void this.handle(entry, id).then(() => {
      if (this.pending.get(key) !== pending) return; // closed meanwhile
      pending.cooldown = setTimeout(() => {
        pending.cooldown = null;
        if (this.pending.get(key) !== pending) return;
        if (pending.dirty) this.begin(entry, id, key, pending);
        else this.pending.delete(key);
      }, this.coalesceMs);
      pending.cooldown.unref();
    });
  }

  private run(entry: FanoutChannel, id: string): void {
    void this.handle(entry, id);
  }

  /** Runs the handler; a failure is logged (the next change tries again). */
  private handle(entry: FanoutChannel, id: string): Promise<void> {
    return Promise.resolve()
      .then(() => entry.handle(id))
      .catch((err: unknown) =>
        this.logger.warn({ err, channel: entry.channel, id }, 'could not push a change'),
      );
  }

  close(): void {
    this.subscriber.off('message', this.onMessage);
    for (const pending of this.pending.values())
      if (pending.cooldown !== null) clearTimeout(pending.cooldown);
    this.pending.clear();
  }
}
