/**
 * Live progress matrices over Socket.IO, on any number of API instances, the way contest scoreboards
 * are pushed (contests/scoreboard-push.ts): when a member's verdict on an assignment's problem is
 * saved (or a student joins, or the assignment changes), the instance that saw it publishes
 * `<classId>/<assignmentId>` on `<prefix>:classes:progress`; every instance's ChangeFanout hears it,
 * and one with teachers watching that assignment reads the matrix again (at once; changes close
 * together once more after a quiet time) and emits `progress` to them. Only those who teach the class may watch (`watchProgress`).
 */
import type { Server, Socket } from 'socket.io';
import {
  watchProgressRequestSchema,
  type AuthUser,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubmissionMode,
  type SubscribeAck,
} from '@arbiter/contracts';
import type { ApiResources } from '../resources.js';
import type { ChangeFanout } from '../socket/change-fanout.js';
import { canTeach } from './class-access.js';
import { readProgress } from './read-progress.js';

/** The channel every API instance listens on for assignments whose matrix changed. */
export function progressChannel(prefix: string): string {
  return `${prefix}:classes:progress`;
}

/** Tells every API instance that an assignment's matrix changed. */
export async function announceProgressChange(
  resources: Pick<ApiResources, 'redis' | 'prefix'>,
  classId: string,
  assignmentId: string,
): Promise<void> {
  await resources.redis.publish(progressChannel(resources.prefix), `${classId}/${assignmentId}`);
}

/**
 * After a saved verdict: announces every assignment whose matrix the submission may change (a submit,
 * not a contest's, by a member of a class whose assignment holds the problem). Rejudges count: their
 * verdict replaces the original's in the matrix.
 */
export async function announceSubmissionProgress(
  resources: Pick<ApiResources, 'redis' | 'prefix' | 'db'>,
  row: { userId: string | null; problemSlug: string | null; mode: SubmissionMode; contestId: string | null },
): Promise<void> {
  if (row.userId === null || row.problemSlug === null || row.mode !== 'submit' || row.contestId !== null)
    return;
  const touched = await resources.db.classes.assignmentsTouchedBy(row.userId, row.problemSlug);
  await Promise.all(
    touched.map(({ classId, assignmentId }) => announceProgressChange(resources, classId, assignmentId)),
  );
}

const room = (assignmentId: string) => `progress:${assignmentId}`;

type ProgressServer = Server<ClientToServerEvents, ServerToClientEvents, never, { user: AuthUser | null }>;
type ProgressSocket = Pick<
  Socket<ClientToServerEvents, ServerToClientEvents, never, { user: AuthUser | null }>,
  'data' | 'join' | 'leave' | 'emit'
>;

export class ProgressPush {
  constructor(
    private readonly resources: Pick<ApiResources, 'db' | 'logger' | 'prefix' | 'catalog'>,
    private readonly io: ProgressServer,
    fanout: ChangeFanout,
  ) {
    fanout.add({ channel: progressChannel(resources.prefix), handle: (key) => this.push(key) });
  }

  /** Serves `watchProgress` / `unwatchProgress` on every connection (the fanout listens for changes). */
  start(): void {
    this.io.on('connection', (socket) => {
      socket.on('watchProgress', (raw, ack) => {
        const reply = typeof ack === 'function' ? ack : () => undefined;
        this.watch(socket, raw, reply).catch((err: unknown) => {
          this.resources.logger.warn({ err }, 'watchProgress failed');
          reply({
            ok: false,
            error: { code: 'SERVICE_UNAVAILABLE', message: 'Could not read the progress; try again.' },
          });
        });
      });
      socket.on('unwatchProgress', (raw) => {
        const parsed = watchProgressRequestSchema.safeParse(raw);
        if (parsed.success)
          void Promise.resolve(socket.leave(room(parsed.data.assignmentId))).catch(() => undefined);
      });
    });
  }

  /** A socket's `watchProgress`: those who teach the class join the assignment's room and get the matrix at once. */
  async watch(socket: ProgressSocket, raw: unknown, reply: (answer: SubscribeAck) => void): Promise<void> {
    const parsed = watchProgressRequestSchema.safeParse(raw);
    const user = socket.data.user;
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'NOT_FOUND', message: 'No such class or assignment.' } });
      return;
    }
    if (user === null) {
      reply({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'Sign in to follow the progress of a class.' },
      });
      return;
    }
    const { classId, assignmentId } = parsed.data;
    const cls = await this.resources.db.classes.get(classId);
    const assignment =
      cls === null ? null : await this.resources.db.classes.assignment(classId, assignmentId);
    if (cls === null || assignment === null) {
      reply({ ok: false, error: { code: 'NOT_FOUND', message: 'No such class or assignment.' } });
      return;
    }
    if (!canTeach(user, cls)) {
      reply({
        ok: false,
        error: { code: 'FORBIDDEN', message: "Only the class's teacher and admins may follow its progress." },
      });
      return;
    }
    await socket.join(room(assignmentId));
    reply({ ok: true });
    socket.emit('progress', await readProgress(this.resources, assignment, null));
  }

  /** Reads the matrix again and sends it to this instance's watchers of the assignment, if any. */
  private async push(key: string): Promise<void> {
    const [classId, assignmentId] = key.split('/');
    if (classId === undefined || assignmentId === undefined) return;
    if ((this.io.sockets.adapter.rooms.get(room(assignmentId))?.size ?? 0) === 0) return;
    const assignment = await this.resources.db.classes.assignment(classId, assignmentId);
    if (assignment === null) return;
    this.io.to(room(assignmentId)).emit('progress', await readProgress(this.resources, assignment, null));
  }
}
