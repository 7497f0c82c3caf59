/**
 * Interactive problem packages on real Redis, the database and the sandbox: the output validator is the
 * interactor, run in a sandbox of its own beside the submission and talking to it through the worker. The
 * import's verification judges each labelled submission of the guess-the-number fixture by the
 * specification's rules (the validator's early 43 first, then the submission's time limit, then its crash,
 * then the validator's verdict); POST /submit judges the same way; a submission that asks without end and
 * never reads the answers blocks as on a pipe until its time limit; each side reads end of file as soon as
 * the other closes its stdout, as with pipes; and neither side can reach the host or the other side's files.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { type JobResult } from '@arbiter/contracts';
import { packageFromFolder } from '@arbiter/problem-package';
import { post, waitForResult } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import {
  importPackage,
  submissionsByPath,
  usePackagePlatform,
  verdictsByPath,
  verifiedPackage,
} from '../support/packages.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
/** Nine submissions, each against the interactor on up to three cases (one waits for its wall limit). */
const TIMEOUT = scaledMs(480_000);
/** A file on the host that no sandboxed program may read. */
const HOST_SECRET = join('/tmp', `arbiter-interactive-secret-${randomBytes(6).toString('hex')}`);

const platform = usePackagePlatform('interactive');

beforeAll(async () => {
  // Readable by everyone on the host: only the sandbox keeps it from the programs.
  await writeFile(HOST_SECRET, 'host secret\n', { mode: 0o644 });
});
afterAll(async () => {
  await rm(HOST_SECRET, { force: true });
});

async function importZip(zip: Buffer, slug: string): Promise<void> {
  const imported = await importPackage(platform.url, platform.admin, zip, slug);
  expect(imported.report.unsupported.join('\n')).not.toMatch(/interactive/);
}

const verified = (slug: string) => verifiedPackage(platform.url, platform.admin, slug, scaledMs(420_000));

async function judged(cookie: string, body: Record<string, unknown>): Promise<string> {
  const answer = await post(platform.url, '/submit', { mode: 'submit', ...body }, { cookie });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return (answer.body as { jobId: string }).jobId;
}

describe('interactive problem packages', () => {
  it(
    'verification on import gives every labelled submission its verdict by the specification',
    async () => {
      await importZip(await writeZip(await packageFromFolder(join(PACKAGES, 'guess-interactive'))), 'guess');
      const verification = await verified('guess');
      expect(verification.status).toBe('done');
      const subs = submissionsByPath(verification);
      const got = verdictsByPath(verification);
      expect(got).toEqual({
        'accepted/search.c': 'ACCEPTED',
        'accepted/search.py': 'ACCEPTED',
        // The interactor read end of file before an answer (the submission exited 0).
        'wrong_answer/gives_up.py': 'WRONG_ANSWER',
        'wrong_answer/off_by_one.py': 'WRONG_ANSWER',
        // The interactor's 43 came first: a wrong answer, though the submission would hang forever.
        'wrong_answer/wrong_then_hang.py': 'WRONG_ANSWER',
        // Each waits for the other: the submission's wall limit ends it.
        'time_limit_exceeded/deadlock.py': 'TIME_LIMIT_EXCEEDED',
        // Right, then spinning: its time limit comes before the interactor's 42 at end of file.
        'time_limit_exceeded/spin_after.c': 'TIME_LIMIT_EXCEEDED',
        // The crash decides, though the interactor then rejects the missing answer.
        'run_time_error/crash.py': 'RUNTIME_ERROR',
        // Output without end is stopped at the package's output limit (a crash, as problemtools counts it).
        'run_time_error/flood.c': 'OUTPUT_LIMIT_EXCEEDED',
      });
      expect(verification.submissions.filter((s) => !s.ok)).toEqual([]);
      expect(verification.ok).toBe(true);
      expect(verification.timeLimit).toMatchObject({ seconds: 1, source: 'stated' });
      expect(subs['wrong_answer/wrong_then_hang.py']?.maxTimeMs).toBeLessThan(1_000);

      // Through POST /submit: accepted, and a wrong answer whose judgemessage.txt only admins see.
      const search = await readFile(
        join(PACKAGES, 'guess-interactive/submissions/accepted/search.py'),
        'utf8',
      );
      const accepted = await waitForResult(
        platform.url,
        await judged(platform.user, { problem: 'guess', language: 'python', code: search }),
        scaledMs(120_000),
        platform.user,
      );
      expect(accepted).toMatchObject({ verdict: 'ACCEPTED', passed: 3, total: 3 });
      const wrong = await judged(platform.user, {
        problem: 'guess',
        language: 'python',
        code: search.replace("print('!', middle, flush=True)", "print('!', middle + 2, flush=True)"),
      });
      const seen: JobResult = await waitForResult(platform.url, wrong, scaledMs(120_000), platform.user);
      expect(seen.verdict).toBe('WRONG_ANSWER');
      expect(seen.failedTest?.name).toBe('sample/1');
      const asAdmin = await waitForResult(platform.url, wrong, scaledMs(10_000), platform.admin);
      expect(asAdmin.failedTest?.judgeMessage).toBe('answered 502, the number was 500\n');
    },
    TIMEOUT,
  );

  it(
    'a submission that asks without end and never reads the answers is held back and exceeds its time limit',
    async () => {
      await importZip(await writeZip(await packageFromFolder(join(PACKAGES, 'flood-interactive'))), 'flood');
      const verification = await verified('flood');
      expect(verification.status).toBe('done');
      const got = verdictsByPath(verification);
      // Not an output limit or a judge error: the worker relays no more than the interactor reads, so
      // the submission blocks in its write (and the interactor in its answer) until its time limit.
      expect(got).toEqual({
        'accepted/search.py': 'ACCEPTED',
        'time_limit_exceeded/flood.c': 'TIME_LIMIT_EXCEEDED',
      });
      expect(verification.ok).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'each side reads end of file as soon as the other closes its stdout, though the other goes on running',
    async () => {
      await importZip(await writeZip(await packageFromFolder(join(PACKAGES, 'eof-interactive'))), 'eof');
      const verification = await verified('eof');
      expect(verification.status).toBe('done');
      expect(verdictsByPath(verification)).toEqual({
        // The interactor wrote the numbers, closed its stdout, and waits for the sum: this reads to the end.
        'accepted/eof.py': 'ACCEPTED',
        'accepted/read.py': 'ACCEPTED',
        // It closed its stdout and sleeps: the interactor read end of file and rejected at once.
        'wrong_answer/closes_stdout.py': 'WRONG_ANSWER',
      });
      expect(verification.ok).toBe(true);

      // Through POST /submit: the submission that reads until end of file is accepted.
      const eof = await readFile(join(PACKAGES, 'eof-interactive/submissions/accepted/eof.py'), 'utf8');
      const accepted = await waitForResult(
        platform.url,
        await judged(platform.user, { problem: 'eof', language: 'python', code: eof }),
        scaledMs(120_000),
        platform.user,
      );
      expect(accepted).toMatchObject({ verdict: 'ACCEPTED', passed: 3, total: 3 });
      // One that closes its stdout and goes on: the interactor's own rejection, not a time limit.
      const closes = await readFile(
        join(PACKAGES, 'eof-interactive/submissions/wrong_answer/closes_stdout.py'),
        'utf8',
      );
      const rejected = await waitForResult(
        platform.url,
        await judged(platform.admin, { problem: 'eof', language: 'python', code: closes }),
        scaledMs(120_000),
        platform.admin,
      );
      expect(rejected.verdict).toBe('WRONG_ANSWER');
      expect(rejected.failedTest?.name).toBe('sample/1');
      expect(rejected.failedTest?.judgeMessage).toBe('no answer before end of file\n');
    },
    TIMEOUT,
  );

  it(
    'the interactor and the submission each stay in their own sandbox: no host file, no network, no peer',
    async () => {
      // The interactor probes the host, then reports what it saw as its judge message (and rejects).
      const probe = [
        'import os, socket, sys',
        'seen = []',
        `for path in ['/etc/shadow', ${JSON.stringify(HOST_SECRET)}, '/root']:`,
        '    try:',
        '        open(path).read() if not os.path.isdir(path) else os.listdir(path)',
        "        seen.append(path + ' read')",
        '    except OSError as e:',
        "        seen.append(path + ' ' + type(e).__name__)",
        'try:',
        "    socket.create_connection(('127.0.0.1', 6379), timeout=2)",
        "    seen.append('redis connected')",
        'except OSError as e:',
        "    seen.append('redis ' + type(e).__name__)",
        // Processes it can see: only its own sandbox's (the submission's are in another pid namespace).
        "seen.append('processes %d' % len([p for p in os.listdir('/proc') if p.isdigit()]))",
        'line = sys.stdin.readline()',
        "seen.append('submission says ' + line.strip())",
        "open(sys.argv[3] + 'judgemessage.txt', 'w').write('\\n'.join(seen) + '\\n')",
        'sys.exit(43)',
      ].join('\n');
      await importZip(
        await writeZip([
          {
            path: 'problem.yaml',
            bytes: 'name: Probe\nvalidation: custom interactive\nlimits:\n  time_limit: 2\n',
          },
          { path: 'data/secret/1.in', bytes: 'hidden input 4242\n' },
          { path: 'data/secret/1.ans', bytes: 'hidden answer 4343\n' },
          { path: 'output_validators/probe/probe.py', bytes: `${probe}\n` },
        ]),
        'probe',
      );
      // The submission looks for the interactor's files: the test data and the feedback folder.
      const submission = [
        'import os',
        'found = [p for p in ["judge/testdata.in", "judge/testdata.ans", "feedback", "/box/judge"] if os.path.exists(p)]',
        'print("found:" + (",".join(found) or "nothing"), flush=True)',
      ].join('\n');
      const jobId = await judged(platform.admin, { problem: 'probe', language: 'python', code: submission });
      const result = await waitForResult(platform.url, jobId, scaledMs(120_000), platform.admin);
      expect(result.verdict).toBe('WRONG_ANSWER');
      const message = result.failedTest?.judgeMessage ?? '';
      expect(message).toMatch(/^\/etc\/shadow (PermissionError|FileNotFoundError)$/m);
      expect(message).toContain(`${HOST_SECRET} FileNotFoundError`);
      expect(message).toMatch(/^\/root (PermissionError|FileNotFoundError)$/m);
      expect(message).toMatch(/^redis (ConnectionRefusedError|OSError|TimeoutError)/m);
      // Its sandbox's shell and itself: the submission's processes are in another pid namespace.
      expect(Number(/^processes (\d+)$/m.exec(message)?.[1])).toBeLessThanOrEqual(2);
      expect(message).toContain('submission says found:nothing');
    },
    TIMEOUT,
  );
});
