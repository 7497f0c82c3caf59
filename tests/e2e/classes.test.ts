/**
 * Classes end to end in Chromium: the real API and worker, the web app's production build, three
 * browsers. A teacher creates a class and an assignment in the forms; two students join with the
 * class code (one typed in lower case, one on a phone) and see the assignment; one solves it in the
 * workspace, the other submits a wrong answer; the teacher's matrix follows both verdicts without a
 * reload and without reading the matrix again (pushed over Socket.IO), and its CSV download holds
 * them. The student's class page shows their own progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import { cleanup, signUp, startApi, startWorkerInProcess, testPrefix, testSql } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import {
  buildWeb,
  freePort,
  horizontalOverflow,
  launchChromium,
  openPane,
  setEditorCode,
  startWeb,
  type WebApp,
} from './web-app.js';

const PASSWORD = 'amber-lantern-42';
const SOLVE = 'a, b = map(int, input().split())\nprint(a + b)\n';
const WRONG = 'a, b = map(int, input().split())\nprint(a - b)\n';

const VERDICT_MS = scaledMs(60_000);
/** Time for a saved verdict to be pushed into the teacher's matrix (and for pages to load). */
const MATRIX_MS = scaledMs(30_000);
const TEST_MS = scaledMs(180_000);

describe('classes in Chromium', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let worker: RunningWorker;
  let web: WebApp;
  let browser: Browser;
  let apiBase: string;
  const cookies = new Map<string, string>();
  const contexts: BrowserContext[] = [];

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
    // The first account of a fresh database is its admin: the teacher is an organiser, not that.
    for (const name of ['site-admin', 'teach', 'sam', 'kim'])
      cookies.set(name, await signUp(apiBase, name, PASSWORD));
    await testSql(prefix, `update users set role = 'organiser' where username = 'teach'`);
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
  }, 1_800_000); // a first `next build` takes many minutes on a busy machine

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    web?.stop();
    await worker?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  async function signedIn(username: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(MATRIX_MS);
    await page.goto(`${web.url}/login?next=/classes`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/classes`);
    return page;
  }

  async function joinClass(page: Page, code: string, classId: string): Promise<void> {
    await page.getByTestId('join-code').fill(code);
    await page.getByTestId('join-class').click();
    await page.waitForURL(`${web.url}/classes/${classId}`);
    await page.getByTestId('assignment').first().waitFor();
  }

  const row = (page: Page, user: string) => page.locator(`[data-testid="progress-row"][data-user="${user}"]`);
  const cell = (page: Page, user: string) => row(page, user).getByTestId('progress-a-plus-b');

  it(
    'a teacher sets an assignment, two students join with the code and submit, the matrix follows live',
    async () => {
      const teacher = await signedIn('teach');
      await teacher.getByLabel('New class title').fill('Algorithms 101');
      await teacher.getByTestId('create-class').click();
      await teacher.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
      const classId = teacher.url().split('/').pop() ?? '';
      const code = (await teacher.getByTestId('class-code').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[A-Z2-9]{8}$/);

      await teacher.getByLabel('Assignment title').fill('Week 1: sums');
      // The catalog loads after the form shows: wait for its option.
      await teacher
        .locator('[data-testid="assignment-problems"] option[value="a-plus-b"]')
        .waitFor({ state: 'attached' });
      await teacher.getByTestId('assignment-problems').selectOption(['a-plus-b', 'two-sum']);
      await teacher.getByTestId('create-assignment').click();
      await teacher.getByTestId('assignment').filter({ hasText: 'Week 1: sums' }).waitFor();

      // Sam joins with the code typed in lower case and sees the assignment with an empty progress row.
      const sam = await signedIn('sam');
      await joinClass(sam, code.toLowerCase(), classId);
      await row(sam, 'sam').waitFor();
      expect(await cell(sam, 'sam').getAttribute('data-attempts')).toBe('0');
      // Kim joins on a phone; the class page fits the screen.
      const kim = await signedIn('kim', { width: 390, height: 844 });
      await joinClass(kim, code, classId);
      expect(await horizontalOverflow(kim)).toBeLessThanOrEqual(0);

      // The teacher opens the matrix: both students, nothing tried yet.
      await teacher.reload();
      await teacher.getByTestId('open-matrix').click();
      await teacher.waitForURL(/\/classes\/[0-9a-f-]{36}\/assignments\/[0-9a-f-]{36}$/);
      await expect.poll(() => teacher.getByTestId('progress-row').count()).toBe(2);
      // The matrix is live: from now on it changes by pushes alone, with no reload and no HTTP read.
      await teacher.locator('[data-testid="progress-view"][data-live="true"]').waitFor();
      let loads = 0;
      teacher.on('load', () => (loads += 1));
      const reads: string[] = [];
      teacher.on('request', (request) => {
        if (new URL(request.url()).pathname.endsWith('/progress')) reads.push(request.url());
      });

      // Sam solves it in the workspace, opened from the class page.
      await sam.getByRole('link', { name: 'A + B' }).first().click();
      await sam.waitForURL(`${web.url}/problems/a-plus-b`);
      await openPane(sam, 'code');
      await setEditorCode(sam, SOLVE);
      await sam.getByTestId('submit').click();
      await openPane(sam, 'result');
      await sam.locator('[data-testid="verdict"][data-verdict="ACCEPTED"]').waitFor({ timeout: VERDICT_MS });

      // Kim's wrong answer, through the API with her session.
      const submitted = await fetch(`${apiBase}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies.get('kim') ?? '' },
        body: JSON.stringify({ language: 'python', code: WRONG, problem: 'a-plus-b', mode: 'submit' }),
      });
      expect(submitted.status).toBe(202);

      await expect
        .poll(() => cell(teacher, 'sam').getAttribute('data-verdict'), { timeout: MATRIX_MS })
        .toBe('ACCEPTED');
      await expect
        .poll(() => cell(teacher, 'kim').getAttribute('data-verdict'), { timeout: VERDICT_MS + MATRIX_MS })
        .toBe('WRONG_ANSWER');
      expect(await row(teacher, 'sam').getAttribute('data-solved')).toBe('1');
      expect(await row(teacher, 'kim').getAttribute('data-solved')).toBe('0');
      expect(await cell(teacher, 'sam').getAttribute('data-late')).toBe('false');
      expect(loads).toBe(0);
      expect(reads).toEqual([]);

      // The CSV download, with the teacher's browser session.
      const href = (await teacher.getByTestId('csv-download').getAttribute('href')) ?? '';
      const csv = await teacher.context().request.get(href);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      const lines = (await csv.text()).split('\r\n');
      expect(lines[0]).toMatch(/^username,solved,a-plus-b verdict,a-plus-b attempts,/);
      expect(lines[1]).toMatch(/^kim,0,WRONG_ANSWER,1,,,/);
      expect(lines[2]).toMatch(/^sam,1,ACCEPTED,1,\d{4}-\d\d-\d\dT[^,]+,,/);

      // Sam's class page shows his own progress; a student cannot open the teacher's export.
      await sam.goto(`${web.url}/classes/${classId}`);
      await expect.poll(() => cell(sam, 'sam').getAttribute('data-verdict')).toBe('ACCEPTED');
      expect(await row(sam, 'kim').count()).toBe(0);
      expect((await sam.context().request.get(href)).status()).toBe(403);
    },
    TEST_MS,
  );
});
