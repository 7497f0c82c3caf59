/**
 * Live scoreboards over Socket.IO, on any number of API instances. When a verdict of a contest
 * lands, the instance that saved it publishes the contest id and the participant on one Redis channel
 * (`<prefix>:contests:changed`, changed-rows.ts); every instance listens, and one that has viewers of that
 * contest reads that participant's submissions again, rescores their row among the rows it keeps
 * (ScoredBoards), ranks the board again and emits `scoreboard` to them: the live board to the
 * room of those who manage it, the public (perhaps frozen) one to everyone else's. Changes that
 * come close together are scored once more after the first, not once each (ChangeFanout), every
 * participant they named included. Boards that change with the clock alone (the
 * freeze, the end) are pushed then too: an instance with viewers of a contest keeps a timer for its
 * next freeze or end. Clarifications and announcements travel the same way on a second channel
 * (`<prefix>:contests:messages`): viewers get `contestMessages {contestId}`, a nudge without content,
 * and read them again over HTTP (which decides what each may see). Both channels go through the
 * instance's ChangeFanout (socket/change-fanout.ts), which class progress matrices share.
 *
 * A viewer watching with `form: 'compact'` (the web page) gets the whole board once in the compact wire
 * form (`scoreboardCompact`) and then, per change, only the rows it touched (`scoreboardRows`), diffed
 * against the board this instance last sent to that room (CompactBoards): a wrong answer at 1,000 rows
 * sends one row, not the board.
 */
import type { Server, Socket } from 'socket.io';
import {
  rowsUpdate,
  watchContestRequestSchema,
  type AuthUser,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@arbiter/contracts';
import { freezeAt } from '@arbiter/contests';
import type { Contest } from '@arbiter/db';
import type { ApiResources } from '../resources.js';
import type { ChangeFanout } from '../socket/change-fanout.js';
import { ChangedRows, contestChangeMessage } from './changed-rows.js';
import { CompactBoards } from './compact-boards.js';
import { canManage } from './contest-access.js';
import { readScoreboard } from './read-scoreboard.js';
import { ScoredBoards } from './scored-boards.js';

/** The channel every API instance listens on for changed contests. */
export function contestsChannel(prefix: string): string {
  return `${prefix}:contests:changed`;
}

/** The channel every API instance listens on for new clarifications and announcements. */
export function contestMessagesChannel(prefix: string): string {
  return `${prefix}:contests:messages`;
}

/**
 * Tells every API instance that a contest's board changed: one participant's row (`userId`: a verdict of
 * theirs landed, they registered or started), or the whole of it (its settings changed).
 */
export async function announceContestChange(
  resources: Pick<ApiResources, 'redis' | 'prefix'>,
  contestId: string,
  userId?: string,
): Promise<void> {
  await resources.redis.publish(contestsChannel(resources.prefix), contestChangeMessage(contestId, userId));
}

/** Tells every API instance that a contest has a new (or newly answered) clarification or announcement. */
export async function announceContestMessages(
  resources: Pick<ApiResources, 'redis' | 'prefix'>,
  contestId: string,
): Promise<void> {
  await resources.redis.publish(contestMessagesChannel(resources.prefix), contestId);
}

/** The longest delay a Node timer takes (about 24.8 days); a later deadline is armed again on a later push. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Fired this long after a deadline, in ms, so the board is read on its far side. */
const DEADLINE_SLACK_MS = 50;

/** The contest's next moment, after `now`, at which its board changes by the clock alone: the freeze or the end. */
function nextDeadline(contest: Contest, now: number): number | null {
  const freeze = freezeAt(contest)?.getTime() ?? null;
  const moments = [freeze, contest.endsAt.getTime()].filter((at): at is number => at !== null && at > now);
  return moments.length > 0 ? Math.min(...moments) : null;
}

const room = (contestId: string, manages: boolean, compact = false) =>
  `contest:${contestId}:${manages ? 'live' : 'public'}${compact ? ':compact' : ''}`;

type ContestServer = Server<ClientToServerEvents, ServerToClientEvents, never, { user: AuthUser | null }>;
type ContestSocket = Pick<
  Socket<ClientToServerEvents, ServerToClientEvents, never, { user: AuthUser | null }>,
  'data' | 'join' | 'leave' | 'emit'
>;

export class ScoreboardPush {
  /** Per contest with viewers here: the timer for its next freeze or end, and when that is (ms). */
  private readonly deadlines = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly channel: string;
  private readonly compact = new CompactBoards();
  private readonly changed = new ChangedRows();
  private readonly scored: ScoredBoards;

  constructor(
    private readonly resources: Pick<ApiResources, 'db' | 'logger' | 'prefix'>,
    private readonly io: ContestServer,
    private readonly fanout: ChangeFanout,
  ) {
    this.channel = contestsChannel(resources.prefix);
    this.scored = new ScoredBoards(resources);
    fanout.add({
      channel: this.channel,
      idOf: (message) => this.changed.note(message),
      handle: (contestId) => this.push(contestId),
    });
    fanout.add({
      channel: contestMessagesChannel(resources.prefix),
      handle: (contestId) => this.nudge(contestId),
      immediate: true,
    });
  }

  /** Serves `watchContest` / `unwatchContest` on every connection (the fanout listens for changes). */
  start(): void {
    this.io.on('connection', (socket) => {
      socket.on('watchContest', (raw, ack) => {
        const reply = typeof ack === 'function' ? ack : () => undefined;
        this.watch(socket, raw, reply).catch((err: unknown) => {
          this.resources.logger.warn({ err }, 'watchContest failed');
          reply({
            ok: false,
            error: { code: 'SERVICE_UNAVAILABLE', message: 'Could not read the contest; try again.' },
          });
        });
      });
      socket.on('unwatchContest', (raw) => {
        this.unwatch(socket, raw).catch(() => undefined);
      });
    });
  }

  /** A socket's `watchContest`: joins its room and gets the board at once. */
  async watch(socket: ContestSocket, raw: unknown, reply: (answer: SubscribeAck) => void): Promise<void> {
    const parsed = watchContestRequestSchema.safeParse(raw);
    const contest = parsed.success
      ? await this.resources.db.contests.get(parsed.data.contestId).catch(() => null)
      : null;
    if (!parsed.success || contest === null) {
      reply({ ok: false, error: { code: 'NOT_FOUND', message: 'No such contest.' } });
      return;
    }
    const manages = canManage(socket.data.user, contest);
    if (parsed.data.form === 'compact') {
      await this.compact.serial(contest.id, async () => {
        // The boards kept are current only while someone here watched them all along.
        let views = this.hasCompactViewers(contest.id) ? this.compact.get(contest.id) : undefined;
        views ??= this.compact.store(
          contest.id,
          await this.scored.current(contest, this.changed.take(contest.id)),
        ).next;
        // A watch again (a reconnect, or a viewer that missed an update) leaves the other room first.
        await socket.leave(room(contest.id, !manages, true));
        await socket.join(room(contest.id, manages, true));
        reply({ ok: true });
        this.armDeadline(contest);
        socket.emit('scoreboardCompact', manages ? views.live : views.public);
      });
      return;
    }
    await socket.join(room(contest.id, manages));
    reply({ ok: true });
    this.armDeadline(contest);
    socket.emit('scoreboard', await readScoreboard(this.resources, contest, manages));
  }

  private roomSize(name: string): number {
    return this.io.sockets.adapter.rooms.get(name)?.size ?? 0;
  }

  private hasCompactViewers(contestId: string): boolean {
    return this.roomSize(room(contestId, true, true)) + this.roomSize(room(contestId, false, true)) > 0;
  }

  async unwatch(socket: ContestSocket, raw: unknown): Promise<void> {
    const parsed = watchContestRequestSchema.safeParse(raw);
    if (!parsed.success) return;
    for (const manages of [true, false])
      for (const compact of [true, false]) await socket.leave(room(parsed.data.contestId, manages, compact));
  }

  private push(contestId: string): Promise<void> {
    return this.compact.serial(contestId, () => this.pushNow(contestId));
  }

  private async pushNow(contestId: string): Promise<void> {
    const live = this.roomSize(room(contestId, true)) > 0;
    const everyone = this.roomSize(room(contestId, false)) > 0;
    const compactLive = this.roomSize(room(contestId, true, true)) > 0;
    const compactEveryone = this.roomSize(room(contestId, false, true)) > 0;
    if (!compactLive && !compactEveryone) this.compact.forget(contestId);
    if (!live && !everyone && !compactLive && !compactEveryone) {
      // Nobody here to keep the rows current for: they would miss the changes from now on.
      this.scored.forget(contestId);
      this.changed.take(contestId);
      return;
    }
    const contest = await this.resources.db.contests.get(contestId);
    if (contest === null) return;
    this.armDeadline(contest);
    // The rows kept, with those the changes since the last push touched scored again, serve every room.
    const boards = await this.scored.current(contest, this.changed.take(contestId));
    if (live) this.io.to(room(contestId, true)).emit('scoreboard', boards.live);
    if (everyone) this.io.to(room(contestId, false)).emit('scoreboard', boards.public);
    if (!compactLive && !compactEveryone) return;
    const { previous, next } = this.compact.store(contestId, boards);
    for (const [manages, watched] of [
      [true, compactLive],
      [false, compactEveryone],
    ] as const) {
      if (!watched) continue;
      const target = this.io.to(room(contestId, manages, true));
      const board = manages ? next.live : next.public;
      if (previous === undefined) target.emit('scoreboardCompact', board);
      else target.emit('scoreboardRows', rowsUpdate(manages ? previous.live : previous.public, board));
    }
  }

  /** Keeps one timer per watched contest for its next freeze or end, which pushes the board then. */
  private armDeadline(contest: Contest): void {
    const now = Date.now();
    const at = nextDeadline(contest, now);
    const current = this.deadlines.get(contest.id);
    if (current !== undefined && current.at === at) return;
    if (current !== undefined) clearTimeout(current.timer);
    this.deadlines.delete(contest.id);
    if (at === null) return;
    const timer = setTimeout(
      () => {
        this.deadlines.delete(contest.id);
        this.fanout.schedule(this.channel, contest.id);
      },
      Math.min(at - now + DEADLINE_SLACK_MS, MAX_TIMER_MS),
    );
    timer.unref();
    this.deadlines.set(contest.id, { at, timer });
  }

  /** Tells this instance's viewers of a contest to read its clarifications and announcements again. */
  private nudge(contestId: string): void {
    this.io
      .to([true, false].flatMap((manages) => [room(contestId, manages), room(contestId, manages, true)]))
      .emit('contestMessages', { contestId });
  }

  close(): void {
    for (const { timer } of this.deadlines.values()) clearTimeout(timer);
    this.deadlines.clear();
    this.compact.clear();
    this.scored.clear();
    this.changed.clear();
  }
}
