/**
 * Contests end to end in Chromium: the real API and worker, the web app's production build, and three
 * browsers. An organiser creates an ICPC contest in the form; two contestants register, open problem A
 * in the contest's workspace and submit (one on a phone, 390×844); the organiser's scoreboard follows
 * every verdict without a reload (a rejected try, the solves, the penalty, the ranks, the first solve),
 * and an announcement reaches a contestant's lobby live. Then an IOI contest frozen from its start: the
 * contestants' board shows their tries as pending while the organiser's shows the scores, and at the
 * end the contestants' board is revealed, pushed by the server, again without a reload. Last, the
 * organiser edits a contest in its edit page (title, description, end, freeze, scoring, problems with
 * their letters and points, an invite code) and the API holds every change; a contestant gets no edit link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import type { ContestDetail } from '@arbiter/contracts';
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
// Right until the sum leaves 32 bits: passes the small tests only (a partial IOI score).
const INT32 = 'a, b = map(int, input().split())\nprint((a + b + 2**31) % 2**32 - 2**31)\n';

/** Time for a verdict to come back (judging on a loaded machine), and for a board to follow it. */
const VERDICT_MS = scaledMs(60_000);
const BOARD_MS = scaledMs(30_000);
/** Each test signs three browsers in, fills forms and waits for several verdicts. */
const TEST_MS = scaledMs(150_000);

describe('contests in Chromium', () => {
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
    // The first account of a fresh database is its admin: the organiser is an organiser, not that.
    for (const name of ['site-admin', 'org', 'ann', 'bob'])
      cookies.set(name, await signUp(apiBase, name, PASSWORD));
    await testSql(prefix, `update users set role = 'organiser' where username = 'org'`);
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

  /** A browser of its own for one user, signed in through the form. */
  async function signedIn(username: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(BOARD_MS);
    await page.goto(`${web.url}/login?next=/contests`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/contests`);
    return page;
  }

  /** Fills the new-contest form and returns the new contest's id (from the lobby's address). */
  async function createContest(
    page: Page,
    fields: { title: string; scoring: 'icpc' | 'ioi'; freeze: number },
  ): Promise<string> {
    await page.goto(`${web.url}/contests`);
    await page.getByTestId('new-contest').click();
    await page.waitForURL(`${web.url}/contests/new`);
    await page.getByLabel('Title').fill(fields.title);
    await page.locator(`input[name="scoring"][value="${fields.scoring}"]`).check();
    await page.getByLabel('Freeze (minutes before the end)').fill(String(fields.freeze));
    // The catalog loads after the form shows: wait for its option.
    await page.locator('[data-testid="problem-A"] option[value="a-plus-b"]').waitFor({ state: 'attached' });
    await page.getByTestId('problem-A').selectOption('a-plus-b');
    await page.getByTestId('create-contest').click();
    await page.waitForURL(/\/contests\/[0-9a-f-]{36}$/);
    return page.url().split('/').pop() ?? '';
  }

  /** Registers in the lobby and opens problem A's workspace there; returns the workspace page. */
  async function registerAndOpen(page: Page, contestId: string): Promise<void> {
    await page.goto(`${web.url}/contests/${contestId}`);
    await page.getByTestId('register').click();
    await page.getByTestId('registered').waitFor();
    await page.getByTestId('open-problem-A').click();
    await page.waitForURL(`${web.url}/contests/${contestId}/problems/A`);
    await page.getByTestId('contest-bar').waitFor();
  }

  async function submitCode(page: Page, code: string, verdict: string): Promise<void> {
    await openPane(page, 'code');
    await setEditorCode(page, code);
    await page.getByTestId('submit').click();
    await openPane(page, 'result');
    await page.locator(`[data-testid="verdict"][data-verdict="${verdict}"]`).waitFor({ timeout: VERDICT_MS });
  }

  /** Opens the scoreboard and waits for its live connection. */
  async function openBoard(page: Page, contestId: string): Promise<void> {
    await page.goto(`${web.url}/contests/${contestId}/scoreboard`);
    await page.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
    await page.getByTestId('scoreboard-view').waitFor();
  }

  const row = (page: Page, user: string) =>
    page.locator(`[data-testid="scoreboard-row"][data-user="${user}"]`);
  const cell = (page: Page, user: string) => row(page, user).getByTestId('cell-A');
  const attr = (page: Page, user: string, name: string) => row(page, user).getAttribute(name);
  const cellAttr = (page: Page, user: string, name: string) => cell(page, user).getAttribute(name);

  /** Reloads of a page are counted: the boards must change without one. */
  function countLoads(page: Page): () => number {
    let loads = 0;
    page.on('load', () => (loads += 1));
    return () => loads;
  }

  it(
    'runs an ICPC contest: the organiser creates it, two contestants submit, the board follows live',
    async () => {
      const org = await signedIn('org');
      const contestId = await createContest(org, { title: 'Spring ICPC', scoring: 'icpc', freeze: 0 });
      expect(await org.getByTestId('contest-phase').textContent()).toBe('running');

      const ann = await signedIn('ann');
      // The contest is listed; the lobby opens from the list.
      await ann.getByTestId('contest-row').filter({ hasText: 'Spring ICPC' }).getByRole('link').click();
      await ann.waitForURL(`${web.url}/contests/${contestId}`);
      await ann.getByTestId('register').click();
      await ann.getByTestId('registered').waitFor();

      // An announcement appears in ann's lobby without a reload.
      await org.getByLabel('New announcement').fill('Problem A takes two integers.');
      await org.getByTestId('post-announcement').click();
      await ann.getByTestId('announcement').filter({ hasText: 'Problem A takes two integers.' }).waitFor();

      await ann.getByTestId('open-problem-A').click();
      await ann.waitForURL(`${web.url}/contests/${contestId}/problems/A`);

      await openBoard(org, contestId);
      const orgLoads = countLoads(org);
      await expect.poll(() => row(org, 'ann').count()).toBe(1);

      await submitCode(ann, WRONG, 'WRONG_ANSWER');
      await expect.poll(() => cellAttr(org, 'ann', 'data-attempts'), { timeout: BOARD_MS }).toBe('1');
      expect(await cellAttr(org, 'ann', 'data-solved')).toBe('false');
      expect(await cell(org, 'ann').innerText()).toContain('−1');

      await submitCode(ann, SOLVE, 'ACCEPTED');
      await expect.poll(() => attr(org, 'ann', 'data-solved'), { timeout: BOARD_MS }).toBe('1');

      // Bob on a phone: registers, submits a first-time solve.
      const bob = await signedIn('bob', { width: 390, height: 844 });
      await registerAndOpen(bob, contestId);
      await submitCode(bob, SOLVE, 'ACCEPTED');
      await expect.poll(() => attr(org, 'bob', 'data-solved'), { timeout: BOARD_MS }).toBe('1');

      // The board is right: one rejected try costs ann 20 minutes, so bob leads; ann solved first.
      const board = (await (
        await fetch(`${apiBase}/contests/${contestId}/scoreboard`, {
          headers: { cookie: cookies.get('org') ?? '' },
        })
      ).json()) as {
        rows: { username: string; penalty: number; cells: { solvedAtMinutes: number | null }[] }[];
      };
      const annRow = board.rows.find((r) => r.username === 'ann');
      const bobRow = board.rows.find((r) => r.username === 'bob');
      expect(annRow?.penalty).toBe((annRow?.cells[0]?.solvedAtMinutes ?? 0) + 20);
      expect(bobRow?.penalty).toBe(bobRow?.cells[0]?.solvedAtMinutes);
      await expect.poll(() => attr(org, 'bob', 'data-rank')).toBe('1');
      expect(await attr(org, 'ann', 'data-rank')).toBe('2');
      expect(await attr(org, 'ann', 'data-penalty')).toBe(String(annRow?.penalty));
      expect(await cellAttr(org, 'ann', 'data-first')).toBe('true');
      expect(await cellAttr(org, 'bob', 'data-first')).toBe('false');
      expect(await cell(org, 'ann').innerText()).toContain('+1');
      expect(orgLoads()).toBe(0);

      // The phone's board fits its screen (the table scrolls inside its own box).
      await openBoard(bob, contestId);
      await expect.poll(() => row(bob, 'bob').getAttribute('data-rank')).toBe('1');
      expect(await horizontalOverflow(bob)).toBeLessThanOrEqual(0);
      await bob.goto(`${web.url}/contests/${contestId}`);
      await bob.getByTestId('contest-problems').waitFor();
      expect(await horizontalOverflow(bob)).toBeLessThanOrEqual(0);
    },
    TEST_MS,
  );

  it(
    'runs an IOI contest frozen from its start: pending for contestants, scores for the organiser, revealed at the end',
    async () => {
      const org = await signedIn('org');
      // The form's contest lasts two hours from the start of this minute: frozen throughout.
      const contestId = await createContest(org, { title: 'Summer IOI', scoring: 'ioi', freeze: 120 });
      const ann = await signedIn('ann');
      await registerAndOpen(ann, contestId);
      const bob = await signedIn('bob');
      await registerAndOpen(bob, contestId);

      // Ann watches the board in a second tab: frozen for her.
      const annBoard = await ann.context().newPage();
      annBoard.setDefaultTimeout(BOARD_MS);
      await openBoard(annBoard, contestId);
      const annLoads = countLoads(annBoard);
      expect(await annBoard.getByTestId('scoreboard-view').getAttribute('data-frozen')).toBe('true');
      await annBoard.getByTestId('frozen-banner').waitFor();
      await openBoard(org, contestId);
      expect(await org.getByTestId('scoreboard-view').getAttribute('data-frozen')).toBe('false');

      await submitCode(ann, INT32, 'WRONG_ANSWER');
      await submitCode(bob, SOLVE, 'ACCEPTED');
      const history = (await (
        await fetch(`${apiBase}/submissions?limit=1`, { headers: { cookie: cookies.get('ann') ?? '' } })
      ).json()) as { items: { testsPassed: number; testsTotal: number }[] };
      const { testsPassed, testsTotal } = history.items[0] ?? { testsPassed: 0, testsTotal: 1 };
      expect(testsPassed).toBeGreaterThan(0);
      expect(testsPassed).toBeLessThan(testsTotal);
      const partial = Math.floor((testsPassed / testsTotal) * 100 * 100) / 100;

      // The organiser sees the scores as they land.
      await expect.poll(() => attr(org, 'bob', 'data-score'), { timeout: BOARD_MS }).toBe('100');
      await expect.poll(() => attr(org, 'ann', 'data-score'), { timeout: BOARD_MS }).toBe(String(partial));
      expect(await attr(org, 'bob', 'data-rank')).toBe('1');
      expect(await attr(org, 'ann', 'data-rank')).toBe('2');

      // Ann sees both tries arrive, as pending, with no score.
      await expect.poll(() => cellAttr(annBoard, 'bob', 'data-pending'), { timeout: BOARD_MS }).toBe('1');
      await expect.poll(() => cellAttr(annBoard, 'ann', 'data-pending'), { timeout: BOARD_MS }).toBe('1');
      expect(await attr(annBoard, 'bob', 'data-score')).toBe('0');

      // The end, a few seconds from now (still frozen until then): the server pushes the revealed board.
      const contest = (await (
        await fetch(`${apiBase}/contests/${contestId}`, { headers: { cookie: cookies.get('org') ?? '' } })
      ).json()) as ContestDetail;
      const endsAt = Math.max(Date.now() + scaledMs(3_000), Date.parse(contest.startsAt) + 60_000);
      const patched = await fetch(`${apiBase}/contests/${contestId}`, {
        method: 'PATCH',
        headers: { cookie: cookies.get('org') ?? '', 'content-type': 'application/json', origin: web.url },
        body: JSON.stringify({ endsAt: new Date(endsAt).toISOString(), freezeMinutes: 1 }),
      });
      expect(patched.status).toBe(200);
      await expect
        .poll(() => annBoard.getByTestId('scoreboard-view').getAttribute('data-frozen'), {
          timeout: BOARD_MS + (endsAt - Date.now()),
        })
        .toBe('false');
      await expect.poll(() => attr(annBoard, 'bob', 'data-score')).toBe('100');
      expect(await attr(annBoard, 'ann', 'data-score')).toBe(String(partial));
      expect(await attr(annBoard, 'bob', 'data-rank')).toBe('1');
      expect(await annBoard.getByTestId('frozen-banner').count()).toBe(0);
      expect(annLoads()).toBe(0);
    },
    TEST_MS,
  );

  it(
    'edits a contest in its edit page: title, description, window, freeze, scoring, problems, visibility',
    async () => {
      const org = await signedIn('org');
      const contestId = await createContest(org, { title: 'Autumn draft', scoring: 'icpc', freeze: 0 });
      const before = (await (
        await fetch(`${apiBase}/contests/${contestId}`, { headers: { cookie: cookies.get('org') ?? '' } })
      ).json()) as ContestDetail;

      // A contestant sees no way to edit it.
      const ann = await signedIn('ann');
      await ann.goto(`${web.url}/contests/${contestId}`);
      await ann.getByTestId('register').waitFor();
      expect(await ann.getByTestId('edit-contest').count()).toBe(0);

      await org.getByTestId('edit-contest').click();
      await org.waitForURL(`${web.url}/contests/${contestId}/edit`);
      // The form shows the contest as it is.
      await expect.poll(() => org.getByTestId('contest-title-input').inputValue()).toBe('Autumn draft');
      expect(await org.getByTestId('letter-1').inputValue()).toBe('A');
      expect(await org.getByTestId('problem-A').inputValue()).toBe('a-plus-b');

      await org.getByTestId('contest-title-input').fill('Autumn IOI');
      await org.getByTestId('contest-description-input').fill('Two problems, **partial** scores.');
      // One hour longer, in the browser's local time (the machine's, as in this process).
      const ends = org.getByLabel('Ends', { exact: true });
      const endLocal = new Date(new Date(await ends.inputValue()).getTime() + 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      const endInput = `${endLocal.getFullYear()}-${pad(endLocal.getMonth() + 1)}-${pad(endLocal.getDate())}T${pad(endLocal.getHours())}:${pad(endLocal.getMinutes())}`;
      await ends.fill(endInput);
      await org.getByLabel('Freeze (minutes before the end)').fill('30');
      await org.locator('input[name="scoring"][value="ioi"]').check();
      await org.getByLabel('Invite code (empty: public)').fill('autumn-key');
      await org.getByTestId('add-problem').click();
      await org.getByTestId('problem-B').selectOption('two-sum');
      await org.getByTestId('letter-2').fill('C');
      await org.getByLabel('Points for B').fill('50');
      await org.getByTestId('save-contest').click();
      await org.waitForURL(`${web.url}/contests/${contestId}`);
      await expect.poll(() => org.getByTestId('contest-title').textContent()).toBe('Autumn IOI');

      const after = (await (
        await fetch(`${apiBase}/contests/${contestId}`, { headers: { cookie: cookies.get('org') ?? '' } })
      ).json()) as ContestDetail;
      expect(after).toMatchObject({
        title: 'Autumn IOI',
        description: 'Two problems, **partial** scores.',
        scoring: 'ioi',
        freezeMinutes: 30,
        visibility: 'invite',
        inviteCode: 'autumn-key',
        // The start was not touched: kept to the second.
        startsAt: before.startsAt,
        endsAt: new Date(endInput).toISOString(),
      });
      expect(after.problems?.map((p) => [p.letter, p.problem, p.points])).toEqual([
        ['A', 'a-plus-b', 100],
        ['C', 'two-sum', 50],
      ]);
    },
    TEST_MS,
  );
});
