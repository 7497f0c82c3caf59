/**
 * Editing and deleting an imported problem in Chromium, on the real API: an admin opens the problem's admin
 * page, changes its title, Markdown statement, limits and visibility in the Settings form (a draft leaves the
 * public catalog, publishing brings it back with the new statement), then deletes it after confirming, and
 * the problem is gone from the admin list and the catalog. No worker: the import's verification stays queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeZip } from '@arbiter/archive';
import type { ApiServer } from '@arbiter/api';
import { cleanup, signUp, startApi, testPrefix } from '../support/platform.js';
import { buildWeb, freePort, launchChromium, startWeb, type WebApp } from './web-app.js';

const PASSWORD = 'copper-kettle-31';

describe('problem authoring in Chromium', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let apiUrl: string;
  let web: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** The public catalog's slugs, as a signed-out visitor gets them. */
  const catalog = async () =>
    ((await (await fetch(`${apiUrl}/problems`)).json()) as { slug: string }[]).map((p) => p.slug);

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, { WEB_ORIGIN: `http://127.0.0.1:${webPort}`, AUTH_RATE_PER_MINUTE_IP: '0' });
    apiUrl = `http://127.0.0.1:${api.port}`;
    const admin = await signUp(apiUrl, 'authoring-admin', PASSWORD);
    const zip = await writeZip([
      { path: 'problem.yaml', bytes: 'name: Echo Sum\nlimits:\n  time_limit: 2\n' },
      { path: 'problem_statement/problem.en.tex', bytes: '\\problemname{Echo Sum}\nAdd two numbers.\n' },
      { path: 'data/sample/1.in', bytes: '1 2\n' },
      { path: 'data/sample/1.ans', bytes: '3\n' },
      { path: 'data/secret/1.in', bytes: '2 2\n' },
      { path: 'data/secret/1.ans', bytes: '4\n' },
    ]);
    const imported = await fetch(`${apiUrl}/admin/problems?slug=echo-sum`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', cookie: admin },
      body: zip,
    });
    if (imported.status !== 201) throw new Error(`import answered ${imported.status}`);
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    web?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  it('edits the title, statement, limits and visibility through the Settings form', async () => {
    await page.goto(`${web.url}/login?next=/admin/problems/echo-sum`);
    await page.getByLabel('Username').fill('authoring-admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/admin/problems/echo-sum`);
    await expect
      .poll(() => page.getByTestId('problem-title').textContent(), { timeout: 20_000 })
      .toBe('Echo Sum');
    expect(await catalog()).toContain('echo-sum');

    await page.getByLabel('Title').fill('Echo Sum, Edited');
    await page.getByLabel('Statement (Markdown)').fill('# Sum\n\nPrint the **sum** of two numbers.');
    await page.getByLabel('Time limit (ms)').fill('1500');
    await page.getByLabel('Memory limit (MiB)').fill('128');
    await page.getByLabel('Visibility').selectOption('draft');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('draft');
    await expect.poll(() => page.getByTestId('problem-title').textContent()).toBe('Echo Sum, Edited');
    expect(await page.getByTestId('problem-visibility').textContent()).toContain('draft');
    // A draft is left out of the public catalog.
    expect(await catalog()).not.toContain('echo-sum');

    // A bad limit: the API's message is shown, nothing changes.
    await page.getByLabel('Time limit (ms)').fill('0');
    // Past the field's own `min`, so the API's check answers.
    await page.evaluate(`document.getElementById('problem-time').removeAttribute('min')`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('settings-error').textContent()).toContain('timeLimitMs');

    // Published again: the catalog's page shows the new statement and limits.
    await page.getByLabel('Time limit (ms)').fill('1500');
    await page.getByLabel('Visibility').selectOption('published');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('published');
    expect(await catalog()).toContain('echo-sum');
    const shown = (await (await fetch(`${apiUrl}/problems/echo-sum`)).json()) as Record<string, unknown>;
    expect(shown).toMatchObject({
      title: 'Echo Sum, Edited',
      statement: '# Sum\n\nPrint the **sum** of two numbers.',
      limits: { timeMs: 1500, memoryMb: 128 },
      examples: [{ input: '1 2\n', output: '3\n' }],
    });
  });

  it('deletes the problem after a confirmation', async () => {
    // Dismissing the confirmation deletes nothing.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Delete problem' }).click();
    expect((await fetch(`${apiUrl}/problems/echo-sum`)).status).toBe(200);

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Delete problem' }).click();
    await page.waitForURL(`${web.url}/admin/problems`);
    expect(asked).toContain('echo-sum');
    await expect
      .poll(() => page.locator('[data-testid="admin-problem-row"][data-slug="two-sum"]').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await page.locator('[data-testid="admin-problem-row"][data-slug="echo-sum"]').count()).toBe(0);
    expect(await catalog()).not.toContain('echo-sum');
    expect((await fetch(`${apiUrl}/problems/echo-sum`)).status).toBe(404);
  });
});
