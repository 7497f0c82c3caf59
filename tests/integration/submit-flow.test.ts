/** One API and one worker on real Redis: HTTP submit to result, and live events over Socket.IO. */
import { describe, expect, it } from 'vitest';
import {
  connect,
  getStatus,
  post,
  submit,
  subscribe,
  waitFor,
  waitForResult,
  type ReceivedEvent,
} from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform();

const seqs = (events: ReceivedEvent[]) => events.map((event) => event.seq);

describe('submit → queue → platform.worker → result', () => {
  it('answers 202 with a jobId whose status becomes completed with the program output', async () => {
    const jobId = await submit(platform.url, { language: 'python', code: 'print(1)' });
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const result = await waitForResult(platform.url, jobId);
    expect(result).toMatchObject({
      jobId,
      status: 'completed',
      verdict: 'ACCEPTED',
      stdout: '1\n',
      exitCode: 0,
      attempts: 1,
      worker: platform.worker.id,
    });
    expect(result.finishedAt).not.toBeNull();
    expect(result.wallTimeMs).toBeGreaterThan(0);
  });

  it('passes args to a free run as argv entries, without a shell, and refuses them for a problem', async () => {
    const jobId = await submit(platform.url, {
      language: 'c',
      code: '#include <stdio.h>\nint main(int argc, char** argv) { for (int i = 1; i < argc; i++) printf("[%s]", argv[i]); }',
      args: ['a b', '$HOME', '`id`', ''],
    });
    expect((await waitForResult(platform.url, jobId)).stdout).toBe('[a b][$HOME][`id`][]');
    const refused = await post(platform.url, '/submit', {
      language: 'python',
      code: 'x',
      problem: 'two-sum',
      args: ['1'],
    });
    expect(refused.status).toBe(400);
  });

  it('gives every request an id, or keeps the one a proxy sent', async () => {
    const fresh = await fetch(`${platform.url}/health`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${platform.url}/health`, { headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234.abc');
    const odd = await fetch(`${platform.url}/health`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes stdin and compares against expectedOutput', async () => {
    const right = await submit(platform.url, {
      language: 'python',
      code: 'a, b = map(int, input().split())\nprint(a + b)',
      stdin: '2 40\n',
      expectedOutput: '42',
    });
    const wrong = await submit(platform.url, { language: 'python', code: 'print(41)', expectedOutput: '42' });
    expect((await waitForResult(platform.url, right)).verdict).toBe('ACCEPTED');
    expect((await waitForResult(platform.url, wrong)).verdict).toBe('WRONG_ANSWER');
  });

  it('lists the languages a live platform.worker advertises, with versions', async () => {
    const response = await fetch(`${platform.url}/languages`);
    const languages = (await response.json()) as { id: string; version: string }[];
    expect(languages.map((language) => language.id)).toContain('python');
    for (const language of languages) expect(language.version).not.toBe('');
  });

  it('reports health and readiness', async () => {
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    const ready = await fetch(`${platform.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ redis: 'ok' });
  });
});

describe('live events over Socket.IO', () => {
  it('streams status, log and result live, in seq order, each once', async () => {
    const { socket, events } = connect(platform.url);
    try {
      const jobId = await submit(platform.url, {
        language: 'python',
        code: 'import time\nprint("first", flush=True)\ntime.sleep(0.4)\nprint("second", flush=True)',
      });
      await subscribe(socket, jobId);
      await waitFor(
        () => events.some((e) => e.type === 'result'),
        15_000,
        () => JSON.stringify(events),
      );
      const types = events.map((event) => event.type);
      expect(types[0]).toBe('status');
      expect(events[0]?.payload).toMatchObject({ status: 'queued' });
      expect(events.find((e) => e.type === 'status' && e.payload.status === 'running')).toBeDefined();
      expect(types.at(-1)).toBe('result');
      const numbers = seqs(events);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
      const logs = events
        .filter((e) => e.type === 'log')
        .map((e) => e.payload.chunk)
        .join('');
      expect(logs).toBe('first\nsecond\n');
      // "first" was delivered before the program finished: it came before the result by the sleep.
      expect(events.findIndex((e) => e.type === 'log')).toBeLessThan(events.length - 1);
      const result = events.at(-1)?.payload;
      expect(result).toMatchObject({ jobId, status: 'completed', verdict: 'ACCEPTED' });
    } finally {
      socket.close();
    }
  });

  it('output of a slow program arrives before the program ends', async () => {
    const { socket, events } = connect(platform.url);
    try {
      const jobId = await submit(platform.url, {
        language: 'python',
        code: 'import time\nprint("early", flush=True)\ntime.sleep(1.5)\nprint("late")',
      });
      await subscribe(socket, jobId);
      // Python runs unbuffered, so print() may write "early" and "\n" in two writes that arrive as
      // two chunks: wait for the whole line, however it was split.
      const logText = () =>
        events
          .filter((e) => e.type === 'log')
          .map((e) => e.payload.chunk)
          .join('');
      await waitFor(
        () => logText().includes('\n'),
        10_000,
        () => JSON.stringify(events),
      );
      // Output held until the end would come with "late" and the result: neither is here yet.
      expect(events.some((e) => e.type === 'result')).toBe(false);
      expect(logText()).toBe('early\n');
      await waitFor(
        () => events.some((e) => e.type === 'result'),
        10_000,
        () => JSON.stringify(events),
      );
      expect(logText()).toBe('early\nlate\n');
    } finally {
      socket.close();
    }
  });

  it('replays every event to a client that subscribes after the job finished', async () => {
    const jobId = await submit(platform.url, { language: 'python', code: 'print("a")\nprint("b")' });
    const done = await waitForResult(platform.url, jobId);
    const { socket, events } = connect(platform.url);
    try {
      await subscribe(socket, jobId);
      await waitFor(
        () => events.some((e) => e.type === 'result'),
        5_000,
        () => JSON.stringify(events),
      );
      expect(seqs(events)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      expect(events.at(-1)?.seq).toBe(done.lastSeq);
      expect(events.at(-1)?.payload).toMatchObject({ verdict: 'ACCEPTED', stdout: 'a\nb\n' });
    } finally {
      socket.close();
    }
  });

  it('resumes after a reconnect from the last seq seen, missing nothing and repeating nothing', async () => {
    const jobId = await submit(platform.url, {
      language: 'python',
      code: 'import time\nfor i in range(6):\n    print(i, flush=True)\n    time.sleep(0.15)',
    });
    const first = connect(platform.url);
    await subscribe(first.socket, jobId);
    await waitFor(
      () => first.events.some((e) => e.type === 'log'),
      10_000,
      () => JSON.stringify(first.events),
    );
    first.socket.close();
    const seen = first.events.at(-1)?.seq ?? 0;

    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = connect(platform.url);
    try {
      await subscribe(second.socket, jobId, seen);
      await waitFor(
        () => second.events.some((e) => e.type === 'result'),
        10_000,
        () => JSON.stringify(second.events),
      );
      const all = [...first.events, ...second.events];
      expect(seqs(all)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      const output = all
        .filter((e) => e.type === 'log')
        .map((e) => e.payload.chunk)
        .join('');
      expect(output).toBe('0\n1\n2\n3\n4\n5\n');
    } finally {
      second.socket.close();
    }
  });

  it('refuses to subscribe to a job that does not exist', async () => {
    const { socket } = connect(platform.url);
    try {
      await expect(subscribe(socket, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/No job/);
      await expect(subscribe(socket, 42 as unknown as string)).rejects.toThrow(/subscribe needs/);
    } finally {
      socket.close();
    }
  });

  it('answers 404 for an unknown job id', async () => {
    expect((await getStatus(platform.url, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await getStatus(platform.url, '..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });
});
