/**
 * Editor settings in Chromium: font size and Vim key bindings chosen in the settings dialog stay after
 * a reload and follow the account into a fresh browser (saved through the API); an anonymous visitor's
 * stay in the browser (localStorage); Emacs bindings, chosen there, move the cursor with Emacs's keys;
 * "Format" runs Prettier on JavaScript and is disabled, with a tooltip, for Python.
 */
import { format } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiServer } from '@arbiter/api';
import { cleanup, startApi, testPrefix } from '../support/platform.js';
import {
  buildWeb,
  freePort,
  launchChromium,
  openEditor,
  setEditorCode,
  startWeb,
  type WebApp,
} from './web-app.js';

const PASSWORD = 'amber-lantern-42';
const MESSY_JS = `var twoSum = function(nums, target) {
const seen = new Map();
      for (let i = 0; i < nums.length; i++) {
  if (seen.has(target - nums[i])) { return [seen.get(target - nums[i]), i] }
        seen.set(nums[i], i)
}
};
`;

/** The font size Monaco renders its lines in, e.g. "20px". */
const editorFontSize = (page: Page): Promise<string> =>
  page.evaluate<string>(`getComputedStyle(document.querySelector('.monaco-editor .view-lines')).fontSize`);

async function openWorkspace(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await openEditor(page, { timeout: 60_000 });
}

/** Opens the settings dialog, picks a value for one labelled setting and waits until it is saved. */
async function choose(page: Page, label: string, value: string, signedIn: boolean): Promise<void> {
  const dialog = page.getByTestId('editor-settings-dialog');
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Editor settings' }).click();
  const saved = signedIn
    ? page.waitForResponse(
        (response) => response.url().endsWith('/settings/editor') && response.request().method() === 'PUT',
      )
    : null;
  await dialog.getByLabel(label).selectOption(value);
  const answer = await saved;
  if (answer) expect(answer.status()).toBe(200);
}

describe('editor settings in Chromium', () => {
  const prefix = testPrefix();
  let api: ApiServer;
  let web: WebApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    const webPort = await freePort();
    api = await startApi(prefix, {
      WEB_ORIGIN: `http://127.0.0.1:${webPort}`,
      AUTH_RATE_PER_MINUTE_IP: '0',
    });
    buildWeb();
    web = await startWeb(webPort, api.port);
    browser = await launchChromium();
  }, 900_000); // a first `next build` takes minutes on a busy machine

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    web?.stop();
    await api?.close();
    await cleanup(prefix);
  });

  it('keeps a signed-in user’s font size and Vim bindings across a reload and in a new browser', async () => {
    const username = `keys_${prefix.slice(-6)}`;
    const page = await newPage();
    await page.goto(`${web.url}/signup?next=/problems/two-sum`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await openEditor(page, { timeout: 60_000 });
    expect(await editorFontSize(page)).toBe('14px');

    await choose(page, 'Font size', '20', true);
    await choose(page, 'Key bindings', 'vim', true);
    const dialog = page.getByTestId('editor-settings-dialog');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      `getComputedStyle(document.querySelector('.monaco-editor .view-lines')).fontSize === '20px'`,
    );
    await page
      .getByTestId('key-bindings-status')
      .getByText(/NORMAL/)
      .waitFor();

    await page.reload();
    // Until Monaco is mounted (on the first focus), a Vim user's code is shown read-only.
    await page.locator('[data-testid="code-plain"][readonly]').waitFor({ timeout: 60_000 });
    await openEditor(page, { timeout: 60_000 });
    await page.locator('[data-testid="code-editor"][data-key-bindings="vim"]').waitFor({ timeout: 60_000 });
    await page
      .getByTestId('key-bindings-status')
      .getByText(/NORMAL/)
      .waitFor({ timeout: 20_000 });
    expect(await editorFontSize(page)).toBe('20px');
    // Vim's modes: `i` enters insert mode, Escape leaves it.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('i');
    await page
      .getByTestId('key-bindings-status')
      .getByText(/INSERT/)
      .waitFor();
    await page.keyboard.press('Escape');
    await page
      .getByTestId('key-bindings-status')
      .getByText(/NORMAL/)
      .waitFor();

    const other = await newPage();
    await other.goto(`${web.url}/login?next=/problems/two-sum`);
    await other.getByLabel('Username').fill(username);
    await other.getByLabel('Password').fill(PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await openEditor(other, { timeout: 60_000 });
    await other.locator('[data-testid="code-editor"][data-key-bindings="vim"]').waitFor({ timeout: 60_000 });
    await other.waitForFunction(
      `getComputedStyle(document.querySelector('.monaco-editor .view-lines')).fontSize === '20px'`,
    );
  });

  it('keeps an anonymous visitor’s font size in the browser', async () => {
    const page = await newPage();
    await openWorkspace(page, `${web.url}/problems/two-sum`);
    await choose(page, 'Font size', '18', false);
    await page.keyboard.press('Escape');
    await page.reload();
    await openEditor(page, { timeout: 60_000 });
    await page.waitForFunction(
      `getComputedStyle(document.querySelector('.monaco-editor .view-lines')).fontSize === '18px'`,
    );
    expect(await page.locator('[data-testid="code-editor"]').getAttribute('data-key-bindings')).toBe(
      'default',
    );
  });

  it('switches the editor to Emacs key bindings: Ctrl+A goes to the start of the line', async () => {
    const page = await newPage();
    await openWorkspace(page, `${web.url}/problems/two-sum`);
    await page.getByTestId('language').selectOption('python');
    // The code is set while the default bindings hold (Ctrl+A selects all there).
    await setEditorCode(page, 'hello');
    await page.waitForFunction(`localStorage.getItem('arbiter:draft:two-sum:python') === 'hello'`);

    await choose(page, 'Key bindings', 'emacs', false);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="code-editor"][data-key-bindings="emacs"]').waitFor();
    await page.getByTestId('key-bindings-status').getByText('Emacs').waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('End');
    // Emacs's move-beginning-of-line, where the default bindings would select everything.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('X');
    await page.waitForFunction(`localStorage.getItem('arbiter:draft:two-sum:python') === 'Xhello'`);
    // Ctrl+E: the end of the line.
    await page.keyboard.press('Control+E');
    await page.keyboard.type('!');
    await page.waitForFunction(`localStorage.getItem('arbiter:draft:two-sum:python') === 'Xhello!'`);
  });

  it('formats JavaScript with Prettier and offers no formatter for Python', async () => {
    const page = await newPage();
    await openWorkspace(page, `${web.url}/problems/two-sum`);
    await page.getByTestId('language').selectOption('python');
    const python = page.getByTestId('format-code');
    expect(await python.isDisabled()).toBe(true);
    expect(await page.locator('.format-button').getAttribute('title')).toMatch(/^No formatter for Python/);

    await page.getByTestId('language').selectOption('javascript');
    await page.locator('.monaco-editor .view-lines', { hasText: 'twoSum' }).waitFor();
    await setEditorCode(page, MESSY_JS);
    const draftKey = 'arbiter:draft:two-sum:javascript';
    await page.waitForFunction(
      `localStorage.getItem(${JSON.stringify(draftKey)}) === ${JSON.stringify(MESSY_JS)}`,
    );
    expect(await page.getByTestId('format-code').isEnabled()).toBe(true);
    await page.getByTestId('format-code').click();

    const expected = await format(MESSY_JS, { parser: 'babel', tabWidth: 4, printWidth: 100 });
    expect(expected).toContain('\n    const seen = new Map();\n');
    await page.waitForFunction(
      `localStorage.getItem(${JSON.stringify(draftKey)}) === ${JSON.stringify(expected)}`,
      undefined,
      {
        timeout: 30_000,
      },
    );
    await page.locator('.monaco-editor .view-lines', { hasText: 'const seen = new Map();' }).waitFor();
  });
});
