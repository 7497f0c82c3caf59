/**
 * Hostile and malformed input against a real API: one table of requests (bodies, content types,
 * paths, query strings, headers), each answered with a clear 4xx in the `{error: {code, message}}`
 * shape and never a 5xx, with the queue left exactly as it was; then floods of Socket.IO
 * subscriptions; then NUL bytes and emoji in code and stdin, accepted and round-tripped byte-exact
 * through the sandbox, Redis and the database; and last, proof that the platform is still healthy.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import type { ApiServer } from '@arbiter/api';
import {
  MAX_BODY_BYTES,
  MAX_SOCKET_MESSAGE_BYTES,
  MAX_SUBSCRIPTIONS_PER_SOCKET,
  errorBodySchema,
  type ErrorCode,
  type JobResult,
  type SubscribeAck,
} from '@arbiter/contracts';
import { createKeys, createSubmissionQueue, type SubmissionQueue } from '@arbiter/queue';
import type { RunningWorker } from '@arbiter/worker';
import {
  REDIS_URL,
  base,
  cleanup,
  connect,
  listeningPort,
  rawRequest,
  spawnApp,
  signUp,
  startApi,
  startWorkerInProcess,
  submit,
  subscribe,
  testPrefix,
  waitFor,
  waitForResult,
  type ChildApp,
  type ClientSocket,
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';

const run = promisify(execFile);

const prefix = testPrefix();
let api: ApiServer;
let url: string;
let redis: Redis;
let queue: SubmissionQueue;
/** A signed-in user's session cookie. */
let cookie: string;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  // Limits off: the table sends far more than a minute's allowance from one address.
  api = await startApi(prefix, {
    SUBMIT_RATE_PER_MINUTE_IP: '0',
    SUBMIT_RATE_PER_MINUTE_USER: '0',
    AUTH_RATE_PER_MINUTE_IP: '0',
  });
  url = base(api);
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  queue = createSubmissionQueue({ connection: redis, prefix });
  cookie = await signUp(url, `hostile-${prefix.slice(-8)}`);
});

afterAll(async () => {
  await worker?.stop(1_000);
  await queue?.close();
  redis?.disconnect();
  await api?.close(1_000);
  await cleanup(prefix);
});

async function jobCount(): Promise<number> {
  const counts = await queue.getJobCounts();
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

const JSON_TYPE = { 'content-type': 'application/json' };
const valid = { language: 'python', code: 'print(1)' };
/** A cursor as `GET /submissions` hands them out (base64url JSON), with any content. */
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JSON string holding raw bytes that are not UTF-8. */
const notUtf8 = (bytes: number[]) =>
  Buffer.concat([
    Buffer.from('{"language":"python","code":"print(\''),
    Buffer.from(bytes),
    Buffer.from('\')"}'),
  ]);

interface Row {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as it is. */
  body?: unknown;
  /** Send the signed-in user's cookie. */
  signedIn?: boolean;
  status: number;
  /** null: Node itself refuses the request before the API sees it, with no JSON body. */
  code: ErrorCode | null;
  message?: RegExp;
}

const submitRow = (row: Omit<Row, 'method' | 'path'> & { path?: string }): Row => ({
  method: 'POST',
  path: '/submit',
  headers: JSON_TYPE,
  ...row,
});

/** Every field of `POST /submit` with values of the wrong type: 400 naming the field. */
const WRONG_TYPES: [field: string, value: unknown][] = [
  ['language', 42],
  ['language', null],
  ['language', ['python']],
  ['code', 42],
  ['code', ['print(1)']],
  ['code', { text: 'print(1)' }],
  ['stdin', ['a']],
  ['stdin', 5],
  ['stdin', null],
  ['expectedOutput', false],
  ['expectedOutput', { text: '1' }],
  ['problem', 7],
  ['problem', ['two-sum']],
  ['mode', true],
  ['mode', 'fast'],
  ['tests', 'x'],
  ['tests', [1]],
  ['tests', [null]],
  ['limits', 'fast'],
  ['limits', [1]],
  ['limits', null],
  ['limits.timeMs', -5],
  ['limits.timeMs', '100'],
  ['limits.timeMs', 1.5],
  ['limits.memoryMb', 0],
  ['limits.memoryMb', true],
];

function withField(field: string, value: unknown): Record<string, unknown> {
  const [head, nested] = field.split('.') as [string, string | undefined];
  return { ...valid, [head]: nested === undefined ? value : { [nested]: value } };
}

const rows: Row[] = [
  // --- bodies of POST /submit -------------------------------------------------------------
  submitRow({
    name: 'missing language',
    body: { code: 'print(1)' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /language/,
  }),
  submitRow({
    name: 'missing code',
    body: { language: 'python' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /code/,
  }),
  submitRow({
    name: 'empty code',
    body: { language: 'python', code: '' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /code/,
  }),
  submitRow({
    name: 'unknown language',
    body: { language: 'cobol', code: 'x' },
    status: 400,
    code: 'UNKNOWN_LANGUAGE',
    message: /cobol.*python, javascript, typescript, cpp, c, java/,
  }),
  submitRow({
    name: 'a language named like an Object property',
    body: { language: 'toString', code: 'x' },
    status: 400,
    code: 'UNKNOWN_LANGUAGE',
    message: /toString/,
  }),
  submitRow({
    name: 'a duplicated key: the last one counts',
    body: '{"language":"python","code":"x","language":"cobol"}',
    status: 400,
    code: 'UNKNOWN_LANGUAGE',
    message: /cobol/,
  }),
  ...WRONG_TYPES.map(([field, value]) =>
    submitRow({
      name: `${field} = ${JSON.stringify(value)}`,
      body: withField(field, value),
      status: 400,
      code: 'INVALID_REQUEST',
      message: new RegExp(`^${field.replace('.', '\\.')}`),
    }),
  ),
  submitRow({
    name: 'unknown field',
    body: { ...valid, hack: true },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /unknown field.*hack/,
  }),
  submitRow({
    name: 'unknown field inside limits',
    body: { ...valid, limits: { timeMs: 100, cpus: 64 } },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^limits: unknown field.*cpus/,
  }),
  submitRow({
    name: 'a __proto__ key',
    body: '{"__proto__":{"admin":true},"language":"python","code":"x"}',
    status: 400,
    code: 'INVALID_REQUEST',
    message: /unknown field.*__proto__/,
  }),
  submitRow({
    name: 'a constructor.prototype key',
    body: { ...valid, constructor: { prototype: { admin: true } } },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /unknown field.*constructor/,
  }),
  submitRow({
    name: 'array body',
    body: [1, 2],
    status: 400,
    code: 'INVALID_REQUEST',
    message: /body/,
  }),
  submitRow({
    name: 'a JSON null body (not an object or array)',
    body: 'null',
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid JSON/,
  }),
  submitRow({
    name: 'an empty JSON body',
    body: '',
    status: 400,
    code: 'INVALID_REQUEST',
    message: /language/,
  }),
  submitRow({
    name: 'not JSON',
    body: '{"language": "python", code:',
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid JSON/,
  }),
  submitRow({
    name: '100,000 nested arrays',
    body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^body: .*expected object/,
  }),
  submitRow({
    name: '1,000,000 nested arrays',
    body: `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`,
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^body: .*expected object/,
  }),
  submitRow({
    name: '100,000 nested objects',
    body: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    status: 400,
    code: 'INVALID_REQUEST',
    message: /language/,
  }),
  submitRow({
    name: 'infinite limits (1e999)',
    body: '{"language":"python","code":"x","limits":{"timeMs":1e999}}',
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^limits\.timeMs/,
  }),
  submitRow({
    name: 'code over 64 KiB',
    body: { language: 'python', code: 'x'.repeat(64 * 1024 + 1) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /code is 65537 bytes; the limit is 65536/,
  }),
  submitRow({
    name: 'code over 64 KiB in bytes but not in characters',
    body: { language: 'python', code: '😀'.repeat(16 * 1024 + 1) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /code is 65540 bytes/,
  }),
  submitRow({
    name: 'stdin over 8 MiB',
    body: { language: 'python', code: 'x', stdin: 'y'.repeat(8 * 1024 * 1024 + 1) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /stdin/,
  }),
  submitRow({
    name: 'body over the JSON limit',
    body: { language: 'python', code: 'x', stdin: 'y'.repeat(MAX_BODY_BYTES) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /larger than/,
  }),
  submitRow({
    name: 'a gzip bomb (small, inflating past the limit)',
    headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    body: gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1024 * 1024, '[')),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /larger than/,
  }),
  submitRow({
    name: 'gzip that is not gzip',
    headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    body: JSON.stringify(valid),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /decompressed.*gzip/,
  }),
  submitRow({
    name: 'br that is not br',
    headers: { ...JSON_TYPE, 'content-encoding': 'br' },
    body: 'not brotli at all',
    status: 400,
    code: 'INVALID_REQUEST',
    message: /decompressed.*br/,
  }),
  submitRow({
    name: 'an unsupported Content-Encoding',
    headers: { ...JSON_TYPE, 'content-encoding': 'compress' },
    body: JSON.stringify(valid),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /Content-Encoding/,
  }),
  submitRow({
    name: 'invalid UTF-8 (0xff 0xfe) in a string',
    body: notUtf8([0xff, 0xfe]),
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid UTF-8/,
  }),
  submitRow({
    name: 'an overlong UTF-8 encoding of "/"',
    body: notUtf8([0xc0, 0xaf]),
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid UTF-8/,
  }),
  submitRow({
    name: 'a truncated UTF-8 sequence',
    body: notUtf8([0xe2, 0x9c]),
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid UTF-8/,
  }),
  submitRow({
    name: 'a problem that does not exist',
    body: { ...valid, problem: 'no-such-problem' },
    status: 400,
    code: 'UNKNOWN_PROBLEM',
    message: /no-such-problem/,
  }),
  submitRow({
    name: 'a problem slug with path tricks',
    body: { ...valid, problem: '../../etc' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^problem/,
  }),
  submitRow({
    name: 'a problem named like an Object property',
    body: { ...valid, problem: 'constructor' },
    status: 400,
    code: 'UNKNOWN_PROBLEM',
    message: /constructor/,
  }),
  submitRow({
    name: 'custom tests without a problem',
    body: { ...valid, tests: ['1'] },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /give "problem"/,
  }),
  submitRow({
    name: 'more than 20 custom tests',
    body: { ...valid, problem: 'two-sum', tests: Array.from({ length: 21 }, () => '1') },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^tests/,
  }),
  submitRow({
    name: 'mode submit, signed out',
    body: { ...valid, problem: 'two-sum', mode: 'submit' },
    status: 401,
    code: 'UNAUTHENTICATED',
    message: /Sign in/,
  }),
  // --- content types ------------------------------------------------------------------------
  submitRow({
    name: 'form-urlencoded',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'language=python&code=x',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/json/,
  }),
  submitRow({
    name: 'text/plain holding JSON',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(valid),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/json/,
  }),
  submitRow({
    name: 'no Content-Type',
    headers: {},
    body: JSON.stringify(valid),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /got none/,
  }),
  submitRow({
    name: 'multipart',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\nx\r\n--x--',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/json/,
  }),
  submitRow({
    name: 'a +json type that is not application/json',
    headers: { 'content-type': 'application/merge-patch+json' },
    body: JSON.stringify(valid),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/json/,
  }),
  submitRow({
    name: 'JSON in latin1',
    headers: { 'content-type': 'application/json; charset=latin1' },
    body: JSON.stringify(valid),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /UTF-8/,
  }),
  submitRow({
    name: 'JSON in UTF-16',
    headers: { 'content-type': 'application/json; charset=utf-16' },
    body: Buffer.from(JSON.stringify(valid), 'utf16le'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /UTF-8/,
  }),
  // --- paths and ids ------------------------------------------------------------------------
  {
    name: 'an id with encoded ../ segments',
    path: '/status/..%2F..%2Fetc%2Fpasswd',
    status: 404,
    code: 'NOT_FOUND',
    message: /No job with id "\.\.\/\.\.\/etc\/passwd"/,
  },
  {
    name: 'raw ../ segments',
    path: '/status/../../etc/passwd',
    status: 404,
    code: 'NOT_FOUND',
    message: /There is no GET/,
  },
  {
    name: 'encoded dot segments',
    path: '/%2e%2e/%2e%2e/etc/passwd',
    status: 404,
    code: 'NOT_FOUND',
    message: /There is no GET/,
  },
  { name: 'a NUL id (%00)', path: '/status/%00', status: 404, code: 'NOT_FOUND', message: /No job with id/ },
  {
    name: 'a unicode id',
    path: `/status/${encodeURIComponent('✓😀')}`,
    status: 404,
    code: 'NOT_FOUND',
    message: /No job with id "✓😀"/,
  },
  {
    name: 'a 10,000-character id',
    path: `/status/${'a'.repeat(10_000)}`,
    status: 404,
    code: 'NOT_FOUND',
    message: /No job with id/,
  },
  // Past Node's 16 KiB header limit: refused before any route runs.
  { name: 'a 100,000-character id', path: `/status/${'a'.repeat(100_000)}`, status: 431, code: null },
  {
    name: 'an unknown UUID',
    path: `/status/${randomUUID()}`,
    status: 404,
    code: 'NOT_FOUND',
    message: /Ids come from POST \/submit/,
  },
  {
    name: 'malformed percent-encoding (%zz)',
    path: '/status/%zz',
    status: 400,
    code: 'INVALID_REQUEST',
    message: /path \/status\/%zz is not valid/,
  },
  {
    name: 'percent-encoded bytes that are not UTF-8 (%ff%fe)',
    path: '/status/%ff%fe',
    status: 400,
    code: 'INVALID_REQUEST',
    message: /not valid/,
  },
  {
    name: 'a lone % in a problem slug',
    path: '/problems/%',
    status: 400,
    code: 'INVALID_REQUEST',
    message: /not valid/,
  },
  {
    name: 'a problem named __proto__',
    path: '/problems/__proto__',
    status: 404,
    code: 'NOT_FOUND',
    message: /__proto__/,
  },
  {
    name: 'the distribution of a problem named constructor',
    path: '/problems/constructor/distribution?language=python',
    status: 404,
    code: 'NOT_FOUND',
    message: /constructor/,
  },
  {
    name: 'a distribution language given as an array',
    path: '/problems/two-sum/distribution?language=python&language=java',
    status: 400,
    code: 'UNKNOWN_LANGUAGE',
    message: /language must be one of/,
  },
  {
    name: 'a submission id with malformed encoding',
    path: '/submissions/%E0%A4%A',
    signedIn: true,
    status: 400,
    code: 'INVALID_REQUEST',
    message: /not valid/,
  },
  {
    name: 'a submission id with ../ segments',
    path: '/submissions/..%2F..%2Fetc',
    signedIn: true,
    status: 404,
    code: 'NOT_FOUND',
    message: /No submission/,
  },
  { name: 'an unknown route', path: '/nope', status: 404, code: 'NOT_FOUND', message: /no GET \/nope/ },
  {
    name: 'PUT /submit',
    method: 'PUT',
    path: '/submit',
    headers: JSON_TYPE,
    body: valid,
    status: 404,
    code: 'NOT_FOUND',
  },
  // --- query strings on GET /submissions ----------------------------------------------------
  ...(
    [
      ['a huge limit', 'limit=1000000', /^limit/],
      ['a negative limit', 'limit=-1', /^limit/],
      ['a limit that is not a number', 'limit=abc', /^limit/],
      ['an infinite limit', 'limit=Infinity', /^limit/],
      ['limit given twice (an array)', 'limit=1&limit=2', /^limit/],
      ['a verdict[] array', 'verdict[]=ACCEPTED', /unknown field.*verdict\[\]/],
      ['verdict given twice', 'verdict=ACCEPTED&verdict=WRONG_ANSWER', /^verdict/],
      ['a verdict named like an Object property', 'verdict=toString', /^verdict/],
      ['problem given twice', 'problem=a&problem=b', /^problem/],
      ['an unknown parameter', 'foo=bar', /unknown field.*foo/],
      ['a __proto__ parameter', '__proto__=x', /unknown field.*__proto__/],
      ['a malformed percent-encoding', 'limit=%zz', /^limit/],
      ['a garbage cursor', 'cursor=garbage', /^cursor: not one this API gave out/],
      ['a cursor over 200 characters', `cursor=${'a'.repeat(201)}`, /^cursor/],
      ['a NUL cursor', 'cursor=%00', /^cursor: not one this API gave out/],
      [
        'a cursor whose id holds NUL',
        `cursor=${cursorOf(['2020-01-01T00:00:00.000Z', '\u0000'])}`,
        /^cursor: not one this API gave out/,
      ],
      [
        'a cursor dated before year 1',
        `cursor=${cursorOf(['-271821-04-20T00:00:00.000Z', 'x'])}`,
        /^cursor: not one this API gave out/,
      ],
      [
        'a cursor dated after year 9999',
        `cursor=${cursorOf(['+275760-09-13T00:00:00.000Z', 'x'])}`,
        /^cursor: not one this API gave out/,
      ],
      [
        'a cursor that is JSON but not a position',
        `cursor=${cursorOf({ createdAt: 1 })}`,
        /^cursor: not one this API gave out/,
      ],
    ] satisfies [string, string, RegExp][]
  ).map(([name, query, message]): Row => ({
    name: `GET /submissions with ${name}`,
    path: `/submissions?${query}`,
    signedIn: true,
    status: 400,
    code: 'INVALID_REQUEST',
    message,
  })),
  {
    name: 'GET /submissions signed out',
    path: '/submissions?limit=5',
    status: 401,
    code: 'UNAUTHENTICATED',
    message: /Sign in/,
  },
  // --- headers ------------------------------------------------------------------------------
  {
    name: 'a 20 KiB cookie',
    path: '/health',
    headers: { cookie: `a=${'b'.repeat(20_000)}` },
    status: 431,
    code: null,
  },
  {
    name: 'an 8 KiB session cookie',
    path: '/auth/me',
    headers: { cookie: `arbiter_session=${'a'.repeat(8_000)}` },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a thousand cookies',
    path: '/auth/me',
    headers: { cookie: Array.from({ length: 1_000 }, (_, i) => `c${i}=${i}`).join('; ') },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a session cookie with malformed percent-encoding',
    path: '/auth/me',
    headers: { cookie: 'arbiter_session=%E0%A4%A' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a session cookie of an encoded NUL',
    path: '/auth/me',
    headers: { cookie: 'arbiter_session=%00' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  ...(
    [
      ['a foreign Origin', { origin: 'http://evil.example' }, /http:\/\/evil\.example/],
      ['Origin: null', { origin: 'null' }, /unknown origin/],
      ['a garbage Origin', { origin: '%%%' }, /unknown origin/],
      ['a look-alike Origin', { origin: 'http://localhost.evil.example:3000' }, /evil\.example/],
      ['a foreign Referer and no Origin', { referer: 'http://evil.example/page' }, /evil\.example/],
    ] satisfies [string, Record<string, string>, RegExp][]
  ).map(([name, headers, message]): Row =>
    submitRow({
      name: `POST /submit with ${name}`,
      headers: { ...JSON_TYPE, ...headers },
      body: valid,
      status: 403,
      code: 'FORBIDDEN_ORIGIN',
      message,
    }),
  ),
  {
    name: 'POST /auth/login with a foreign Origin',
    method: 'POST',
    path: '/auth/login',
    headers: { ...JSON_TYPE, origin: 'http://evil.example' },
    body: { username: 'someone', password: 'a long enough secret' },
    status: 403,
    code: 'FORBIDDEN_ORIGIN',
  },
  // --- accounts -----------------------------------------------------------------------------
  {
    name: 'sign-up with an unknown field',
    method: 'POST',
    path: '/auth/signup',
    headers: JSON_TYPE,
    body: { username: 'mallory', password: 'a long enough secret', role: 'admin' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /unknown field.*role/,
  },
  {
    name: 'sign-up with a NUL in the username',
    method: 'POST',
    path: '/auth/signup',
    headers: JSON_TYPE,
    body: { username: 'mal\u0000lory', password: 'a long enough secret' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^username/,
  },
  {
    name: 'sign-in with a NUL in the username',
    method: 'POST',
    path: '/auth/login',
    headers: JSON_TYPE,
    body: { username: 'mal\u0000lory', password: 'a long enough secret' },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /NUL/,
  },
  {
    name: 'sign-in with a 10,000-character password',
    method: 'POST',
    path: '/auth/login',
    headers: JSON_TYPE,
    body: { username: 'mallory', password: 'p'.repeat(10_000) },
    status: 400,
    code: 'INVALID_REQUEST',
    message: /^password: It is too long/,
  },
];

describe('hostile and malformed HTTP requests', () => {
  it.each(rows)('$name → $status $code', async (row) => {
    const counts = row.method === 'POST' && row.path === '/submit';
    const before = counts ? await jobCount() : 0;
    const body =
      row.body === undefined || typeof row.body === 'string' || Buffer.isBuffer(row.body)
        ? row.body
        : JSON.stringify(row.body);
    const answer = await rawRequest(url, {
      method: row.method ?? 'GET',
      path: row.path,
      headers: { ...row.headers, ...(row.signedIn ? { cookie } : {}) },
      body,
    });
    expect(answer.status, answer.text.slice(0, 500)).toBe(row.status);
    if (row.code === null) {
      expect(answer.body).toBeNull();
    } else {
      const { error } = errorBodySchema.parse(answer.body);
      expect(error.code).toBe(row.code);
      if (row.message) expect(error.message).toMatch(row.message);
    }
    if (counts) expect(await jobCount()).toBe(before);
  });

  it('still accepts good input afterwards, and only that adds a job', async () => {
    const before = await jobCount();
    const answer = await rawRequest(url, {
      method: 'POST',
      path: '/submit',
      headers: JSON_TYPE,
      body: JSON.stringify(valid),
    });
    expect(answer.status).toBe(202);
    expect(await jobCount()).toBe(before + 1);
  });

  it('allows the web origin through CORS, and no other', async () => {
    const response = await fetch(`${url}/languages`, { headers: { origin: 'http://localhost:3000' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const foreign = await fetch(`${url}/languages`, { headers: { origin: 'http://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** The same socket, for payloads its typed events would not let through. */
function untyped(socket: ClientSocket): Socket {
  return socket as unknown as Socket;
}

async function connected(socket: ClientSocket): Promise<void> {
  if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
}

/**
 * `GET /health` answers within `ms`, timed by curl in its own process: this process is busy
 * being the flooding clients, so its own clock would measure itself, not the server.
 */
async function healthWithin(baseUrl: string, ms: number): Promise<void> {
  const { stdout } = await run('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code} %{time_total}',
    `${baseUrl}/health`,
  ]);
  const [status, seconds] = stdout.split(' ');
  expect(status).toBe('200');
  expect(Number(seconds) * 1000).toBeLessThan(ms);
}

/** The values of settled promises; the first rejection is thrown. */
function fulfilled<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

/** Job event channels the API instances of this test hold a subscription to. */
async function relayedChannels(): Promise<number> {
  const channels = (await redis.pubsub('CHANNELS', `${prefix}:evch:*`)) as string[];
  return channels.length;
}

describe('Socket.IO subscription floods', () => {
  /** Queued jobs to watch (no worker runs yet, so they stay queued and their subscriptions stay). */
  const real: string[] = [];
  /** A second API instance in its own process, so the flood's clients and the server do not share a thread. */
  let target: ChildApp;
  let targetUrl: string;

  beforeAll(async () => {
    target = await spawnApp('api', { REDIS_PREFIX: prefix, PORT: '0' }, 'api listening');
    targetUrl = `http://127.0.0.1:${listeningPort(target)}`;
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_SOCKET + 10; i += 1) real.push(await submit(url, valid));
  });

  afterAll(async () => {
    target?.child.kill('SIGTERM');
    await target?.exited;
    // Nobody needs these runs: take them off the queue so the worker started later has none.
    await queue.drain();
  });

  it('one socket sending 5,000 subscribes (junk, unknown and real ids) gets an answer to each, within its limit', async () => {
    const { socket, events } = connect(targetUrl);
    try {
      await connected(socket);
      const junk: unknown[] = [
        'x',
        '../../etc/passwd',
        '%00',
        '\u0000',
        '😀',
        'a'.repeat(64),
        randomUUID().toUpperCase().replace(/-/g, ''),
      ];
      const invalid: unknown[] = [
        42,
        null,
        'a string',
        [],
        { jobId: 5 },
        { jobId: '' },
        { jobId: 'a'.repeat(65) },
        { jobId: randomUUID(), after: -1 },
        { jobId: randomUUID(), after: 1.5 },
        { jobId: randomUUID(), extra: true },
      ];
      const payloads: { payload: unknown; expect: string }[] = [
        ...real.map((jobId, i) => ({
          payload: { jobId },
          expect: i < MAX_SUBSCRIPTIONS_PER_SOCKET ? 'ok' : 'RATE_LIMITED',
        })),
      ];
      for (let i = payloads.length; i < 5_000; i += 1) {
        if (i % 3 === 0) payloads.push({ payload: { jobId: randomUUID() }, expect: 'RATE_LIMITED' });
        else if (i % 3 === 1)
          payloads.push({ payload: { jobId: junk[i % junk.length] }, expect: 'NOT_FOUND' });
        else payloads.push({ payload: invalid[i % invalid.length], expect: 'INVALID_REQUEST' });
      }
      // Settled at once: if a check below fails, closing the socket must not leave 5,000 rejections.
      const acks = Promise.allSettled(
        payloads.map(
          ({ payload }) =>
            untyped(socket).timeout(20_000).emitWithAck('subscribe', payload) as Promise<SubscribeAck>,
        ),
      );
      await healthWithin(targetUrl, scaledMs(5_000));
      const answers = fulfilled(await acks);
      const outcome = answers.map((answer) => (answer.ok ? 'ok' : answer.error.code));
      expect(outcome).toEqual(payloads.map((p) => p.expect));
      const limited = answers.find((answer) => !answer.ok && answer.error.code === 'RATE_LIMITED');
      expect(limited).toMatchObject({ error: { message: expect.stringMatching(/at most 50 jobs/) } });
      expect(socket.connected).toBe(true);
      expect(await relayedChannels()).toBe(MAX_SUBSCRIPTIONS_PER_SOCKET);
      // Each accepted subscription delivered its job's first event.
      await waitFor(
        () => new Set(events.map((e) => e.jobId)).size === MAX_SUBSCRIPTIONS_PER_SOCKET,
        5_000,
        () => `events of ${new Set(events.map((e) => e.jobId)).size} jobs`,
      );
      expect(events.every((e) => e.type === 'status' && e.payload.status === 'queued')).toBe(true);
    } finally {
      socket.close();
    }
    // Disconnecting let go of every subscription.
    await waitFor(
      async () => (await relayedChannels()) === 0,
      5_000,
      () => 'job channels still subscribed after the disconnect',
    );
  });

  it('100 sockets with 50 subscribes each (4,500 unknown ids) are all answered while the API stays responsive', async () => {
    const clients = Array.from({ length: 100 }, () => connect(targetUrl));
    try {
      await Promise.all(clients.map(({ socket }) => connected(socket)));
      const plans = clients.map((_, c) =>
        Array.from({ length: MAX_SUBSCRIPTIONS_PER_SOCKET }, (_, i) =>
          i < 5
            ? { jobId: real[(c * 5 + i) % real.length] ?? '', expect: 'ok' }
            : { jobId: randomUUID(), expect: 'NOT_FOUND' },
        ),
      );
      const acks = Promise.allSettled(
        clients.flatMap(({ socket }, c) =>
          (plans[c] ?? []).map(
            ({ jobId }) =>
              socket.timeout(20_000).emitWithAck('subscribe', { jobId }) as Promise<SubscribeAck>,
          ),
        ),
      );
      await healthWithin(targetUrl, scaledMs(5_000));
      const answers = fulfilled(await acks);
      // An unknown id costs a database look-up; when the pool cannot take them all in time
      // (a loaded machine), the server sheds them with SERVICE_UNAVAILABLE instead of queueing on.
      const expected = plans.flat().map((plan) => plan.expect);
      const shed = (code: string, i: number) =>
        code === 'SERVICE_UNAVAILABLE' && expected[i] === 'NOT_FOUND' ? 'NOT_FOUND' : code;
      const outcome = answers.map((answer) => (answer.ok ? 'ok' : answer.error.code));
      expect(outcome.map(shed)).toEqual(expected);
      expect(await relayedChannels()).toBe(real.length);
    } finally {
      for (const { socket } of clients) socket.close();
    }
    await waitFor(
      async () => (await relayedChannels()) === 0,
      5_000,
      () => 'job channels still subscribed after the disconnects',
    );
  });

  it('malformed socket traffic and an oversized message cost only the sender its connection', async () => {
    const { socket } = connect(url);
    const bystander = connect(url);
    try {
      await Promise.all([connected(socket), connected(bystander.socket)]);
      const raw = untyped(socket);
      raw.emit('subscribe', { jobId: real[0] }); // no acknowledgement callback
      raw.emit('unsubscribe', null);
      raw.emit('unsubscribe', { jobId: 42 });
      raw.emit('no-such-event', { anything: true });
      raw.emit('subscribe');
      // Still served after all that.
      await subscribe(socket, real[1] ?? '');
      const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      raw.emit('subscribe', { jobId: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES + 1024) }); // over maxHttpBufferSize
      expect(await closed).toMatch(/transport/);
      await subscribe(bystander.socket, real[2] ?? '');
      expect(bystander.socket.connected).toBe(true);
    } finally {
      socket.close();
      bystander.socket.close();
    }
  });
});

describe('unicode and NUL bytes', () => {
  beforeAll(async () => {
    worker = await startWorkerInProcess(prefix, { WORKER_CONCURRENCY: '1' });
  }, scaledMs(240_000));

  /** Polls the signed-in user's saved submission until its row is final. */
  async function savedSubmission(jobId: string): Promise<{ code: string; result: JobResult }> {
    let saved: { status?: string; code: string; result: JobResult } | null = null;
    await waitFor(
      async () => {
        const response = await fetch(`${url}/submissions/${jobId}`, { headers: { cookie } });
        saved = (await response.json()) as { status?: string; code: string; result: JobResult };
        return saved.status === 'completed' || saved.status === 'failed';
      },
      20_000,
      () => `submission ${jobId} was not saved: ${JSON.stringify(saved)}`,
    );
    if (saved === null) throw new Error('unreachable');
    return saved;
  }

  it('a program echoing stdin with NUL, emoji and U+FFFF returns it byte-exact, live, from Redis and from the database', async () => {
    const stdin = 'nul:\u0000 emoji:😀 check:✓ nonchar:\uFFFF twice:\u0000\u0000 end\n';
    const code = '# echoes 😀 and NUL back\nimport sys\nsys.stdout.buffer.write(sys.stdin.buffer.read())\n';
    const answer = await fetch(`${url}/submit`, {
      method: 'POST',
      headers: { ...JSON_TYPE, cookie },
      body: JSON.stringify({ language: 'python', code, stdin }),
    });
    expect(answer.status).toBe(202);
    const { jobId } = (await answer.json()) as { jobId: string };
    const { socket, events } = connect(url, cookie);
    try {
      await subscribe(socket, jobId);
      const result = await waitForResult(url, jobId, 20_000, cookie);
      expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED' });
      expect(result.stdout).toBe(stdin);
      await waitFor(
        () => events.some((e) => e.type === 'result'),
        5_000,
        () => JSON.stringify(events),
      );
      const live = events.filter((e) => e.type === 'log' && e.payload.stream === 'stdout');
      expect(live.map((e) => e.payload.chunk).join('')).toBe(stdin);
    } finally {
      socket.close();
    }
    const record = await redis.hget(createKeys(prefix).record(jobId), 'json');
    expect((JSON.parse(record ?? '{}') as Partial<JobResult>).stdout).toBe(stdin);
    const saved = await savedSubmission(jobId);
    expect(saved.code).toBe(code);
    expect(saved.result.stdout).toBe(stdin);
    // Once the row is final, GET /status answers from the database: still exact.
    expect((await waitForResult(url, jobId, 5_000, cookie)).stdout).toBe(stdin);
  });

  it('code holding a NUL byte is accepted, judged and stored exactly', async () => {
    const code = 'console.log("a\u0000b".length, "😀".length);\n';
    const answer = await fetch(`${url}/submit`, {
      method: 'POST',
      headers: { ...JSON_TYPE, cookie },
      body: JSON.stringify({ language: 'javascript', code }),
    });
    expect(answer.status).toBe(202);
    const { jobId } = (await answer.json()) as { jobId: string };
    const result = await waitForResult(url, jobId, 20_000, cookie);
    expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', stdout: '3 2\n' });
    const saved = await savedSubmission(jobId);
    expect(saved.code).toBe(code);
  });
});

describe('after all that', () => {
  it('the platform is healthy: /health and /ready answer 200 and a normal submission completes', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', redis: 'ok', database: 'ok' });
    const jobId = await submit(url, { language: 'python', code: 'print("still here")' });
    expect(await waitForResult(url, jobId, scaledMs(60_000))).toMatchObject({
      status: 'completed',
      verdict: 'ACCEPTED',
      stdout: 'still here\n',
    });
  });
});
