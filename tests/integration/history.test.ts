/** A user's history: newest first, filters, cursor pages, code for the owner only, and the runtime distribution. */
import { describe, expect, it } from 'vitest';
import { CATALOG_ROOT, loadCatalog } from '@arbiter/problems';
import { waitFor, waitForResult, signUp } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0', AUTH_RATE_PER_MINUTE_IP: '0' } });

async function get(
  path: string,
  cookie?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${platform.url}${path}`, { headers: cookie === undefined ? {} : { cookie } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function judge(cookie: string, body: object): Promise<string> {
  const response = await fetch(`${platform.url}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const { jobId } = (await response.json()) as { jobId: string };
  await waitForResult(platform.url, jobId, 60_000, cookie);
  // The history is the database: wait until the result is saved there.
  await waitFor(
    async () => (await get(`/submissions/${jobId}`, cookie)).body.status === 'completed',
    10_000,
    () => jobId,
  );
  return jobId;
}

describe('history', () => {
  it('lists a user’s submissions newest first, filters them and pages with a cursor', async () => {
    const cookie = await signUp(platform.url, 'historian');
    const catalog = await loadCatalog(CATALOG_ROOT);
    const twoSum = catalog.get('two-sum')?.solutions.find((s) => s.language === 'python')?.code ?? '';
    const ids = [
      await judge(cookie, { language: 'python', code: 'print(1)' }),
      await judge(cookie, { language: 'python', code: twoSum, problem: 'two-sum', mode: 'submit' }),
      await judge(cookie, {
        language: 'python',
        code: 'class Solution:\n  def twoSum(self, n, t):\n    return [0, 1]',
        problem: 'two-sum',
        mode: 'submit',
      }),
    ];
    const all = await get('/submissions', cookie);
    expect((all.body.items as { id: string }[]).map((item) => item.id)).toEqual([...ids].reverse());

    const accepted = await get('/submissions?problem=two-sum&verdict=ACCEPTED', cookie);
    expect(accepted.body.items).toEqual([
      expect.objectContaining({ id: ids[1], verdict: 'ACCEPTED', problemSlug: 'two-sum' }),
    ]);

    const first = await get('/submissions?limit=2', cookie);
    expect((first.body.items as unknown[]).length).toBe(2);
    const second = await get(
      `/submissions?limit=2&cursor=${encodeURIComponent(String(first.body.nextCursor))}`,
      cookie,
    );
    expect((second.body.items as { id: string }[]).map((item) => item.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    expect((await get('/submissions?cursor=garbage', cookie)).status).toBe(400);

    const one = await get(`/submissions/${ids[1]}`, cookie);
    expect(one.body).toMatchObject({ id: ids[1], code: twoSum, result: { verdict: 'ACCEPTED' } });

    const stranger = await signUp(platform.url, 'stranger');
    expect((await get(`/submissions/${ids[1]}`, stranger)).status).toBe(404);
    expect((await get('/submissions', stranger)).body.items).toEqual([]);
    expect((await get('/submissions')).status).toBe(401);

    const distribution = await get('/problems/two-sum/distribution?language=python');
    expect(distribution.body).toMatchObject({ total: 1 });

    // A second accepted submit is ranked against the first: a percentile from GET /status.
    const again = await judge(cookie, {
      language: 'python',
      code: twoSum,
      problem: 'two-sum',
      mode: 'submit',
    });
    const ranked = (await get(`/status/${again}`, cookie)).body as {
      percentile: { runtime: number; memory: number } | null;
    };
    expect(ranked.percentile).toEqual({ runtime: expect.any(Number), memory: expect.any(Number) });
    expect(ranked.percentile?.runtime).toBeGreaterThanOrEqual(0);
    expect(ranked.percentile?.runtime).toBeLessThanOrEqual(100);
    const list = (await get('/problems', cookie)).body as unknown as {
      slug: string;
      status: string | null;
      acceptanceRate: number;
    }[];
    expect(list.find((p) => p.slug === 'two-sum')).toMatchObject({ status: 'solved' });
    expect(list.find((p) => p.slug === 'two-sum')?.acceptanceRate).toBeCloseTo(200 / 3, 1);
  });
});
