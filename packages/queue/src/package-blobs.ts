/**
 * How a problem package travels from the database to the workers: the API puts the package's zip
 * in Redis under its hash whenever it queues a job that needs it (refreshing the key's lifetime when it
 * is already there), and a worker reads it by hash when its local cache lacks it. Workers therefore need
 * nothing but Redis, as for everything else; the database stays the API's alone (embedded PGlite is
 * one process). The content is addressed by hash, so a key never changes once written.
 */
import type { Keys } from './keys.js';
import type { Redis } from './redis-connection.js';

/** How long a package stays in Redis after the last job that needed it was queued: 7 days. */
export const PACKAGE_BLOB_TTL_SECONDS = 7 * 24 * 3600;

export interface PackageBlobsOptions {
  redis: Redis;
  keys: Keys;
  /** @defaultValue PACKAGE_BLOB_TTL_SECONDS */
  ttlSeconds?: number;
}

export class PackageBlobs {
  private readonly ttl: number;
  constructor(private readonly options: PackageBlobsOptions) {
    this.ttl = options.ttlSeconds ?? PACKAGE_BLOB_TTL_SECONDS;
  }

  /**
   * Makes sure the package is in Redis for at least the TTL from now; `load` (the database read) runs only
   * when it is not. Returns whether it had to be written.
   */
  async ensure(sha256: string, load: () => Promise<Buffer>): Promise<boolean> {
    const key = this.options.keys.packageBlob(sha256);
    if ((await this.options.redis.expire(key, this.ttl)) === 1) return false;
    const bytes = await load();
    await this.options.redis.set(key, bytes, 'EX', this.ttl);
    return true;
  }

  /** The package's zip as Redis holds it (the caller checks the hash); null: not there. */
  get(sha256: string): Promise<Buffer | null> {
    return this.options.redis.getBuffer(this.options.keys.packageBlob(sha256));
  }
}
