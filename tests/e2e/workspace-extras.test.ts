/**
 * The workspace's additions in Chromium, at 1280×720 (light) and 390×844 (dark): the problem list sorted
 * by title, difficulty and acceptance; previous / next / random problem; the statement pane's tabs
 * (Description, this problem's Submissions, the Solutions that open after an accepted submit); and a
 * failing test's input taken as a test case with one click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import { cleanup, signUp, startApi, startWorkerInProcess, testPrefix } from '../support/platform.js';
import {
  buildWeb,
  freePort,
  horizontalOverflow,
  launchChromium,
  openEditor,
  openPane,
  setEditorCode,
  startWeb,
  type WebApp,
} from './web-app.js';

const SOLVED = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
`;
/** Right on the samples (four numbers at most), wrong on a hidden test of five: its input is short. */
const WRONG = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        if len(nums) > 4:
            return [0, 1]
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
`;

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 720, colorScheme: 'light' as const },
  { name: 'phone', width: 390, height: 844, colorScheme: 'dark' as const },
];

const DIFFICULTY_RANK: Record<string, number> = { easy: 0, medium: 1, hard: 2 };

/** The problem list's rows as shown: title, difficulty and acceptance text. */
async function listRows(page: Page): Promise<{ title: string; difficulty: string; acceptance: string }[]> {
  return page.evaluate(`[...document.querySelectorAll('tr[data-testid^="problem-"]')].map((row) => ({
    title: row.querySelector('.problem-link').textContent.trim(),
    difficulty: row.querySelector('.difficulty').textContent.trim(),
    acceptance: row.querySelector('td.num').textContent.trim(),
  }))`);
}

describe('workspace tabs, problem navigation, list sorting and failing inputs in Chromium', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let worker: RunningWorker;
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, {
      WEB_ORIGIN: `http://127.0.0.1:${webPort}`,
      SUBMIT_RATE_PER_MINUTE_IP: '0',
      AUTH_RATE_PER_MINUTE_IP: '0',
    });
    // The first account is the admin, who may read every solution: the students come after it.
    await signUp(`http://127.0.0.1:${api.port}`, `adm_${prefix.slice(-8)}`);
    worker = await startWorkerInProcess(prefix);
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    web?.stop();
    await worker?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  describe.each(VIEWPORTS)(
    'at $width×$height ($name, $colorScheme)',
    ({ name, width, height, colorScheme }) => {
      let context: BrowserContext;
      let page: Page;
      const username = `ext_${name.slice(0, 2)}_${prefix.slice(-6)}`;

      beforeAll(async () => {
        context = await browser.newContext({ viewport: { width, height }, colorScheme });
        page = await context.newPage();
      });
      afterAll(async () => {
        await context?.close();
      });

      it('sorts the problem list by title and by difficulty, both ways', async () => {
        await page.goto(`${web.url}/signup?next=/problems`);
        await page.getByLabel('Username').fill(username);
        await page.getByLabel('Password').fill('violet-harbour-71');
        await page.getByRole('button', { name: 'Sign up' }).click();
        await page.getByTestId('problem-two-sum').waitFor();

        await page.getByTestId('sort-title').click();
        const byTitle = (await listRows(page)).map((row) => row.title);
        expect(byTitle.length).toBeGreaterThan(10);
        expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b)));
        expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Title');
        await page.getByTestId('sort-title').click();
        const descending = (await listRows(page)).map((row) => row.title);
        expect(descending).toEqual([...byTitle].reverse());

        await page.getByTestId('sort-difficulty').click();
        await page.getByTestId('sort-difficulty').click();
        const levels = (await listRows(page)).map((row) => DIFFICULTY_RANK[row.difficulty] ?? -1);
        expect(levels[0]).toBe(2);
        expect(levels).toEqual([...levels].sort((a, b) => b - a));
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }, 60_000);

      it('goes to the next, the previous and a random problem', async () => {
        await page.goto(`${web.url}/problems/two-sum`);
        await openPane(page, 'description');
        await page.getByTestId('problem-next').click();
        await page.waitForURL((url) => url.pathname !== '/problems/two-sum');
        const next = new URL(page.url()).pathname;
        expect(next).toMatch(/^\/problems\/[a-z0-9-]+$/);
        await openPane(page, 'description');
        await page.locator('#problem-title').waitFor();
        await page.getByTestId('problem-prev').click();
        await page.waitForURL(`${web.url}/problems/two-sum`);
        await openPane(page, 'description');
        await page.locator('#problem-title', { hasText: 'Two Sum' }).waitFor();
        await page.getByTestId('problem-random').click();
        await page.waitForURL((url) => url.pathname !== '/problems/two-sum');
        expect(new URL(page.url()).pathname).toMatch(/^\/problems\/[a-z0-9-]+$/);
      }, 60_000);

      it('takes a failing input as a test case, and keeps the solutions locked before an accept', async () => {
        await page.goto(`${web.url}/problems/two-sum`);
        await openPane(page, 'description');
        await page.getByTestId('side-tab-solutions').click();
        await page.getByTestId('solutions-locked').waitFor();
        await page.getByTestId('side-tab-submissions').click();
        await page.getByTestId('problem-submissions-empty').waitFor();
        await page.getByTestId('side-tab-description').click();

        await openPane(page, 'code');
        await openEditor(page, { timeout: 20_000 });
        await page.getByTestId('language').selectOption('python');
        await setEditorCode(page, WRONG);
        await page.getByTestId('submit').click();
        await page
          .locator('[data-testid="verdict"][data-verdict="WRONG_ANSWER"]')
          .waitFor({ timeout: 60_000 });
        const shown = await page.getByTestId('failing-input').innerText();
        const lines = shown.split('\n');
        expect(lines[0]).toMatch(/^nums = \[/);
        expect(lines[1]).toMatch(/^target = -?\d+$/);
        expect(await page.getByTestId('failing-test').innerText()).toContain('(hidden)');
        await page.getByTestId('use-as-case').click();
        // The new case is chosen, under the Testcase tab, one JSON value per line.
        const before = 3; // the samples
        expect(await page.locator('[data-testid^="case-tab-"]').count()).toBe(before + 1);
        expect(await page.getByTestId(`case-tab-${before}`).getAttribute('aria-selected')).toBe('true');
        expect(await page.getByTestId('case-input').inputValue()).toBe(
          lines.map((line) => line.replace(/^\w+ = /, '')).join('\n'),
        );
        await page.getByTestId('run').click();
        await page
          .locator(`[data-testid="case-result-${before}"][data-verdict="WRONG_ANSWER"]`)
          .waitFor({ timeout: 60_000 });

        await openPane(page, 'description');
        await page.getByTestId('side-tab-submissions').click();
        await page.getByTestId('problem-submission-row').first().waitFor();
        expect(await page.getByTestId('problem-submission-row').count()).toBe(1);
        expect(await page.getByTestId('problem-submission-row').first().getAttribute('data-verdict')).toBe(
          'WRONG_ANSWER',
        );
      }, 150_000);

      it('lists the accepted submit in the Submissions tab and opens the reference solutions', async () => {
        await openPane(page, 'code');
        await setEditorCode(page, SOLVED);
        await page.getByTestId('submit').click();
        await page.locator('[data-testid="verdict"][data-verdict="ACCEPTED"]').waitFor({ timeout: 60_000 });

        await openPane(page, 'description');
        await page.getByTestId('side-tab-submissions').click();
        await page.locator('[data-testid="problem-submission-row"][data-verdict="ACCEPTED"]').waitFor();
        expect(await page.getByTestId('problem-submission-row').count()).toBe(2);
        expect(await page.getByTestId('problem-submission-row').first().getAttribute('data-verdict')).toBe(
          'ACCEPTED',
        );

        await page.getByTestId('side-tab-solutions').click();
        await page.getByTestId('solution-code').waitFor();
        expect(await page.getByTestId('solution-code').innerText()).toContain('def twoSum');
        await page.getByTestId('solution-tab-cpp').click();
        expect(await page.getByTestId('solution-code').innerText()).toContain('vector<int> twoSum');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

        // Acceptance sorting puts problems nobody submitted to last, the rest in order.
        await page.goto(`${web.url}/problems`);
        await page.getByTestId('problem-two-sum').waitFor();
        await page.getByTestId('sort-acceptance').click();
        const rates = (await listRows(page)).map((row) => row.acceptance);
        const known = rates.filter((rate) => rate.endsWith('%')).map((rate) => Number.parseFloat(rate));
        expect(known.length).toBeGreaterThan(0);
        expect(known).toEqual([...known].sort((a, b) => a - b));
        expect(rates.slice(0, known.length).every((rate) => rate.endsWith('%'))).toBe(true);
      }, 120_000);
    },
  );
});
