/**
 * API tokens in Chromium: a user follows the header's link, creates a token (shown once), the token
 * signs API requests in as that user, the list shows its prefix and last use, and revoking it (after
 * the confirmation) ends it. At 390×844 (dark) the page fits the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import { cleanup, signUp, startApi, testPrefix } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { buildWeb, freePort, horizontalOverflow, launchChromium, startWeb, type WebApp } from './web-app.js';

describe('API tokens in Chromium', () => {
  const prefix = testPrefix();
  const username = `tok_${prefix.slice(-6)}`;
  let api: ApiServer;
  let web: WebApp;
  let browser: Browser;
  const me = (token: string) =>
    fetch(`http://127.0.0.1:${api.port}/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, {
      WEB_ORIGIN: `http://127.0.0.1:${webPort}`,
      AUTH_RATE_PER_MINUTE_IP: '0',
    });
    await signUp(`http://127.0.0.1:${api.port}`, `adm_${prefix.slice(-8)}`);
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    web?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  it('creates a token shown once that acts as the user, and revokes it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    try {
      await page.goto(`${web.url}/signup?next=/problems`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('violet-harbour-71');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByTestId('api-tokens-link').click();
      await page.waitForURL(`${web.url}/settings/tokens`);
      await page.getByTestId('no-tokens').waitFor({ timeout: scaledMs(20_000) });

      await page.getByTestId('token-name').fill('grading bot');
      await page.getByLabel('Expires').selectOption('30');
      await page.getByTestId('token-create').click();
      const value = page.getByTestId('new-token-value');
      await value.waitFor({ timeout: scaledMs(20_000) });
      const token = (await value.textContent()) ?? '';
      expect(token).toMatch(/^arb_[A-Za-z0-9_-]{43}$/);

      const answer = await me(token);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ user: { username } });

      const row = page.getByTestId('token-row');
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain('grading bot');
      expect(await row.textContent()).toContain(`${token.slice(0, 8)}…`);
      expect(await row.textContent()).not.toContain(token);
      // Done hides the token for good: the page never shows it again.
      await page.getByRole('button', { name: 'Done' }).click();
      expect(await page.getByTestId('new-token').count()).toBe(0);
      expect(await page.content()).not.toContain(token);

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Revoke grading bot' }).click();
      await page.getByTestId('no-tokens').waitFor({ timeout: scaledMs(20_000) });
      expect((await me(token)).status).toBe(401);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('fits a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.goto(`${web.url}/login?next=/settings/tokens`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('violet-harbour-71');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${web.url}/settings/tokens`);
      await page.getByTestId('token-name').fill('phone');
      await page.getByTestId('token-create').click();
      await page.getByTestId('token-row').waitFor({ timeout: scaledMs(20_000) });
      expect(await horizontalOverflow(page)).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
