/**
 * Live workers advertise what they can run. Each heartbeat refreshes the worker's
 * entry; an entry whose heartbeat expired is ignored and swept. `GET /languages`
 * is the union of what live workers advertise.
 */
import type { Redis } from 'ioredis';
import { adminWorkerSchema, type AdminWorker, type LanguageInfo } from '@arbiter/contracts';
import type { Keys } from './keys.js';

/** What a worker's heartbeat says about it: the same shape admins read from `GET /admin/workers`. */
export const workerAdvertSchema = adminWorkerSchema;
export type WorkerAdvert = AdminWorker;

export class WorkerRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Publishes the advert, valid for `ttlMs` unless refreshed. */
  async heartbeat(advert: WorkerAdvert, ttlMs: number): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.worker(advert.id), JSON.stringify(advert), 'PX', ttlMs)
      .zadd(this.keys.workers(), Date.now() + ttlMs, advert.id)
      .exec();
  }

  async remove(workerId: string): Promise<void> {
    await this.redis.multi().del(this.keys.worker(workerId)).zrem(this.keys.workers(), workerId).exec();
  }

  async live(): Promise<WorkerAdvert[]> {
    const now = Date.now();
    await this.redis.zremrangebyscore(this.keys.workers(), '-inf', now);
    const ids = await this.redis.zrangebyscore(this.keys.workers(), now, '+inf');
    if (ids.length === 0) return [];
    const adverts = await this.redis.mget(ids.map((id) => this.keys.worker(id)));
    const live: WorkerAdvert[] = [];
    for (const json of adverts) {
      if (json === null) continue;
      const parsed = workerAdvertSchema.safeParse(JSON.parse(json));
      if (parsed.success) live.push(parsed.data);
    }
    return live;
  }

  /** Languages some live worker can run, with the newest version seen for each. */
  async languages(): Promise<LanguageInfo[]> {
    const byId = new Map<string, LanguageInfo>();
    for (const worker of await this.live()) {
      for (const language of worker.languages) {
        if (!byId.has(language.id)) byId.set(language.id, language);
      }
    }
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
