/**
 * The pieces of a browser test: the web app's production build (scripts/build-web.mjs, as `npm start`
 * builds it) served by `next start` against a given API, Chromium through playwright-core, and
 * helpers that drive the workspace (paste code into Monaco, open a pane on a narrow screen).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { signalGroup, spawnOwned } from '../support/owned-processes.js';
import { ROOT, waitFor } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);

export function freePort(): Promise<number> {
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
export function buildWeb(): void {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (build.status !== 0) throw new Error(`the web build failed:\n${build.stdout}\n${build.stderr}`);
}

export interface WebApp {
  url: string;
  stop(): void;
}

/** `next start` on a free port, finding the API on its own host at `apiPort` (as `npm start` runs it). */
export async function startWeb(port: number, apiPort: number): Promise<WebApp> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'ARBITER_API_URL'));
  let log = '';
  const web: ChildProcess = spawnOwned(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', '--port', String(port)],
    {
      cwd: join(ROOT, 'apps/web'),
      env: {
        ...env,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        ARBITER_API_PORT: String(apiPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  web.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  web.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/problems`).catch(() => null))?.ok === true,
    30_000,
    () => `next start did not answer:\n${log}`,
  );
  return { url, stop: () => signalGroup(web, 'SIGTERM') };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
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
}

/**
 * Opens the (visible) code editor as a user does, and waits for Monaco: an editable editor shows its
 * code in a plain text area and mounts Monaco on the first intent to edit (here a click on the plain
 * view); one Monaco already took over from is left alone. Returns with Monaco's editor on the page,
 * its code shown.
 */
export async function openEditor(page: Page, options: { timeout?: number } = {}): Promise<void> {
  const timeout = options.timeout ?? scaledMs(30_000);
  const plain = page.locator('[data-testid="code-plain"]:visible');
  const monaco = page.locator('[data-testid="code-editor"] .monaco-editor .view-lines:visible');
  await plain.or(monaco).first().waitFor({ timeout });
  // The plain view may go (Monaco took over) between the look and the click: then there is nothing to do.
  if (await plain.count())
    await plain
      .first()
      .click({ timeout })
      .catch(() => undefined);
  await monaco.first().waitFor({ timeout });
}

/**
 * Replaces everything in the (visible) Monaco editor with `code`, pasted (a paste event, as Ctrl+V
 * sends): typed text would get Monaco's auto-indentation on top of its own.
 */
export async function setEditorCode(page: Page, code: string): Promise<void> {
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

/** On the narrow layout, shows one of the workspace's panes; the wide layout shows them all already. */
/** The widest viewport that gets the web's narrow layout (NARROW_MAX_PX in apps/web/src/lib/use-narrow.ts). */
const NARROW_MAX_PX = 900;

/**
 * Shows a workspace pane: on a narrow viewport by its tab, once the workspace has switched to its tabs
 * (it renders the split layout first and switches after it measured the window); wide, every pane shows.
 */
export async function openPane(page: Page, pane: 'description' | 'code' | 'result'): Promise<void> {
  const layout = (page.viewportSize()?.width ?? Infinity) <= NARROW_MAX_PX ? 'tabs' : 'split';
  await page.locator(`[data-testid="workspace"][data-layout="${layout}"]`).waitFor({ timeout: 20_000 });
  if (layout === 'tabs') await page.getByTestId(`pane-tab-${pane}`).click();
}

/**
 * How far the page is wider than the window, in CSS px (0: no horizontal scrolling). Never below 0:
 * a page that fits is as wide as the window less the scrollbar's room, which html's
 * `scrollbar-gutter: stable` keeps even on a page that does not scroll.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('Math.max(0, document.documentElement.scrollWidth - window.innerWidth)');
}
