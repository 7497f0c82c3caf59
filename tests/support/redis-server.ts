/**
 * A private redis-server for fault tests, never the machine's shared one: its own free port and
 * data folder, append-only file fsynced on every write, so it can be killed and started again
 * on the same port and folder with every acknowledged write still there.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { spawnOwned } from './owned-processes.js';

export interface PrivateRedis {
  port: number;
  url: string;
  /** The folder holding the append-only file. */
  dir: string;
  /** Kills the server (SIGKILL by default: a crash; the AOF keeps every acknowledged write). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and folder, resolving once it answers PING. */
  start(): Promise<void>;
  running(): boolean;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'arbiter-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let log = '';

  async function start(): Promise<void> {
    if (child !== null) throw new Error('redis-server is already running');
    const started = spawnOwned(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    started.on('error', (error) => (log += `\n${error.message}`));
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    child = started;
    const deadline = Date.now() + 10_000;
    while (!(await answers(url))) {
      if (Date.now() > deadline || started.exitCode !== null) {
        throw new Error(`redis-server on port ${port} did not start:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (child === null) return;
    child.kill(signal);
    await exited;
    child = null;
  }

  await start();
  return {
    port,
    url,
    dir,
    start,
    stop,
    running: () => child !== null,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
