/**
 * The teacher's views in Chromium: an admin signs in, filters everyone's submissions, rejudges one
 * from the list, exports the filtered rows as CSV (formula cells neutralised), and disables a
 * student (whose session ends at once); the header links to the API docs. At 1280×720 (light) and
 * 390×844 (dark) the list fits the window. UPDATE_SCREENSHOTS=1 writes the submissions view's
 * screenshots (desktop and phone) to docs/screenshots/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import { cleanup, ROOT, signUp, startApi, testPrefix, testSql } from '../support/platform.js';
import { buildWeb, freePort, horizontalOverflow, launchChromium, startWeb, type WebApp } from './web-app.js';

const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SCREENSHOTS = UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'arbiter-screenshots-'));
const PASSWORD = 'violet-harbour-71';

const ROWS: { user: string; problem: string; language: string; verdict: string; passed: number }[] = [
  { user: 'ada', problem: 'two-sum', language: 'python', verdict: 'ACCEPTED', passed: 6 },
  { user: 'ada', problem: 'climbing-stairs', language: 'cpp', verdict: 'WRONG_ANSWER', passed: 3 },
  { user: 'grace', problem: 'two-sum', language: 'java', verdict: 'TIME_LIMIT_EXCEEDED', passed: 4 },
  { user: 'grace', problem: 'binary-search', language: 'python', verdict: 'ACCEPTED', passed: 6 },
  { user: '-linus', problem: 'two-sum', language: 'javascript', verdict: 'RUNTIME_ERROR', passed: 0 },
  { user: '-linus', problem: 'coin-change', language: 'python', verdict: 'ACCEPTED', passed: 6 },
];

describe('teacher views in Chromium', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let web: WebApp;
  let browser: Browser;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, { WEB_ORIGIN: `http://127.0.0.1:${webPort}`, AUTH_RATE_PER_MINUTE_IP: '0' });
    const base = `http://127.0.0.1:${api.port}`;
    for (const name of ['teacher-admin', 'ada', 'grace', '-linus'])
      cookies.set(name, await signUp(base, name, PASSWORD));
    const ids = new Map<string, string>();
    for (const name of ['ada', 'grace', '-linus']) {
      const { rows } = await testSql(prefix, 'select id from users where username = $1', [name]);
      ids.set(name, String((rows[0] as { id: string }).id));
    }
    for (const [index, row] of ROWS.entries()) {
      await testSql(
        prefix,
        `insert into submissions (id, user_id, problem_slug, language, mode, code, status, verdict,
           tests_passed, tests_total, time_ms, memory_kb, created_at, finished_at)
         values (gen_random_uuid()::text, $1, $2, $3, 'submit', 'print(1)', 'completed', $4, $5, 6, $6, 9216,
           now() - make_interval(mins => $7::int), now() - make_interval(mins => $7::int))`,
        [
          ids.get(row.user),
          row.problem,
          row.language,
          row.verdict,
          row.passed,
          12 + index * 7,
          60 - index * 5,
        ],
      );
    }
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    web?.stop();
    if (!UPDATE_SCREENSHOTS) console.log(`screenshots in ${SCREENSHOTS}`);
    await api?.close();
    await cleanup(prefix);
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${web.url}/login?next=/admin/submissions`);
    await page.getByLabel('Username').fill('teacher-admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/admin/submissions`);
  }

  /** The elements that stick out of the window, for a failure message. */
  const widest = (page: Page) =>
    page.evaluate<string>(`[...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 8)
      .map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))
      .join('; ')`);

  const rows = (page: Page) => page.getByTestId('admin-submission-row');

  it('filters, rejudges, exports CSV and disables a student', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      colorScheme: 'light',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      await signIn(page);
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(ROWS.length);
      // Newest first: the last inserted row is on top.
      await expect.poll(() => rows(page).first().textContent()).toContain('-linus');
      const docs = page.getByTestId('api-docs-link');
      expect(await docs.getAttribute('href')).toBe(`http://127.0.0.1:${api.port}/docs`);
      await page.screenshot({ path: join(SCREENSHOTS, 'teacher-submissions-light.png') });

      // Filters: problem, then verdict on top of it, then a user.
      await page.getByTestId('filter-problem').selectOption('two-sum');
      await expect.poll(() => rows(page).count()).toBe(3);
      await page.getByTestId('filter-verdict').selectOption('TIME_LIMIT_EXCEEDED');
      await expect.poll(() => rows(page).count()).toBe(1);
      expect(await rows(page).first().textContent()).toContain('grace');
      await page.getByTestId('filter-verdict').selectOption('');
      await page.getByTestId('filter-problem').selectOption('');
      await page.getByTestId('filter-user').fill('ADA');
      await page.getByTestId('filter-user').press('Enter');
      await expect.poll(() => rows(page).count()).toBe(2);

      // Rejudge from the list: a new queued row on top, marked as a rejudge.
      const target = rows(page).filter({ hasText: 'Wrong answer' });
      await target.getByTestId('rejudge-button').click();
      await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('Rejudge queued');
      await expect.poll(() => rows(page).count()).toBe(3);
      expect(await rows(page).first().textContent()).toContain('rejudge');

      // CSV of what the filters show: ada's three rows, newest first.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('csv-export').click(),
      ]);
      const csv = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
      expect(csv[0]).toMatch(/^id,created_at,username,problem,/);
      expect(csv.slice(1, -1)).toHaveLength(3);
      expect(csv.slice(1, -1).every((line) => line.split(',')[2] === 'ada')).toBe(true);

      // The formula-looking username is neutralised in the unfiltered export.
      const all = await page.evaluate(
        async (href) => (await fetch(href, { credentials: 'include' })).text(),
        `http://127.0.0.1:${api.port}/admin/submissions.csv`,
      );
      expect(all).toContain(",'-linus,");
      expect(all).not.toMatch(/,-linus,/);

      // Disable grace from the users page: her open session ends.
      await page.getByRole('link', { name: 'Users', exact: true }).click();
      await page.waitForURL(`${web.url}/admin/users`);
      const grace = page.locator('[data-testid="user-row"][data-username="grace"]');
      await grace.getByTestId('toggle-disabled').click();
      await expect.poll(() => grace.getByTestId('user-state').textContent()).toBe('Disabled');
      const me = await fetch(`http://127.0.0.1:${api.port}/auth/me`, {
        headers: { cookie: cookies.get('grace') ?? '' },
      });
      expect(me.status).toBe(401);
      const login = await fetch(`http://127.0.0.1:${api.port}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'grace', password: PASSWORD }),
      });
      expect(login.status).toBe(403);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('fits a phone in dark mode', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await signIn(page);
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(ROWS.length);
      expect(await horizontalOverflow(page), await widest(page)).toBeLessThanOrEqual(0);
      expect(await page.getByTestId('csv-export').isVisible()).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'teacher-submissions-phone.png') });
      await page.goto(`${web.url}/admin/users`);
      await page.getByTestId('user-row').first().waitFor();
      expect(await horizontalOverflow(page), await widest(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
