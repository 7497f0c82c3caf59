/**
 * Live scoreboards over Socket.IO, on any number of API instances. When a verdict of a contest
 * lands, the instance that saved it publishes the contest id on one Redis channel
 * (`<prefix>:contests:changed`); every instance listens, and one that has viewers of that contest
 * scores the board again from the database and emits `scoreboard` to them: the live board to the
 * room of those who manage it, the public (perhaps frozen) one to everyone else's. Changes that
 * come close together are scored once more after the first, not once each (ChangeFanout). Boards that change with the clock alone (the
 * freeze, the end) are pushed then too: an instance with viewers of a contest keeps a timer for its
 * next freeze or end. Clarifications and announcements travel the same way on a second channel
 * (`<prefix>:contests:messages`): viewers get `contestMessages {contestId}`, a nudge without content,
 * and read them again over HTTP (which decides what each may see). Both channels go through the
 * instance's ChangeFanout (socket/change-fanout.ts), which class progress matrices share.
 */
import type { Server, Socket } from 'socket.io';
import {
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
import { canManage } from './contest-access.js';
import { readScoreboard, readScoreboards } from './read-scoreboard.js';

/** The channel every API instance listens on for changed contests. */
export function contestsChannel(prefix: string): string {
  return `${prefix}:contests:changed`;
}

/** The channel every API instance listens on for new clarifications and announcements. */
export function contestMessagesChannel(prefix: string): string {
  return `${prefix}:contests:messages`;
}

/** Tells every API instance that a contest's board changed (a verdict landed, its settings changed). */
export async function announceContestChange(
  resources: Pick<ApiResources, 'redis' | 'prefix'>,
  contestId: string,
): Promise<void> {
  await resources.redis.publish(contestsChannel(resources.prefix), contestId);
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

const room = (contestId: string, manages: boolean) => `contest:${contestId}:${manages ? 'live' : 'public'}`;

type ContestServer = Server<ClientToServerEvents, ServerToClientEvents, never, { user: AuthUser | null }>;
type ContestSocket = Pick<
  Socket<ClientToServerEvents, ServerToClientEvents, never, { user: AuthUser | null }>,
  'data' | 'join' | 'leave' | 'emit'
>;

export class ScoreboardPush {
  /** Per contest with viewers here: the timer for its next freeze or end, and when that is (ms). */
  private readonly deadlines = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly channel: string;

  constructor(
    private readonly resources: Pick<ApiResources, 'db' | 'logger' | 'prefix'>,
    private readonly io: ContestServer,
    private readonly fanout: ChangeFanout,
  ) {
    this.channel = contestsChannel(resources.prefix);
    fanout.add({ channel: this.channel, handle: (contestId) => this.push(contestId) });
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
    await socket.join(room(contest.id, manages));
    reply({ ok: true });
    this.armDeadline(contest);
    socket.emit('scoreboard', await readScoreboard(this.resources, contest, manages));
  }

  async unwatch(socket: ContestSocket, raw: unknown): Promise<void> {
    const parsed = watchContestRequestSchema.safeParse(raw);
    if (!parsed.success) return;
    await socket.leave(room(parsed.data.contestId, true));
    await socket.leave(room(parsed.data.contestId, false));
  }

  private async push(contestId: string): Promise<void> {
    const rooms = this.io.sockets.adapter.rooms;
    const live = (rooms.get(room(contestId, true))?.size ?? 0) > 0;
    const everyone = (rooms.get(room(contestId, false))?.size ?? 0) > 0;
    if (!live && !everyone) return;
    const contest = await this.resources.db.contests.get(contestId);
    if (contest === null) return;
    this.armDeadline(contest);
    // One read of the contest's rows serves both rooms.
    const boards = await readScoreboards(this.resources, contest);
    if (live) this.io.to(room(contestId, true)).emit('scoreboard', boards.live);
    if (everyone) this.io.to(room(contestId, false)).emit('scoreboard', boards.public);
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
    this.io.to([room(contestId, true), room(contestId, false)]).emit('contestMessages', { contestId });
  }

  close(): void {
    for (const { timer } of this.deadlines.values()) clearTimeout(timer);
    this.deadlines.clear();
  }
}
