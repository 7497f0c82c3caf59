/**
 * Accessibility in Chromium, measured by axe-core (injected into each page, as its browser extension
 * does), on every page of the web app (every route under apps/web/src/app): signed out, the problem
 * list, the contests, the classes, sign-in, sign-up and the not-found page; as an admin, the problem
 * list, the workspace (and its submissions tab), the playground (and its editor settings dialog), one's
 * submissions and a submission, a profile, the API tokens, the contests (list, new,
 * a contest's lobby, its scoreboard and its edit form), the classes (list, a class as its teacher, the
 * assignment's matrix) and every admin page (workers, submissions, users, problems, an imported
 * problem, a similarity report); as a student, a class, its assignment, a contest's lobby and its
 * workspace. Each in the light and the dark theme, at 1280×720 and on a phone (390×844), in one start
 * of the platform. No violation of any impact may remain: contrast, names of controls, labels,
 * landmarks, headings, ARIA, keyboard access to scrolling regions. No rule is turned off.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeZip } from '@arbiter/archive';
import type { ApiServer } from '@arbiter/api';
import { packageFromFolder } from '@arbiter/problem-package';
import { cleanup, signUp, startApi, testPrefix, testSql } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import {
  buildWeb,
  freePort,
  launchChromium,
  openEditor,
  openPane,
  startWeb,
  type WebApp,
} from './web-app.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
const PASSWORD = 'quiet-meadow-64';
/** The impacts that fail the test: every one, down to axe's `minor` (a heading missing, say). */
const FAILING = new Set(['critical', 'serious', 'moderate', 'minor']);
/** Time for a page to show its data on a loaded machine. */
const PAGE_MS = scaledMs(30_000);

const SEEDED: { problem: string; language: string; verdict: string; passed: number }[] = [
  { problem: 'two-sum', language: 'python', verdict: 'ACCEPTED', passed: 6 },
  { problem: 'two-sum', language: 'cpp', verdict: 'WRONG_ANSWER', passed: 3 },
  { problem: 'climbing-stairs', language: 'java', verdict: 'TIME_LIMIT_EXCEEDED', passed: 4 },
  { problem: 'binary-search', language: 'javascript', verdict: 'RUNTIME_ERROR', passed: 0 },
  { problem: 'coin-change', language: 'cpp', verdict: 'COMPILE_ERROR', passed: 0 },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** A page to check and what shows that it has loaded its data. */
interface Visit {
  name: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
}

/** POSTs JSON to the API as the holder of `cookie`; its answer, which must be a success. */
async function post<T = unknown>(base: string, path: string, cookie: string, body: unknown): Promise<T> {
  const answer = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** Monaco's editor, mounted as a user's first click in the code asks (the plain view shows first). */
const editor = (page: Page) => openEditor(page, { timeout: scaledMs(30_000) });
const problemList = (page: Page) => page.getByTestId('problem-two-sum').waitFor({ timeout: 20_000 });

describe('accessibility in Chromium (axe-core)', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let web: WebApp;
  let browser: Browser;
  let submissionId = '';
  let packageSlug = '';
  let contestId = '';
  let classId = '';
  let assignmentId = '';
  let reportId = '';

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, { WEB_ORIGIN: `http://127.0.0.1:${webPort}`, AUTH_RATE_PER_MINUTE_IP: '0' });
    const base = `http://127.0.0.1:${api.port}`;
    // The first account is the admin; the second gives the users page a row that can be disabled.
    const admin = await signUp(base, 'a11y-admin', PASSWORD);
    const student = await signUp(base, 'a11y-student', PASSWORD);
    const { rows } = await testSql(prefix, 'select id from users where username = $1', ['a11y-admin']);
    const userId = String((rows[0] as { id: string }).id);
    for (const [index, row] of SEEDED.entries()) {
      const inserted = await testSql(
        prefix,
        `insert into submissions (id, user_id, problem_slug, language, mode, code, status, verdict,
           tests_passed, tests_total, time_ms, memory_kb, created_at, finished_at)
         values (gen_random_uuid()::text, $1, $2, $3, 'submit', 'print(1)', 'completed', $4, $5, 6, $6, 9216,
           now() - make_interval(mins => $7::int), now() - make_interval(mins => $7::int))
         returning id`,
        [userId, row.problem, row.language, row.verdict, row.passed, 12 + index * 7, 60 - index * 5],
      );
      submissionId = String((inserted.rows[0] as { id: string }).id);
    }
    // An imported package whose verification stays queued (no worker runs here).
    const imported = await fetch(`${base}/admin/problems`, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', cookie: admin },
      body: await writeZip(await packageFromFolder(join(PACKAGES, 'sum-verify'))),
    });
    if (!imported.ok)
      throw new Error(`the package import answered ${imported.status}: ${await imported.text()}`);
    packageSlug = ((await imported.json()) as { slug: string }).slug;
    // A running contest the student registered in, with an announcement; a class the student joined,
    // with an assignment; an API token; a similarity report that stays queued.
    const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    contestId = (
      await post<{ id: string }>(base, '/contests', admin, {
        title: 'A11y Cup',
        description: 'Two problems, **two hours**.',
        startsAt: minutesFromNow(-5),
        endsAt: minutesFromNow(120),
        freezeMinutes: 30,
        problems: [
          { letter: 'A', problem: 'two-sum' },
          { letter: 'B', problem: 'binary-search', points: 200 },
        ],
      })
    ).id;
    await post(base, `/contests/${contestId}/register`, student, {});
    await post(base, `/contests/${contestId}/announcements`, admin, { body: 'Problem B has a new sample.' });
    const cls = await post<{ id: string; joinCode: string }>(base, '/classes', admin, {
      title: 'Algorithms 101',
    });
    classId = cls.id;
    assignmentId = (
      await post<{ id: string }>(base, `/classes/${classId}/assignments`, admin, {
        title: 'Week 1',
        deadline: minutesFromNow(60 * 24),
        problems: ['two-sum', 'binary-search'],
      })
    ).id;
    await post(base, '/classes/join', student, { code: cls.joinCode });
    await post(base, '/auth/tokens', admin, { name: 'grading script' });
    reportId = (await post<{ id: string }>(base, '/admin/similarity', admin, { problem: 'two-sum' })).id;
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

  const signedOut = (): Visit[] => [
    { name: 'home, signed out', path: '/', ready: problemList },
    { name: 'problem list, signed out', path: '/problems', ready: problemList },
    {
      name: 'contests, signed out',
      path: '/contests',
      ready: (page) => page.getByTestId('contest-row').waitFor(),
    },
    {
      name: 'classes, signed out',
      path: '/classes',
      ready: (page) => page.getByText('to join a class or see yours').waitFor(),
    },
    {
      name: 'sign-in',
      path: '/login',
      ready: (page) => page.getByRole('button', { name: 'Sign in' }).waitFor(),
    },
    {
      name: 'sign-up',
      path: '/signup',
      ready: (page) => page.getByRole('button', { name: 'Sign up' }).waitFor(),
    },
    {
      name: 'not found',
      path: '/no-such-page',
      ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
    },
  ];

  const asAdmin = (): Visit[] => [
    { name: 'problem list', path: '/problems', ready: problemList },
    {
      name: 'workspace',
      path: '/problems/two-sum',
      ready: async (page) => {
        // On a phone the panes are tabs: the statement loads first, then the editor's pane is checked.
        await openPane(page, 'description');
        await page.locator('#problem-title', { hasText: 'Two Sum' }).waitFor();
        await openPane(page, 'code');
        await editor(page);
      },
    },
    {
      name: 'workspace, the code in its plain view (before Monaco)',
      path: '/problems/two-sum',
      ready: async (page) => {
        await openPane(page, 'code');
        await page.getByTestId('code-plain').waitFor();
      },
    },
    { name: 'playground', path: '/playground', ready: editor },
    {
      name: 'editor settings dialog',
      path: '/playground',
      ready: async (page) => {
        await editor(page);
        await page.getByRole('button', { name: 'Editor settings' }).click();
        await page.getByTestId('editor-settings-dialog').waitFor();
      },
    },
    {
      name: 'workspace, one’s submissions tab',
      path: '/problems/two-sum',
      ready: async (page) => {
        await openPane(page, 'description');
        await page.getByTestId('side-tab-submissions').click();
        await page.getByTestId('problem-submission-row').nth(1).waitFor();
      },
    },
    {
      name: 'submissions',
      path: '/submissions',
      ready: (page) =>
        page
          .getByTestId('submission-row')
          .nth(SEEDED.length - 1)
          .waitFor(),
    },
    {
      name: 'a submission',
      path: `/submissions/${submissionId}`,
      ready: (page) => page.locator('[data-testid="verdict"]').first().waitFor(),
    },
    {
      name: 'a profile',
      path: '/users/a11y-admin',
      ready: (page) => page.getByTestId('solved-total').waitFor(),
    },
    {
      name: 'API tokens',
      path: '/settings/tokens',
      ready: (page) => page.getByTestId('token-row').waitFor(),
    },
    {
      name: 'contests',
      path: '/contests',
      ready: (page) => page.getByTestId('contest-row').waitFor(),
    },
    {
      name: 'new contest',
      path: '/contests/new',
      ready: (page) =>
        page.locator('[data-testid="problem-A"] option[value="two-sum"]').waitFor({ state: 'attached' }),
    },
    {
      name: 'a contest, its organiser',
      path: `/contests/${contestId}`,
      ready: async (page) => {
        await page.getByTestId('contest-problem').nth(1).waitFor();
        await page.getByTestId('announcement').waitFor();
      },
    },
    {
      name: 'a scoreboard',
      path: `/contests/${contestId}/scoreboard`,
      ready: (page) => page.getByTestId('scoreboard-row').waitFor(),
    },
    {
      name: 'contest edit',
      path: `/contests/${contestId}/edit`,
      ready: async (page) => {
        await page
          .locator('[data-testid="problem-B"] option[value="two-sum"]')
          .waitFor({ state: 'attached' });
        await page.waitForFunction(
          `document.querySelector('[data-testid="contest-title-input"]')?.value === 'A11y Cup'`,
        );
      },
    },
    {
      name: 'classes',
      path: '/classes',
      ready: (page) => page.getByTestId('class-row').waitFor(),
    },
    {
      name: 'a class, its teacher',
      path: `/classes/${classId}`,
      ready: async (page) => {
        await page.getByTestId('class-code').waitFor();
        await page.getByTestId('assignment').waitFor();
      },
    },
    {
      name: 'an assignment’s matrix',
      path: `/classes/${classId}/assignments/${assignmentId}`,
      ready: (page) => page.locator('[data-testid="progress-row"][data-user="a11y-student"]').waitFor(),
    },
    {
      name: 'admin: workers',
      path: '/admin',
      ready: (page) => page.getByTestId('workers-summary').waitFor(),
    },
    {
      name: 'admin: submissions',
      path: '/admin/submissions',
      ready: (page) =>
        page
          .getByTestId('admin-submission-row')
          .nth(SEEDED.length - 1)
          .waitFor(),
    },
    {
      name: 'admin: users',
      path: '/admin/users',
      ready: (page) => page.locator('[data-testid="user-row"][data-username="a11y-student"]').waitFor(),
    },
    {
      name: 'admin: problems',
      path: '/admin/problems',
      ready: (page) =>
        page.locator(`[data-testid="admin-problem-row"][data-slug="${packageSlug}"]`).waitFor(),
    },
    {
      name: 'admin: an imported problem',
      path: `/admin/problems/${packageSlug}`,
      ready: (page) => page.getByTestId('versions-table').waitFor(),
    },
    {
      name: 'admin: a similarity report',
      path: `/admin/similarity/${reportId}`,
      ready: (page) => page.getByTestId('similarity-status').waitFor(),
    },
  ];

  const asStudent = (): Visit[] => [
    {
      name: 'a class, a student',
      path: `/classes/${classId}`,
      ready: (page) => page.getByTestId('assignment').waitFor(),
    },
    {
      name: 'an assignment, a student',
      path: `/classes/${classId}/assignments/${assignmentId}`,
      ready: (page) => page.locator('[data-testid="progress-row"][data-user="a11y-student"]').waitFor(),
    },
    {
      name: 'a contest, a contestant',
      path: `/contests/${contestId}`,
      ready: async (page) => {
        await page.getByTestId('registered').waitFor();
        await page.getByTestId('announcement').waitFor();
      },
    },
    {
      name: 'a contest’s workspace',
      path: `/contests/${contestId}/problems/A`,
      ready: async (page) => {
        await page.getByTestId('contest-bar').waitFor();
        await openPane(page, 'code');
        await editor(page);
      },
    },
  ];

  /** Runs axe-core on the page as it is now; its violations, one line per rule with its elements. */
  async function audit(page: Page, label: string): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate<Violation[]>(
      `axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)`,
    );
    return violations
      .filter((violation) => FAILING.has(violation.impact ?? ''))
      .map((violation) => {
        const targets = violation.nodes.map((node) => JSON.stringify(node.target));
        const example = violation.nodes[0]?.failureSummary?.replace(/\n/g, '\n    ') ?? '';
        return (
          `${label}: ${violation.id} (${violation.impact}) ${violation.help}; ${targets.length} element(s): ` +
          `${targets.slice(0, 4).join(', ')}${targets.length > 4 ? ', …' : ''}\n    ${example}`
        );
      });
  }

  async function visitAll(page: Page, visits: Visit[], theme: string): Promise<string[]> {
    const found: string[] = [];
    for (const visit of visits) {
      await page.goto(`${web.url}${visit.path}`);
      await visit.ready(page);
      expect(await page.evaluate<string>('document.documentElement.dataset.theme')).toBe(theme);
      found.push(...(await audit(page, `${visit.name} (${theme})`)));
    }
    return found;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${web.url}/login?next=/problems`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/problems`);
  }

  it.each([
    { theme: 'light' as const, width: 1280, height: 720 },
    { theme: 'dark' as const, width: 1280, height: 720 },
    { theme: 'light' as const, width: 390, height: 844 },
    { theme: 'dark' as const, width: 390, height: 844 },
  ])(
    'has no axe-core violations in the $theme theme at $width×$height',
    async ({ theme, width, height }) => {
      const found: string[] = [];
      for (const [user, visits] of [
        ['a11y-admin', asAdmin()],
        ['a11y-student', asStudent()],
      ] as const) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
        const page = await context.newPage();
        page.setDefaultTimeout(PAGE_MS);
        try {
          if (user === 'a11y-admin') found.push(...(await visitAll(page, signedOut(), theme)));
          await signIn(page, user);
          found.push(...(await visitAll(page, visits, theme)));
        } finally {
          await context.close();
        }
      }
      expect(found, `axe-core found:\n${found.join('\n')}`).toEqual([]);
    },
    scaledMs(480_000),
  );
});
