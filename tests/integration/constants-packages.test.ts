/**
 * A 2025-09 package's `constants`, on real Redis, the database and the sandbox: `{{name}}` is substituted on
 * import in the statement, the input and output validators, the included code, test_group.yaml and the
 * submissions, so the labelled submissions get their labels at verification, users' submissions through
 * POST /submit are judged with the substituted validator and included code (their own code untouched), the
 * problem's page shows the values, and the export gives back the package as it was imported.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '@arbiter/archive';
import { packageFromFolder, packageFromZip } from '@arbiter/problem-package';
import { signUp } from '../support/platform.js';
import { scaledMs } from '../support/speed-factor.js';
import { usePlatform } from '../support/use-platform.js';
import { importPackage, submitToPackage, verdictsByPath, verifiedPackage } from '../support/packages.js';

const PACKAGES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));
/** A few small programs compiled and judged in the sandbox, on a shared machine. */
const TIMEOUT = scaledMs(300_000);
const SLUG = 'constant-offset';

const platform = usePlatform({
  api: { AUTH_RATE_PER_MINUTE_IP: '0', SUBMIT_RATE_PER_MINUTE_USER: '0' },
});
let admin: string;
let user: string;
let sha256: string;

beforeAll(async () => {
  admin = await signUp(platform.url, 'constants-admin');
  user = await signUp(platform.url, 'constants-user');
  const zip = await writeZip(await packageFromFolder(join(PACKAGES, 'constant-offset')));
  const imported = await importPackage(platform.url, admin, zip, SLUG);
  sha256 = imported.sha256;
  expect(imported.report.found.join('\n')).toMatch(
    /constants offset, max_n, greeting, substituted in 8 file\(s\)/,
  );
  expect(imported.report.unsupported.join('\n')).not.toMatch(/constants/);
  expect(imported.report.warnings).toContain(
    'statement/problem.en.md: {{not_a_constant}} names no constant; left as it is',
  );
});

describe('2025-09 constants', () => {
  it(
    "are substituted in the package's validators, included code, test_group.yaml and submissions at verification",
    async () => {
      const found = await verifiedPackage(platform.url, admin, SLUG, scaledMs(280_000));
      expect(found.status).toBe('done');
      expect(verdictsByPath(found)).toEqual({
        'accepted/header.cpp': 'ACCEPTED',
        'accepted/module.py': 'ACCEPTED',
        'accepted/plus.py': 'ACCEPTED',
        'wrong_answer/one_more.py': 'WRONG_ANSWER',
      });
      expect(found.inputValidation?.ok).toBe(true);
      expect(found.ok).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "judge submissions through POST /submit with the substituted validator and included code, not the user's code",
    async () => {
      const cpp = await submitToPackage(platform.url, user, {
        problem: SLUG,
        language: 'cpp',
        code: '#include <cstdio>\n#include "offset.h"\nint main() { long long n; std::scanf("%lld", &n); std::printf("%lld\\n", n + OFFSET); }\n',
      });
      expect(cpp.verdict, JSON.stringify(cpp)).toBe('ACCEPTED');
      const plain = await submitToPackage(platform.url, user, {
        problem: SLUG,
        language: 'python',
        code: 'print(int(input()) + 7)\n',
      });
      expect(plain.verdict, JSON.stringify(plain)).toBe('ACCEPTED');
      // A user's own program is theirs: {{offset}} stays Python (a set of a set of an unknown name).
      const braces = await submitToPackage(platform.url, user, {
        problem: SLUG,
        language: 'python',
        code: 'print(int(input()) + {{offset}})\n',
      });
      expect(braces.verdict, JSON.stringify(braces)).toBe('RUNTIME_ERROR');
    },
    TIMEOUT,
  );

  it('show their values in the statement of the problem page', async () => {
    const page = (await (await fetch(`${platform.url}/problems/${SLUG}`)).json()) as { statement: string };
    expect(page.statement).toContain('Read an integer $n$ ($1 \\le n \\le 10^3$) and print $n + 7$.');
    expect(page.statement).toContain('The judges say: Hello, judge.');
    expect(page.statement).toContain('{{not_a_constant}} names no constant');
  });

  it('are left as written in the exported package, which is the package as imported', async () => {
    const exported = await fetch(`${platform.url}/admin/problems/${SLUG}/package`, {
      headers: { cookie: admin },
    });
    expect(exported.status).toBe(200);
    const bytes = Buffer.from(await exported.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    const files = new Map((await packageFromZip(bytes)).map((f) => [f.path, f.bytes.toString('utf8')]));
    expect(files.get('submissions/accepted/plus.py')).toBe('print(int(input()) + {{offset}})\n');
    expect(files.get('statement/problem.en.md')).toContain('$n + {{offset}}$');
    expect(files.get('data/secret/test_group.yaml')).toContain('"{{offset}}"');
  });
});
