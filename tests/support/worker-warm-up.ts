/**
 * Before the integration suites: one worker started and stopped, so its language self-test fills the host's
 * self-test cache (CACHE_DIR/self-test.json) once. Without it the first workers of the suites, started two
 * files at a time, each compiled every language's sample at once (46 languages, JVMs among them) and the
 * machine was too busy for the suites' own limits. A worker that does not come up is reported, not fatal:
 * the suites that need one then fail with their own message. It also waits for the worker's precompiled C++
 * header (CACHE_DIR/pch) and the JVM compilers' class archives (CACHE_DIR/jvm-class-archives), which a worker
 * builds in the background after its start: the suites' short-lived workers would each start those builds and
 * be stopped before they end.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { signalGroup, spawnOwned } from './owned-processes.js';
import { TEST_WORKER_ENV } from './worker-env.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A hang guard: a cold self-test of the whole catalogue takes minutes on a loaded 2-core machine. */
const WARM_UP_LIMIT_MS = 30 * 60_000;
/** A hang guard for the header's and the class archives' builds (seconds each on a quiet machine). */
const HEADER_LIMIT_MS = 5 * 60_000;

export async function warmUpWorker(redisUrl: string): Promise<void> {
  const prefix = `warm-up-${randomUUID().slice(0, 8)}`;
  const started = Date.now();
  const child = spawnOwned(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'info', ...TEST_WORKER_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Whether the worker offers C++ (it then builds the header) and whether that build has ended.
  let cpp = false;
  let header = false;
  let archives = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    cpp ||= text.includes('"cpp ');
    header ||= text.includes('precompiled C++ header');
    archives ||= text.includes('compiler class archives done');
    output = (output + text).slice(-20_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), WARM_UP_LIMIT_MS);
    const poll = setInterval(() => {
      if (output.includes('worker ready')) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(true);
      }
    }, 200);
    void exited.then(() => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve(output.includes('worker ready'));
    });
  });
  if (ready) {
    const waitedFrom = Date.now();
    while (
      ((cpp && !header) || !archives) &&
      child.exitCode === null &&
      Date.now() - waitedFrom < HEADER_LIMIT_MS
    )
      await new Promise((resolve) => setTimeout(resolve, 200));
  }
  signalGroup(child, 'SIGTERM');
  const stopped = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (stopped === undefined) signalGroup(child, 'SIGKILL');
  const seconds = Math.round((Date.now() - started) / 1000);
  if (ready) console.log(`worker warm-up: the self-test cache is filled (${seconds} s)`);
  else console.warn(`worker warm-up: the worker did not come up in ${seconds} s:\n${output.slice(-4_000)}`);
  // What the worker left in Redis under its own prefix.
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
