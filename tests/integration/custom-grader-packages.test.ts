/**
 * Custom graders on real Redis, the database and the sandbox: the best-of-grader fixture (legacy layout;
 * its secret group has `grading: custom` and graders/best.py scores it the best of its two subtasks,
 * accepted when either is) is imported and verified, every labelled submission getting its label (the
 * accepted and partially accepted ones only hold when the grader runs: the default grader would sum the
 * subtasks and reject a half solution); POST /submit scores by the grader; a grader whose answer is not
 * one `<verdict> <score>` line fails the verification and the submit as the package's fault. A problem
 * whose lower scores are better (`grading.objective: min`) is refused by IOI contests, which rank higher
 * scores better, and taken by ICPC ones.
 */
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import type { JobResult } from '@arbiter/contracts';
import { packageFromFolder } from '@arbiter/problem-package';
import { scaledMs } from '../support/speed-factor.js';
import {
  importPackage,
  submissionsByPath,
  submitToPackage,
  usePackagePlatform,
  verifiedPackage,
} from '../support/packages.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/packages/best-of-grader/', import.meta.url));
const TIMEOUT = scaledMs(420_000);

const platform = usePackagePlatform('grader');

const submitted = (problem: string, code: string): Promise<JobResult> =>
  submitToPackage(platform.url, platform.user, { problem, language: 'python', code });

const source = (path: string) => readFile(join(FIXTURE, 'submissions', path), 'utf8');

describe('custom graders', () => {
  it(
    'runs the package grader in the verification and on submit: every submission gets its label',
    async () => {
      const zip = await writeZip(await packageFromFolder(FIXTURE));
      const imported = await importPackage(platform.url, platform.admin, zip, 'best-attempt');
      expect(imported.report.unsupported.join('\n')).not.toMatch(/grader/);
      expect(imported.report.found).toContain('custom grader (graders/) for data/secret/');

      const verification = await verifiedPackage(
        platform.url,
        platform.admin,
        'best-attempt',
        scaledMs(300_000),
      );
      expect(verification.status, JSON.stringify(verification)).toBe('done');
      const subs = submissionsByPath(verification);
      expect(subs['accepted/double.py']).toMatchObject({
        got: 'ACCEPTED',
        score: 100,
        maxScore: 100,
        ok: true,
      });
      expect(subs['partially_accepted/small.py']).toMatchObject({ got: 'ACCEPTED', score: 40, ok: true });
      expect(subs['wrong_answer/zero.py']).toMatchObject({ got: 'WRONG_ANSWER', score: 0, ok: true });
      expect(verification.submissions.every((s) => s.ok)).toBe(true);
      expect(verification.ok).toBe(true);

      const partial = await submitted('best-attempt', await source('partially_accepted/small.py'));
      expect(partial).toMatchObject({ verdict: 'ACCEPTED', score: { score: 40, maxScore: 100 } });
      expect(partial.score?.groups).toEqual([
        // The sample has no range of its own: data/'s (0 100) bounds it.
        { name: 'sample', verdict: 'ACCEPTED', score: 1, maxScore: 100 },
        { name: 'secret', verdict: 'ACCEPTED', score: 40, maxScore: 100 },
        { name: 'secret/easy', verdict: 'ACCEPTED', score: 40, maxScore: 40 },
        { name: 'secret/hard', verdict: 'WRONG_ANSWER', score: 0, maxScore: 100 },
      ]);
    },
    TIMEOUT,
  );

  it(
    'fails the verification and the submit when the grader answers out of protocol',
    async () => {
      const files = (await packageFromFolder(FIXTURE)).map((file) =>
        file.path === 'graders/best.py' ? { ...file, bytes: Buffer.from('print("AC lots")\n') } : file,
      );
      await importPackage(platform.url, platform.admin, await writeZip(files), 'best-attempt-broken');
      const verification = await verifiedPackage(
        platform.url,
        platform.admin,
        'best-attempt-broken',
        scaledMs(300_000),
      );
      expect(verification).toMatchObject({ status: 'failed', ok: false });
      expect(verification.error).toMatch(/grading: the custom grader gave an answer that is not one line/);

      const result = await submitted('best-attempt-broken', await source('accepted/double.py'));
      expect(result.status).toBe('failed');
      expect(result.error).toMatch(/cannot be judged: its grading is unusable/);
    },
    TIMEOUT,
  );

  it(
    'refuses a grading.objective min problem in an IOI contest and takes it in an ICPC one',
    async () => {
      const files = (await packageFromFolder(FIXTURE)).map((file) =>
        file.path === 'problem.yaml'
          ? { ...file, bytes: Buffer.concat([file.bytes, Buffer.from('grading:\n  objective: min\n')]) }
          : file,
      );
      const imported = await importPackage(
        platform.url,
        platform.admin,
        await writeZip(files),
        'least-attempt',
      );
      expect(imported.report.found).toContain('grading.objective min: lower scores are better');
      const contest = (scoring: 'ioi' | 'icpc') =>
        fetch(`${platform.url}/contests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: platform.admin },
          body: JSON.stringify({
            title: `Least ${scoring}`,
            startsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
            endsAt: new Date(Date.now() + 120 * 60_000).toISOString(),
            scoring,
            problems: [{ letter: 'A', problem: 'least-attempt', points: 100 }],
          }),
        });
      const ioi = await contest('ioi');
      const refusal = (await ioi.json()) as { error: { code: string; message: string } };
      expect(ioi.status, JSON.stringify(refusal)).toBe(400);
      expect(JSON.stringify(refusal)).toMatch(/least-attempt.*grading\.objective: min/);
      const icpc = await contest('icpc');
      expect(icpc.status).toBe(201);
      // Turning that ICPC contest into an IOI one is refused the same way.
      const { id } = (await icpc.json()) as { id: string };
      const changed = await fetch(`${platform.url}/contests/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: platform.admin },
        body: JSON.stringify({ scoring: 'ioi' }),
      });
      expect(changed.status).toBe(400);
    },
    TIMEOUT,
  );

  it(
    'refuses a new version with grading.objective min of a problem an IOI contest has, keeping the old one',
    async () => {
      const files = await packageFromFolder(FIXTURE);
      await importPackage(platform.url, platform.admin, await writeZip(files), 'ranked-attempt');
      const created = await fetch(`${platform.url}/contests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: platform.admin },
        body: JSON.stringify({
          title: 'Ranked IOI',
          startsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
          endsAt: new Date(Date.now() + 120 * 60_000).toISOString(),
          scoring: 'ioi',
          problems: [{ letter: 'A', problem: 'ranked-attempt', points: 100 }],
        }),
      });
      expect(created.status).toBe(201);
      const minimised = files.map((file) =>
        file.path === 'problem.yaml'
          ? { ...file, bytes: Buffer.concat([file.bytes, Buffer.from('grading:\n  objective: min\n')]) }
          : file,
      );
      const refused = await fetch(`${platform.url}/admin/problems?slug=ranked-attempt`, {
        method: 'POST',
        headers: { 'content-type': 'application/zip', cookie: platform.admin },
        body: await writeZip(minimised),
      });
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(refused.status, JSON.stringify(body)).toBe(409);
      expect(body.error.code).toBe('CONFLICT');
      expect(body.error.message).toMatch(/grading\.objective: min.*"Ranked IOI"/);
      const problem = await fetch(`${platform.url}/admin/problems/ranked-attempt`, {
        headers: { cookie: platform.admin },
      });
      const detail = (await problem.json()) as { versions: { version: number }[] };
      expect(detail.versions.map((v) => v.version)).toEqual([1]);
    },
    TIMEOUT,
  );
});
