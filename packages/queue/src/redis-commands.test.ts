/** Every script in commands/ is registered once, under a name that states its number of keys. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RedisCommand } from './redis-command.js';
import { redisCommands } from './redis-commands.js';

describe('redis commands', () => {
  it('registers every script of commands/ exactly once', () => {
    const files = readdirSync(new URL('./commands/', import.meta.url))
      .filter((name) => name.endsWith('.lua'))
      .map((name) => name.slice(0, -'.lua'.length))
      .sort();
    const registered = Object.values(redisCommands)
      .map((command) => `${command.name}-${command.numberOfKeys}`)
      .sort();
    expect(registered).toEqual(files);
  });

  it('states each script by its SHA1 and refuses a file name without its number of keys', () => {
    expect(redisCommands.releaseLock.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(redisCommands.releaseLock.numberOfKeys).toBe(1);
    expect(() => new RedisCommand('release-lock')).toThrow(/expected <name>-<keys>/);
  });

  it('refuses a call with the wrong number of keys before reaching Redis', async () => {
    const unreachable = {} as never;
    await expect(redisCommands.releaseLock.run(unreachable, ['a', 'b'], ['t'])).rejects.toThrow(
      /takes 1 keys, got 2/,
    );
  });
});
