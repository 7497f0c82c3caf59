/**
 * Helpers for the problems' test generators (`problems/<slug>/tests/generate.ts`): a seeded
 * random source, so a generator always writes the same tests, and writing a test file formatted
 * the way the repository's Prettier check expects.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface Random {
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** A float in [0, 1). */
  next(): number;
  pick<T>(items: readonly T[]): T;
  /** Shuffles in place and returns the array. */
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: small, fast, and good enough for test data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
  };
}

/** Writes `tests` as JSON formatted by the repository's Prettier config; returns the size in bytes. */
export async function writeTests(file: string | URL, tests: unknown[]): Promise<number> {
  const path = typeof file === 'string' ? file : fileURLToPath(file);
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  const text = await prettier.format(JSON.stringify(tests), { ...options, filepath: path });
  await writeFile(path, text);
  return Buffer.byteLength(text);
}

export { mirrorTree, serializeTree, treeMaker, type Node as TreeValue } from './generate-trees.js';
