/**
 * Before any test: make sure a Redis answers. Uses REDIS_URL, else 127.0.0.1:6379, else
 * starts a private redis-server on a free port for the run (as `npm start` does). Then one worker fills the
 * self-test cache (worker-warm-up.ts; TEST_WORKER_WARM_UP=0 skips it).
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { spawnOwned } from './owned-processes.js';
import { warmUpWorker } from './worker-warm-up.js';

let privateRedis: ChildProcess | null = null;

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function setup(): Promise<void> {
  await findRedis();
  if (process.env.TEST_WORKER_WARM_UP !== '0') await warmUpWorker(process.env.REDIS_URL ?? '');
}

async function findRedis(): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await answers(url)) {
    process.env.REDIS_URL = url;
    return;
  }
  const port = await freePort();
  privateRedis = spawnOwned(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  privateRedis.on('error', () => undefined);
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    if (await answers(privateUrl)) {
      process.env.REDIS_URL = privateUrl;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `No Redis at ${url}, and redis-server could not be started: apt-get install -y redis-server`,
  );
}

export async function teardown(): Promise<void> {
  privateRedis?.kill('SIGTERM');
}
