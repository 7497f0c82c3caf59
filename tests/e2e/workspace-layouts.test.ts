/**
 * End to end in Chromium, at a desktop (1280×720) and a phone (390×844) viewport, light and dark: the
 * narrow layout (panes as tabs, a folding menu, Run and Submit always on screen, nothing wider than the
 * window; a tablet too), the "Solved" badge after an accepted submit, a language switch clearing the
 * last result, one count of passed / total tests in the workspace, the history and the detail (with
 * the failing test and per-test times), custom cases (errors beside the input, kept across a reload),
 * every sample run past a crash, and the playground (live Python output, "Finished" with wall time, a
 * clean traceback, the version said once). UPDATE_SCREENSHOTS=1 writes the phone screenshot to
 * docs/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import { cleanup, ROOT, startApi, startWorkerInProcess, testPrefix } from '../support/platform.js';
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

const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SCREENSHOTS = UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'arbiter-screenshots-'));

const SOLVED = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
`;
const WRONG = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        return [0, 1]
`;
const ENDLESS = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        while True:
            pass
`;
/** Crashes on the first sample only ([2,7,11,15]); right on the others. */
const CRASHES_FIRST = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        if nums[0] == 2:
            raise ValueError("first sample")
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
`;
/** Prints without flushing, with pauses: output must still arrive while it runs. */
const SLOW_PYTHON = `import time
for i in range(6):
    print(f"tick {i}")
    time.sleep(0.5)
`;
const RAISES = `def f():
    raise ValueError("boom")

f()
`;

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 720, colorScheme: 'light' as const },
  { name: 'phone', width: 390, height: 844, colorScheme: 'dark' as const },
];

/** Waits for the verdict of the job in the result pane and returns its "passed / total" text. */
async function verdictOf(page: Page, verdict: string): Promise<string> {
  await page.locator(`[data-testid="verdict"][data-verdict="${verdict}"]`).waitFor({ timeout: 60_000 });
  return (await page.getByTestId('tests-passed').innerText()).trim();
}

async function expectOnScreen(page: Page, testId: string, width: number): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  if (box === null) return;
  expect(box.x, testId).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, testId).toBeLessThanOrEqual(width);
  expect(box.width, testId).toBeGreaterThan(20);
}

describe('workspace layouts and fixes in Chromium', () => {
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
    });
    worker = await startWorkerInProcess(prefix);
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    web?.stop();
    if (!UPDATE_SCREENSHOTS) console.log(`screenshots in ${SCREENSHOTS}`);
    await worker?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  it('fits a tablet: panes as tabs, Run and Submit on screen, no horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await context.newPage();
    try {
      for (const path of ['/problems', '/playground', '/submissions']) {
        await page.goto(`${web.url}${path}`);
        await page.getByTestId('theme-toggle').waitFor();
        expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      }
      await page.goto(`${web.url}/problems/two-sum`);
      await page.locator('[data-testid="workspace"][data-layout="tabs"]').waitFor({ timeout: 20_000 });
      await expectOnScreen(page, 'run', 820);
      await expectOnScreen(page, 'submit', 820);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  describe.each(VIEWPORTS)(
    'at $width×$height ($name, $colorScheme)',
    ({ name, width, height, colorScheme }) => {
      let context: BrowserContext;
      let page: Page;
      const username = `lay_${name.slice(0, 2)}_${prefix.slice(-6)}`;
      const phone = name === 'phone';

      beforeAll(async () => {
        context = await browser.newContext({ viewport: { width, height }, colorScheme });
        page = await context.newPage();
      });
      afterAll(async () => {
        await context?.close();
      });

      it('lays the pages out within the window, with the menu, theme and sign-in reachable', async () => {
        for (const path of ['/problems', '/playground', '/submissions', '/login']) {
          await page.goto(`${web.url}${path}`);
          await page.getByTestId('theme-toggle').waitFor();
          expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
          await expectOnScreen(page, 'theme-toggle', width);
        }
        await page.goto(`${web.url}/problems`);
        await expectOnScreen(page, 'problem-two-sum', width);
        const signIn = await page.getByRole('link', { name: 'Sign in' }).boundingBox();
        expect(signIn !== null && signIn.x + signIn.width <= width).toBe(true);
        const nav = page.getByTestId('main-nav');
        if (phone) {
          expect(await nav.isVisible()).toBe(false);
          await page.getByTestId('nav-toggle').click();
          await nav.getByRole('link', { name: 'Playground' }).click();
          await page.waitForURL(`${web.url}/playground`);
          // The menu folds when the new page's path reaches the header, a render after the URL changed.
          await nav.waitFor({ state: 'hidden', timeout: 10_000 });
        } else {
          expect(await page.getByTestId('nav-toggle').isVisible()).toBe(false);
          expect(await nav.isVisible()).toBe(true);
        }
      }, 60_000);

      it('signs up and shows the workspace: tabs on a phone, Run and Submit always on screen', async () => {
        await page.goto(`${web.url}/signup?next=/problems/two-sum`);
        await page.getByLabel('Username').fill(username);
        await page.getByLabel('Password').fill('violet-harbour-71');
        await page.getByRole('button', { name: 'Sign up' }).click();
        await page.waitForURL(`${web.url}/problems/two-sum`);
        await page
          .locator(`[data-testid="workspace"][data-layout="${phone ? 'tabs' : 'split'}"]`)
          .waitFor({ timeout: 20_000 });
        for (const pane of ['description', 'code', 'result'] as const) {
          await openPane(page, pane);
          await expectOnScreen(page, 'run', width);
          await expectOnScreen(page, 'submit', width);
          expect(await horizontalOverflow(page), pane).toBeLessThanOrEqual(0);
        }
        await openPane(page, 'description');
        const statement = await page.locator('.statement').boundingBox();
        // The page's width: the window less the scrollbar's room (kept by `scrollbar-gutter: stable`).
        const pageWidth = await page.evaluate<number>('document.body.clientWidth');
        expect(statement?.width ?? 0).toBeGreaterThan(Math.min(pageWidth - 60, 400));
        expect(await page.locator('.solved-pill').count()).toBe(0);
      }, 60_000);

      it('marks the problem solved after an accepted submit, without a reload', async () => {
        await openPane(page, 'code');
        await openEditor(page, { timeout: 20_000 });
        await page.getByTestId('language').selectOption('python');
        await setEditorCode(page, SOLVED);
        await page.getByTestId('submit').click();
        const counted = await verdictOf(page, 'ACCEPTED');
        expect(counted).toBe('34 / 34 tests passed');
        await page.getByTestId('distribution-chart').waitFor({ timeout: 15_000 });
        if (phone) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: join(SCREENSHOTS, 'workspace-phone.png') });
        }
        await openPane(page, 'description');
        await page.locator('.solved-pill').waitFor({ timeout: 5_000 });
      }, 90_000);

      it("clears the last language's result and chart when the language changes", async () => {
        await openPane(page, 'result');
        expect(await page.getByTestId('verdict-panel').count()).toBe(1);
        await openPane(page, 'code');
        await page.getByTestId('language').selectOption('javascript');
        await openPane(page, 'result');
        expect(await page.getByTestId('verdict-panel').count()).toBe(0);
        expect(await page.getByTestId('distribution-chart').count()).toBe(0);
        await openPane(page, 'code');
        await page.getByTestId('language').selectOption('python');
      }, 30_000);

      it('counts passed / total the same in the workspace, the history and the detail (wrong answer, time limit)', async () => {
        await openPane(page, 'code');
        await setEditorCode(page, ENDLESS);
        await page.getByTestId('submit').click();
        expect(await verdictOf(page, 'TIME_LIMIT_EXCEEDED')).toBe('0 / 34 tests passed');

        await openPane(page, 'code');
        await setEditorCode(page, WRONG);
        await page.getByTestId('submit').click();
        const wrong = /^(\d+) \/ 34 tests passed$/.exec(await verdictOf(page, 'WRONG_ANSWER'));
        expect(wrong).not.toBeNull();
        const passed = Number(wrong?.[1]);

        await page.goto(`${web.url}/submissions`);
        const rows = page.getByTestId('submission-row');
        await rows.first().waitFor();
        expect(await rows.nth(0).innerText()).toContain(`${passed} / 34`);
        expect(await rows.nth(1).innerText()).toContain('0 / 34');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

        await rows.nth(0).getByRole('link').first().click();
        await page
          .getByTestId('tests-passed')
          .filter({ hasText: `${passed} / 34` })
          .waitFor();
        // The failure, in full: its input, what the code returned, what was expected.
        expect(await page.getByTestId('failing-input').innerText()).toContain('nums =');
        expect(await page.getByTestId('actual-output').innerText()).toBe('[0,1]');
        expect(await page.getByTestId('expected-output').innerText()).not.toBe('[0,1]');
        const times = await page.getByTestId('test-time').allInnerTexts();
        expect(times.length).toBe(passed + 1);
        for (const time of times) expect(time).not.toBe('0.00 ms');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }, 120_000);

      it('says what a custom case is missing beside its input, and keeps the cases across a reload', async () => {
        await page.goto(`${web.url}/problems/two-sum`);
        await openPane(page, 'result');
        await page.getByRole('tab', { name: 'Testcase' }).click();
        await page.getByTestId('add-case').click();
        await page.getByTestId('case-input').fill('[3,3]');
        await page.getByTestId('run').click();
        const error = page.getByTestId('case-error');
        await error.waitFor({ timeout: 20_000 });
        expect(await error.innerText()).toBe(
          'Case 4: expected 2 lines: nums, target (one JSON value per line), got 1',
        );
        expect(await page.getByTestId('case-input').inputValue()).toBe('[3,3]');
        expect(await page.getByTestId('case-tab-3').getAttribute('aria-selected')).toBe('true');

        await page.reload();
        await openPane(page, 'result');
        await page.getByTestId('case-tab-3').click();
        expect(await page.getByTestId('case-input').inputValue()).toBe('[3,3]');
        await page.getByTestId('case-input').fill('[3,3]\n6');
        expect(await page.getByTestId('case-error').count()).toBe(0);
      }, 60_000);

      it('runs every case, past one that crashes', async () => {
        await openPane(page, 'code');
        await openEditor(page, { timeout: 20_000 });
        await setEditorCode(page, CRASHES_FIRST);
        await page.getByTestId('run').click();
        expect(await verdictOf(page, 'RUNTIME_ERROR')).toBe('3 / 4 test cases passed');
        const verdicts = [];
        for (const index of [0, 1, 2, 3]) {
          verdicts.push(await page.getByTestId(`case-result-${index}`).getAttribute('data-verdict'));
        }
        expect(verdicts).toEqual(['RUNTIME_ERROR', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
      }, 60_000);

      it('streams playground Python as it prints, then says "Finished" with the wall time', async () => {
        await page.goto(`${web.url}/playground`);
        await openEditor(page, { timeout: 20_000 });
        const python = page.locator('[data-testid="language"] option[value="python"]');
        await python.waitFor({ state: 'attached' });
        const label = await python.innerText();
        expect(label).toMatch(/^Python 3\.\d+/);
        expect(label).not.toMatch(/Python 3 3/);
        await page.getByTestId('language').selectOption('python');
        await setEditorCode(page, SLOW_PYTHON);
        await page.getByTestId('stdin').fill('');
        await page.getByTestId('playground-run').click();
        await page.getByTestId('output').filter({ hasText: 'tick 1' }).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('verdict').count()).toBe(0);
        await page.locator('[data-testid="verdict"]', { hasText: 'Finished' }).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('output').innerText()).toContain('tick 5');
        const wall = /^(\d+\.\d\d) s$/.exec(await page.getByTestId('wall-time').innerText());
        expect(Number(wall?.[1])).toBeGreaterThanOrEqual(2.5);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

        await setEditorCode(page, RAISES);
        await page.getByTestId('playground-run').click();
        await page
          .locator('[data-testid="verdict"]', { hasText: 'Runtime Error' })
          .waitFor({ timeout: 30_000 });
        const output = await page.getByTestId('output').innerText();
        expect(output).toContain('File "main.py", line 4');
        expect(output).toContain('ValueError: boom');
        expect(output).not.toContain('<string>');
      }, 90_000);
    },
  );
});
