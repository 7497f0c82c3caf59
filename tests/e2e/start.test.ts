/**
 * `npm start` as users run it (scripts/start.mjs, on ports of its own, the machine's Redis under a
 * test prefix, PGlite in a temporary folder): its start-up summary names the sandbox driver, the
 * languages and the URLs; a worker killed with SIGKILL is started again by the supervisor and judges
 * the next job; SIGTERM stops every component, leaving no process behind.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { signalGroup, spawnOwned } from '../support/owned-processes.js';
import { REDIS_URL, ROOT, cleanup, submit, testPrefix, waitFor, waitForResult } from '../support/platform.js';
import { freePort } from '../support/redis-server.js';

/** Whether a process is alive (a zombie, dead but not yet reaped, counts as gone). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0];
  return state !== 'Z' && state !== 'X';
}

describe.skipIf(process.platform !== 'linux')('npm start', () => {
  const prefix = testPrefix();
  const dataDir = mkdtempSync(join(tmpdir(), 'arbiter-start-'));
  let start: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  let apiPort: number;
  let webPort: number;
  /** What start.mjs printed so far, without colours. */
  const log = () => output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  /** Pids of every run of `name` start.mjs reported, in order. */
  const pids = (name: string) =>
    [...log().matchAll(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));

  beforeAll(async () => {
    apiPort = await freePort();
    webPort = await freePort();
    start = spawnOwned(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(apiPort),
        WEB_PORT: String(webPort),
        REDIS_URL,
        REDIS_PREFIX: prefix,
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => start.on('exit', (code) => resolve(code)));
    // The first start may build the web app (minutes on a busy machine); later ones find it cached.
    await waitFor(
      () => log().includes('Ctrl-C stops everything') || start.exitCode !== null,
      840_000,
      () => `npm start did not come up:\n${log()}`,
    );
    if (start.exitCode !== null) throw new Error(`npm start exited:\n${log()}`);
  }, 900_000);

  afterAll(async () => {
    if (start && start.exitCode === null && start.signalCode === null) signalGroup(start, 'SIGKILL');
    for (const pid of [...pids('api'), ...pids('worker'), ...pids('web')]) {
      if (alive(pid)) process.kill(-pid, 'SIGKILL');
    }
    await cleanup(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says at the end which sandbox driver, languages and URLs it has', async () => {
    const summary = log().slice(log().indexOf('the platform is up'));
    expect(summary).toContain('(production build)');
    expect(summary).toMatch(new RegExp(`web +http://localhost:${webPort}`));
    expect(summary).toContain(`http://127.0.0.1:${webPort}`);
    expect(summary).toMatch(new RegExp(`api +http://localhost:${apiPort}`));
    expect(summary).toMatch(/sandbox +(bubblewrap with the cgroup v[12] driver|none)/);
    expect(summary).toMatch(/languages +.*Python/);
    expect(summary).toContain(
      `the API accepts pages from http://localhost:${webPort}, http://127.0.0.1:${webPort}`,
    );
    // The production server answers at 127.0.0.1 and tells the page the API's port.
    const page = await fetch(`http://127.0.0.1:${webPort}/problems`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`window.__ARBITER_API_PORT__="${apiPort}";`);
  });

  it('starts a SIGKILLed worker again, which then judges a job', async () => {
    const [first] = pids('worker');
    if (first === undefined) throw new Error(`no worker pid in:\n${log()}`);
    process.kill(first, 'SIGKILL');
    await waitFor(
      () => /worker is back \(pid \d+\)/.test(log()),
      120_000,
      () => `the worker did not come back:\n${log()}`,
    );
    expect(log()).toMatch(new RegExp(`worker \\(pid ${first}\\) exited \\(signal SIGKILL\\)`));
    const second = pids('worker')[1];
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(alive(first)).toBe(false);
    // The API and the web server were left running.
    expect(pids('api')).toHaveLength(1);
    expect(pids('web')).toHaveLength(1);

    const jobId = await submit(`http://127.0.0.1:${apiPort}`, { language: 'python', code: 'print(6 * 7)' });
    const result = await waitForResult(`http://127.0.0.1:${apiPort}`, jobId, 60_000);
    expect(result.status).toBe('completed');
    expect(result.stdout).toBe('42\n');
    expect(result.worker).toContain(`-${second}-`);
  }, 180_000);

  it('stops every component on SIGTERM', async () => {
    const started = [...pids('api'), ...pids('worker'), ...pids('web')];
    process.kill(start.pid ?? 0, 'SIGTERM');
    expect(await exited).toBe(0);
    await waitFor(
      () => started.every((pid) => !alive(pid)),
      5_000,
      () => `still running after npm start stopped: ${started.filter(alive).join(', ')}`,
    );
  }, 60_000);
});
