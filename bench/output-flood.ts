/**
 * What a run making one-byte writes costs the worker: the worker process's own CPU time while the sandbox
 * runs a Python program alternating `os.write(1, b"a")` and `os.write(2, b"b")`, against the run's CPU time,
 * with the output fed to the job's log batcher on a real Redis stream (Redis's CPU read from INFO).
 * Needs root, bubblewrap and Redis.
 *
 *   npx tsx bench/output-flood.ts [writes per stream, default 200000] [runs, default 5]
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { JobEventLog, createKeys } from '../packages/queue/src/index.js';
import { createBwrapSandbox, defaultRunLimits } from '../packages/sandbox/src/index.js';
import { createLogBatcher } from '../apps/worker/src/log-batcher.js';

const WRITES = Number(process.argv[2] ?? 200_000);
const RUNS = Number(process.argv[3] ?? 5);

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (field('used_cpu_sys') + field('used_cpu_user')) * 1000;
}

async function main(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const events = new JobEventLog({ redis, keys: createKeys(prefix), maxLength: 10_000, ttlSeconds: 60 });
  const sandbox = await createBwrapSandbox({ slots: 1, cgroupRoot: 'arbiter-bench' });
  const code = `import os\nfor i in range(${WRITES}):\n    os.write(1, b"a")\n    os.write(2, b"b")\n`;
  const rows: string[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const jobId = randomUUID();
      const batcher = createLogBatcher(events, jobId);
      let calls = 0;
      const decoder = { stdout: new TextDecoder(), stderr: new TextDecoder() };
      const redisBefore = await redisCpuMs(redis);
      const before = process.cpuUsage();
      const r = await sandbox.run({
        argv: ['/usr/bin/python3', '-c', code],
        limits: defaultRunLimits({ cpuMs: 20_000, wallMs: 60_000, outputBytes: 4 * WRITES }),
        onOutput: (stream, chunk) => {
          calls += 1;
          batcher.push(stream, decoder[stream].decode(chunk, { stream: true }));
        },
      });
      await batcher.flush();
      const used = process.cpuUsage(before);
      const workerMs = (used.user + used.system) / 1000;
      const redisMs = (await redisCpuMs(redis)) - redisBefore;
      const sent = (await events.readAfter(jobId, 0)).length;
      rows.push(
        `| ${i + 1} | ${r.cpuMs} | ${workerMs.toFixed(0)} | ${(workerMs / r.cpuMs).toFixed(2)} | ${redisMs.toFixed(0)} | ${(redisMs / r.cpuMs).toFixed(2)} | ${calls} | ${sent} |`,
      );
    }
  } finally {
    await sandbox.close();
    const found = await redis.keys(`${prefix}:*`);
    if (found.length > 0) await redis.del(...found);
    redis.disconnect();
  }
  console.log(`${WRITES} one-byte writes per stream, alternating stdout and stderr`);
  console.log(
    '| run | run CPU ms | worker CPU ms | worker / run | Redis CPU ms | Redis / run | pipe reads | log events |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

await main();
