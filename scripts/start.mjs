#!/usr/bin/env node
// `npm start`: brings the whole platform up on one machine with embedded defaults.
// Installs dependencies if missing, finds or starts Redis, builds the web app (cached until its
// sources change) and runs the API (:4000), one worker and `next start` (:3000) under supervision:
// a component that crashes is started again with back-off; Ctrl-C or SIGTERM stops them all.
// `npm run dev` (--dev) runs Next's dev server with hot reload instead of the production build.
// Plain JavaScript with Node built-ins only: it must run before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatLogLine } from './log-format.mjs';
import { describeSandbox } from './sandbox-kind.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEV = process.argv.includes('--dev');
const API_PORT = Number(process.env.PORT ?? '4000');
const WEB_PORT = Number(process.env.WEB_PORT ?? '3000');
/** Restart back-off: first delay, cap, and how long a run must last to count as healthy (resets it). */
const BACKOFF_FIRST_MS = Number(process.env.START_BACKOFF_MS ?? '1000');
const BACKOFF_MAX_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;
/** A component that never got ready gives up after this many failed starts in a row. */
const MAX_FAILED_STARTS = 5;
/** Grace for children to stop on SIGTERM before their process groups get SIGKILL. */
const STOP_GRACE_MS = 15_000;

/** Supervised components, in start order. */
const components = [];
let stopping = false;

function say(message) {
  process.stdout.write(`\x1b[1m[start]\x1b[0m ${message}\n`);
}

function warn(message) {
  process.stdout.write(`\x1b[33m[start]\x1b[0m ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\x1b[31m[start]\x1b[0m ${message}\n`);
  stopAll(1);
}

/**
 * Whether node_modules holds what package-lock.json asks for: npm's own record of the install
 * (node_modules/.package-lock.json) has every locked package at its locked version. Compared by
 * content, not by date: a fresh checkout or a `git pull` touches the lockfile without changing it.
 */
function installed() {
  const marker = `${root}/node_modules/.package-lock.json`;
  if (!existsSync(marker)) return false;
  try {
    const wanted = JSON.parse(readFileSync(`${root}/package-lock.json`, 'utf8')).packages ?? {};
    const have = JSON.parse(readFileSync(marker, 'utf8')).packages ?? {};
    return Object.entries(wanted).every(
      ([path, entry]) =>
        !path.includes('node_modules/') ||
        entry.optional ||
        entry.link ||
        have[path]?.version === entry.version,
    );
  } catch {
    return false;
  }
}

function installIfNeeded() {
  if (installed()) return;
  say('installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail('npm ci failed; see the output above.');
}

function redisAnswers(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The sandbox needs bubblewrap; as root on Debian/Ubuntu it is installed here, otherwise we say how. */
function ensureBubblewrap() {
  if (process.env.SANDBOX === 'none') return;
  if (spawnSync('sh', ['-c', 'command -v bwrap']).status === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (isRoot && hasApt) {
    say('installing bubblewrap (the sandbox) with apt-get…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const result = spawnSync('apt-get', ['install', '-y', '-qq', 'bubblewrap'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status === 0) return;
  }
  say('bubblewrap is missing: install it (sudo apt-get install -y bubblewrap) for the sandbox.');
}

async function findRedis() {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (await redisAnswers('127.0.0.1', 6379)) return 'redis://127.0.0.1:6379';
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) {
    fail(
      'No Redis answers on 127.0.0.1:6379 and redis-server is not installed.\n' +
        '  Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis),\n' +
        '  or point REDIS_URL at a Redis you have.',
    );
    return null;
  }
  const port = await freePort();
  const dir = `${root}/data/redis`;
  mkdirSync(dir, { recursive: true });
  say(`starting a private redis-server on port ${port}`);
  await supervise({
    name: 'redis',
    command: 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    ready: /Ready to accept connections/,
  });
  return `redis://127.0.0.1:${port}`;
}

/** The machine's own addresses others on the network can reach (IPv4, not loopback). */
function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address.address);
}

/**
 * On Linux, children get SIGTERM when this process dies however it dies (prctl PR_SET_PDEATHSIG,
 * through util-linux's setpriv), so not even a SIGKILL of `npm start` leaves them running.
 */
const PDEATHSIG =
  process.platform === 'linux' &&
  spawnSync('setpriv', ['--pdeathsig', 'SIGTERM', '--', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Starts a component and keeps it running: each run is its own process group (so stopping it stops
 * whatever it started too); when it exits while we are not stopping, it is started again after a
 * back-off that doubles up to 30 s and resets once a run lasted a minute. Resolves once the first
 * run logs a line matching `ready`.
 */
function supervise(component) {
  const state = {
    ...component,
    child: null,
    startedAt: 0,
    delay: BACKOFF_FIRST_MS,
    everReady: false,
    failedStarts: 0,
    timer: null,
  };
  components.push(state);
  return new Promise((resolve) => {
    state.onFirstReady = resolve;
    launch(state);
  });
}

function launch(state) {
  if (stopping) return;
  const [command, args] = PDEATHSIG
    ? ['setpriv', ['--pdeathsig', 'SIGTERM', '--', state.command, ...state.args]]
    : [state.command, state.args];
  const child = spawn(command, args, {
    cwd: state.cwd ?? root,
    env: { ...process.env, ...state.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  state.child = child;
  state.startedAt = Date.now();
  if (child.pid !== undefined) say(`${state.name} started (pid ${child.pid})`);
  let readyThisRun = false;
  const forward = (stream) => {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '' || line.includes('Unknown user config')) continue;
        process.stdout.write(`${formatLogLine(state.name, line)}\n`);
        if (!readyThisRun && state.ready.test(line)) {
          readyThisRun = true;
          state.failedStarts = 0;
          state.onReady?.(line);
          if (!state.everReady) {
            state.everReady = true;
            state.onFirstReady();
          } else {
            say(`${state.name} is back (pid ${child.pid})`);
          }
        }
      }
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  child.on('error', (error) => warn(`${state.name} could not be started: ${error.message}`));
  child.on('exit', (code, signal) => {
    if (state.child === child) state.child = null;
    if (stopping) return;
    // Whatever the run started and left behind in its process group goes with it.
    signalGroup(child, 'SIGKILL');
    const ranMs = Date.now() - state.startedAt;
    if (ranMs >= HEALTHY_AFTER_MS) state.delay = BACKOFF_FIRST_MS;
    if (!readyThisRun) state.failedStarts += 1;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    if (!state.everReady && state.failedStarts >= MAX_FAILED_STARTS) {
      fail(
        `${state.name} exited (${how}) ${state.failedStarts} times without getting ready; stopping everything.`,
      );
      return;
    }
    warn(
      `${state.name} (pid ${child.pid}) exited (${how}) after ${(ranMs / 1000).toFixed(1)} s; ` +
        `restarting it in ${(state.delay / 1000).toFixed(1)} s`,
    );
    state.timer = setTimeout(() => launch(state), state.delay);
    state.delay = Math.min(state.delay * 2, BACKOFF_MAX_MS);
  });
}

/** Sends a signal to a child's whole process group (the child itself if the group is gone). */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = [];
  for (const state of [...components].reverse()) {
    clearTimeout(state.timer);
    if (state.child === null || state.child.pid === undefined) continue;
    const child = state.child;
    running.push(new Promise((resolve) => child.once('exit', resolve)));
    signalGroup(child, 'SIGTERM');
  }
  const deadline = setTimeout(() => {
    for (const state of components) if (state.child?.pid) signalGroup(state.child, 'SIGKILL');
    process.exit(code);
  }, STOP_GRACE_MS);
  Promise.all(running).then(() => {
    clearTimeout(deadline);
    process.exit(code);
  });
}

/** Last resort (an uncaught error): no child outlives this process. */
process.on('exit', () => {
  for (const state of components) if (state.child?.pid) signalGroup(state.child, 'SIGKILL');
});

/**
 * The catalogue's languages the worker does not offer (toolchain not installed, or its self-test failed, which
 * the worker's log says), and the apt-get line for those not installed; null when it offers them all.
 */
function notOffered(offered) {
  const listed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/languages.ts', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (listed.status !== 0) return null;
  const { languages: catalogue, install } = JSON.parse(listed.stdout);
  const ids = new Set(offered.map((language) => language.id));
  const rest = catalogue.filter((language) => !ids.has(language.id));
  if (rest.length === 0) return null;
  return (
    `  not offered ${rest.map((l) => (l.version === undefined ? l.id : `${l.id} (self-test failed: see the worker's log)`)).join(', ')}` +
    (install === null ? '' : `\n             install the rest: ${install}  (or: npm run languages:install)`)
  );
}

/** What the live workers can run, from the API (the languages arrive with the worker's first heartbeat). */
async function languages() {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${API_PORT}/languages`);
      const list = await response.json();
      if (Array.isArray(list) && list.length > 0) return list;
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return [];
}

async function main() {
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  process.on('SIGHUP', () => stopAll(0));
  installIfNeeded();
  ensureBubblewrap();
  const redisUrl = await findRedis();
  if (redisUrl === null) return;

  const lan = lanAddresses();
  const webHosts = ['localhost', '127.0.0.1', ...lan];
  // The one place the API's allowed origins come from: every address the web app answers on.
  const webOrigins = process.env.WEB_ORIGIN ?? webHosts.map((host) => `http://${host}:${WEB_PORT}`).join(',');
  const common = { REDIS_URL: redisUrl, NODE_ENV: 'development', NEXT_TELEMETRY_DISABLED: '1' };
  const tsx = ['--import', 'tsx'];

  let sandbox = null;
  await supervise({
    name: 'api',
    command: process.execPath,
    args: [...tsx, 'apps/api/src/main.ts'],
    env: { ...common, PORT: String(API_PORT), WEB_ORIGIN: webOrigins },
    ready: /api listening/,
  });
  await supervise({
    name: 'worker',
    command: process.execPath,
    args: [...tsx, 'apps/worker/src/main.ts'],
    env: common,
    ready: /worker ready/,
    onReady: (line) => {
      try {
        sandbox = JSON.parse(line).sandbox ?? sandbox;
      } catch {
        // not a JSON line
      }
    },
  });

  const webEnv = {
    ...common,
    NODE_ENV: DEV ? 'development' : 'production',
    ...(process.env.ARBITER_API_URL ? {} : { ARBITER_API_PORT: String(API_PORT) }),
    ARBITER_DEV_HOSTS: ['127.0.0.1', ...lan].join(','),
  };
  const next = `${root}/node_modules/next/dist/bin/next`;
  if (!DEV) {
    const { ensureWebBuild } = await import('./build-web.mjs');
    say('building the web app if its sources changed (next build)…');
    const started = Date.now();
    try {
      const built = await ensureWebBuild({
        onLine: (line) => process.stdout.write(`${formatLogLine('web', line)}\n`),
      });
      say(
        built
          ? `web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`
          : 'web app build is up to date',
      );
    } catch (error) {
      fail(error.message);
      return;
    }
  }
  await supervise({
    name: 'web',
    command: process.execPath,
    args: [next, DEV ? 'dev' : 'start', '--port', String(WEB_PORT)],
    env: webEnv,
    cwd: `${root}/apps/web`,
    ready: /Ready in/,
  });

  const found = await languages();
  say(`the platform is up (${DEV ? 'development server with hot reload' : 'production build'}):`);
  say(`  web        http://localhost:${WEB_PORT}`);
  say(`             http://127.0.0.1:${WEB_PORT}`);
  for (const address of lan) say(`             http://${address}:${WEB_PORT}  (network)`);
  say(`  api        http://localhost:${API_PORT}  (try: curl -s localhost:${API_PORT}/languages)`);
  say(`  origins    the API accepts pages from ${webOrigins.split(',').join(', ')}  (WEB_ORIGIN)`);
  say(`  sandbox    ${describeSandbox(sandbox)}`);
  say(
    `  languages  ${found.length > 0 ? found.map((language) => `${language.name} ${language.version}`).join(', ') : 'none advertised yet'}`,
  );
  const rest = notOffered(found);
  if (rest !== null) say(rest);
  say(`  redis      ${redisUrl}`);
  say(
    `  database   ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${process.env.DATA_DIR ?? './data'}`}`,
  );
  say('A component that crashes is restarted; Ctrl-C stops everything.');
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
