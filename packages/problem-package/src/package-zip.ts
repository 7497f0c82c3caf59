/**
 * A package in its stored form: one zip of its files in path order, written with fixed timestamps, so
 * the same files always give the same bytes and the same SHA-256 (what storage and workers key on).
 */
import { writeZip } from '@arbiter/archive';
import type { PackageFile } from './package-files.js';
import { packageFromZip } from './package-files.js';
import { parsePackage, type ProblemPackage } from './parse-package.js';

export function normalizedZip(files: readonly PackageFile[]): Promise<Buffer> {
  const sorted = files
    .filter((f) => f.leftOut === undefined)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return writeZip(sorted.map((f) => ({ path: f.path, bytes: f.bytes, executable: f.executable })));
}

/** Reads and parses a stored package zip. */
export async function loadPackageZip(zip: Buffer): Promise<ProblemPackage> {
  return parsePackage(await packageFromZip(zip));
}
