/**
 * Problems through the real API, worker and sandbox: the catalog and problem pages (hidden
 * tests never leave the server), LeetCode solutions pasted unchanged and judged in every
 * language, run mode with custom inputs, and what a failing submission shows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobResult, LanguageId, ProblemDetail, ProblemSummary } from '@arbiter/contracts';
import { LANGUAGE_IDS, functionPart } from '@arbiter/languages';
import { CATALOG_ROOT, loadCatalog, type Catalog } from '@arbiter/problems';
import { connect, subscribe, waitFor, waitForResult, signUp } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

/** The languages every named problem has a reference solution in since the start. */
const CORE_LANGUAGES: readonly string[] = ['c', 'cpp', 'java', 'javascript', 'python', 'typescript'];

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' } });
let cookie: string;
let catalog: Catalog;

beforeAll(async () => {
  catalog = await loadCatalog(CATALOG_ROOT);
  cookie = await signUp(platform.url, 'solver');
});

async function judge(body: object): Promise<JobResult> {
  const response = await fetch(`${platform.url}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { jobId?: string; error?: unknown };
  if (answer.jobId === undefined) throw new Error(`submit refused: ${JSON.stringify(answer)}`);
  return waitForResult(platform.url, answer.jobId, 60_000, cookie);
}

function solution(slug: string, language: LanguageId): string {
  const code = catalog.get(slug)?.solutions.find((s) => s.language === language)?.code;
  if (code === undefined) throw new Error(`no ${language} solution for ${slug}`);
  return code;
}

describe('the catalog', () => {
  it('lists problems with difficulty, tags and acceptance', async () => {
    const list = (await (await fetch(`${platform.url}/problems`)).json()) as ProblemSummary[];
    const twoSum = list.find((p) => p.slug === 'two-sum');
    expect(twoSum).toMatchObject({ title: 'Two Sum', difficulty: 'easy', status: null });
    expect(list.map((p) => p.slug)).toEqual(expect.arrayContaining(['reverse-linked-list', 'a-plus-b']));
  });

  it('shows a problem with its statement, examples and LeetCode-style starter code', async () => {
    const response = await fetch(`${platform.url}/problems/two-sum`);
    const detail = (await response.json()) as ProblemDetail;
    expect(detail.statement).toMatch(/## Constraints/);
    expect(detail.examples[0]).toEqual({
      input: 'nums = [2,7,11,15]\ntarget = 9',
      output: '[0,1]',
      testInput: '[2,7,11,15]\n9',
    });
    // Every language with a function part has a starter (docs/LANGUAGES.md lists them).
    expect(Object.keys(detail.starterCode).sort()).toEqual(
      LANGUAGE_IDS.filter((id) => functionPart(id) !== undefined).sort(),
    );
    expect(Object.keys(detail.starterCode)).toEqual(
      expect.arrayContaining([...CORE_LANGUAGES, 'go', 'ruby', 'php', 'rust', 'csharp', 'scala', 'kotlin']),
    );
    expect(detail.starterCode.rust).toContain('pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {');
    expect(detail.starterCode.csharp).toContain('public int[] TwoSum(int[] nums, int target) {');
    expect(detail.starterCode.scala).toContain('def twoSum(nums: Array[Int], target: Int): Array[Int] = {');
    expect(detail.starterCode.kotlin).toContain('fun twoSum(nums: IntArray, target: Int): IntArray {');
    expect(detail.starterCode.python).toContain(
      'def twoSum(self, nums: List[int], target: int) -> List[int]:',
    );
    expect(detail.starterCode.java).toContain('public int[] twoSum(int[] nums, int target)');
    expect((await fetch(`${platform.url}/problems/no-such-problem`)).status).toBe(404);
  });

  it('never sends hidden tests', async () => {
    const hidden = JSON.parse(
      await readFile(join(CATALOG_ROOT, 'two-sum', 'tests', 'hidden.json'), 'utf8'),
    ) as {
      args: unknown[];
    }[];
    const bodies = await Promise.all(
      [`${platform.url}/problems`, `${platform.url}/problems/two-sum`].map((u) =>
        fetch(u).then((r) => r.text()),
      ),
    );
    // Arguments long enough to be unmistakable.
    const distinctive = hidden.map((test) => JSON.stringify(test.args[0])).filter((text) => text.length > 20);
    expect(distinctive.length).toBeGreaterThan(5);
    for (const text of distinctive) {
      for (const body of bodies) expect(body).not.toContain(text);
    }
  });
});

describe('judging', () => {
  it.each(['python', 'javascript', 'typescript', 'cpp', 'c', 'java'] as LanguageId[])(
    'accepts a LeetCode two-sum pasted unchanged in %s, test by test',
    async (language) => {
      const result = await judge({
        language,
        code: solution('two-sum', language),
        problem: 'two-sum',
        mode: 'submit',
      });
      expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', failedTest: null });
      expect(result.passed).toBe(result.total);
      expect(result.total).toBeGreaterThan(3);
      expect(result.tests).toHaveLength(result.total ?? 0);
    },
  );

  // The problems the catalog must have, with LeetCode's slugs: their LeetCode-style solutions
  // are pasted unchanged in all six languages; every other problem in one language.
  const NAMED = [
    'two-sum',
    'valid-parentheses',
    'merge-intervals',
    'best-time-to-buy-and-sell-stock',
    'maximum-subarray',
    'climbing-stairs',
    'longest-substring-without-repeating-characters',
    'contains-duplicate',
    'product-of-array-except-self',
    'number-of-islands',
    'top-k-frequent-elements',
    'search-in-rotated-sorted-array',
    'coin-change',
    'longest-common-subsequence',
    'median-of-two-sorted-arrays',
    'trapping-rain-water',
    'valid-anagram',
    'binary-search',
    'reverse-linked-list',
    'merge-two-sorted-lists',
    'maximum-depth-of-binary-tree',
    'invert-binary-tree',
    'group-anagrams',
    'a-plus-b',
  ];

  it(
    'accepts the reference solutions through the API: named problems in every language, the rest in one',
    { timeout: 600_000 },
    async () => {
      expect(catalog.size).toBeGreaterThanOrEqual(40);
      const jobs: Array<{ slug: string; language: LanguageId }> = [];
      for (const problem of catalog.values()) {
        // The six first languages here; the others' reference solutions are judged by judge-problem-catalog.test.ts.
        const languages = NAMED.includes(problem.slug)
          ? problem.solutions.map((s) => s.language).filter((language) => CORE_LANGUAGES.includes(language))
          : [problem.solutions.some((s) => s.language === 'cpp') ? 'cpp' : 'python'];
        for (const language of languages) jobs.push({ slug: problem.slug, language: language as LanguageId });
      }
      for (const slug of NAMED) {
        expect(
          catalog
            .get(slug)
            ?.solutions.map((s) => s.language)
            .sort(),
          slug,
        ).toEqual(expect.arrayContaining([...CORE_LANGUAGES]));
      }
      // A few at a time: the platform.worker runs two, the rest wait in the queue.
      const failures: string[] = [];
      for (let i = 0; i < jobs.length; i += 6) {
        const batch = jobs.slice(i, i + 6);
        const results = await Promise.all(
          batch.map(({ slug, language }) =>
            judge({ language, code: solution(slug, language), problem: slug, mode: 'submit' }),
          ),
        );
        results.forEach((result, k) => {
          if (result.verdict !== 'ACCEPTED')
            failures.push(`${batch[k]?.slug} ${batch[k]?.language}: ${result.verdict}`);
        });
      }
      expect(failures).toEqual([]);
    },
  );

  it('shows the first failing test of a wrong submission with input, expected and actual', async () => {
    const wrong = `class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        return {0, 1};\n    }\n};\n`;
    const result = await judge({ language: 'cpp', code: wrong, problem: 'two-sum', mode: 'submit' });
    expect(result.verdict).toBe('WRONG_ANSWER');
    expect(result.failedTest).toMatchObject({ verdict: 'WRONG_ANSWER', actual: '[0,1]' });
    expect(result.failedTest?.input).toBeTruthy();
    expect(result.failedTest?.expected).toBeTruthy();
    expect(result.passed).toBeLessThan(result.total ?? 0);
  });

  it('runs samples plus custom inputs, answered by the reference, and streams test events', async () => {
    const client = connect(platform.url, cookie);
    try {
      const response = await fetch(`${platform.url}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          language: 'python',
          code: solution('two-sum', 'python'),
          problem: 'two-sum',
          tests: ['[1,5,9]\n14'],
        }),
      });
      const { jobId } = (await response.json()) as { jobId: string };
      await subscribe(client.socket, jobId);
      await waitFor(
        () => client.events.some((e) => e.type === 'result'),
        30_000,
        () => JSON.stringify(client.events),
      );
      const result = await waitForResult(platform.url, jobId, 30_000, cookie);
      expect(result.verdict).toBe('ACCEPTED');
      const custom = result.tests.find((t) => t.source === 'custom');
      expect(custom).toMatchObject({
        input: 'nums = [1,5,9]\ntarget = 14',
        expected: '[1,2]',
        actual: '[1,2]',
      });
      expect(result.tests.filter((t) => t.source === 'sample')).toHaveLength(3);
      expect(client.events.filter((e) => e.type === 'test')).toHaveLength(result.tests.length);
    } finally {
      client.socket.close();
    }
  });

  it('refuses custom inputs that do not fit the signature, and languages a problem lacks', async () => {
    const bad = await fetch(`${platform.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ language: 'python', code: 'x', problem: 'two-sum', tests: ['"not a list"\n3'] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: /tests\.0/ } });
    const unknown = await fetch(`${platform.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ language: 'python', code: 'x', problem: 'no-such-problem' }),
    });
    expect(unknown.status).toBe(400);
  });
});
