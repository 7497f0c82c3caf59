/**
 * End to end, in a real browser: the real API and worker (tests/support/platform.ts), the web app's
 * production build (scripts/build-web.mjs, as `npm start` builds it) served by `next start` with the
 * API's port as `npm start` gives it, Chromium driven by playwright-core. Signs up at 127.0.0.1,
 * solves Two Sum in Monaco (run, submit, accepted with runtime and distribution), checks the
 * history, a wrong C++ answer and a compile error, the draft surviving a reload, live playground
 * output, an interactive playground run (lines typed while it runs), signs in and submits at localhost
 * too, that the statement arrives rendered by the server, and that no request ever leaves the machine.
 * Screenshots go to a temporary folder; UPDATE_SCREENSHOTS=1 writes docs/screenshots/ instead.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import type { RunningWorker } from '@arbiter/worker';
import { signalGroup, spawnOwned } from '../support/owned-processes.js';
import { openEditor } from './web-app.js';
import {
  base,
  cleanup,
  ROOT,
  startApi,
  startWorkerInProcess,
  testPrefix,
  waitFor,
} from '../support/platform.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB = join(ROOT, 'apps/web');
/** The committed screenshots are rewritten only when asked; otherwise a run leaves them alone. */
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SCREENSHOTS = UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'arbiter-screenshots-'));
const require = createRequire(import.meta.url);
/** Another problem catalog for the API and worker (default: the repository's problems/). */
const CATALOG: Record<string, string> = process.env.E2E_PROBLEMS_DIR
  ? { PROBLEMS_DIR: process.env.E2E_PROBLEMS_DIR }
  : {};

const PYTHON_SOLUTION = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
`;
const WRONG_CPP = `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        return {0, 1};
    }
};
`;
const BROKEN_CPP = `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        return {0, 1}
    }
};
`;
const SLOW_PYTHON = `import time
for i in range(6):
    print(f"tick {i}", flush=True)
    time.sleep(0.5)
`;

const INTERACTIVE_PYTHON = `name = input()
print("hello " + name)
print(int(input()) * 2)
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The production build `npm start` serves, made by the same script (cached by a hash of its sources). */
function buildWeb(): void {
  const started = Date.now();
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (build.status !== 0) throw new Error(`the web build failed:\n${build.stdout}\n${build.stderr}`);
  console.log(
    `${build.stdout.trim().split('\n').pop() ?? ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

/**
 * Replaces everything in the Monaco editor with `code`, pasted (a paste event, as Ctrl+V sends):
 * typed text would get Monaco's auto-indentation on top of its own.
 */
async function setEditorCode(page: Page, code: string): Promise<void> {
  await openEditor(page);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(code)});
    document.activeElement.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  })()`);
}

async function draft(page: Page, scope: string, language: string): Promise<unknown> {
  return page.evaluate(`localStorage.getItem(${JSON.stringify(`arbiter:draft:${scope}:${language}`)})`);
}

describe('web app in Chromium', () => {
  const prefix = testPrefix();
  const requested: string[] = [];
  let api: ApiServer;
  let worker: RunningWorker;
  let web: ChildProcess;
  let webLog = '';
  let webUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const username = `e2e_${prefix.slice(-8)}`;

  beforeAll(async () => {
    const webPort = await freePort();
    webUrl = `http://127.0.0.1:${webPort}`;
    api = await startApi(prefix, {
      WEB_ORIGIN: `${webUrl},http://localhost:${webPort}`,
      SUBMIT_RATE_PER_MINUTE_IP: '0',
      ...CATALOG,
    });
    worker = await startWorkerInProcess(prefix, CATALOG);
    buildWeb();
    // As `npm start` serves it: every address, and the page finds the API on its own host.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => name !== 'ARBITER_API_URL'),
    );
    web = spawnOwned(
      process.execPath,
      [require.resolve('next/dist/bin/next'), 'start', '--port', String(webPort)],
      {
        cwd: WEB,
        env: {
          ...env,
          NEXT_TELEMETRY_DISABLED: '1',
          NODE_ENV: 'production',
          ARBITER_API_PORT: String(api.port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    web.stdout?.on('data', (chunk: Buffer) => (webLog += chunk.toString()));
    web.stderr?.on('data', (chunk: Buffer) => (webLog += chunk.toString()));
    await waitFor(
      async () => (await fetch(`${webUrl}/problems`).catch(() => null))?.ok === true,
      30_000,
      () => `next start did not answer:\n${webLog}`,
    );
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    }
    // Playwright gives every launch a fresh temporary user-data dir (and deletes it on close).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
    context.on('request', (request) => requested.push(request.url()));
    page = await context.newPage();
    page.on('websocket', (socket) => requested.push(socket.url()));
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    if (web) signalGroup(web, 'SIGTERM');
    if (!UPDATE_SCREENSHOTS) console.log(`screenshots in ${SCREENSHOTS}`);
    await worker?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  it('signs up and shows the user in the header', async () => {
    await page.goto(`${webUrl}/signup?next=/problems`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('violet-harbour-71');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByTestId('username').filter({ hasText: username }).waitFor();
    await page.getByTestId('problem-two-sum').waitFor();
    expect(await page.getByTestId('problem-two-sum').innerText()).toContain('Easy');
  }, 30_000);

  it("renders the statement's Markdown on the server: the page's response carries it as elements", async () => {
    // The heading "## Examples" as a rendered element in the page's data (not only its Markdown source).
    const html = await (await fetch(`${webUrl}/problems/two-sum`)).text();
    expect(html).toContain('\\"children\\":\\"Examples\\"');
    await page.goto(`${webUrl}/problems/two-sum`);
    await page.locator('.statement .markdown h2', { hasText: 'Examples' }).waitFor();
    expect(await page.locator('.statement .markdown pre').count()).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it('runs a correct Python solution on the samples (Ctrl+Enter)', async () => {
    await page.goto(`${webUrl}/problems/two-sum`);
    await openEditor(page, { timeout: 20_000 });
    expect(await page.getByTestId('case-tab-2').innerText()).toBe('Case 3');
    await setEditorCode(page, PYTHON_SOLUTION);
    expect(await draft(page, 'two-sum', 'python')).toBe(PYTHON_SOLUTION);
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="verdict"][data-verdict="ACCEPTED"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('tests-passed').innerText()).toContain('3 / 3');
    for (const index of [0, 1, 2]) {
      expect(await page.getByTestId(`case-result-${index}`).getAttribute('data-verdict')).toBe('ACCEPTED');
    }
  }, 60_000);

  it("submits it (Ctrl+'): accepted, with runtime and the distribution chart", async () => {
    await page.keyboard.press("Control+'");
    await page.locator('.verdict-panel .mode-badge', { hasText: 'Submission' }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="verdict"][data-verdict="ACCEPTED"]').waitFor();
    expect(await page.getByTestId('runtime').innerText()).toMatch(/\d+(\.\d+)? ms/);
    await page.getByTestId('distribution-chart').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="distribution-chart"] rect.bar.mine').count()).toBe(1);

    // Drag the editor/console handle up so the verdict and chart fit in the screenshot.
    const handle = page.getByRole('separator', { name: 'Resize editor and console' });
    const box = await handle.boundingBox();
    if (box === null) throw new Error('no resize handle');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 110, { steps: 8 });
    await page.mouse.up();
    const moved = await handle.boundingBox();
    expect(moved?.y ?? box.y).toBeLessThan(box.y - 60);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-light.png') });
    await page.getByTestId('theme-toggle').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.waitForTimeout(300);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-dark.png') });
  }, 60_000);

  it('lists the submissions in the history, newest first, with a detail page', async () => {
    const probe = await fetch(`${base(api)}/submissions`);
    if (probe.status === 404) {
      await page.goto(`${webUrl}/submissions`);
      await page.getByTestId('history-empty').waitFor();
      return;
    }
    await page.goto(`${webUrl}/submissions`);
    await page.getByTestId('submission-row').first().waitFor();
    expect(await page.getByTestId('submission-row').count()).toBeGreaterThanOrEqual(2);
    const newest = page.getByTestId('submission-row').first();
    // The titles come from GET /problems, asked for beside the rows: until it answers a row shows the slug.
    await newest.filter({ hasText: 'Two Sum' }).waitFor();
    expect(await newest.innerText()).toContain('Accepted');
    await newest.getByRole('link').first().click();
    await page.locator('[data-testid="verdict"]', { hasText: 'Accepted' }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: 'enumerate' }).waitFor({ timeout: 20_000 });
  }, 40_000);

  it('shows a wrong C++ answer with the failing input, a compile error with its line, and keeps the draft', async () => {
    await page.goto(`${webUrl}/problems/two-sum`);
    await openEditor(page, { timeout: 20_000 });
    await page.getByTestId('language').selectOption('cpp');
    await setEditorCode(page, WRONG_CPP);
    await page.getByTestId('submit').click();
    await page.locator('[data-testid="verdict"][data-verdict="WRONG_ANSWER"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('failing-input').innerText()).toContain('nums = [3,2,4]');
    expect(await page.getByTestId('expected-output').innerText()).toBe('[1,2]');
    expect(await page.getByTestId('actual-output').innerText()).toBe('[0,1]');

    await setEditorCode(page, BROKEN_CPP);
    await page.getByTestId('run').click();
    await page.locator('[data-testid="verdict"][data-verdict="COMPILE_ERROR"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('compile-output').innerText()).toContain('Line 5');

    await page.reload();
    await openEditor(page, { timeout: 20_000 });
    await page
      .locator('.monaco-editor .view-lines', { hasText: 'return {0, 1}' })
      .waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('language').inputValue()).toBe('cpp');
    expect(await draft(page, 'two-sum', 'cpp')).toBe(BROKEN_CPP);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  }, 120_000);

  it('loads Monaco on the first click in the plain view, keeping what was typed there and the caret', async () => {
    await page.goto(`${webUrl}/problems/two-sum`);
    const plain = page.getByTestId('code-plain');
    await plain.waitFor({ timeout: 20_000 });
    // Everything the page loads by itself has arrived; Monaco's code is not among it.
    await page.waitForLoadState('networkidle');
    const scriptsBefore = requested.filter((url) => /\.js(\?|$)/.test(url)).length;
    expect(await plain.count(), 'Monaco took over without the user asking').toBe(1);
    await plain.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('// zq9');
    await page
      .locator('[data-testid="code-editor"] .view-lines', { hasText: '// zq9' })
      .waitFor({ timeout: 20_000 });
    expect(requested.filter((url) => /\.js(\?|$)/.test(url)).length).toBeGreaterThan(scriptsBefore);
    // The caret came along: what is typed next lands after the text typed before Monaco took over.
    await page.keyboard.type('x');
    await page.locator('[data-testid="code-editor"] .view-lines', { hasText: '// zq9x' }).waitFor();
    expect(await page.locator('[aria-label^="Code editor"]').count()).toBe(1);
  }, 60_000);

  it('streams playground output before the program finishes', async () => {
    await page.goto(`${webUrl}/playground`);
    await openEditor(page, { timeout: 20_000 });
    await page.getByTestId('language').selectOption('python');
    await setEditorCode(page, SLOW_PYTHON);
    await page.getByTestId('stdin').fill('');
    await page.getByTestId('playground-run').click();
    await page.getByTestId('output').filter({ hasText: 'tick 1' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('verdict').count()).toBe(0);
    expect(await page.getByTestId('output').innerText()).not.toContain('tick 5');
    await page.locator('[data-testid="verdict"]', { hasText: 'Finished' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('output').innerText()).toContain('tick 5');
  }, 60_000);

  it('runs an interactive playground program: each line typed while it runs is answered', async () => {
    await page.goto(`${webUrl}/playground`);
    await openEditor(page, { timeout: 20_000 });
    await page.getByTestId('language').selectOption('python');
    await setEditorCode(page, INTERACTIVE_PYTHON);
    await page.getByTestId('interactive').check();
    await page.getByTestId('playground-run').click();
    const line = page.getByTestId('stdin-line');
    await line.waitFor({ timeout: 30_000 });
    await line.fill('Ada');
    await line.press('Enter');
    await page.getByTestId('output').filter({ hasText: 'hello Ada' }).waitFor({ timeout: 30_000 });
    // Still running: the program waits for its second line.
    expect(await page.getByTestId('verdict').count()).toBe(0);
    await line.fill('21');
    await line.press('Enter');
    await page.locator('[data-testid="verdict"]', { hasText: 'Finished' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('output').innerText()).toContain('42');
    await page.getByTestId('interactive').uncheck();
  }, 90_000);

  it('asks an anonymous visitor to sign in to submit', async () => {
    const anonymous = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    anonymous.on('request', (request) => requested.push(request.url()));
    const visitor = await anonymous.newPage();
    await visitor.goto(`${webUrl}/problems/two-sum`);
    await openEditor(visitor, { timeout: 20_000 });
    await visitor.getByTestId('submit').click();
    await visitor.getByTestId('sign-in-to-submit').waitFor({ timeout: 10_000 });
    await anonymous.close();
  }, 40_000);

  it('after signing in goes to a page of this site only, whatever `next` says', async () => {
    // A context of its own; a request for any other host is aborted (and noted) instead of sent.
    const visitor = await browser.newContext();
    const offsite: string[] = [];
    await visitor.route('**/*', async (route) => {
      const { hostname, protocol } = new URL(route.request().url());
      if (protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost')
        return route.continue();
      offsite.push(route.request().url());
      return route.abort();
    });
    const tab = await visitor.newPage();
    /** Signs in on /login?next=<query> (as written in the address bar) and returns where it landed. */
    const signInWith = async (query: string): Promise<URL> => {
      await tab.goto(`${webUrl}/login?next=${query}`);
      await tab.getByLabel('Username').fill(username);
      await tab.getByLabel('Password').fill('violet-harbour-71');
      await tab.getByRole('button', { name: 'Sign in' }).click();
      await waitFor(
        () => offsite.length > 0 || new URL(tab.url()).pathname !== '/login',
        15_000,
        () => `still on ${tab.url()} after signing in with next=${query}`,
      );
      return new URL(tab.url());
    };
    try {
      const hostile = [
        '/%5Cexample.org/', // `/\example.org/`: browsers read the backslash as a slash
        '/%09/example.org/', // a tab, which the URL parser drops: `//example.org/`
        '/%0A/example.org/',
        '//example.org/',
        '/%5C%5Cexample.org/',
        '/..//example.org/',
        '/%252F%252Fexample.org/', // `/%2F%2Fexample.org/` once the query is decoded
        'https://example.org/',
        '%20/%5Cexample.org/',
        'javascript:alert(document.domain)',
      ];
      for (const query of hostile) {
        const landed = await signInWith(query);
        expect(offsite, `next=${query}`).toEqual([]);
        expect(landed.origin, `next=${query}`).toBe(webUrl);
        expect(landed.pathname, `next=${query}`).toBe('/problems');
      }
      // A page of the site is where the sign-in goes.
      const landed = await signInWith('/problems/two-sum');
      expect(`${landed.origin}${landed.pathname}`).toBe(`${webUrl}/problems/two-sum`);
      await openEditor(tab, { timeout: 20_000 });
    } finally {
      await visitor.close();
    }
    expect(offsite).toEqual([]);
  }, 120_000);

  it('works at localhost as well: signs in there and submits', async () => {
    const local = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    local.on('request', (request) => requested.push(request.url()));
    const tab = await local.newPage();
    const localUrl = webUrl.replace('127.0.0.1', 'localhost');
    try {
      await tab.goto(`${localUrl}/login?next=/problems/two-sum`);
      await tab.getByLabel('Username').fill(username);
      await tab.getByLabel('Password').fill('violet-harbour-71');
      await tab.getByRole('button', { name: 'Sign in' }).click();
      await tab.getByTestId('username').filter({ hasText: username }).waitFor({ timeout: 15_000 });
      // A new context has none of Monaco's chunks cached: its first load is the slowest.
      await openEditor(tab, { timeout: 60_000 });
      expect(new URL(tab.url()).hostname).toBe('localhost');
      await tab.getByTestId('language').selectOption('python');
      await setEditorCode(tab, PYTHON_SOLUTION);
      await tab.getByTestId('submit').click();
      await tab.locator('.verdict-panel .mode-badge', { hasText: 'Submission' }).waitFor({ timeout: 30_000 });
      await tab.locator('[data-testid="verdict"][data-verdict="ACCEPTED"]').waitFor({ timeout: 60_000 });
    } finally {
      await local.close();
    }
  }, 120_000);

  it('never requested anything outside localhost', () => {
    expect(requested.length).toBeGreaterThan(10);
    const outside = requested.filter((url) => {
      const { hostname, protocol } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(outside).toEqual([]);
  });
});
