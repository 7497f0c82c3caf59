/** Remembered self-test passes: kept per toolchain version and sources, skipped languages are not run. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LanguageInfo } from '@arbiter/contracts';
import { languageMeta } from '@arbiter/languages';
import type { Sandbox } from '@arbiter/sandbox';
import { selfTestLanguages } from './self-test.js';
import { SelfTestCache, selfTestKey } from './self-test-cache.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbiter-self-test-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function info(id: 'python' | 'c', version: string): LanguageInfo {
  const meta = languageMeta(id);
  if (meta === undefined) throw new Error(`no meta for ${id}`);
  return { ...meta, version } as unknown as LanguageInfo;
}

/** A sandbox that refuses every run: a language it is asked to test fails. */
const refusing = {
  run: () => Promise.reject(new Error('the sandbox was asked to run')),
} as unknown as Sandbox;

describe('self-test cache', () => {
  it('remembers passes and forgets nothing it was not told', async () => {
    const cache = new SelfTestCache(join(dir, 'sub', 'self-test.json'));
    expect(await cache.passed()).toEqual(new Set());
    await cache.remember([selfTestKey(info('python', '3.11.2'))]);
    await cache.remember([selfTestKey(info('c', '12.2.0'))]);
    expect(await cache.passed()).toEqual(
      new Set([selfTestKey(info('python', '3.11.2')), selfTestKey(info('c', '12.2.0'))]),
    );
  });

  it('keys a pass by language, toolchain version and the language sources', () => {
    expect(selfTestKey(info('python', '3.11.2'))).not.toBe(selfTestKey(info('python', '3.12.0')));
    expect(selfTestKey(info('python', '3.11.2'))).toMatch(/^python\|3\.11\.2\|[0-9a-f]{64}$/);
    expect(selfTestKey(info('python', '3.11.2')).split('|')[2]).not.toBe(
      selfTestKey(info('c', '3.11.2')).split('|')[2],
    );
  });

  it('reads a damaged file as no passes', async () => {
    const file = join(dir, 'self-test.json');
    await writeFile(file, '{"passed": [1, 2');
    expect(await new SelfTestCache(file).passed()).toEqual(new Set());
    await writeFile(file, JSON.stringify({ passed: [{ not: 'a key' }] }));
    expect(await new SelfTestCache(file).passed()).toEqual(new Set());
  });

  it('offers a remembered language without running it, and tests the others', async () => {
    const cache = new SelfTestCache(join(dir, 'self-test.json'));
    const python = info('python', '3.11.2');
    await cache.remember([selfTestKey(python)]);
    const report = await selfTestLanguages(
      [python, info('python', '9.9.9'), info('c', '12.2.0')],
      refusing,
      {} as never,
      { parallel: 2, timeoutMs: 10_000, cache },
    );
    expect(report.passed).toEqual([python]);
    expect(report.failed.map((failure) => `${failure.language.id} ${failure.language.version}`)).toEqual([
      'python 9.9.9',
      'c 12.2.0',
    ]);
    // Failures are not remembered.
    expect([...(await cache.passed())]).toEqual([selfTestKey(python)]);
  });

  it('does not test again a language another worker on the host passed meanwhile', async () => {
    const cache = new SelfTestCache(join(dir, 'self-test.json'));
    const languages = [info('python', '3.11.2'), info('c', '12.2.0')];
    let runs = 0;
    // Another worker passes both while this one runs its first test (which fails here).
    const racing = {
      run: async () => {
        runs += 1;
        await cache.remember(languages.map(selfTestKey));
        throw new Error('the sandbox was asked to run');
      },
    } as unknown as Sandbox;
    const report = await selfTestLanguages(languages, racing, {} as never, {
      parallel: 1,
      timeoutMs: 10_000,
      cache,
    });
    expect(runs).toBe(1);
    expect(report.passed).toHaveLength(1);
    expect(report.failed).toHaveLength(1);
  });
});
