/**
 * Redis commands one job costs: watches the platform's own Redis with `MONITOR` while one client
 * sends short jobs one after another, and counts the commands the API and the workers send per job
 * (by command), apart from those run inside scripts. Deterministic where latencies are not, so it
 * shows what a change to the hot path saves even on a busy machine.
 *
 *   npx tsx bench/redis-commands.ts [--jobs 50] [--root /other/checkout]
 */
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Redis } from 'ioredis';
import { redisCommands } from '../packages/queue/src/redis-commands.js';
import { BenchClient, runClosedLoop } from './support/client.js';
import { startPlatform } from './support/platform.js';
import { markdownTable } from './support/report.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '50' },
    root: { type: 'string' },
  },
});
const JOBS = Number(values.jobs);
const body = () => ({ language: 'python', code: 'print(1)' });

/** Script SHA1 → name, for BullMQ's scripts and the platform's own (EVALSHA shows only the SHA). */
function scriptNames(): Map<string, string> {
  const names = new Map<string, string>();
  const sha = (lua: string) => createHash('sha1').update(lua).digest('hex');
  // BullMQ's script sources (its CommonJS build; the package exports no types for them).
  const bullmqScripts = createRequire(import.meta.url)('bullmq/dist/cjs/scripts/index.js') as object;
  for (const script of Object.values(bullmqScripts) as unknown[]) {
    const { name, content } = (script ?? {}) as { name?: unknown; content?: unknown };
    if (typeof name === 'string' && typeof content === 'string') names.set(sha(content), `bullmq ${name}`);
  }
  for (const command of Object.values(redisCommands)) names.set(command.sha, command.name);
  return names;
}

async function main(): Promise<void> {
  const names = scriptNames();
  const platform = await startPlatform({ workers: 1, concurrency: 2, root: values.root });
  const client = await BenchClient.connect(platform.url);
  const monitor = new Redis(platform.redisUrl);
  try {
    await runClosedLoop([client], 20, body);
    // Let the warm-up's background work (results written to the database) settle first.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const watch = await monitor.monitor();
    const sent = new Map<string, number>();
    let inScripts = 0;
    watch.on('monitor', (_time: string, args: string[], source: string) => {
      if (source.includes('lua')) inScripts += 1;
      else {
        const command = (args[0] ?? '?').toUpperCase();
        const name = command === 'EVALSHA' ? `EVALSHA ${names.get(args[1] ?? '') ?? args[1]}` : command;
        sent.set(name, (sent.get(name) ?? 0) + 1);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runClosedLoop([client], JOBS, body);
    await new Promise((resolve) => setTimeout(resolve, 300));
    watch.disconnect();
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    console.log(
      `\nPython print(1), ${JOBS} jobs one after another: ${(total / JOBS).toFixed(1)} commands sent per job, ` +
        `${(inScripts / JOBS).toFixed(1)} more run inside scripts\n`,
    );
    console.log(
      markdownTable({
        title: '',
        header: ['command', 'per job'],
        align: ['l', 'r'],
        rows: [...sent]
          .sort((a, b) => b[1] - a[1])
          .map(([command, count]) => [command, (count / JOBS).toFixed(2)]),
      }),
    );
  } finally {
    monitor.disconnect();
    client.close();
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
