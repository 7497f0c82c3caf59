/**
 * Compile and run time of every language this host has, in the sandbox against bare: each language's
 * A+B sample (its self-test program) compiled by the recipe's own command and run on `2 40`, N times
 * each way; bare runs the same argv and environment as root in a fresh temp folder, without the sandbox.
 * No compile cache, no precompiled header: a cold compile of a new source each time. Needs root.
 *
 *   npx tsx bench/languages.ts [N, default 3] [ids…, default every installed language]
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBwrapSandbox } from '@arbiter/sandbox';
import {
  RECIPES,
  compileProgram,
  detectToolchains,
  judgeReadOnlyPaths,
  runProgram,
  type LanguageRecipe,
} from '@arbiter/judge';
import { resolveLimits, type LanguageId } from '@arbiter/contracts';
import { SELF_TEST_INPUT, SELF_TEST_OUTPUT, languageMeta } from '@arbiter/languages/catalog';

const N = Number(process.argv[2] ?? 3);
const ONLY = process.argv.slice(3);
const LIMITS = resolveLimits({ timeMs: 10_000, memoryMb: 512 });
const PATH = '/usr/local/bin:/usr/bin:/bin';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** The sample with a comment line that differs per compile, so no cache anywhere can answer it. */
function variant(language: LanguageId, i: number): string {
  const sample = languageMeta(language)?.sample ?? '';
  // Ends with a newline already; a trailing blank line changes the bytes without a comment syntax.
  return `${sample}${'\n'.repeat(i + 1)}`;
}

/** An environment value with the sandbox's `/tmp` and `/box` moved into the bare run's folder. */
const local = (value: string, dir: string) =>
  value.replaceAll('/tmp/', `${dir}/tmp/`).replaceAll('/box', dir);

function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), contents);
  }
}

/** Compile and run bare in a fresh folder: ms of each step (compile NaN without one). */
async function bare(recipe: LanguageRecipe, code: string): Promise<{ compileMs: number; runMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-languages-bare-'));
  mkdirSync(join(dir, 'tmp'));
  try {
    const { files } = await recipe.prepare(code);
    writeFiles(dir, files);
    const base = { PATH, HOME: dir, LANG: 'C.UTF-8', TMPDIR: join(dir, 'tmp') };
    let compileMs = NaN;
    if (recipe.compile) {
      const [command, ...args] = recipe.compile.argv(files, {});
      const env = Object.fromEntries(
        Object.entries(recipe.compile.env ?? {}).map(([key, value]) => [key, local(value, dir)]),
      );
      const started = performance.now();
      const compiled = spawnSync(command ?? '', args, {
        cwd: dir,
        env: { ...base, ...env },
        encoding: 'utf8',
      });
      compileMs = performance.now() - started;
      if (compiled.status !== 0)
        throw new Error(`${recipe.id} bare compile: ${compiled.stderr}${compiled.stdout}`);
    }
    const context = { memoryMb: LIMITS.memoryMb };
    const [command, ...args] = recipe.run(files, context);
    const env = Object.fromEntries(
      Object.entries(recipe.runEnv?.(context) ?? {}).map(([key, value]) => [key, local(value, dir)]),
    );
    // Stdin is a file, as in the sandbox (a script may read /dev/stdin whole).
    writeFileSync(join(dir, 'tmp', 'stdin'), SELF_TEST_INPUT);
    const stdin = openSync(join(dir, 'tmp', 'stdin'), 'r');
    const started = performance.now();
    const ran = spawnSync(command ?? '', args, {
      cwd: dir,
      env: { ...base, ...env },
      stdio: [stdin, 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    const runMs = performance.now() - started;
    closeSync(stdin);
    if (ran.stdout !== SELF_TEST_OUTPUT) throw new Error(`${recipe.id} bare run: ${ran.stderr}${ran.stdout}`);
    return { compileMs, runMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compile and run in the sandbox: ms of each step, as the worker's judge calls them. */
async function sandboxed(
  sandbox: Awaited<ReturnType<typeof createBwrapSandbox>>,
  language: LanguageId,
  code: string,
): Promise<{ compileMs: number; runMs: number }> {
  const started = performance.now();
  const compiled = await compileProgram(language, code, sandbox);
  const compileMs = RECIPES[language].compile ? performance.now() - started : NaN;
  if (!compiled.ok) throw new Error(`${language} compile: ${compiled.compileOutput}`);
  const running = performance.now();
  const outcome = await runProgram(compiled.program, sandbox, { stdin: SELF_TEST_INPUT, limits: LIMITS });
  const runMs = performance.now() - running;
  if (outcome.compileError || outcome.stdout !== SELF_TEST_OUTPUT)
    throw new Error(`${language} run: ${JSON.stringify(outcome).slice(0, 400)}`);
  return { compileMs, runMs };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(0));
const ratio = (inside: number, outside: number) =>
  Number.isNaN(inside) || Number.isNaN(outside) ? '–' : `${(inside / outside).toFixed(2)}×`;

async function main(): Promise<void> {
  const found = await detectToolchains();
  const languages = found
    .map((info) => info.id)
    .filter((id) => languageMeta(id)?.unlisted !== true && (ONLY.length === 0 || ONLY.includes(id)));
  const versions = Object.fromEntries(found.map((info) => [info.id, info.version]));
  const workRoot = mkdtempSync(join(tmpdir(), 'bench-languages-'));
  chmodSync(workRoot, 0o755);
  const sandbox = await createBwrapSandbox({
    slots: 1,
    cgroupRoot: 'arbiter-bench-languages',
    workRoot,
    uidBase: 19_201,
    extraRoBinds: judgeReadOnlyPaths(),
  });
  const rows: string[] = [];
  const failures: string[] = [];
  try {
    for (const language of languages) {
      try {
        // One of each first: the toolchain's files in the page cache for both.
        await sandboxed(sandbox, language, variant(language, 0));
        await bare(RECIPES[language], variant(language, 0));
        const inside = { compile: [] as number[], run: [] as number[] };
        const outside = { compile: [] as number[], run: [] as number[] };
        for (let i = 1; i <= N; i += 1) {
          const a = await sandboxed(sandbox, language, variant(language, i));
          inside.compile.push(a.compileMs);
          inside.run.push(a.runMs);
          const b = await bare(RECIPES[language], variant(language, i));
          outside.compile.push(b.compileMs);
          outside.run.push(b.runMs);
        }
        const [ic, oc, ir, or] = [inside.compile, outside.compile, inside.run, outside.run].map(median) as [
          number,
          number,
          number,
          number,
        ];
        const row = `| ${language} | ${versions[language] ?? ''} | ${ms(oc)} | ${ms(ic)} | ${ratio(ic, oc)} | ${ms(or)} | ${ms(ir)} | ${ratio(ir, or)} |`;
        rows.push(row);
        console.error(row);
      } catch (error) {
        failures.push(`${language}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
        console.error(`${language}: failed`);
      }
    }
  } finally {
    await sandbox.close();
    rmSync(workRoot, { recursive: true, force: true });
  }
  const load = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\nA+B per language, median of ${N} cold compiles and runs (ms); load ${load}\n`);
  console.log(
    '| language | toolchain | compile bare | compile sandbox | ratio | run bare | run sandbox | ratio |',
  );
  console.log('|---|---|--:|--:|--:|--:|--:|--:|');
  for (const row of rows) console.log(row);
  if (failures.length > 0) console.log(`\nNot measured:\n${failures.map((line) => `- ${line}`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
