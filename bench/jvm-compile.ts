/**
 * The JVM-hosted compilers (kotlinc, scalac, javac) in the sandbox: each language's A+B sample compiled by its
 * recipe's own command, cold (a new source each time, no compile cache), median wall and CPU of N compiles,
 * without and with the class-data sharing archive the worker builds, and with the archive but without each of
 * the recipe's short-run JVM flags, to see what each one is worth. Needs root.
 *
 *   npx tsx bench/jvm-compile.ts [N, default 5] [ids…, default kotlin scala java]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBwrapSandbox } from '@arbiter/sandbox';
import {
  COMPILE_STEP_LIMITS,
  RECIPES,
  buildClassArchive,
  classArchivePath,
  detectToolchains,
  javaVersion,
  judgeReadOnlyPaths,
} from '@arbiter/judge';
import type { LanguageId } from '@arbiter/contracts';
import { languageMeta } from '@arbiter/languages/catalog';

const N = Number(process.argv[2] ?? 5);
const IDS = (process.argv.length > 3 ? process.argv.slice(3) : ['kotlin', 'scala', 'java']) as LanguageId[];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** A variant of the compile command: which archive, which flags left out. */
interface Variant {
  name: string;
  archive: boolean;
  drop?: string;
}

const VARIANTS: Variant[] = [
  { name: 'recipe flags, no archive', archive: false },
  { name: 'recipe flags + class archive', archive: true },
  { name: 'archive, without TieredStopAtLevel=1', archive: true, drop: 'TieredStopAtLevel=1' },
  { name: 'archive, without UseSerialGC', archive: true, drop: 'UseSerialGC' },
];

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-jvm-compile-'));
  chmodSync(root, 0o755); // the sandbox's uids must be able to look inside
  const found = await detectToolchains(IDS);
  const java = await javaVersion();
  const archives = new Map<LanguageId, string>();
  const buildMs = new Map<LanguageId, number>();
  for (const { id, version } of found) {
    const started = performance.now();
    const archive = await buildClassArchive(classArchivePath(root, id, version, java), id);
    buildMs.set(id, performance.now() - started);
    if (archive === null) throw new Error(`could not build the class archive of ${id}`);
    archives.set(id, archive);
  }
  const sandbox = await createBwrapSandbox({
    slots: 1,
    cgroupRoot: 'arbiter-bench-jvm-compile',
    uidBase: 19_101,
    extraRoBinds: [...judgeReadOnlyPaths(), root],
  });
  const rows: string[] = [];
  try {
    for (const { id } of found) {
      const recipe = RECIPES[id];
      const compile = recipe.compile;
      if (compile === undefined) continue;
      for (const variant of VARIANTS) {
        const wall: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < N; i += 1) {
          const code = `${languageMeta(id)?.sample ?? ''}${'\n'.repeat(i + 1)}`;
          const { files } = await recipe.prepare(code);
          const path = archives.get(id);
          const argv = compile
            .argv(files, {
              classArchive: variant.archive && path !== undefined ? { mode: 'use', path } : undefined,
            })
            .filter((arg) => variant.drop === undefined || !arg.endsWith(variant.drop));
          const report = await sandbox.run({
            argv,
            files,
            collect: compile.collect,
            ...(compile.env === undefined ? {} : { env: compile.env }),
            limits: { ...COMPILE_STEP_LIMITS, cpuMs: 60_000, wallMs: 120_000, pids: 128 },
          });
          if (report.status !== 'exited' || report.exitCode !== 0) {
            const output = new TextDecoder().decode(report.stderr) + new TextDecoder().decode(report.stdout);
            throw new Error(`${id} ${variant.name}: ${report.status} ${output}`);
          }
          wall.push(report.wallMs);
          cpu.push(report.cpuMs);
        }
        rows.push(`| ${id} | ${variant.name} | ${median(wall).toFixed(0)} | ${median(cpu).toFixed(0)} |`);
        console.error(rows.at(-1));
      }
    }
  } finally {
    await sandbox.close();
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`\nJVM compilers in the sandbox, median of ${N} cold compiles of the A+B sample\n`);
  for (const [id, ms] of buildMs) console.log(`- ${id}: class archive built in ${ms.toFixed(0)} ms`);
  console.log('\n| language | compile | wall ms | CPU ms |');
  console.log('|---|---|--:|--:|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
