/**
 * A problem catalog for benchmarks: `two-sum` with exactly 50 tests (its 3 samples and 47 hidden
 * ones: the 31 of the real catalog, then the first 16 again), so "a 50-test submission" means what
 * it says. Written to a temporary folder that API and workers read through `PROBLEMS_DIR`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG_ROOT } from '@arbiter/problems';

export const BENCH_PROBLEM = 'two-sum';
export const BENCH_TESTS = 50;

export interface BenchCatalog {
  dir: string;
  remove(): void;
}

export function makeBenchCatalog(): BenchCatalog {
  const dir = mkdtempSync(join(tmpdir(), 'bench-catalog-'));
  const target = join(dir, BENCH_PROBLEM);
  cpSync(join(CATALOG_ROOT, BENCH_PROBLEM), target, { recursive: true });
  const samples = JSON.parse(readFileSync(join(target, 'tests', 'sample.json'), 'utf8')) as unknown[];
  const hidden = JSON.parse(readFileSync(join(target, 'tests', 'hidden.json'), 'utf8')) as unknown[];
  const wanted = BENCH_TESTS - samples.length;
  const tests = Array.from({ length: wanted }, (_, i) => hidden[i % hidden.length]);
  writeFileSync(join(target, 'tests', 'hidden.json'), JSON.stringify(tests));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The catalog's reference solution of the bench problem in `language` (file name by extension). */
export function benchSolution(extension: string): string {
  return readFileSync(join(CATALOG_ROOT, BENCH_PROBLEM, 'solutions', `solution.${extension}`), 'utf8');
}
