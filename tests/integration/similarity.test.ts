/**
 * Similarity reports on real Redis, the database, the worker and the sandbox: a class assignment's submits
 * (real POST /submit) compared by Dolos inside the sandbox; a copy with renamed variables ranks above an
 * independent solution of the same problem, with fragments inside both sources, and a source nested deep
 * enough to overflow Dolos' tokeniser is left out with a warning instead of failing the report; who may start and read a
 * report (anonymous 401, a user 403, the teacher of another class 403, an organiser without a scope 403), and
 * a contest's report holds its contest submits only, for its organiser (another organiser 403).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  classDetailSchema,
  assignmentSchema,
  similarityReportSchema,
  similarityStartedSchema,
  type SimilarityReport,
} from '@arbiter/contracts';
import { signUp, waitFor, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0', SUBMIT_RATE_PER_MINUTE_IP: '0' },
});
const users: Record<string, string> = {};

async function call(method: string, path: string, cookie?: string, body?: unknown) {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie === undefined ? {} : { cookie }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: (text === '' ? null : JSON.parse(text)) as unknown };
}

const ORIGINAL = `import sys


def read_numbers(stream):
    numbers = []
    for line in stream:
        for token in line.split():
            numbers.append(int(token))
    return numbers


def add_all(values):
    total = 0
    index = 0
    while index < len(values):
        total = total + values[index]
        index += 1
    return total


def main():
    values = read_numbers(sys.stdin)
    if len(values) < 2:
        print(0)
        return
    result = add_all(values[:2])
    print(result)


main()
`;

/** The original with every name changed: the same program to Dolos. */
const RENAMED = ORIGINAL.replaceAll('read_numbers', 'parse_input')
  .replaceAll('numbers', 'items')
  .replaceAll('stream', 'source')
  .replaceAll('token', 'piece')
  .replaceAll('add_all', 'sum_up')
  .replaceAll('values', 'data')
  .replaceAll('total', 'acc')
  .replaceAll('index', 'k')
  .replaceAll('result', 'answer');

/** Someone else's solution of the same problem. */
const INDEPENDENT = `from functools import reduce


class Adder:
    def __init__(self):
        self.seen = []

    def feed(self, text):
        self.seen.extend(int(word) for word in text.split())
        return self

    def answer(self):
        first_two = self.seen[:2]
        return reduce(lambda x, y: x + y, first_two, 0)


if __name__ == "__main__":
    adder = Adder()
    try:
        while True:
            adder.feed(input())
    except EOFError:
        pass
    print(adder.answer())
`;

/** Nesting that overflows Dolos' recursive tokeniser: left out with a warning, the other pairs still made. */
const HOSTILE = `x = ${'('.repeat(20_000)}1${')'.repeat(20_000)}\n`;

/** Submits a-plus-b and waits for the verdict; returns the submission id. */
async function send(user: string, code: string, accepted = true): Promise<string> {
  const answer = await call('POST', '/submit', users[user], {
    language: 'python',
    code,
    problem: 'a-plus-b',
    mode: 'submit',
  });
  expect(answer.status, answer.text).toBe(202);
  const jobId = (answer.body as { jobId: string }).jobId;
  const result = await waitForResult(platform.url, jobId, scaledMs(60_000), users[user]);
  expect(result.verdict === 'ACCEPTED', String(result.verdict)).toBe(accepted);
  return jobId;
}

let classId: string;
let assignmentId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const name of [
    'sim-admin',
    'sim-teacher',
    'sim-other',
    'sim-ann',
    'sim-bob',
    'sim-cat',
    'sim-dan',
    'sim-user',
  ])
    users[name] = await signUp(platform.url, name);
  for (const teacher of ['sim-teacher', 'sim-other'])
    expect(
      (await call('PUT', `/admin/users/${teacher}/role`, users['sim-admin'], { role: 'teacher' })).status,
    ).toBe(200);
  const cls = classDetailSchema.parse(
    (await call('POST', '/classes', users['sim-teacher'], { title: 'Intro' })).body,
  );
  classId = cls.id;
  for (const student of ['sim-ann', 'sim-bob', 'sim-cat', 'sim-dan'])
    expect((await call('POST', '/classes/join', users[student], { code: cls.joinCode })).status).toBe(200);
  const set = await call('POST', `/classes/${cls.id}/assignments`, users['sim-teacher'], {
    title: 'Sums',
    deadline: new Date(Date.now() + 3_600_000).toISOString(),
    problems: ['a-plus-b'],
  });
  expect(set.status, set.text).toBe(201);
  assignmentId = assignmentSchema.parse(set.body).id;
  ids.original = await send('sim-ann', ORIGINAL);
  ids.renamed = await send('sim-bob', RENAMED);
  ids.independent = await send('sim-cat', INDEPENDENT);
  ids.hostile = await send('sim-dan', HOSTILE, false);
}, scaledMs(240_000));

async function finished(id: string, cookie: string): Promise<SimilarityReport> {
  let last: SimilarityReport | undefined;
  await waitFor(
    async () => {
      const answer = await call('GET', `/admin/similarity/${id}`, cookie);
      expect(answer.status, answer.text).toBe(200);
      last = similarityReportSchema.parse(answer.body);
      return last.status === 'completed' || last.status === 'failed';
    },
    scaledMs(120_000),
    () => `the report did not finish: ${JSON.stringify(last?.status)}`,
  );
  return last as SimilarityReport;
}

const pairOf = (report: SimilarityReport, a: string, b: string) =>
  report.pairs.find((p) => (p.left === a && p.right === b) || (p.left === b && p.right === a));

describe('similarity reports', () => {
  it(
    "ranks a renamed-variables copy above an independent solution, from the class's submits, analysed in the sandbox",
    async () => {
      const started = await call('POST', '/admin/similarity', users['sim-teacher'], {
        problem: 'a-plus-b',
        classId,
        assignmentId,
      });
      expect(started.status, started.text).toBe(202);
      const { id, submissions } = similarityStartedSchema.parse(started.body);
      expect(submissions).toBe(4);

      const report = await finished(id, users['sim-teacher'] as string);
      expect(report.status, report.error ?? '').toBe('completed');
      // The hostile source is left out, named in a warning; the three others make three pairs.
      expect(report.warnings).toHaveLength(1);
      expect(report.warnings[0]).toContain(`submission ${ids.hostile} left out`);
      expect(report.submissions.map((s) => s.username).sort()).toEqual([
        'sim-ann',
        'sim-bob',
        'sim-cat',
        'sim-dan',
      ]);
      expect(report.pairs).toHaveLength(3);

      const copy = pairOf(report, ids.original as string, ids.renamed as string);
      const apart = pairOf(report, ids.original as string, ids.independent as string);
      expect(copy).toBeDefined();
      expect(apart).toBeDefined();
      // Ranked first, and clearly apart from the independent solution.
      expect([report.pairs[0]?.left, report.pairs[0]?.right].sort()).toEqual(
        [ids.original, ids.renamed].sort(),
      );
      expect(copy?.similarity).toBeGreaterThan(0.9);
      expect(apart?.similarity ?? 1).toBeLessThan(0.5);
      expect(copy?.longest).toBeGreaterThan(apart?.longest ?? 0);

      // Fragments are ranges inside both sources.
      expect(copy?.fragments.length).toBeGreaterThan(0);
      const lines = (sid: string) =>
        report.submissions.find((s) => s.id === sid)?.code.split('\n').length ?? 0;
      for (const fragment of copy?.fragments ?? []) {
        expect(fragment.left.endRow).toBeLessThan(lines(copy?.left as string));
        expect(fragment.right.endRow).toBeLessThan(lines(copy?.right as string));
      }

      // Admins read it too; nobody else.
      expect((await call('GET', `/admin/similarity/${id}`, users['sim-admin'])).status).toBe(200);
      expect((await call('GET', `/admin/similarity/${id}`, users['sim-other'])).status).toBe(403);
      expect((await call('GET', `/admin/similarity/${id}`, users['sim-user'])).status).toBe(403);
      expect((await call('GET', `/admin/similarity/${id}`, users['sim-ann'])).status).toBe(403);
      expect((await call('GET', `/admin/similarity/${id}`)).status).toBe(401);
    },
    scaledMs(180_000),
  );

  it("compares a contest's submits for its organiser, not another organiser", async () => {
    const created = await call('POST', '/contests', users['sim-teacher'], {
      title: 'Night',
      startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 120 * 60_000).toISOString(),
      problems: [{ letter: 'A', problem: 'a-plus-b' }],
    });
    expect(created.status, created.text).toBe(201);
    const contestId = String((created.body as { id: string }).id);
    for (const [student, code] of [
      ['sim-ann', ORIGINAL],
      ['sim-bob', RENAMED],
    ] as const) {
      expect((await call('POST', `/contests/${contestId}/register`, users[student], {})).status).toBe(200);
      const answer = await call('POST', '/submit', users[student], {
        language: 'python',
        code,
        problem: 'a-plus-b',
        mode: 'submit',
        contestId,
      });
      expect(answer.status, answer.text).toBe(202);
      await waitForResult(
        platform.url,
        (answer.body as { jobId: string }).jobId,
        scaledMs(60_000),
        users[student],
      );
    }
    const scope = { problem: 'a-plus-b', contestId };
    expect((await call('POST', '/admin/similarity', users['sim-other'], scope)).status).toBe(403);
    const started = await call('POST', '/admin/similarity', users['sim-teacher'], scope);
    expect(started.status, started.text).toBe(202);
    const { id, submissions } = similarityStartedSchema.parse(started.body);
    // Only the two contest submits, not the class's.
    expect(submissions).toBe(2);
    const report = await finished(id, users['sim-teacher'] as string);
    expect(report.status, report.error ?? '').toBe('completed');
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]?.similarity).toBeGreaterThan(0.9);
    expect((await call('GET', `/admin/similarity/${id}`, users['sim-other'])).status).toBe(403);
  });

  it('lets only admins and the class teacher start a report', async () => {
    const scope = { problem: 'a-plus-b', classId, assignmentId };
    expect((await call('POST', '/admin/similarity', undefined, scope)).status).toBe(401);
    expect((await call('POST', '/admin/similarity', users['sim-user'], scope)).status).toBe(403);
    expect((await call('POST', '/admin/similarity', users['sim-ann'], scope)).status).toBe(403);
    // The teacher of another class.
    const other = await call('POST', '/admin/similarity', users['sim-other'], scope);
    expect(other.status, other.text).toBe(403);
    // An organiser may not compare a problem's submissions everywhere; an admin may.
    expect(
      (await call('POST', '/admin/similarity', users['sim-teacher'], { problem: 'a-plus-b' })).status,
    ).toBe(403);
    const everywhere = await call('POST', '/admin/similarity', users['sim-admin'], { problem: 'a-plus-b' });
    expect(everywhere.status, everywhere.text).toBe(202);
    // Half a class scope, or both scopes, is refused.
    expect(
      (await call('POST', '/admin/similarity', users['sim-admin'], { problem: 'a-plus-b', classId })).status,
    ).toBe(400);
    const unknown = await call(
      'GET',
      '/admin/similarity/00000000-0000-4000-8000-000000000000',
      users['sim-admin'],
    );
    expect(unknown.status).toBe(404);
  });
});
