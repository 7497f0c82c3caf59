/**
 * Managing imported problems, on real Redis and PostgreSQL: `POST /admin/problems/:slug/verify` (admins only)
 * queues a new verification of the latest version and stores it in its report; `GET /admin/problems` pages
 * by slug and says where each problem's verification stands; of two verifications of one version the newer one is
 * stored, whichever finishes last. `PATCH` and `DELETE /admin/problems/:slug` edit and delete an imported problem
 * (admins only; the repository's problems refused), a draft is hidden from the catalog and from others' submits.
 * No worker: the jobs stay queued (the race test finishes them as a worker would).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import {
  importedProblemDetailSchema,
  importedProblemListSchema,
  importProblemResponseSchema,
  verifyProblemResponseSchema,
} from '@arbiter/contracts';
import { createKeys, createRedis, JobStore, ResultsStream } from '@arbiter/queue';
import { getStatus, post, REDIS_URL, signUp } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0' }, worker: false });
let admin: string;
let user: string;

beforeAll(async () => {
  admin = await signUp(platform.url, 'problems-admin');
  user = await signUp(platform.url, 'problems-user');
});

function tinyPackage(name: string): Promise<Buffer> {
  return writeZip([
    { path: 'problem.yaml', bytes: `name: ${name}\nlimits:\n  time_limit: 2\n` },
    { path: 'data/secret/1.in', bytes: '\n' },
    { path: 'data/secret/1.ans', bytes: '1\n' },
    { path: 'submissions/accepted/one.py', bytes: 'print(1)\n' },
  ]);
}

async function importAs(slug: string) {
  const answer = await fetch(`${platform.url}/admin/problems?slug=${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/zip', cookie: admin },
    body: await tinyPackage(slug),
  });
  expect(answer.status).toBe(201);
  return importProblemResponseSchema.parse(await answer.json());
}

const verify = (slug: string, cookie: string) =>
  fetch(`${platform.url}/admin/problems/${slug}/verify`, { method: 'POST', headers: { cookie } });

describe('admin problem management', () => {
  it('verifies the latest version again, for admins only', async () => {
    const imported = await importAs('again');
    const first = imported.report.verification?.jobId;
    expect(first).toBeDefined();

    expect((await verify('again', '')).status).toBe(401);
    expect((await verify('again', user)).status).toBe(403);
    const missing = await verify('no-such-problem', admin);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      'no-such-problem',
    );

    const answer = await verify('again', admin);
    expect(answer.status).toBe(202);
    const queued = verifyProblemResponseSchema.parse(await answer.json());
    expect(queued).toMatchObject({ slug: 'again', version: 1, verification: { status: 'queued' } });
    expect(queued.verification.jobId).not.toBe(first);

    // The version's report names the new job; its record is on the queue like any job's.
    const detail = importedProblemDetailSchema.parse(
      await (await fetch(`${platform.url}/admin/problems/again`, { headers: { cookie: admin } })).json(),
    );
    expect(detail.versions[0]?.report.verification).toMatchObject({
      status: 'queued',
      jobId: queued.verification.jobId,
    });
    const job = await getStatus(platform.url, queued.verification.jobId as string, admin);
    expect(job.status).toBe(200);
    expect(job.body.status).toBe('queued');

    // The route is in the OpenAPI document.
    const served = await fetch(`${platform.url}/openapi.json`);
    const document = (await served.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(served.status, JSON.stringify(document).slice(0, 500)).toBe(200);
    expect(document.paths['/admin/problems/{slug}/verify']?.post).toBeDefined();
  });

  it('lists imported problems a page at a time, with their verification', async () => {
    for (const slug of ['page-a', 'page-b', 'page-c']) await importAs(slug);
    const page = async (query: string, cookie = admin) =>
      fetch(`${platform.url}/admin/problems${query}`, { headers: { cookie } });

    expect((await page('', '')).status).toBe(401);
    expect((await page('', user)).status).toBe(403);
    expect((await page('?limit=0')).status).toBe(400);

    const first = importedProblemListSchema.parse(await (await page('?cursor=page-a&limit=1')).json());
    expect(first.problems.map((p) => p.slug)).toEqual(['page-b']);
    expect(first.nextCursor).toBe('page-b');
    expect(first.problems[0]?.verification).toEqual({ status: 'queued' });
    const second = importedProblemListSchema.parse(
      await (await page(`?cursor=${first.nextCursor}&limit=1`)).json(),
    );
    expect(second.problems.map((p) => p.slug)).toEqual(['page-c']);
    expect(second.nextCursor).toBeNull();

    const all = importedProblemListSchema.parse(await (await page('')).json());
    expect(all.problems.map((p) => p.slug)).toEqual(['again', 'page-a', 'page-b', 'page-c']);
    expect(all.nextCursor).toBeNull();
  });

  it("stores the newer verification's findings even when the older job finishes after it", async () => {
    await importAs('race');
    const older = verifyProblemResponseSchema.parse(await (await verify('race', admin)).json());
    const newer = verifyProblemResponseSchema.parse(await (await verify('race', admin)).json());
    const olderId = older.verification.jobId as string;
    const newerId = newer.verification.jobId as string;

    // Each job finishes as a worker finishes one: its record final in Redis, then a persist entry.
    const redis = createRedis(REDIS_URL);
    const keys = createKeys(platform.prefix);
    const results = new ResultsStream({ redis, keys });
    const store = new JobStore({ redis, keys });
    const finish = async (jobId: string, ok: boolean) => {
      const verification = { status: 'done' as const, slug: 'race', version: 1, submissions: [], ok };
      expect(await store.update(jobId, { status: 'completed', verification })).not.toBeNull();
      await results.persist(jobId);
    };
    const stored = async () => {
      const answer = await fetch(`${platform.url}/admin/problems/race`, { headers: { cookie: admin } });
      return importedProblemDetailSchema.parse(await answer.json()).versions[0]?.report.verification;
    };
    try {
      await finish(newerId, true);
      await expect
        .poll(stored, { timeout: scaledMs(20_000) })
        .toMatchObject({ status: 'done', jobId: newerId, ok: true });
      await finish(olderId, false);
      // Wait until the persister has saved the older job's entry (saved entries are deleted), then look again.
      await expect.poll(() => redis.xlen(keys.results()), { timeout: scaledMs(20_000) }).toBe(0);
      expect(await stored()).toMatchObject({ status: 'done', jobId: newerId, ok: true });
    } finally {
      redis.disconnect();
    }
  });

  const patch = (slug: string, body: unknown, cookie = admin) =>
    fetch(`${platform.url}/admin/problems/${slug}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  const remove = (slug: string, cookie = admin) =>
    fetch(`${platform.url}/admin/problems/${slug}`, { method: 'DELETE', headers: { cookie } });
  const catalogSlugs = async (cookie = '') =>
    (
      (await (await fetch(`${platform.url}/problems`, { headers: { cookie } })).json()) as { slug: string }[]
    ).map((problem) => problem.slug);
  const message = async (answer: Response) =>
    ((await answer.json()) as { error: { message: string } }).error.message;

  it("edits an imported problem's title, statement, limits and visibility, for admins only", async () => {
    await importAs('edit-me');
    expect((await patch('edit-me', { title: 'X' }, '')).status).toBe(401);
    expect((await patch('edit-me', { title: 'X' }, user)).status).toBe(403);
    expect((await patch('no-such-problem', { title: 'X' })).status).toBe(404);
    const builtIn = await patch('two-sum', { title: 'X' });
    expect(builtIn.status).toBe(409);
    expect(await message(builtIn)).toContain("repository's problems");
    for (const bad of [{}, { timeLimitMs: 0 }, { visibility: 'hidden' }, { title: ' ' }, { colour: 'red' }]) {
      expect((await patch('edit-me', bad)).status, JSON.stringify(bad)).toBe(400);
    }

    // A draft: gone from the catalog and from a user's submits; an admin still sees and submits it.
    const answer = await patch('edit-me', {
      title: 'Edited Title',
      statement: '# Edited\n\nPrint **1**.',
      timeLimitMs: 1500,
      memoryMb: 128,
      difficulty: 'hard',
      visibility: 'draft',
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      slug: 'edit-me',
      settings: {
        title: 'Edited Title',
        statement: '# Edited\n\nPrint **1**.',
        timeLimitMs: 1500,
        memoryMb: 128,
        difficulty: 'hard',
        visibility: 'draft',
      },
    });
    const detail = importedProblemDetailSchema.parse(
      await (await fetch(`${platform.url}/admin/problems/edit-me`, { headers: { cookie: admin } })).json(),
    );
    expect(detail.settings).toMatchObject({ title: 'Edited Title', visibility: 'draft' });
    expect(await catalogSlugs()).not.toContain('edit-me');
    expect(await catalogSlugs(user)).not.toContain('edit-me');
    expect(await catalogSlugs(admin)).toContain('edit-me');
    expect((await fetch(`${platform.url}/problems/edit-me`, { headers: { cookie: user } })).status).toBe(404);
    const body = { language: 'python', code: 'print(1)', problem: 'edit-me', mode: 'submit' };
    const refused = await post(platform.url, '/submit', body, { cookie: user });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: { code: string } }).error.code).toBe('UNKNOWN_PROBLEM');
    const byAdmin = await post(platform.url, '/submit', body, { cookie: admin });
    expect(byAdmin.status).toBe(202);
    // The limits set here are the job's.
    const job = await getStatus(platform.url, (byAdmin.body as { jobId: string }).jobId, admin);
    expect(job.body.limits).toMatchObject({ timeMs: 1500, memoryMb: 128 });

    // Published: listed, its page shows the edited statement and limits, and users may submit.
    expect((await patch('edit-me', { visibility: 'published', statement: null })).status).toBe(200);
    expect((await patch('edit-me', { statement: 'Just print 1.' })).status).toBe(200);
    expect(await catalogSlugs()).toContain('edit-me');
    const page = (await (await fetch(`${platform.url}/problems/edit-me`)).json()) as Record<string, unknown>;
    expect(page).toMatchObject({
      slug: 'edit-me',
      title: 'Edited Title',
      difficulty: 'hard',
      kind: 'stdio',
      statement: 'Just print 1.',
      limits: { timeMs: 1500, memoryMb: 128 },
    });
    expect((await post(platform.url, '/submit', body, { cookie: user })).status).toBe(202);
  });

  it("keeps an admin's title, statement and visibility when the problem is imported again", async () => {
    await importAs('keep-me');
    const reimport = async (name: string) => {
      const answer = await fetch(`${platform.url}/admin/problems?slug=keep-me`, {
        method: 'POST',
        headers: { 'content-type': 'application/zip', cookie: admin },
        body: await tinyPackage(name),
      });
      expect(answer.status).toBe(200);
    };
    const detail = async () =>
      importedProblemDetailSchema.parse(
        await (await fetch(`${platform.url}/admin/problems/keep-me`, { headers: { cookie: admin } })).json(),
      );
    // Never edited: the newest package names the problem.
    await reimport('Second Name');
    expect((await detail()).settings.title).toBe('Second Name');
    // The settings form sends the title unchanged with the rest: that is not an edit of the title.
    const saved = await patch('keep-me', {
      title: 'Second Name',
      statement: 'The admin statement.',
      visibility: 'draft',
    });
    expect(saved.status).toBe(200);
    await reimport('Third Name');
    expect((await detail()).settings).toMatchObject({
      title: 'Third Name',
      statement: 'The admin statement.',
      visibility: 'draft',
    });
    // An edited title stays through re-imports; the version keeps its package's own name.
    expect((await patch('keep-me', { title: 'Admin Title' })).status).toBe(200);
    await reimport('Fourth Name');
    let now = await detail();
    expect(now.settings).toMatchObject({
      title: 'Admin Title',
      statement: 'The admin statement.',
      visibility: 'draft',
    });
    expect(now.versions[0]).toMatchObject({ version: 4, title: 'Fourth Name' });
    // null puts back the package's name, and re-imports name it again.
    const restored = await patch('keep-me', { title: null });
    expect(((await restored.json()) as { settings: { title: string } }).settings.title).toBe('Fourth Name');
    await reimport('Fifth Name');
    now = await detail();
    expect(now.settings.title).toBe('Fifth Name');
    expect(now.settings.visibility).toBe('draft');
  });

  it('deletes an imported problem, for admins only, and refuses the repository problems', async () => {
    await importAs('delete-me');
    expect((await remove('delete-me', '')).status).toBe(401);
    expect((await remove('delete-me', user)).status).toBe(403);
    const builtIn = await remove('two-sum');
    expect(builtIn.status).toBe(409);
    expect(await message(builtIn)).toContain('problems/two-sum');
    expect(await catalogSlugs()).toContain('delete-me');

    expect((await remove('delete-me')).status).toBe(204);
    expect(
      (await fetch(`${platform.url}/admin/problems/delete-me`, { headers: { cookie: admin } })).status,
    ).toBe(404);
    expect(await catalogSlugs(admin)).not.toContain('delete-me');
    expect((await remove('delete-me')).status).toBe(404);
    const submitted = await post(
      platform.url,
      '/submit',
      { language: 'python', code: 'print(1)', problem: 'delete-me', mode: 'submit' },
      { cookie: admin },
    );
    expect(submitted.status).toBe(400);
    // The repository's problems are still there.
    expect(await catalogSlugs()).toContain('two-sum');
  });
});
