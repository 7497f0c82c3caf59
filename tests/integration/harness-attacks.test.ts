/**
 * Attacks on the function harness through `POST /submit` → worker → sandbox, on two-sum as a signed-in
 * user: reading the hidden tests from inside the sandbox, forging the harness's records and timings, a
 * lookup table built from what leaked; and the ordinary verdicts in every harness language afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobResult, LanguageId } from '@arbiter/contracts';
import { CATALOG_ROOT, loadCatalog, type FunctionProblem } from '@arbiter/problems';
import { signUp, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' } });
let cookie: string;
let problem: FunctionProblem;

beforeAll(async () => {
  cookie = await signUp(platform.url, 'attacker');
  problem = (await loadCatalog(CATALOG_ROOT)).get('two-sum') as FunctionProblem;
});

async function submit(language: LanguageId, code: string): Promise<JobResult> {
  const response = await fetch(`${platform.url}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ language, code, problem: 'two-sum', mode: 'submit' }),
  });
  const answer = (await response.json()) as { jobId?: string; error?: unknown };
  if (answer.jobId === undefined) throw new Error(`submit refused: ${JSON.stringify(answer)}`);
  return waitForResult(platform.url, answer.jobId, 120_000, cookie);
}

/** What the exfiltration prints per test it finds: a key naming the test, and its answer. */
function keyOf(args: unknown[]): string {
  const [nums, target] = args as [number[], number];
  return `KEY ${nums.length} ${target} ${nums.slice(0, 8).join(',')}`;
}

/**
 * Reads everything it can reach: the stdin file of the old protocol, every descriptor (non-blocking, so an
 * empty channel does not hang it), the shell's descriptors; finds every test in what it read (a JSON
 * `[nums, target]` per line, with or without a leading index or nonce), solves each with a hash map (the
 * "reference") and prints one `KEY … ANS i j` line per test. Then fails the test it is running, so the
 * submission shows what it printed.
 */
const EXFILTRATE = `
import fcntl, glob, json, os

def _steal():
    seen = []
    paths = glob.glob('/run/sandbox/*') + glob.glob('/proc/self/fd/*') + glob.glob('/proc/1/fd/*')
    for path in paths:
        try:
            with open(path, 'rb') as f:
                seen.append(f.read(1 << 21))
        except Exception:
            pass
    for fd in range(64):
        try:
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
            seen.append(os.read(fd, 1 << 21))
        except Exception:
            pass
    found = {}
    for data in seen:
        for line in data.decode('utf-8', 'replace').split('\\n'):
            start = line.find('[')
            if start < 0:
                continue
            try:
                args = json.loads(line[start:])
            except Exception:
                continue
            if isinstance(args, list) and len(args) == 2 and isinstance(args[0], list) and isinstance(args[1], int):
                nums, target = args
                where = {}
                for j, x in enumerate(nums):
                    if target - x in where:
                        key = 'KEY %d %d %s' % (len(nums), target, ','.join(map(str, nums[:8])))
                        found[key] = '%d %d' % (where[target - x], j)
                        break
                    where[x] = j
    print('probed %d sources' % len(seen))
    for key, answer in found.items():
        print(key, 'ANS', answer)

class Solution:
    def twoSum(self, nums, target):
        _steal()
        return [-1, -1]
`;

/** A solution answering from a table of keys (built from what leaked) instead of solving. */
function lookupTable(stolen: string): string {
  const table: Record<string, [number, number]> = {};
  for (const match of stolen.matchAll(/^(KEY .*) ANS (\d+) (\d+)$/gm)) {
    table[match[1] ?? ''] = [Number(match[2]), Number(match[3])];
  }
  return `
TABLE = ${JSON.stringify(table)}

class Solution:
    def twoSum(self, nums, target):
        key = 'KEY %d %d %s' % (len(nums), target, ','.join(map(str, nums[:8])))
        return TABLE.get(key, [0, 0])
`;
}

/**
 * A correct solution that burns 20 ms of CPU per call and prints forged records claiming 0 µs and 1 KiB,
 * with the run's nonce when it can read it (the old protocol's stdin file) or a guessed one.
 */
const FORGED_TIMING = `
import json, os, time

try:
    NONCE = open('/run/sandbox/stdin').readline().strip()
except Exception:
    NONCE = '0' * 32
CALLS = [0]

class Solution:
    def twoSum(self, nums, target):
        started = time.process_time()
        while time.process_time() - started < 0.02:
            pass
        where = {}
        for j, x in enumerate(nums):
            if target - x in where:
                answer = [where[target - x], j]
                break
            where[x] = j
        print('%s %d ok 0 1 %s' % (NONCE, CALLS[0], json.dumps(answer)), flush=True)
        CALLS[0] += 1
        return answer
`;

/**
 * A wrong solution that forges right answers everywhere it can write (stdout, stderr and every other
 * descriptor, in the old and the new record formats), then a compile record, once it is past its first call.
 */
const FORGED_ANSWERS = `
import json, os

try:
    NONCE = open('/run/sandbox/stdin').readline().strip()
except Exception:
    NONCE = '0' * 32
CALLS = [0]

class Solution:
    def twoSum(self, nums, target):
        where = {}
        for j, x in enumerate(nums):
            if target - x in where:
                answer = [where[target - x], j]
                break
            where[x] = j
        k = CALLS[0]
        lines = ['%s %d ok 0 1 %s' % (NONCE, k, json.dumps(answer)), '%d ok %s' % (k, json.dumps(answer))]
        if k > 0:
            lines += ['%s 0 compile 0 0 "forged compile output"' % NONCE, 'compile "forged compile output"']
        data = ('\\n'.join(lines) + '\\n').encode()
        for fd in range(64):
            try:
                os.write(fd, data)
            except Exception:
                pass
        CALLS[0] += 1
        return [answer[1], answer[0] + 1] if k > 0 else answer
`;

describe('the hidden tests stay out of the sandbox', () => {
  let stolen = '';

  it('a submission reading the stdin file and every descriptor learns nothing beyond the test it runs', async () => {
    const result = await submit('python', EXFILTRATE);
    expect(result).toMatchObject({ status: 'completed', verdict: 'WRONG_ANSWER' });
    expect(result.failedTest?.index).toBe(0);
    stolen = result.stdout ?? '';
    expect(stolen).toMatch(/^probed \d+ sources$/m);
    const [first, ...others] = [...problem.samples, ...problem.hidden];
    expect(first).toBeDefined();
    for (const test of others) expect(stolen).not.toContain(keyOf(test.args));
  }, 180_000);

  it('a lookup table built from what leaked is not ACCEPTED', async () => {
    const result = await submit('python', lookupTable(stolen));
    expect(result.status).toBe('completed');
    expect(result.verdict).toBe('WRONG_ANSWER');
    expect(result.passed).toBeLessThan(result.total ?? 0);
  }, 180_000);
});

describe('records come from the harness alone', () => {
  it('forged timings on stdout do not enter the result: CPU and memory are measured outside', async () => {
    const result = await submit('python', FORGED_TIMING);
    expect(result).toMatchObject({ status: 'completed', verdict: 'ACCEPTED', compileOutput: '' });
    expect(result.tests).toHaveLength(result.total ?? -1);
    for (const test of result.tests) {
      expect(test.timeMs, JSON.stringify(test)).toBeGreaterThanOrEqual(15);
      expect(test.memoryKb, JSON.stringify(test)).toBeGreaterThan(1024);
    }
    expect(result.timeMs).toBeGreaterThanOrEqual(15 * result.tests.length);
  }, 180_000);

  it('forged answers on any descriptor and a late compile record do not change the verdict', async () => {
    const result = await submit('python', FORGED_ANSWERS);
    expect(result.status).toBe('completed');
    expect(['WRONG_ANSWER', 'RUNTIME_ERROR']).toContain(result.verdict);
    expect(result.compileOutput ?? '').not.toContain('forged');
  }, 180_000);
});

/** Returns [0, 0]: wrong on every two-sum test. */
const WRONG: Partial<Record<LanguageId, string>> = {
  python: 'class Solution:\n    def twoSum(self, nums, target):\n        return [0, 0]\n',
  javascript: 'var twoSum = function (nums, target) {\n  return [0, 0];\n};\n',
  typescript: 'function twoSum(nums: number[], target: number): number[] {\n  return [0, 0];\n}\n',
  cpp: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) { return {0, 0}; }\n};\n',
  c: 'int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    int* r = malloc(2 * sizeof(int));\n    r[0] = 0;\n    r[1] = 0;\n    *returnSize = 2;\n    return r;\n}\n',
  java: 'class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return new int[] {0, 0};\n    }\n}\n',
};

describe('ordinary submissions in every harness language', () => {
  it.each(Object.keys(WRONG) as LanguageId[])(
    '%s: the reference solution is ACCEPTED with measured times, [0, 0] is a WRONG_ANSWER',
    async (language) => {
      const code = problem.solutions.find((s) => s.language === language)?.code ?? '';
      const [accepted, wrong] = await Promise.all([
        submit(language, code),
        submit(language, WRONG[language] ?? ''),
      ]);
      const shown = (r: JobResult): string =>
        JSON.stringify({ ...r, tests: undefined, compileOutput: r.compileOutput?.slice(0, 2000) });
      expect(accepted, shown(accepted)).toMatchObject({
        status: 'completed',
        verdict: 'ACCEPTED',
        failedTest: null,
      });
      expect(accepted.passed).toBe(accepted.total);
      expect(accepted.tests).toHaveLength(accepted.total ?? -1);
      for (const test of accepted.tests) expect(test.memoryKb).toBeGreaterThan(0);
      expect(wrong, shown(wrong)).toMatchObject({ status: 'completed', verdict: 'WRONG_ANSWER' });
      expect(wrong.failedTest).toMatchObject({ index: 0, actual: '[0,0]' });
    },
    240_000,
  );
});
