/**
 * Redis reads the API makes per job on a real Redis: a Socket.IO `subscribe` reads the job's record once
 * (the access check's read is handed to the relay) and, for a job still going, not the stream's meta; a
 * finished free run is saved without looking for a similarity report (only a submit without a problem can
 * be one).
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { createLogger } from '@arbiter/observability';
import { JobEventLog, JobStore, createKeys, newJobRecord } from '@arbiter/queue';
import type { ApiResources } from '../../apps/api/src/resources.js';
import { JobRelay } from '../../apps/api/src/socket/job-relay.js';
import { createSocketServer } from '../../apps/api/src/socket/socket-server.js';
import { storeSimilarityResult } from '../../apps/api/src/similarity/similarity-reports.js';
import { findJob } from '../../apps/api/src/submissions/job-access.js';
import { REDIS_URL, cleanup, testPrefix } from '../support/platform.js';
import { freeRunJob } from '../support/job-data.js';

const prefix = testPrefix();
const keys = createKeys(prefix);
let redis: Redis;
let subscriber: Redis;
let relay: JobRelay;
let httpServer: HttpServer;
/** The commands the API's commands connection sent, as name and first argument (a counter on the real connection). */
const sent: string[] = [];

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  subscriber = new Redis(REDIS_URL);
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
    sent.push(`${command.name} ${String(command.args[0])}`);
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof redis.sendCommand;
});

afterAll(async () => {
  await relay?.close();
  httpServer?.close();
  redis.disconnect();
  subscriber.disconnect();
  await cleanup(prefix);
});

describe("the API's Redis reads per job", () => {
  it('a subscribe reads the job record once, for the access check and the relay both, and no stream meta', async () => {
    const logger = createLogger({ service: 'test', level: 'silent' });
    const store = new JobStore({ redis, keys });
    const events = new JobEventLog({ redis, keys });
    relay = new JobRelay({ events, store, subscriber, redis, prefix, logger });
    httpServer = createServer();
    const resources = {
      store,
      db: { submissions: { getSubmission: () => Promise.resolve(null) } },
    } as unknown as Pick<ApiResources, 'store' | 'db'>;
    createSocketServer(httpServer, {
      origins: [],
      relay,
      logger,
      userOf: () => Promise.resolve(null),
      findJob: (jobId) => findJob(resources, jobId),
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;

    const data = freeRunJob();
    await store.create(newJobRecord(data));
    await events.append(data.jobId, { type: 'status', data: { status: 'queued', position: 1 } });

    const socket = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
    try {
      const queued = new Promise<{ status: string; jobId: string }>((resolve) =>
        socket.on('status', (event) => resolve(event)),
      );
      sent.length = 0;
      const ack = await socket.emitWithAck('subscribe', { jobId: data.jobId });
      expect(ack).toEqual({ ok: true });
      expect(await queued).toMatchObject({ status: 'queued', jobId: data.jobId });
      expect(sent.filter((command) => command === `hget ${keys.record(data.jobId)}`)).toHaveLength(1);
      // The record says the job is still going: the stream is followed without reading its meta first.
      expect(sent.filter((command) => command === `hget ${keys.eventMeta(data.jobId)}`)).toHaveLength(0);
    } finally {
      socket.close();
    }
  });

  it('a finished free run costs no look-up of a similarity report', async () => {
    const record = { ...newJobRecord(freeRunJob()), status: 'completed' as const };
    sent.length = 0;
    expect(await storeSimilarityResult({ redis, prefix }, record)).toBeNull();
    expect(sent).toEqual([]);
  });
});
