#!/usr/bin/env node
// Production build of the web app (`next build`), cached: it runs only when the hash of its sources
// (the app's and those of every workspace package it depends on) changed. Used by `npm start` and the
// browser tests; `node scripts/build-web.mjs` runs it alone.
// Plain JavaScript with Node built-ins only, like start.mjs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const web = join(ROOT, 'apps/web');
/** The hash of the sources a build was made from, kept inside the build folder itself. */
const HASH_FILE = join(web, '.next/arbiter-source-hash');
/** Held while a build runs, so two starts (or test files) never build into .next at once. */
const LOCK_FILE = join(web, '.next-build.lock');
/** The web app's own sources, its config and the lockfile; the workspace packages it imports come on top. */
const WEB_SOURCES = [
  'apps/web/src',
  'apps/web/package.json',
  'apps/web/next.config.ts',
  'apps/web/tsconfig.json',
  'apps/web/next-types.d.ts',
  'package-lock.json',
];
/** Folders inside a workspace package that are not its sources. */
const NOT_SOURCES = new Set(['node_modules', 'dist', '.next', '.turbo', 'coverage']);
/** The fields of a package.json whose workspace packages end up in (or shape) the bundle. */
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'];
/** Settings inlined into the bundle at build time. */
const BUILD_ENV = ['NEXT_PUBLIC_API_URL'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !NOT_SOURCES.has(name))
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every workspace package by name → its folder relative to `root`, from the root package.json's workspaces. */
function workspacePackages(root) {
  const byName = new Map();
  for (const pattern of readJson(join(root, 'package.json')).workspaces ?? []) {
    // npm's workspaces here are folders or `folder/*`; nothing deeper is used.
    const parent = pattern.endsWith('/*') ? pattern.slice(0, -2) : undefined;
    const folders =
      parent === undefined
        ? [pattern]
        : existsSync(join(root, parent))
          ? readdirSync(join(root, parent)).map((name) => `${parent}/${name}`)
          : [];
    for (const folder of folders) {
      const manifest = join(root, folder, 'package.json');
      if (existsSync(manifest)) byName.set(readJson(manifest).name, folder);
    }
  }
  return byName;
}

/**
 * The folders (relative to `root`) of the workspace packages the web app depends on, directly or
 * through one another, read from the package.json files: a package added to apps/web's
 * dependencies (or to one of theirs) is hashed without touching this script.
 */
export function webWorkspaceDependencies(root = ROOT) {
  const packages = workspacePackages(root);
  const found = new Set();
  const pending = ['apps/web'];
  while (pending.length > 0) {
    const manifest = readJson(join(root, pending.pop(), 'package.json'));
    for (const field of DEPENDENCY_FIELDS) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        const folder = packages.get(name);
        if (folder === undefined || folder === 'apps/web' || found.has(folder)) continue;
        found.add(folder);
        pending.push(folder);
      }
    }
  }
  return [...found].sort();
}

/** SHA-256 over the path and content of every source file, and the build-time settings. */
export function webSourceHash(root = ROOT) {
  const hash = createHash('sha256');
  for (const source of [...WEB_SOURCES, ...webWorkspaceDependencies(root)]) {
    for (const file of files(join(root, source))) {
      hash.update(`${relative(root, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  for (const name of BUILD_ENV) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

function isCurrent(hash) {
  return (
    existsSync(join(web, '.next/BUILD_ID')) &&
    existsSync(HASH_FILE) &&
    readFileSync(HASH_FILE, 'utf8') === hash
  );
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Takes the build lock, waiting for a live holder to finish; a dead holder's lock is removed. */
async function lock() {
  for (;;) {
    try {
      const fd = openSync(LOCK_FILE, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(LOCK_FILE, 'utf8').trim() || '0');
    if (holder > 0 && alive(holder)) await new Promise((resolve) => setTimeout(resolve, 500));
    else unlinkSync(LOCK_FILE);
  }
}

/**
 * Builds the web app unless the build in apps/web/.next was made from the same sources.
 * `onLine` receives the build's output lines. Resolves with whether it built.
 */
export async function ensureWebBuild({ onLine = () => undefined } = {}) {
  if (isCurrent(webSourceHash())) return false;
  await lock();
  try {
    // Hashed after taking the lock: another process may just have built these very sources.
    const hash = webSourceHash();
    if (isCurrent(hash)) return false;
    if (existsSync(HASH_FILE)) unlinkSync(HASH_FILE);
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
        cwd: web,
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const forward = (chunk) => {
        output += chunk.toString();
        const lines = output.split('\n');
        output = lines.pop() ?? '';
        for (const line of lines) if (line.trim() !== '') onLine(line);
      };
      child.stdout.on('data', forward);
      child.stderr.on('data', forward);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (output.trim() !== '') onLine(output);
        if (code === 0) resolve();
        else reject(new Error(`next build failed (${signal ?? `exit code ${code}`}); see its output above`));
      });
    });
    writeFileSync(HASH_FILE, hash);
    return true;
  } finally {
    if (existsSync(LOCK_FILE)) unlinkSync(LOCK_FILE);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  ensureWebBuild({ onLine: (line) => process.stdout.write(`${line}\n`) }).then(
    (built) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(built ? `web app built in ${seconds} s\n` : 'web app build is up to date\n');
    },
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
