/** `callbackUrl` of POST /submit: the finished job POSTed to a local receiver, and the guard's refusals. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { JobResult } from '@arbiter/contracts';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  post,
  startApi,
  startWorkerInProcess,
  submit,
  testPrefix,
  waitFor,
} from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let worker: RunningWorker;
let url: string;
let receiver: Server;
let receiverPort: number;
const received: { method: string; url: string; body: string; contentType: string | undefined }[] = [];

beforeAll(async () => {
  receiver = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body,
        contentType: req.headers['content-type'],
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
  // Loopback is refused unless an admin lists the host: the test lists its receiver only.
  api = await startApi(prefix, { CALLBACK_ALLOWED_HOSTS: `127.0.0.1:${receiverPort}` });
  worker = await startWorkerInProcess(prefix);
  url = base(api);
}, 180_000);

afterAll(async () => {
  await worker?.stop(1_000);
  await api?.close(1_000);
  await new Promise((resolve) => receiver?.close(resolve));
  await cleanup(prefix);
});

type Refusal = { error: { code: string; message: string } };

describe('POST /submit with callbackUrl', () => {
  it('POSTs the finished job, as GET /status answers it, to the callback once', async () => {
    const jobId = await submit(url, {
      language: 'python',
      code: 'print(input()[::-1])',
      stdin: 'abc\n',
      callbackUrl: `http://127.0.0.1:${receiverPort}/done?job=1`,
    });
    await waitFor(
      () => received.some((entry) => entry.body.includes(jobId)),
      60_000,
      () => `no callback for ${jobId}: ${JSON.stringify(received)}`,
    );
    const delivered = received.filter((entry) => entry.body.includes(jobId));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      method: 'POST',
      url: '/done?job=1',
      contentType: 'application/json',
    });
    const body = JSON.parse(delivered[0]?.body ?? '{}') as JobResult;
    expect(body).toMatchObject({ jobId, status: 'completed', verdict: 'ACCEPTED', stdout: 'cba\n' });
  });

  it('refuses loopback, private, link-local and non-http targets that are not listed, with 400', async () => {
    for (const target of [
      `http://127.0.0.1:${receiverPort + 1}/`,
      'http://localhost/',
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'ftp://example.com/',
      'http://user:pw@example.com/',
      'not a url',
    ]) {
      const answer = await post(url, '/submit', {
        language: 'python',
        code: 'print(1)',
        callbackUrl: target,
      });
      expect(answer.status, target).toBe(400);
      expect((answer.body as Refusal).error.message, target).toMatch(/^callbackUrl /);
    }
  });
});
