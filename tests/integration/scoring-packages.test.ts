/**
 * Scoring problem packages on real Redis, the database and the sandbox: the subtask-sum fixture (two
 * subtasks of 30 and 70 points, each the minimum of its cases and stopping at its first failure, secret
 * accepted when any subtask is, the sample ignored) is imported, its verification checks the accepted,
 * partially accepted and wrong answer submissions by their scores, and POST /submit gives each submission
 * its score and every group's points, in the result and in the submission's detail; an IOI contest may
 * use the imported problem, and a contest's submit of it stays in its contest when it is rejudged.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { jobResultSchema, type JobResult } from '@arbiter/contracts';
import { packageFromFolder } from '@arbiter/problem-package';
import { post, testSql, waitFor, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import {
  importPackage,
  submissionsByPath,
  submitToPackage,
  usePackagePlatform,
  verifiedPackage,
} from '../support/packages.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/packages/subtask-sum/', import.meta.url));
const TIMEOUT = scaledMs(420_000);

const platform = usePackagePlatform('scoring');

const verified = (slug: string) => verifiedPackage(platform.url, platform.admin, slug, scaledMs(300_000));

const submitted = (language: string, code: string): Promise<JobResult> =>
  submitToPackage(platform.url, platform.user, { problem: 'subtask-sum', language, code });

const source = (path: string) => readFile(join(FIXTURE, 'submissions', path), 'utf8');

describe('scoring problem packages', () => {
  it(
    'imports with scoring supported, verifies partially accepted submissions and scores each submit by its groups',
    async () => {
      const zip = await writeZip(await packageFromFolder(FIXTURE));
      const imported = await importPackage(platform.url, platform.admin, zip, 'subtask-sum');
      expect(imported.report.unsupported.join('\n')).not.toMatch(/scoring/);

      const verification = await verified('subtask-sum');
      expect(verification.status).toBe('done');
      const subs = submissionsByPath(verification);
      expect(subs['accepted/sum.py']).toMatchObject({ got: 'ACCEPTED', score: 100, maxScore: 100, ok: true });
      // Subtask 1 only: accepted (secret accepts when any subtask does) with 30 of 100.
      expect(subs['partially_accepted/int32.c']).toMatchObject({
        expected: ['ACCEPTED'],
        got: 'ACCEPTED',
        score: 30,
        maxScore: 100,
        ok: true,
      });
      expect(subs['wrong_answer/zero.py']).toMatchObject({ got: 'WRONG_ANSWER', score: 0, ok: true });
      expect(verification.ok).toBe(true);

      // POST /submit: the full solution, the subtask-1 solution, and a wrong one.
      const full = await submitted('python', await source('accepted/sum.py'));
      expect(full).toMatchObject({ verdict: 'ACCEPTED', score: { score: 100, maxScore: 100 } });
      expect(full.score?.groups).toEqual([
        { name: 'sample', verdict: 'ACCEPTED', score: 1, maxScore: 1 },
        { name: 'secret', verdict: 'ACCEPTED', score: 100, maxScore: 100 },
        { name: 'secret/group1', verdict: 'ACCEPTED', score: 30, maxScore: 30 },
        { name: 'secret/group2', verdict: 'ACCEPTED', score: 70, maxScore: 70 },
      ]);

      const partial = await submitted('c', await source('partially_accepted/int32.c'));
      expect(partial).toMatchObject({ verdict: 'ACCEPTED', score: { score: 30, maxScore: 100 } });
      expect(partial.score?.groups).toEqual([
        { name: 'sample', verdict: 'ACCEPTED', score: 1, maxScore: 1 },
        { name: 'secret', verdict: 'ACCEPTED', score: 30, maxScore: 100 },
        { name: 'secret/group1', verdict: 'ACCEPTED', score: 30, maxScore: 30 },
        { name: 'secret/group2', verdict: 'WRONG_ANSWER', score: 0, maxScore: 70 },
      ]);
      // on_reject: break ends subtask 2 at its first failing case; every other case ran.
      expect(partial.tests.map((t) => [t.name, t.verdict, t.score])).toEqual([
        ['sample/1', 'ACCEPTED', 1],
        ['secret/group1/1', 'ACCEPTED', 30],
        ['secret/group1/2', 'ACCEPTED', 30],
        ['secret/group2/1', 'WRONG_ANSWER', 0],
      ]);

      const wrong = await submitted('python', await source('wrong_answer/zero.py'));
      expect(wrong).toMatchObject({ verdict: 'WRONG_ANSWER', score: { score: 0, maxScore: 100 } });
      expect(wrong.score?.groups.map((g) => [g.name, g.verdict, g.score])).toEqual([
        ['sample', 'WRONG_ANSWER', 0],
        ['secret', 'WRONG_ANSWER', 0],
        ['secret/group1', 'WRONG_ANSWER', 0],
        ['secret/group2', 'WRONG_ANSWER', 0],
      ]);

      // The submission's detail carries the same score.
      const detail = await fetch(`${platform.url}/submissions/${partial.jobId}`, {
        headers: { cookie: platform.user },
      });
      expect(detail.status).toBe(200);
      const body = (await detail.json()) as { result: unknown };
      expect(jobResultSchema.parse(body.result).score).toEqual(partial.score);
    },
    TIMEOUT,
  );

  it(
    'puts an imported problem in an IOI contest, and keeps a contest submit in its contest when it is rejudged',
    async () => {
      const json = { 'content-type': 'application/json' };
      const created = await fetch(`${platform.url}/contests`, {
        method: 'POST',
        headers: { ...json, cookie: platform.admin },
        body: JSON.stringify({
          title: 'Subtasks',
          startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          endsAt: new Date(Date.now() + 120 * 60_000).toISOString(),
          scoring: 'ioi',
          problems: [{ letter: 'A', problem: 'subtask-sum', points: 100 }],
        }),
      });
      const contest = (await created.json()) as { id: string };
      expect(created.status, JSON.stringify(contest)).toBe(201);
      const contestId = contest.id;
      // The contest lists the imported problem by its title, as it does a built-in one.
      const detail = (await (await fetch(`${platform.url}/contests/${contestId}`)).json()) as {
        problems: { problem: string; title: string }[];
      };
      expect(detail.problems).toEqual([
        expect.objectContaining({ problem: 'subtask-sum', title: 'Subtask Sum' }),
      ]);
      const registered = await fetch(`${platform.url}/contests/${contestId}/register`, {
        method: 'POST',
        headers: { ...json, cookie: platform.user },
        body: '{}',
      });
      expect(registered.status).toBeLessThan(300);
      const answer = await post(
        platform.url,
        '/submit',
        {
          mode: 'submit',
          problem: 'subtask-sum',
          language: 'c',
          code: await source('partially_accepted/int32.c'),
          contestId,
        },
        { cookie: platform.user },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      const original = (answer.body as { jobId: string }).jobId;
      await waitForResult(platform.url, original, scaledMs(120_000), platform.user);
      // A rejudge takes finished rows of the database: wait until the result is saved there.
      await waitFor(
        async () => {
          const saved = await fetch(`${platform.url}/submissions/${original}`, {
            headers: { cookie: platform.user },
          });
          return ((await saved.json()) as { status?: string }).status === 'completed';
        },
        scaledMs(30_000),
        () => `submission ${original} was not saved as completed`,
      );

      const rejudged = await post(
        platform.url,
        '/admin/rejudge',
        { submissionId: original },
        { cookie: platform.admin },
      );
      expect(rejudged.status, JSON.stringify(rejudged.body)).toBe(202);
      const [job] = (rejudged.body as { jobs: { jobId: string }[] }).jobs;
      expect(job).toBeDefined();
      const rows = await testSql(platform.prefix, 'select contest_id from submissions where id = $1', [
        job?.jobId,
      ]);
      expect(rows.rows).toEqual([{ contest_id: contestId }]);
      const result = await waitForResult(platform.url, job?.jobId ?? '', scaledMs(120_000), platform.admin);
      expect(result.score).toMatchObject({ score: 30, maxScore: 100 });
    },
    TIMEOUT,
  );
});
