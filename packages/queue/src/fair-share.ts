/**
 * Fair share between the queue's owners: start-time fair queueing expressed in BullMQ priorities.
 *
 * Every waiting job sits in BullMQ's prioritized set, whose score is `priority × 2³² + counter`
 * (first in, first out within one priority). A job's priority is `1 + 3 × tag + class`, where class
 * is 0 for a run, 1 for a submit and 2 for a rejudge, and the tag is a virtual start time:
 *
 *   tag = max(V, the owner's last tag of this class) + 1
 *
 * V is one less than the tag of the job at the head of the queue (the round being served now), so an
 * owner with nothing waiting starts in the current round, and each owner's next job lands one round
 * after its previous one: owners take turns, one job each per round, however many one of them queued.
 * Within one owner a job also raises the owner's last tag of every later class, so the owner's later
 * submits and rejudges wait behind this run, while the owner's later runs may still overtake their own
 * earlier submits: run < submit < rejudge holds for each owner as before.
 *
 * The tags and V live in one hash beside BullMQ's keys (same key prefix, hence the same Redis Cluster
 * slot); it is dropped whenever nothing waits, which also keeps the numbers small. Tags stop at the
 * largest BullMQ priority; beyond it an owner's jobs keep class order and arrival order. The script is
 * commands/fair-priority-3.lua.
 */
import type { Redis, Cluster } from 'ioredis';
import type { JobData } from '@arbiter/contracts';
import { redisCommands } from './redis-commands.js';

/** BullMQ's largest priority (2²¹ − 1). */
const PRIORITY_LIMIT = 2 ** 21 - 1;
/** The largest tag whose priority of any class stays within BullMQ's limit. */
export const MAX_TAG = Math.floor((PRIORITY_LIMIT - 3) / 3);
/** Owners remembered at most; past it the hash is dropped and everyone starts even again. */
export const MAX_OWNERS = 100_000;
/** The longest owner key kept (longer keys are cut). */
const MAX_OWNER_LENGTH = 160;

/** The scheduling class of a job: 0 run, 1 submit, 2 rejudge (lower goes first within one round). */
export type JobClass = 0 | 1 | 2;

export function jobClass(data: Pick<JobData, 'mode' | 'rejudgeOf'>): JobClass {
  if (data.mode === 'run') return 0;
  return data.rejudgeOf === null ? 1 : 2;
}

/**
 * Who a job counts against: a signed-in user, or an anonymous client by the address key the rate
 * limits use. Rejudges are one owner of their own (background work, one turn per round).
 */
export type QueueOwner = string;

export function userOwner(userId: string): QueueOwner {
  return `user:${userId}`;
}
export function clientOwner(addressKey: string): QueueOwner {
  return `client:${addressKey}`.slice(0, MAX_OWNER_LENGTH);
}
export const REJUDGE_OWNER: QueueOwner = 'rejudge';
/** Jobs queued again from the database after Redis lost them, when no user owns them. */
export const REQUEUED_OWNER: QueueOwner = 'requeued';

/** The hash of tags of a queue whose BullMQ keys start with `base` (`<prefix>:<queue name>`). */
export function fairShareKey(base: string): string {
  return `${base}:fair`;
}

/**
 * A new job's turn: its BullMQ priority (≥ 1), and how many jobs it would wait behind now (every plain
 * job and the prioritized ones of the same or a higher priority; other owners' later jobs may still
 * overtake it, as their turn comes first).
 */
export interface QueueTurn {
  priority: number;
  waiting: number;
}

/** The turn of a new job of `owner` and `cls` in the queue whose keys start with `base`, in one script call. */
export async function fairPriority(
  redis: Redis | Cluster,
  base: string,
  owner: QueueOwner,
  cls: JobClass,
): Promise<QueueTurn> {
  const reply = await redisCommands.fairPriority.run(
    redis,
    [`${base}:prioritized`, `${base}:wait`, fairShareKey(base)],
    [owner.slice(0, MAX_OWNER_LENGTH), String(cls), String(MAX_TAG), String(MAX_OWNERS)],
  );
  const [priority, waiting] = Array.isArray(reply) ? (reply as unknown[]) : [];
  if (typeof priority !== 'number' || priority < 1 || priority > PRIORITY_LIMIT) {
    throw new Error(`fair-share priority out of range: ${String(priority)}`);
  }
  if (typeof waiting !== 'number' || waiting < 0)
    throw new Error(`fair-share waiting count: ${String(waiting)}`);
  return { priority, waiting };
}
