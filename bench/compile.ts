/**
 * Compile cost in the sandbox: a C++ solution including `bits/stdc++.h` compiled with and
 * without the precompiled header, and served from the compile cache; Java's javac for
 * comparison. Median of N compiles of distinct sources (no cache hit unless stated). Needs root.
 *
 *   npx tsx bench/compile.ts [N, default 10]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBwrapSandbox } from '@arbiter/sandbox';
import {
  CompileCache,
  buildPrecompiledHeader,
  compileProgram,
  judgeReadOnlyPaths,
  precompiledHeaderDir,
  type CompileContext,
} from '@arbiter/judge';
import type { LanguageId } from '@arbiter/contracts';

const N = Number(process.argv[2] ?? 10);
const CPP = (i: number) =>
  `// ${i}\n#include <bits/stdc++.h>\nusing namespace std;\nint main() { long long a, b; cin >> a >> b; cout << a + b << endl; }\n`;
const JAVA = (i: number) =>
  `public class Main { public static void main(String[] a) { System.out.println(${i}); } }\n`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const cacheRoot = mkdtempSync(join(tmpdir(), 'bench-compile-'));
  chmodSync(cacheRoot, 0o755); // the sandbox's uids must be able to look inside
  const pchDir = precompiledHeaderDir(cacheRoot, 'bench');
  const built = performance.now();
  const header = await buildPrecompiledHeader(pchDir);
  const buildMs = performance.now() - built;
  if (header === null) throw new Error('could not build the precompiled header');
  const sandbox = await createBwrapSandbox({
    slots: 1,
    cgroupRoot: 'arbiter-bench-compile',
    uidBase: 19_001,
    extraRoBinds: [...judgeReadOnlyPaths(), pchDir],
  });
  try {
    const time = async (
      language: LanguageId,
      source: (i: number) => string,
      context: CompileContext,
      offset = 0,
    ) => {
      const samples: number[] = [];
      for (let i = 0; i < N; i += 1) {
        const started = performance.now();
        const result = await compileProgram(language, source(i + offset), sandbox, {}, context);
        samples.push(performance.now() - started);
        if (!result.ok) throw new Error(result.compileOutput);
      }
      return median(samples);
    };
    const cache = new CompileCache();
    const rows: Array<[string, number]> = [
      ['C++ with bits/stdc++.h, no precompiled header', await time('cpp', CPP, {})],
      [
        'C++ with bits/stdc++.h, precompiled header',
        await time('cpp', CPP, { pchDir: header.includeDir }, 1_000),
      ],
    ];
    // Fill the cache, then time the same sources again.
    await time('cpp', CPP, { pchDir: header.includeDir, cache }, 2_000);
    rows.push([
      'C++ resubmitted (compile cache hit)',
      await time('cpp', CPP, { pchDir: header.includeDir, cache }, 2_000),
    ]);
    rows.push(['Java hello (javac, fast-start flags)', await time('java', JAVA, {})]);
    console.log(
      `\nCompile in the sandbox, median of ${N} (ms); precompiled header built once in ${buildMs.toFixed(0)} ms\n`,
    );
    console.log('| compile | median ms |');
    console.log('|---|--:|');
    for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} |`);
  } finally {
    await sandbox.close();
    rmSync(cacheRoot, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
