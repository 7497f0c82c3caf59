/**
 * Problem management in Chromium, on the real API, worker and sandbox: an admin finds "Problems" in the admin
 * tabs, sees the repository's problems listed with their source, uploads a broken package (the error names
 * the file) and then tests/fixtures/packages/sum-verify through the form, and watches the report fill in as
 * a worker verifies the labelled submissions (a mislabelled one fails its label). The problem's page has its
 * report, versions and export link; "Re-verify" queues a new verification whose findings replace the old.
 * The uploaded problem is then solved in the workspace: its page opens from the catalog, and a Python
 * solution is run on the package's sample and submitted against its secret data (accepted). The report of
 * tests/fixtures/packages/expect-verdicts lists each submission's submissions.yaml rules (held or failed),
 * names the failing one and marks a submission listed but not judged. A signed-out visitor is told the pages
 * are for admins.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeZip } from '@arbiter/archive';
import type { ApiServer } from '@arbiter/api';
import { packageFromFolder } from '@arbiter/problem-package';
import type { RunningWorker } from '@arbiter/worker';
import { cleanup, signUp, startApi, startWorkerInProcess, testPrefix } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import {
  buildWeb,
  freePort,
  launchChromium,
  openEditor,
  setEditorCode,
  startWeb,
  type WebApp,
} from './web-app.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
const PASSWORD = 'amber-lantern-58';
/** A worker compiles and judges the package's eight submissions (one of them Java) in the sandbox. */
const VERIFY_MS = scaledMs(420_000);

describe('problem management in Chromium', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let worker: RunningWorker;
  let web: WebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, { WEB_ORIGIN: `http://127.0.0.1:${webPort}`, AUTH_RATE_PER_MINUTE_IP: '0' });
    worker = await startWorkerInProcess(prefix);
    await signUp(`http://127.0.0.1:${api.port}`, 'package-admin', PASSWORD);
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    web?.stop();
    await worker?.stop(2_000);
    await api?.close();
    await cleanup(prefix);
  });

  const submission = (path: string) =>
    page.locator(`[data-testid="upload-result"] [data-testid="verified-submission"][data-path="${path}"]`);

  it(
    'uploads a package through the admin page and shows its verification',
    async () => {
      await page.goto(`${web.url}/login?next=/admin`);
      await page.getByLabel('Username').fill('package-admin');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${web.url}/admin`);
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Problems' }).click();
      await page.waitForURL(`${web.url}/admin/problems`);

      // The repository's problems, marked as such.
      const twoSum = page.locator('[data-testid="admin-problem-row"][data-slug="two-sum"]');
      await expect.poll(() => twoSum.textContent(), { timeout: 20_000 }).toContain('Repository folder');

      // A package that cannot be judged: the error names the file and what is wrong with it.
      const broken = await writeZip([
        { path: 'problem.yaml', bytes: 'name: Broken\n' },
        { path: 'data/secret/1.in', bytes: '1\n' },
      ]);
      await page.getByLabel('Package zip').setInputFiles({
        name: 'broken.zip',
        mimeType: 'application/zip',
        buffer: broken,
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      const error = page.getByTestId('upload-error');
      await expect.poll(() => error.textContent()).toContain('data/secret/1.in');
      expect(await page.getByRole('alert').filter({ hasText: 'cannot be imported' }).count()).toBe(1);

      // The real package, under a slug typed in the form.
      const zip = await writeZip(await packageFromFolder(join(PACKAGES, 'sum-verify')));
      await page.getByLabel('Package zip').setInputFiles({
        name: 'sum-verify.zip',
        mimeType: 'application/zip',
        buffer: zip,
      });
      await page.getByLabel('Slug (optional)').fill('sum-verify');
      await page.getByRole('button', { name: 'Upload' }).click();
      const result = page.getByTestId('upload-result');
      await expect.poll(() => result.textContent()).toContain('version 1');
      expect(await error.count()).toBe(0);
      expect(await result.getByTestId('report-found').textContent()).toContain('7 submission(s)');

      // A worker judges the labelled submissions; the report fills in by itself.
      await expect
        .poll(() => result.getByTestId('verification-status').textContent(), { timeout: VERIFY_MS })
        .toBe('Labels not met');
      expect(await submission('submissions/accepted/sum.cpp').getAttribute('data-ok')).toBe('true');
      expect(await submission('submissions/accepted/sum.cpp').textContent()).toContain('Accepted');
      expect(await submission('submissions/time_limit_exceeded/spin.cpp').textContent()).toContain(
        'Time Limit Exceeded',
      );
      const mislabelled = submission('submissions/wrong_answer/actually_right.py');
      expect(await mislabelled.getAttribute('data-ok')).toBe('false');
      expect(await mislabelled.textContent()).toContain('Fails its label');
      expect(await result.getByTestId('time-limit').textContent()).toContain('derived');

      // The list says so too, and marks the problem as an imported package.
      const row = page.locator('[data-testid="admin-problem-row"][data-slug="sum-verify"]');
      await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Labels not met');
      expect(await row.textContent()).toContain('Imported package');
    },
    VERIFY_MS + 60_000,
  );

  it(
    "shows the problem's page with its versions and export, and verifies it again",
    async () => {
      await page
        .locator('[data-testid="admin-problem-row"][data-slug="sum-verify"]')
        .getByRole('link')
        .click();
      await page.waitForURL(`${web.url}/admin/problems/sum-verify`);
      await expect
        .poll(() => page.getByTestId('verification-status').textContent(), { timeout: 20_000 })
        .toBe('Labels not met');
      expect(await page.getByTestId('version-row').count()).toBe(1);

      // The export link gives the stored package back.
      const href = await page.getByTestId('export-package').getAttribute('href');
      expect(href).toBe(`http://127.0.0.1:${api.port}/admin/problems/sum-verify/package`);
      const exported = await page.request.get(href ?? '');
      expect(exported.status()).toBe(200);
      expect(exported.headers()['content-type']).toBe('application/zip');

      // Re-verify: queued again (a new job), then done again with the same findings.
      const before = await page.getByTestId('verification').textContent();
      await page.getByRole('button', { name: 'Re-verify' }).click();
      await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('queued');
      await expect.poll(() => page.getByTestId('verification-status').textContent()).toBe('Verifying…');
      expect(await page.getByTestId('verification').textContent()).not.toBe(before);
      await expect
        .poll(() => page.getByTestId('verification-status').textContent(), { timeout: VERIFY_MS })
        .toBe('Labels not met');
      expect(await page.locator('[data-testid="verified-submission"][data-ok="false"]').count()).toBe(1);
    },
    VERIFY_MS + 60_000,
  );

  it(
    'solves the uploaded problem in the workspace',
    async () => {
      await page.goto(`${web.url}/problems`);
      await page.getByRole('link', { name: 'Sum Verify' }).first().click();
      await page.waitForURL(`${web.url}/problems/sum-verify`);
      await openEditor(page, { timeout: 20_000 });
      await page.getByTestId('language').selectOption('python');
      await setEditorCode(
        page,
        'import sys\n\nwords = sys.stdin.read().split()\nn = int(words[0])\nprint(sum(int(w) for w in words[1 : n + 1]))\n',
      );
      // Run: the package's sample.
      await page.keyboard.press('Control+Enter');
      await page.locator('[data-testid="verdict"][data-verdict="ACCEPTED"]').waitFor({ timeout: 60_000 });
      // Submit: every case of the package, judged on the stored version.
      await page.keyboard.press("Control+'");
      await page
        .locator('.verdict-panel .mode-badge', { hasText: 'Submission' })
        .waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="verdict"][data-verdict="ACCEPTED"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('tests-passed').innerText()).toContain('3 / 3');
    },
    scaledMs(180_000),
  );

  it(
    "shows each submission's submissions.yaml rules and which failed, and marks the one not judged",
    async () => {
      // A context of its own, signed in here: the test does not depend on the ones before it.
      const own = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const admin = await own.newPage();
        await admin.goto(`${web.url}/login?next=/admin/problems`);
        await admin.getByLabel('Username').fill('package-admin');
        await admin.getByLabel('Password').fill(PASSWORD);
        await admin.getByRole('button', { name: 'Sign in' }).click();
        await admin.waitForURL(`${web.url}/admin/problems`);
        const zip = await writeZip(await packageFromFolder(join(PACKAGES, 'expect-verdicts')));
        await admin.getByLabel('Package zip').setInputFiles({
          name: 'expect-verdicts.zip',
          mimeType: 'application/zip',
          buffer: zip,
        });
        await admin.getByLabel('Slug (optional)').fill('expect-verdicts');
        await admin.getByRole('button', { name: 'Upload' }).click();
        const result = admin.getByTestId('upload-result');
        await expect
          .poll(() => result.getByTestId('verification-status').textContent(), { timeout: VERIFY_MS })
          .toBe('Labels not met');
        const row = (path: string) =>
          result.locator(`[data-testid="verified-submission"][data-path="submissions/${path}"]`);

        // Listed, not judged: said so, with the reason, rather than "OK".
        const unjudged = row('mixed-verdicts/no_header.py');
        expect(await unjudged.getByTestId('verified-outcome').textContent()).toBe('Not judged');
        expect(await unjudged.getByTestId('verified-note').textContent()).toContain('not judged');

        // Every rule that matched, each held, in a list named for the submission.
        const rules = result.getByRole('list', { name: 'submissions.yaml rules for mixed/easy_only.py' });
        expect(await rules.getByRole('listitem').allTextContents()).toEqual([
          'held mixed/easy_only.py sample: permitted AC',
          'held mixed/easy_only.py secret/*-easy: permitted AC',
          'held mixed/easy_only.py secret/*-hard: permitted AC, WA; required WA',
        ]);
        expect(await row('mixed/easy_only.py').getByTestId('verified-outcome').textContent()).toBe('OK');

        // The rule that failed, named where the submission fails.
        const failing = row('mixed/wrong_claim.py');
        expect(await failing.getAttribute('data-ok')).toBe('false');
        expect(await failing.locator('[data-testid="expectation"][data-ok="false"]').textContent()).toBe(
          'failed mixed/{wrong_claim,not_there}.py: permitted AC',
        );
        expect(await failing.getByTestId('verified-outcome').textContent()).toBe(
          'Fails submissions.yamlmixed/{wrong_claim,not_there}.py',
        );
      } finally {
        await own.close();
      }
    },
    VERIFY_MS + 60_000,
  );

  it('tells a signed-out visitor the pages are for admins', async () => {
    const other = await browser.newContext();
    try {
      const visitor = await other.newPage();
      await visitor.goto(`${web.url}/admin/problems`);
      await expect.poll(() => visitor.getByTestId('admins-only').count(), { timeout: 20_000 }).toBe(1);
    } finally {
      await other.close();
    }
  });
});
