/**
 * Redis commands one job costs: watches the platform's own Redis with `MONITOR` while one client
 * sends short jobs one after another, and counts the commands the API and the workers send per job
 * (by command), apart from those run inside scripts. Deterministic where latencies are not, so it
 * shows what a change to the hot path saves even on a busy machine.
 *
 *   npx tsx bench/redis-commands.ts [--jobs 50] [--root /other/checkout]
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
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

async function main(): Promise<void> {
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
      else sent.set(args[0] ?? '?', (sent.get(args[0] ?? '?') ?? 0) + 1);
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
          .map(([command, count]) => [command.toUpperCase(), (count / JOBS).toFixed(2)]),
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
