/** Malformed and hostile requests get a clear 4xx, and the queue stays exactly as it was. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import { createSubmissionQueue, type SubmissionQueue } from '@arbiter/queue';
import { Redis } from 'ioredis';
import { REDIS_URL, base, cleanup, post, startApi, testPrefix } from '../support/platform.js';

const prefix = testPrefix();
let api: ApiServer;
let url: string;
let redis: Redis;
let queue: SubmissionQueue;

beforeAll(async () => {
  api = await startApi(prefix);
  url = base(api);
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  queue = createSubmissionQueue({ connection: redis, prefix });
});

afterAll(async () => {
  await queue?.close();
  redis?.disconnect();
  await api?.close(1_000);
  await cleanup(prefix);
});

interface Case {
  name: string;
  body: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'missing language',
    body: { code: 'print(1)' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /language/,
  },
  {
    name: 'missing code',
    body: { language: 'python' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /code/,
  },
  {
    name: 'empty code',
    body: { language: 'python', code: '' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /code/,
  },
  {
    name: 'unknown language',
    body: { language: 'cobol', code: 'x' },
    status: 400,
    code: 'UNKNOWN_LANGUAGE',
    message: /cobol.*python, javascript, typescript, cpp, c, java/,
  },
  {
    name: 'code of the wrong type',
    body: { language: 'python', code: 42 },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /code/,
  },
  {
    name: 'stdin of the wrong type',
    body: { language: 'python', code: 'x', stdin: ['a'] },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /stdin/,
  },
  {
    name: 'limits of the wrong type',
    body: { language: 'python', code: 'x', limits: { timeMs: -5 } },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /limits\.timeMs/,
  },
  {
    name: 'unknown field',
    body: { language: 'python', code: 'x', hack: true },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /unknown field.*hack/,
  },
  {
    name: 'unknown mode',
    body: { language: 'python', code: 'x', mode: 'fast' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /mode/,
  },
  { name: 'array body', body: [1, 2], status: 400, code: 'INVALID_REQUEST', message: /body/ },
  {
    name: 'not JSON',
    body: '{"language": "python", code:',
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid JSON/,
  },
  {
    name: 'wrong content type',
    body: 'language=python&code=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/json/,
  },
  {
    name: 'code over 64 KiB',
    body: { language: 'python', code: 'x'.repeat(64 * 1024 + 1) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /code is 65537 bytes; the limit is 65536/,
  },
  {
    name: 'stdin over 8 MiB',
    body: { language: 'python', code: 'x', stdin: 'y'.repeat(8 * 1024 * 1024 + 1) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /stdin/,
  },
  {
    name: 'body over the limit',
    body: { language: 'python', code: 'x', stdin: 'y'.repeat(20 * 1024 * 1024) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /larger than/,
  },
  {
    name: 'a problem that does not exist',
    body: { language: 'python', code: 'x', problem: 'no-such-problem' },
    status: 400,
    code: 'UNKNOWN_PROBLEM',
    message: /no-such-problem/,
  },
  {
    name: 'a problem slug with path tricks',
    body: { language: 'python', code: 'x', problem: '../../etc' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /problem/,
  },
];

async function jobCount(): Promise<number> {
  const counts = await queue.getJobCounts();
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

describe('POST /submit with bad input', () => {
  it.each(cases)('$name → $status $code', async ({ body, headers, status, code, message }) => {
    const before = await jobCount();
    const answer = await post(url, '/submit', body, headers);
    expect(answer.status).toBe(status);
    const error = (answer.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await jobCount()).toBe(before);
  });

  it('answers unknown routes with 404 in the same shape', async () => {
    const response = await fetch(`${url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('still accepts good input afterwards, and only that adds a job', async () => {
    const before = await jobCount();
    const answer = await post(url, '/submit', { language: 'python', code: 'print(1)' });
    expect(answer.status).toBe(202);
    expect(await jobCount()).toBe(before + 1);
  });

  it('allows the web origin through CORS', async () => {
    const response = await fetch(`${url}/languages`, { headers: { origin: 'http://localhost:3000' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const foreign = await fetch(`${url}/languages`, { headers: { origin: 'http://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
