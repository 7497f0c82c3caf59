/**
 * Imported problem packages on this worker, by SHA-256: parsed in memory for the last few used, kept on
 * disk under `CACHE_DIR/packages` within `PACKAGE_CACHE_MB` (least recently used first out), fetched from
 * Redis (`PackageBlobs`, put there by the API when it queued the job) when neither has it. Every zip is
 * checked against its hash before it is used, from Redis or from disk, so a damaged or swapped file is
 * never judged against: it is fetched again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageRef } from '@arbiter/contracts';
import type { Logger } from '@arbiter/observability';
import { loadPackageZip, type ProblemPackage } from '@arbiter/problem-package';
import type { PackageBlobs } from '@arbiter/queue';

export interface PackageCacheOptions {
  /** Folder of the cached zips (created). */
  dir: string;
  /** Bytes of zips kept on disk. */
  maxBytes: number;
  /**
   * Parsed packages kept in memory.
   * @defaultValue 4
   */
  memoryEntries?: number;
  blobs: Pick<PackageBlobs, 'get'>;
  logger: Logger;
}

/** Where a package came from on its last `get` (tests and logs). */
export type PackageOrigin = 'memory' | 'disk' | 'redis';

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class PackageCache {
  private readonly parsed = new Map<string, Promise<ProblemPackage>>();
  private readonly memoryEntries: number;
  /** The origin of each hash's last load. */
  readonly origins = new Map<string, PackageOrigin>();

  constructor(private readonly options: PackageCacheOptions) {
    this.memoryEntries = options.memoryEntries ?? 4;
  }

  /** The package a job names, parsed. Throws when it cannot be had (Redis lost it, or it does not match its hash). */
  async get(ref: PackageRef): Promise<ProblemPackage> {
    const hit = this.parsed.get(ref.sha256);
    if (hit !== undefined) {
      // Most recently used last.
      this.parsed.delete(ref.sha256);
      this.parsed.set(ref.sha256, hit);
      this.origins.set(ref.sha256, 'memory');
      return hit;
    }
    const loading = this.load(ref).then(loadPackageZip);
    this.parsed.set(ref.sha256, loading);
    loading.catch(() => this.parsed.delete(ref.sha256));
    while (this.parsed.size > this.memoryEntries) {
      const oldest = this.parsed.keys().next().value as string;
      this.parsed.delete(oldest);
    }
    return loading;
  }

  private path(sha256: string): string {
    return join(this.options.dir, `${sha256}.zip`);
  }

  private async load(ref: PackageRef): Promise<Buffer> {
    const file = this.path(ref.sha256);
    const onDisk = await readFile(file).catch(() => null);
    if (onDisk !== null) {
      if (sha256Hex(onDisk) === ref.sha256) {
        const now = new Date();
        await utimes(file, now, now).catch(() => undefined);
        this.origins.set(ref.sha256, 'disk');
        return onDisk;
      }
      this.options.logger.warn(
        { sha256: ref.sha256 },
        'cached package does not match its hash: fetched again',
      );
      await rm(file, { force: true });
    }
    const zip = await this.options.blobs.get(ref.sha256);
    if (zip === null) {
      throw new Error(`package ${ref.slug} v${ref.version} (${ref.sha256}) is not in Redis`);
    }
    if (sha256Hex(zip) !== ref.sha256) {
      throw new Error(`package ${ref.slug} v${ref.version} from Redis does not match its hash ${ref.sha256}`);
    }
    this.origins.set(ref.sha256, 'redis');
    await this.store(ref.sha256, zip).catch((err: unknown) =>
      this.options.logger.warn({ err, sha256: ref.sha256 }, 'could not cache the package on disk'),
    );
    return zip;
  }

  /** Writes a zip (whole, then renamed into place: other workers on the host share the folder), then trims. */
  private async store(sha256: string, zip: Buffer): Promise<void> {
    await mkdir(this.options.dir, { recursive: true });
    const temp = join(this.options.dir, `.${sha256}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, zip);
    await rename(temp, this.path(sha256));
    await this.trim(sha256);
  }

  /** Removes the least recently used zips until the folder fits its budget (never the one just stored). */
  private async trim(keep: string): Promise<void> {
    const names = (await readdir(this.options.dir)).filter((name) => /^[0-9a-f]{64}\.zip$/.test(name));
    const entries = await Promise.all(
      names.map(async (name) => {
        const info = await stat(join(this.options.dir, name)).catch(() => null);
        return info === null ? null : { name, size: info.size, used: info.mtimeMs };
      }),
    );
    const present = entries
      .filter((e): e is NonNullable<typeof e> => e !== null)
      .sort((a, b) => a.used - b.used);
    let total = present.reduce((sum, e) => sum + e.size, 0);
    for (const entry of present) {
      if (total <= this.options.maxBytes) break;
      if (entry.name === `${keep}.zip`) continue;
      await rm(join(this.options.dir, entry.name), { force: true });
      total -= entry.size;
    }
  }
}
