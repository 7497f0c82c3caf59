/**
 * Accessibility in Chromium, measured by axe-core (injected into each page, as its browser extension
 * does): the problem list (signed out and in), the workspace, the playground, one's submissions and a
 * submission, and every admin page (workers, submissions, users, problems, an imported problem), in the
 * light and the dark theme at 1280×720 and in the dark theme on a phone (390×844). No `serious` or
 * `critical` violation may remain: contrast, names of controls, labels, landmarks, ARIA.
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
import { buildWeb, freePort, launchChromium, openPane, startWeb, type WebApp } from './web-app.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
const PASSWORD = 'quiet-meadow-64';
/** The impacts that fail the test; `moderate` and `minor` are reported by axe but not failed on. */
const FAILING = new Set(['serious', 'critical']);

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

const editor = (page: Page) => page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
const problemList = (page: Page) => page.getByTestId('problem-two-sum').waitFor({ timeout: 20_000 });

describe('accessibility in Chromium (axe-core)', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let web: WebApp;
  let browser: Browser;
  let submissionId = '';
  let packageSlug = '';

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, { WEB_ORIGIN: `http://127.0.0.1:${webPort}`, AUTH_RATE_PER_MINUTE_IP: '0' });
    const base = `http://127.0.0.1:${api.port}`;
    // The first account is the admin; the second gives the users page a row that can be disabled.
    const admin = await signUp(base, 'a11y-admin', PASSWORD);
    await signUp(base, 'a11y-student', PASSWORD);
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

  const signedIn = (): Visit[] => [
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
    { name: 'playground', path: '/playground', ready: editor },
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
  ];

  /** Runs axe-core on the page as it is now; the serious and critical violations, one line per element. */
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

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${web.url}/login?next=/problems`);
    await page.getByLabel('Username').fill('a11y-admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${web.url}/problems`);
  }

  it.each([
    { theme: 'light' as const, width: 1280, height: 720 },
    { theme: 'dark' as const, width: 1280, height: 720 },
    { theme: 'dark' as const, width: 390, height: 844 },
  ])(
    'has no serious or critical violations in the $theme theme at $width×$height',
    async ({ theme, width, height }) => {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
      const page = await context.newPage();
      try {
        const found = await visitAll(
          page,
          [{ name: 'problem list, signed out', path: '/problems', ready: problemList }],
          theme,
        );
        await signIn(page);
        found.push(...(await visitAll(page, signedIn(), theme)));
        expect(found, `axe-core found:\n${found.join('\n')}`).toEqual([]);
      } finally {
        await context.close();
      }
    },
    scaledMs(240_000),
  );
});
