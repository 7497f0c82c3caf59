/**
 * A similarity report in Chromium: the real API and worker, the web app's production build. Two students
 * of a class submit the same program (one with renamed variables); the teacher starts the report from the
 * assignment's progress page, the report page lists the pair and shows both sources side by side with the
 * matching fragments highlighted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import {
  cleanup,
  signUp,
  startApi,
  startWorkerInProcess,
  testPrefix,
  testSql,
  waitForResult,
} from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { buildWeb, freePort, launchChromium, startWeb, type WebApp } from './web-app.js';

const PASSWORD = 'amber-lantern-42';
const ORIGINAL = `import sys


def read_numbers(stream):
    numbers = []
    for line in stream:
        for token in line.split():
            numbers.append(int(token))
    return numbers


values = read_numbers(sys.stdin)
print(values[0] + values[1])
`;
const RENAMED = ORIGINAL.replaceAll('read_numbers', 'parse')
  .replaceAll('numbers', 'items')
  .replaceAll('values', 'data');

describe('similarity report in Chromium', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let worker: RunningWorker;
  let web: WebApp;
  let browser: Browser;
  let apiBase: string;
  const cookies = new Map<string, string>();

  async function call(
    method: string,
    path: string,
    user: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const response = await fetch(`${apiBase}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: cookies.get(user) ?? '' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, {
      WEB_ORIGIN: `http://127.0.0.1:${webPort}`,
      AUTH_RATE_PER_MINUTE_IP: '0',
      SUBMIT_RATE_PER_MINUTE_IP: '0',
      SUBMIT_RATE_PER_MINUTE_USER: '0',
    });
    apiBase = `http://127.0.0.1:${api.port}`;
    worker = await startWorkerInProcess(prefix);
    for (const name of ['site-admin', 'teach', 'sam', 'kim'])
      cookies.set(name, await signUp(apiBase, name, PASSWORD));
    await testSql(prefix, `update users set role = 'organiser' where username = 'teach'`);
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
  }, 1_800_000); // a first `next build` takes many minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    web?.stop();
    await worker?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  it(
    'the teacher starts a report from the progress page and sees the pair side by side, fragments marked',
    async () => {
      const cls = await call('POST', '/classes', 'teach', { title: 'Intro' });
      for (const student of ['sam', 'kim'])
        await call('POST', '/classes/join', student, { code: cls.joinCode });
      const assignment = await call('POST', `/classes/${String(cls.id)}/assignments`, 'teach', {
        title: 'Sums',
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
        problems: ['a-plus-b'],
      });
      for (const [student, code] of [
        ['sam', ORIGINAL],
        ['kim', RENAMED],
      ] as const) {
        const { jobId } = await call('POST', '/submit', student, {
          language: 'python',
          code,
          problem: 'a-plus-b',
          mode: 'submit',
        });
        await waitForResult(apiBase, String(jobId), scaledMs(60_000), cookies.get(student));
      }

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(scaledMs(60_000));
      const matrix = `/classes/${String(cls.id)}/assignments/${String(assignment.id)}`;
      await page.goto(`${web.url}/login?next=${matrix}`);
      await page.getByLabel('Username').fill('teach');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${web.url}${matrix}`);
      await page.getByTestId('similarity-a-plus-b').click();
      await page.waitForURL(/\/admin\/similarity\/[0-9a-f-]{36}$/);

      const pairs = page.getByTestId('similarity-pairs');
      await pairs.waitFor({ timeout: scaledMs(120_000) });
      await expect.poll(() => pairs.locator('tbody tr').count()).toBe(1);
      expect(await pairs.locator('tbody tr').first().textContent()).toContain('100%');
      const sources = page.getByTestId('similarity-source');
      expect(await sources.count()).toBe(2);
      expect(await sources.nth(0).locator('mark.fragment').count()).toBeGreaterThan(0);
      expect(await sources.nth(1).locator('mark.fragment').count()).toBeGreaterThan(0);
      const both = `${await sources.nth(0).textContent()}${await sources.nth(1).textContent()}`;
      expect(both).toContain('def parse(stream)');
      expect(both).toContain('def read_numbers(stream)');
      await context.close();
    },
    scaledMs(300_000),
  );
});
