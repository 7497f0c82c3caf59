/**
 * The Judge0 CE 1.13.1 API under /judge0, checked against Judge0's documentation through the real
 * platform (API, queue, worker, sandbox): every route, request field checks and their 422
 * messages, `wait`, `fields`, Base64 round trips, batches, the status of each verdict, auth
 * tokens, a full queue, deletion, and result callbacks delivered to a local receiver (and refused
 * for private addresses).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  base,
  cleanup,
  startApi,
  startWorkerInProcess,
  testPrefix,
  waitForResult,
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';

const prefix = testPrefix();
let api: ApiServer;
let guarded: ApiServer;
let worker: RunningWorker;
let url: string;
let guardedUrl: string;
let receiver: Server;
let receiverPort: number;
const received: { method: string; url: string; body: string; contentType: string | undefined }[] = [];
let onReceived: () => void = () => undefined;

const NO_LIMITS = { SUBMIT_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' };

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
      onReceived();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
  api = await startApi(prefix, { ...NO_LIMITS, CALLBACK_ALLOWED_HOSTS: `127.0.0.1:${receiverPort}` });
  // A second instance of the same deployment with Judge0's tokens, deletion on and no room in the queue.
  guarded = await startApi(prefix, {
    ...NO_LIMITS,
    JUDGE0_AUTHN_TOKEN: 'first-token second-token',
    JUDGE0_AUTHZ_TOKEN: 'admin-token',
    JUDGE0_ENABLE_SUBMISSION_DELETE: 'true',
    JUDGE0_MAX_QUEUE_SIZE: '0',
  });
  worker = await startWorkerInProcess(prefix);
  url = `${base(api)}/judge0`;
  guardedUrl = `${base(guarded)}/judge0`;
  // Two APIs and a worker: the budget of usePlatform's one of each, which a loaded machine needs.
}, scaledMs(180_000));

afterAll(async () => {
  await worker?.stop(1_000);
  await api?.close(1_000);
  await guarded?.close(1_000);
  await new Promise((resolve) => receiver?.close(resolve));
  await cleanup(prefix);
});

interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  root = url,
): Promise<Answer<T>> {
  const response = await fetch(`${root}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: response.status, body: parsed as T, text };
}

interface Submission {
  token: string;
  stdout: string | null;
  stderr: string | null;
  compile_output: string | null;
  message: string | null;
  time: string | null;
  wall_time?: string | null;
  memory: number | null;
  exit_code?: number | null;
  exit_signal?: number | null;
  status: { id: number; description: string };
}

/** Runs one submission with `wait=true` and answers the finished submission. */
async function run(submission: Record<string, unknown>, query = ''): Promise<Submission> {
  const answer = await call<Submission>('POST', `/submissions?wait=true${query}`, submission);
  expect(answer.status, answer.text).toBe(201);
  return answer.body;
}

/** Judge0 CE 1.13.1's id of each language it shares with the platform (its language seeds). */
const JUDGE0_IDS: Record<string, number> = {
  python: 71,
  javascript: 63,
  typescript: 74,
  cpp: 54,
  c: 50,
  java: 62,
  'cpp-clang': 76,
  bash: 46,
  csharp: 51,
  d: 56,
  erlang: 58,
  fortran: 59,
  go: 60,
  haskell: 61,
  kotlin: 78,
  lua: 64,
  nasm: 45,
  ocaml: 65,
  pascal: 67,
  perl: 85,
  php: 68,
  r: 80,
  ruby: 72,
  rust: 73,
  scala: 81,
  commonlisp: 55,
  elixir: 57,
  prolog: 69,
  clojure: 86,
  groovy: 88,
  sql: 82,
};

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const unb64 = (text: string | null) => Buffer.from(text ?? '', 'base64').toString('utf8');

describe('Judge0 information routes', () => {
  it('lists languages, statuses, configuration, version, workers and statistics', async () => {
    const languages = await call<{ id: number; name: string }[]>('GET', '/languages');
    expect(languages.status).toBe(200);
    const ids = languages.body.map((language) => language.id).sort((a, b) => a - b);
    // One Judge0 id (its 1.13.1 seeds') per language the live workers run and Judge0 has, and 89.
    const ours = ((await (await fetch(`${base(api)}/languages`)).json()) as { id: string }[]).map(
      (language) => language.id,
    );
    const expected = ours.flatMap((id) => (JUDGE0_IDS[id] === undefined ? [] : [JUDGE0_IDS[id]]));
    expect(ids).toEqual([...expected, 89].sort((a, b) => a - b));
    expect(ids).toEqual(expect.arrayContaining([50, 54, 62, 63, 71, 74, 89]));
    expect(languages.body.find((language) => language.id === 71)?.name).toMatch(/^Python \(3\.\d+\.\d+\)$/);
    expect(Object.keys(languages.body[0] ?? {}).sort()).toEqual(['id', 'name']);

    const all = await call<{ id: number; is_archived: boolean }[]>('GET', '/languages/all');
    expect(all.body.map((language) => language.id)).toEqual(expect.arrayContaining([48, 49, 52, 53, 75, 76]));
    expect(all.body.every((language) => language.is_archived === false)).toBe(true);

    const python = await call('GET', '/languages/71');
    expect(python.status).toBe(200);
    expect(python.body).toMatchObject({
      id: 71,
      is_archived: false,
      source_file: 'main.py',
      compile_cmd: null,
    });
    expect((await call('GET', '/languages/52')).body).toMatchObject({
      id: 52,
      name: expect.stringMatching(/^C\+\+ \(GCC /),
    });
    expect((await call('GET', '/languages/150000')).status).toBe(404);

    const statuses = await call<{ id: number; description: string }[]>('GET', '/statuses');
    expect(statuses.body).toHaveLength(14);
    expect(statuses.body[0]).toEqual({ id: 1, description: 'In Queue' });
    expect(statuses.body[13]).toEqual({ id: 14, description: 'Exec Format Error' });

    const version = await call('GET', '/version');
    expect(version.text).toBe('1.13.1');
    expect((await call('GET', '/about')).body).toMatchObject({ version: '1.13.1' });

    const config = await call<Record<string, unknown>>('GET', '/config_info');
    expect(config.body).toMatchObject({
      enable_wait_result: true,
      enable_network: false,
      allow_enable_network: false,
      max_submission_batch_size: 20,
      callbacks_max_tries: 3,
      callbacks_timeout: 5,
    });
    expect(typeof config.body.max_cpu_time_limit).toBe('number');

    const system = await call<Record<string, string>>('GET', '/system_info');
    expect(Number(system.body['CPU(s)'])).toBeGreaterThan(0);

    const workers = await call<{ queue: string; available: number }[]>('GET', '/workers');
    expect(workers.body[0]?.available).toBeGreaterThan(0);

    await run({ source_code: 'print(1)', language_id: 71 });
    const statistics = await call<{
      submissions: { total: number; today: number };
      languages: { language: { id: number }; count: number }[];
      database: { size_pretty: string; size_in_bytes: number };
    }>('GET', '/statistics');
    // PostgreSQL's own figures, as Judge0 reports them.
    expect(statistics.body.database.size_in_bytes).toBeGreaterThan(0);
    expect(statistics.body.database.size_pretty).toMatch(/^\d+ (bytes|kB|MB|GB)$/);
    expect(statistics.body.submissions.total).toBeGreaterThanOrEqual(1);
    expect(statistics.body.submissions.today).toBeGreaterThanOrEqual(1);
    expect(statistics.body.languages.some((entry) => entry.language.id === 71)).toBe(true);
  });
});

describe('Judge0 submissions', () => {
  it("runs the languages it shares by Judge0's ids: Ruby 72, Bash 46, PHP 68", async () => {
    for (const [languageId, sourceCode] of [
      [72, 'puts gets.strip * 2'],
      [46, 'read line; echo "$line$line"'],
      [68, '<?php echo trim(fgets(STDIN)) . trim("ab"), "\\n";'],
    ] as const) {
      const done = await run({ source_code: sourceCode, language_id: languageId, stdin: 'ab\n' });
      expect(done, String(languageId)).toMatchObject({ stdout: 'abab\n', status: { id: 3 } });
    }
  });

  it('creates a submission (201 {token}) and answers it by token with the default fields', async () => {
    const created = await call<{ token: string }>('POST', '/submissions', {
      source_code: 'name = input()\nprint(f"hello, {name}")',
      language_id: 71,
      stdin: 'Judge0',
      expected_output: 'hello, Judge0',
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(['token']);
    const waited = await call<Submission>('POST', `/submissions?wait=true`, {
      source_code: 'print("warm")',
      language_id: '71',
    });
    expect(waited.body.status.id).toBe(3);

    // A Judge0 token is the platform's job id.
    await waitForResult(base(api), created.body.token);
    const shown = await call<Submission>('GET', `/submissions/${created.body.token}`);
    expect(Object.keys(shown.body).sort()).toEqual(
      ['compile_output', 'memory', 'message', 'status', 'stderr', 'stdout', 'time', 'token'].sort(),
    );
    expect(shown.body).toMatchObject({
      token: created.body.token,
      stdout: 'hello, Judge0\n',
      stderr: null,
      compile_output: null,
      message: null,
      status: { id: 3, description: 'Accepted' },
    });
    expect(shown.body.time).toMatch(/^\d+\.\d+$/);
    expect(Number.isInteger(shown.body.memory)).toBe(true);
    expect((await call('GET', '/submissions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('answers the fields asked for, every field with *, and refuses unknown ones', async () => {
    const some = await call<Record<string, unknown>>(
      'POST',
      '/submissions?wait=true&fields=stdout,status_id,language,time,wall_time',
      {
        source_code: 'print(2)',
        language_id: 71,
      },
    );
    expect(some.status).toBe(201);
    expect(Object.keys(some.body).sort()).toEqual(['language', 'status_id', 'stdout', 'time', 'wall_time']);
    expect(some.body).toMatchObject({ stdout: '2\n', status_id: 3, language: { id: 71 } });
    expect(typeof some.body.wall_time).toBe('string');

    const token = (
      await call<{ token: string }>('POST', '/submissions', { source_code: 'print(3)', language_id: 71 })
    ).body.token;
    const everything = await call<Record<string, unknown>>('GET', `/submissions/${token}?fields=*`);
    for (const field of [
      'source_code',
      'language_id',
      'stdin',
      'expected_output',
      'stdout',
      'status_id',
      'created_at',
      'finished_at',
      'time',
      'memory',
      'stderr',
      'token',
      'number_of_runs',
      'cpu_time_limit',
      'cpu_extra_time',
      'wall_time_limit',
      'memory_limit',
      'stack_limit',
      'max_processes_and_or_threads',
      'enable_per_process_and_thread_time_limit',
      'enable_per_process_and_thread_memory_limit',
      'max_file_size',
      'compile_output',
      'exit_code',
      'exit_signal',
      'message',
      'wall_time',
      'compiler_options',
      'command_line_arguments',
      'redirect_stderr_to_stdout',
      'callback_url',
      'additional_files',
      'enable_network',
      'status',
      'language',
    ])
      expect(everything.body, field).toHaveProperty(field);
    expect(everything.body).toMatchObject({
      source_code: 'print(3)',
      language_id: 71,
      cpu_time_limit: '5.0',
      number_of_runs: 1,
    });
    expect(everything.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const unknown = await call('GET', `/submissions/${token}?fields=stdout,nope,bad`);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: 'invalid fields: [nope, bad]' });
  });

  it('decodes Base64 input and answers Base64 output as Ruby encodes it (base64_encoded=true)', async () => {
    const code = 'import sys\ndata = sys.stdin.read()\nprint(data.upper() * 20)';
    const answer = await run(
      {
        source_code: b64(code),
        stdin: b64('héllo, wörld '),
        expected_output: b64(`${'HÉLLO, WÖRLD '.repeat(20)}\n`),
        language_id: 71,
      },
      '&base64_encoded=true',
    );
    expect(answer.status.id).toBe(3);
    // Ruby's encode64: lines of 60 characters, each ending with a newline.
    expect(answer.stdout).toMatch(/^([A-Za-z0-9+/]{60}\n)+[A-Za-z0-9+/=]{1,60}\n$/);
    expect(unb64(answer.stdout)).toBe(`${'HÉLLO, WÖRLD '.repeat(20)}\n`);
    const plain = await call<Submission & { source_code: string }>(
      'GET',
      `/submissions/${answer.token}?fields=source_code,stdout`,
    );
    expect(plain.body.source_code).toBe(code);
  });

  it("refuses text that is not UTF-8 without Base64 with Judge0's conversion error", async () => {
    const created = await call<{ token: string; error: string }>('POST', '/submissions?wait=true', {
      source_code: 'import sys\nsys.stdout.buffer.write(b"\\xfe\\n")',
      language_id: 71,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      token: expect.any(String),
      error:
        'some attributes for this submission cannot be converted to UTF-8, use base64_encoded=true query parameter',
    });
    const shown = await call('GET', `/submissions/${created.body.token}`);
    expect(shown.status).toBe(400);
    const encoded = await call<Submission>('GET', `/submissions/${created.body.token}?base64_encoded=true`);
    expect(encoded.status).toBe(200);
    expect(encoded.body.stdout).not.toBeNull();
  });

  it("answers 422 with Judge0's messages per field", async () => {
    const blank = await call('POST', '/submissions', { source_code: 'print(1)' });
    expect(blank.status).toBe(422);
    expect(blank.body).toEqual({ language_id: ["can't be blank", "language with id  doesn't exist"] });

    const unknown = await call('POST', '/submissions', { source_code: 'x', language_id: 150000 });
    expect(unknown.body).toEqual({ language_id: ["language with id 150000 doesn't exist"] });

    const limits = await call('POST', '/submissions', {
      source_code: '',
      language_id: 71,
      wall_time_limit: 100000,
      cpu_time_limit: 'soon',
      memory_limit: 100,
      number_of_runs: 0,
    });
    expect(limits.status).toBe(422);
    expect(limits.body).toEqual({
      source_code: ["can't be blank"],
      wall_time_limit: ['must be less than or equal to 20.0'],
      cpu_time_limit: ['is not a number'],
      memory_limit: ['must be greater than or equal to 2048'],
      number_of_runs: ['must be greater than 0'],
    });

    const refused = await call('POST', '/submissions', {
      source_code: 'print(1)',
      language_id: 71,
      enable_network: true,
      compiler_options: '-O3',
      enable_per_process_and_thread_time_limit: true,
    });
    expect(refused.body).toEqual({
      enable_network: ['enabling network is not allowed'],
      compiler_options: ['setting compiler options is only allowed for compiled languages'],
      enable_per_process_and_thread_time_limit: ['this option cannot be enabled'],
    });
    // `enable_network: false` is what Judge0 accepts.
    expect(
      (
        await call('POST', '/submissions', {
          source_code: 'print(1)',
          language_id: 71,
          enable_network: false,
        })
      ).status,
    ).toBe(201);
  });

  it('maps each verdict to its Judge0 status, with exit_code, exit_signal and message', async () => {
    const cases: {
      name: string;
      submission: Record<string, unknown>;
      status: number;
      check?: (s: Submission) => void;
    }[] = [
      {
        name: 'wrong answer',
        submission: { source_code: 'print("hello ")', language_id: 71, expected_output: 'hullo' },
        status: 4,
      },
      {
        name: 'accepted despite trailing whitespace',
        submission: { source_code: 'print("a  \\nb\\n\\n")', language_id: 71, expected_output: 'a\nb' },
        status: 3,
      },
      {
        name: 'time limit',
        submission: {
          source_code: 'while True: pass',
          language_id: 71,
          cpu_time_limit: 0.5,
          wall_time_limit: 3,
        },
        status: 5,
        check: (s) => expect(s.message).toBe('Time limit exceeded'),
      },
      {
        name: 'compilation error',
        submission: { source_code: 'int main() { return x; }', language_id: 54 },
        status: 6,
        check: (s) => {
          expect(s.compile_output).toMatch(/x/);
          expect(s.time).toBeNull();
          expect(s.stdout).toBeNull();
        },
      },
      {
        name: 'SIGSEGV',
        submission: {
          source_code: '#include <signal.h>\nint main(void) { raise(SIGSEGV); return 0; }',
          language_id: 50,
        },
        status: 7,
        check: (s) => {
          expect(s.exit_signal).toBe(11);
          expect(s.message).toBe('Caught fatal signal 11');
        },
      },
      {
        name: 'SIGFPE',
        submission: {
          source_code: '#include <signal.h>\nint main(void) { raise(SIGFPE); return 0; }',
          language_id: 48,
        },
        status: 9,
      },
      {
        name: 'SIGABRT',
        submission: { source_code: '#include <stdlib.h>\nint main() { abort(); }', language_id: 53 },
        status: 10,
      },
      {
        name: 'non-zero exit',
        submission: { source_code: 'import sys\nsys.exit(3)', language_id: 71 },
        status: 11,
        check: (s) => {
          expect(s.exit_code).toBe(3);
          expect(s.exit_signal).toBeNull();
          expect(s.message).toBe('Exited with error status 3');
        },
      },
      {
        name: 'command line arguments, split as bash splits them, without a shell',
        submission: {
          source_code: 'import sys\nprint(sys.argv[1:])',
          language_id: 71,
          command_line_arguments: `"a b" c\\ d 'e' $HOME;id`,
          expected_output: "['a b', 'c d', 'e', 'HOMEid']",
        },
        status: 3,
      },
      {
        name: 'output limit',
        submission: { source_code: 'while True: print("x" * 4096)', language_id: 71 },
        status: 8,
      },
    ];
    for (const { name, submission, status, check } of cases) {
      const answer = await run(submission, '&fields=*');
      expect(answer.status.id, `${name}: ${JSON.stringify(answer)}`).toBe(status);
      check?.(answer);
    }
  });

  it('creates batches (each answered in order) and shows them by tokens, null for unknown ones', async () => {
    const created = await call<({ token: string } | Record<string, string[]>)[]>(
      'POST',
      '/submissions/batch',
      {
        submissions: [
          { source_code: 'print(10)', language_id: 71 },
          { language_id: 71 },
          { source_code: b64('console.log(11)'), language_id: 63 },
        ],
      },
    );
    expect(created.status).toBe(201);
    expect(created.body[1]).toEqual({ source_code: ["can't be blank"] });
    const tokens = [created.body[0], created.body[2]].map((entry) => (entry as { token: string }).token);
    expect(tokens.every((token) => typeof token === 'string')).toBe(true);

    const none = await call('POST', '/submissions/batch', { submissions: [{ language_id: 71 }] });
    expect(none.status).toBe(422);
    const empty = await call('POST', '/submissions/batch', { submissions: [] });
    expect(empty.body).toEqual({ error: 'there should be at least one submission in a batch' });
    const tooMany = await call('POST', '/submissions/batch', {
      submissions: Array.from({ length: 21 }, () => ({ source_code: 'print(1)', language_id: 71 })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({
      error: 'number of submissions in a batch should be less than or equal to 20',
    });

    const query = `/submissions/batch?tokens=${tokens[0]},00000000-0000-4000-8000-000000000000,${tokens[1]}&fields=token,stdout,status`;
    for (const token of tokens) await waitForResult(base(api), token);
    const shown = await call<{ submissions: (Submission | null)[] }>('GET', query);
    expect(shown.body.submissions[1]).toBeNull();
    expect(shown.body.submissions[0]).toMatchObject({ token: tokens[0], stdout: '10\n', status: { id: 3 } });
    // Sent without base64_encoded=true: the source is taken as it is, Base64 text included.
    expect(shown.body.submissions[2]?.status.id).not.toBe(3);

    // Tokens split as Ruby's split(","): an empty token between commas is one (unknown), trailing ones none.
    const gaps = await call<{ submissions: (Submission | null)[] }>(
      'GET',
      `/submissions/batch?tokens=${tokens[0]},,${tokens[1]},,&fields=token`,
    );
    expect(gaps.body.submissions).toEqual([{ token: tokens[0] }, null, { token: tokens[1] }]);
    // The fields are checked first (Judge0's before_action), then the tokens.
    const badFields = await call('GET', '/submissions/batch?tokens=&fields=nope');
    expect(badFields.body).toEqual({ error: 'invalid fields: [nope]' });
    // Creating a batch ignores `fields` and `wait`, as Judge0's batch_create does.
    const ignored = await call<{ token: string }[]>('POST', '/submissions/batch?fields=nope&wait=true', {
      submissions: [{ source_code: 'print(1)', language_id: 71 }],
    });
    expect(ignored.status).toBe(201);
    expect(Object.keys(ignored.body[0] ?? {})).toEqual(['token']);
  });
});

describe('Judge0 authentication, queue and deletion', () => {
  it('needs X-Auth-Token when configured (401, no body), and X-Auth-User for admin routes (403)', async () => {
    const anonymous = await call('GET', '/languages', undefined, {}, guardedUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).toBe('');
    expect((await call('GET', '/languages', undefined, { 'X-Auth-Token': 'wrong' }, guardedUrl)).status).toBe(
      401,
    );
    expect(
      (await call('GET', '/languages', undefined, { 'X-Auth-Token': 'second-token' }, guardedUrl)).status,
    ).toBe(200);
    expect((await call('GET', '/languages?X-Auth-Token=first-token', undefined, {}, guardedUrl)).status).toBe(
      200,
    );
    expect(
      (await call('POST', '/authenticate', undefined, { 'X-Auth-Token': 'first-token' }, guardedUrl)).status,
    ).toBe(200);

    const token = { 'X-Auth-Token': 'first-token' };
    expect((await call('GET', '/submissions', undefined, token, guardedUrl)).status).toBe(403);
    // Without JUDGE0_AUTHZ_TOKEN the admin routes are closed to everyone.
    expect((await call('GET', '/submissions', undefined, {}, url)).status).toBe(403);
    const admin = { ...token, 'X-Auth-User': 'admin-token' };
    const page = await call<{ submissions: Submission[]; meta: Record<string, unknown> }>(
      'GET',
      '/submissions?per_page=2&page=1',
      undefined,
      admin,
      guardedUrl,
    );
    expect(page.status).toBe(200);
    expect(page.body.submissions).toHaveLength(2);
    expect(page.body.meta).toMatchObject({ current_page: 1, prev_page: null, next_page: 2 });
    expect((await call('GET', '/submissions?page=0', undefined, admin, guardedUrl)).body).toEqual({
      error: 'invalid page: 0',
    });
  });

  it('answers 503 "queue is full" past JUDGE0_MAX_QUEUE_SIZE', async () => {
    const full = await call(
      'POST',
      '/submissions',
      { source_code: 'print(1)', language_id: 71 },
      { 'X-Auth-Token': 'first-token' },
      guardedUrl,
    );
    expect(full.status).toBe(503);
    expect(full.body).toEqual({ error: 'queue is full' });
  });

  it('deletes a finished submission when enabled (admins), answering it in Base64', async () => {
    const finished = await run({ source_code: 'print("bye")', language_id: 71 });
    expect(
      (await call('DELETE', `/submissions/${finished.token}`, undefined, { 'X-Auth-User': 'x' }, url)).status,
    ).toBe(403);
    const admin = { 'X-Auth-Token': 'first-token', 'X-Auth-User': 'admin-token' };
    const deleted = await call<Submission>(
      'DELETE',
      `/submissions/${finished.token}`,
      undefined,
      admin,
      guardedUrl,
    );
    expect(deleted.status).toBe(200);
    expect(unb64(deleted.body.stdout)).toBe('bye\n');
    expect((await call('GET', `/submissions/${finished.token}`)).status).toBe(404);
  });
});

describe('Judge0 callbacks', () => {
  it('PUTs the finished submission (Base64, default fields) to callback_url once', async () => {
    const arrived = new Promise<void>((resolve) => (onReceived = resolve));
    const created = await call<{ token: string }>('POST', '/submissions', {
      source_code: 'print("called back")',
      language_id: 71,
      callback_url: `http://127.0.0.1:${receiverPort}/done?x=1`,
    });
    expect(created.status).toBe(201);
    await arrived;
    const delivery = received.find((request) => request.url === '/done?x=1');
    expect(delivery).toMatchObject({ method: 'PUT', contentType: 'application/json' });
    const body = JSON.parse(delivery?.body ?? '{}') as Submission;
    expect(body.token).toBe(created.body.token);
    expect(body.status).toEqual({ id: 3, description: 'Accepted' });
    expect(unb64(body.stdout)).toBe('called back\n');
  });

  it('refuses callbacks to private, loopback, link-local and non-http targets (422)', async () => {
    for (const target of [
      `http://127.0.0.1:${receiverPort + 1}/`,
      'http://localhost/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://224.0.0.1/',
      'ftp://example.com/',
      'http://user:secret@example.com/',
    ]) {
      const answer = await call<Record<string, string[]>>('POST', '/submissions', {
        source_code: 'print(1)',
        language_id: 71,
        callback_url: target,
      });
      expect(answer.status, target).toBe(422);
      expect(answer.body.callback_url?.[0], target).toEqual(expect.any(String));
    }
  });
});
