#!/usr/bin/env node
// `npm start`: brings the whole platform up on one machine with embedded defaults.
// Installs dependencies if missing, finds or starts Redis, then runs the API (:4000),
// one worker and the web app (:3000) until Ctrl-C, which stops them all.
// Plain JavaScript with Node built-ins only: it must run before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { formatLogLine } from './log-format.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const children = [];
let stopping = false;

function say(message) {
  process.stdout.write(`\x1b[1m[start]\x1b[0m ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\x1b[31m[start]\x1b[0m ${message}\n`);
  stopAll(1);
}

function installIfNeeded() {
  const marker = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
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
  run(
    'redis',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    {},
  );
  for (let i = 0; i < 50 && !(await redisAnswers('127.0.0.1', port)); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `redis://127.0.0.1:${port}`;
}

function run(name, command, args, env, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push({ name, child });
  const forward = (stream) => {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '' || line.includes('Unknown user config')) continue;
        process.stdout.write(`${formatLogLine(name, line)}\n`);
        options.onLine?.(line);
      }
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    fail(`${name} exited (${signal ?? `code ${code}`}); stopping everything.`);
  });
  return child;
}

function waitForLine(name, command, args, env, pattern, options = {}) {
  return new Promise((resolve) => {
    run(name, command, args, env, { ...options, onLine: (line) => pattern.test(line) && resolve() });
  });
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const { child } of [...children].reverse()) child.kill('SIGTERM');
  const deadline = setTimeout(() => {
    for (const { child } of children) child.kill('SIGKILL');
    process.exit(code);
  }, 15_000);
  Promise.all(
    children.map(({ child }) => (child.exitCode !== null ? null : new Promise((r) => child.on('exit', r)))),
  ).then(() => {
    clearTimeout(deadline);
    process.exit(code);
  });
}

async function main() {
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  installIfNeeded();
  ensureBubblewrap();
  const redisUrl = await findRedis();
  if (redisUrl === null) return;
  const common = { REDIS_URL: redisUrl, NODE_ENV: 'development', NEXT_TELEMETRY_DISABLED: '1' };
  const tsx = [process.execPath, '--import', 'tsx'];
  const [node, ...nodeArgs] = tsx;
  await waitForLine(
    'api',
    node,
    [...nodeArgs, 'apps/api/src/main.ts'],
    { ...common, PORT: process.env.PORT ?? '4000' },
    /api listening/,
  );
  await waitForLine('worker', node, [...nodeArgs, 'apps/worker/src/main.ts'], common, /worker ready/);
  await waitForLine(
    'web',
    process.execPath,
    [`${root}/node_modules/next/dist/bin/next`, 'dev', '--port', '3000'],
    common,
    /Ready in/,
    {
      cwd: `${root}/apps/web`,
    },
  );
  say('the platform is up:');
  say('  web  http://localhost:3000');
  say('  api  http://localhost:4000  (try: curl -s localhost:4000/languages)');
  say(`  redis ${redisUrl}`);
  say('Ctrl-C stops everything.');
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
