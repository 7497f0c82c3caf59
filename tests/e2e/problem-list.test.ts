/**
 * The problem list's page load in Chromium, as a visitor: its rows come in the page's HTML (rendered by
 * the web's server), the browser neither asks the API for the list again nor prefetches a problem page
 * for every row in view; pointing at a row's link prefetches that problem, and a click opens it in the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import { cleanup, startApi, testPrefix } from '../support/platform.js';
import { buildWeb, freePort, launchChromium, startWeb, type WebApp } from './web-app.js';

/** A problem page's payload requested by the app's router (a prefetch or a navigation), by its slug. */
function problemPayload(url: string): string | null {
  const { pathname, searchParams } = new URL(url);
  const match = /^\/problems\/([^/]+)$/.exec(pathname);
  const slug = match?.[1];
  return slug !== undefined && searchParams.has('_rsc') ? decodeURIComponent(slug) : null;
}

describe('the problem list in Chromium, as a visitor', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let web: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, { WEB_ORIGIN: `http://127.0.0.1:${webPort}` });
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    context.on('request', (request) => requested.push(request.url()));
    page = await context.newPage();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    web?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  it("serves the list's rows in the page's HTML", async () => {
    const html = await (await fetch(`${web.url}/problems`)).text();
    expect(html).toContain('data-testid="problem-two-sum"');
    expect(html).toContain('>Two Sum</a>');
  }, 30_000);

  it('prefetches a problem page only when pointed at, and opens it in the app', async () => {
    await page.goto(`${web.url}/problems`);
    // Signed out known: the page is hydrated and the header asked GET /auth/me.
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    const pointed = page.waitForRequest((request) => problemPayload(request.url()) === 'two-sum');
    await page.getByRole('link', { name: 'Two Sum' }).hover();
    await pointed;
    const prefetched = requested.map(problemPayload).filter((slug) => slug !== null);
    expect(new Set(prefetched)).toEqual(new Set(['two-sum']));
    const apiList = requested
      .filter((url) => new URL(url).port === String(api.port))
      .map((url) => new URL(url).pathname);
    expect(apiList).not.toContain('/problems');

    // A client-side navigation: the page (and this mark on its window) stays.
    await page.evaluate('window.__listMark = 1');
    await page.getByRole('link', { name: 'Two Sum' }).click();
    await page.waitForURL(`${web.url}/problems/two-sum`);
    await page.locator('[data-testid="workspace"]').waitFor({ timeout: 20_000 });
    expect(await page.evaluate('window.__listMark')).toBe(1);
  }, 60_000);
});
