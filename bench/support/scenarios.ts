/**
 * The programs the latency and throughput benchmarks send, each with its bare twin: Python
 * `print(1)`, C++ A+B (a distinct source per job, so the compile cache never hits, and one
 * repeated source, which it always does), Java hello (compiled each time), and a 50-test Python
 * `two-sum` submission.
 */
import { bare, type BareProgram } from './bare.js';
import { BENCH_PROBLEM, benchSolution } from './catalog.js';
import type { SubmitBody } from './client.js';

export interface Scenario {
  id: string;
  name: string;
  /** The request of job `i`. */
  body: (i: number) => SubmitBody;
  /** Every job compiles (its bare twin too): bare runs are slow, fewer of them are timed. */
  compiles: boolean;
  /** Needs a signed-in client (mode `submit`). */
  signedIn: boolean;
  /** The same work with no platform. */
  bare: (catalogDir: string) => Promise<BareProgram>;
  /** What `bare` stands for, for the table's notes. */
  bareNote: string;
}

/** Distinct per job through a comment (a different source, so a different cache key). */
export const APLUSB = (i: number | string) =>
  `// submission ${i}\n#include <bits/stdc++.h>\nusing namespace std;\nint main() { long long a, b; cin >> a >> b; cout << a + b << endl; }\n`;

const JAVA_HELLO = (i: number | string) =>
  `public class Main { public static void main(String[] a) { System.out.println("hello ${i}"); } }\n`;

/** Sources differ between rows and runs of a benchmark too, or a later row would hit a warm compile cache. */
const RUN = Date.now().toString(36);
let serial = 0;
const unique = () => `${RUN}-${serial++}`;

export const SCENARIOS: Scenario[] = [
  {
    id: 'python',
    name: 'Python print(1)',
    body: () => ({ language: 'python', code: 'print(1)' }),
    compiles: false,
    signedIn: false,
    bare: async () => bare.pythonPrint(),
    bareNote: '`python3 -S -c "print(1)"`',
  },
  {
    id: 'cpp-distinct',
    name: 'C++ A+B, distinct sources',
    body: () => ({ language: 'cpp', code: APLUSB(unique()), stdin: '1 2\n' }),
    compiles: true,
    signedIn: false,
    bare: async () => bare.cppCompileAndRun((i) => APLUSB(`bare-${i}`), '1 2\n'),
    bareNote: '`g++ -std=gnu++17 -O2 -pipe` (no precompiled header, as on a user’s machine) + the run',
  },
  {
    id: 'cpp-repeated',
    name: 'C++ A+B, repeated source',
    body: () => ({ language: 'cpp', code: APLUSB(`${RUN}-repeated`), stdin: '1 2\n' }),
    compiles: false,
    signedIn: false,
    bare: async () => bare.cppRun(APLUSB('bare'), '1 2\n'),
    bareNote: 'the compiled binary’s run alone',
  },
  {
    id: 'java',
    name: 'Java hello',
    body: () => ({ language: 'java', code: JAVA_HELLO(unique()) }),
    compiles: true,
    signedIn: false,
    bare: async () => bare.javaCompileAndRun((i) => JAVA_HELLO(`bare-${i}`)),
    bareNote: '`javac` + `java` with the recipe’s flags',
  },
  {
    id: 'two-sum',
    name: 'Python two-sum, 50 tests (submit)',
    body: () => ({ language: 'python', code: benchSolution('py'), problem: BENCH_PROBLEM, mode: 'submit' }),
    compiles: false,
    signedIn: true,
    bare: (catalogDir) => bare.pythonTwoSum(catalogDir),
    bareNote: 'the generated harness with the solution, `python3 -S`, the 50 tests on stdin',
  },
];
