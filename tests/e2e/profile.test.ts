/**
 * The profile page in Chromium: a new user solves Two Sum, follows the header's link to their profile
 * and sees the solve there (solved counts, recent solves, today's heatmap cell with its title, a one-day
 * streak); an unknown user's page says so. At 390×844 (dark) the page fits the window (the heatmap
 * scrolls inside its box).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import { cleanup, signUp, startApi, startWorkerInProcess, testPrefix } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
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

describe('the profile page in Chromium', () => {
  const prefix = testPrefix();
  const username = `solver_${prefix.slice(-6)}`;
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
    // The first account is the admin: the solver comes after it, as an ordinary user.
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

  it('shows a problem solved in the workspace on the profile the header links to', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    try {
      await page.goto(`${web.url}/signup?next=/problems/two-sum`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('violet-harbour-71');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await openPane(page, 'code');
      await openEditor(page, { timeout: scaledMs(20_000) });
      await page.getByTestId('language').selectOption('python');
      await setEditorCode(page, SOLVED);
      await page.getByTestId('submit').click();
      await page
        .locator('[data-testid="verdict"][data-verdict="ACCEPTED"]')
        .waitFor({ timeout: scaledMs(60_000) });
      const today = new Date().toISOString().slice(0, 10);

      await page.getByTestId('username').click();
      await page.waitForURL(`${web.url}/users/${username}`);
      await page.getByTestId('profile').waitFor({ timeout: scaledMs(20_000) });
      expect(await page.getByTestId('profile-username').textContent()).toBe(username);
      expect(await page.getByTestId('solved-total').textContent()).toBe('1');
      const easy = page.getByTestId('solved-easy').getByRole('progressbar');
      expect(await easy.getAttribute('aria-valuenow')).toBe('1');
      const recent = page.getByTestId('recent-accepted').getByRole('link', { name: 'Two Sum' });
      expect(await recent.getAttribute('href')).toBe('/problems/two-sum');
      expect(await page.getByTestId('solved-tags').locator('[data-tag="hash-table"]').count()).toBe(1);
      expect(await page.getByTestId('streak-current').textContent()).toContain('1 day');
      expect(await page.getByTestId('activity-total').textContent()).toBe('1 submission');

      // Today's cell: shaded, titled and labelled with its date and count; the days before are empty.
      const cell = page.locator(`[data-testid="heatmap"] rect[data-date="${today}"]`);
      expect(await cell.getAttribute('data-count')).toBe('1');
      expect(await cell.getAttribute('aria-label')).toBe(`1 submission on ${today}`);
      expect(await cell.locator('title').textContent()).toBe(`1 submission on ${today}`);
      expect(await cell.getAttribute('class')).toContain('level-1');
      expect(await page.locator('[data-testid="heatmap"] rect[data-count="0"]').count()).toBe(364);
      expect(await page.getByTestId('heatmap-legend').getByRole('listitem').count()).toBe(5);

      // From the profile back to the problem.
      await recent.click();
      await page.waitForURL(`${web.url}/problems/two-sum`);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('says so for an unknown user, and fits a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.goto(`${web.url}/users/nobody-by-that-name`);
      await page.getByTestId('profile-error').waitFor({ timeout: scaledMs(20_000) });
      expect(await page.getByTestId('profile-error').textContent()).toContain(
        'No user named "nobody-by-that-name".',
      );

      await page.goto(`${web.url}/users/${username}`);
      await page.getByTestId('profile').waitFor({ timeout: scaledMs(20_000) });
      expect(await horizontalOverflow(page)).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
