/**
 * A Lua script of `commands/`, named `<name>-<number of keys>.lua` as BullMQ names its own, run by its
 * SHA1 (EVALSHA): the source travels to a Redis server once, when the server answers NOSCRIPT.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Cluster, Redis } from 'ioredis';

export class RedisCommand {
  readonly name: string;
  readonly numberOfKeys: number;
  readonly lua: string;
  readonly sha: string;

  /** `file`: the script's file name in `commands/` without `.lua`, ending in its number of keys. */
  constructor(file: string) {
    const match = /^([a-z-]+)-(\d+)$/.exec(file);
    if (!match?.[1] || !match[2]) throw new Error(`redis command file name ${file}: expected <name>-<keys>`);
    this.name = match[1];
    this.numberOfKeys = Number(match[2]);
    this.lua = readFileSync(new URL(`./commands/${file}.lua`, import.meta.url), 'utf8');
    this.sha = createHash('sha1').update(this.lua).digest('hex');
  }

  /** Runs the script on `redis` with `keys` (exactly its number of keys) and `args`; returns its reply. */
  async run(
    redis: Redis | Cluster,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    if (keys.length !== this.numberOfKeys) {
      throw new Error(`redis command ${this.name} takes ${this.numberOfKeys} keys, got ${keys.length}`);
    }
    try {
      return await redis.evalsha(this.sha, this.numberOfKeys, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.lua, this.numberOfKeys, ...keys, ...args);
    }
  }
}
