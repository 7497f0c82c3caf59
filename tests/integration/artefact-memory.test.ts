/**
 * A compiled binary's initialised data is the run's memory, through `POST /submit` → worker → sandbox: the
 * worker puts the binary into the run's cell, and its pages must count against the run (reported, and
 * limited), not against the worker.
 */
import { describe, expect, it } from 'vitest';
import type { LanguageId } from '@arbiter/contracts';
import { base, submit, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ worker: { WORKER_CONCURRENCY: '2' } });

/** 60 MiB of initialised static data: in C only read (the binary's own pages), in C++ also written. */
const BIG: Array<{ language: LanguageId; code: string }> = [
  {
    language: 'c',
    code: [
      '#include <stdio.h>',
      'static char big[60 << 20] = {1};',
      'int main(void) {',
      '  long s = 0;',
      '  for (unsigned long i = 0; i < sizeof big; i += 4096) s += big[i];',
      '  printf("%ld\\n", s);',
      '  return 0;',
      '}',
    ].join('\n'),
  },
  {
    language: 'cpp',
    code: [
      '#include <cstdio>',
      'static char big[60 << 20] = {1};',
      'int main() {',
      '  for (unsigned long i = 0; i < sizeof big; i += 4096) big[i] += 1;',
      '  std::printf("%d\\n", big[0] + big[4096]);',
      '}',
    ].join('\n'),
  },
];

describe("a binary's initialised data", () => {
  it('counts in the reported memory, and a memory limit below it is MEMORY_LIMIT_EXCEEDED', async () => {
    for (const { language, code } of BIG) {
      const roomy = await waitForResult(
        base(platform.api),
        await submit(base(platform.api), { language, code, limits: { memoryMb: 256 } }),
        120_000,
      );
      expect(roomy, `${language}: ${JSON.stringify(roomy)}`).toMatchObject({
        status: 'completed',
        verdict: 'ACCEPTED',
        stdout: language === 'c' ? '1\n' : '3\n',
      });
      expect(roomy.memoryKb, language).toBeGreaterThan(60 * 1024);
      // Same code: the compile cache serves the binary, and only the limit differs.
      const tight = await waitForResult(
        base(platform.api),
        await submit(base(platform.api), { language, code, limits: { memoryMb: 40 } }),
        120_000,
      );
      expect(tight, `${language}: ${JSON.stringify(tight)}`).toMatchObject({
        status: 'completed',
        verdict: 'MEMORY_LIMIT_EXCEEDED',
        stdout: '',
      });
    }
  }, 300_000);
});
