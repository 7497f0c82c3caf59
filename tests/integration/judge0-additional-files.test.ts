/**
 * The Judge0 API's `additional_files` (a Base64 zip), written from its documentation: the files reach the
 * program's work dir (a Python module it imports, a data file in a folder, a C header), Base64 is read
 * whatever `base64_encoded` says, the zip comes back in Base64 (Ruby's 60-character lines), and archives
 * the bounded reader refuses are answered 422 on `additional_files`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip, type ZipInputFile } from '@arbiter/archive';
import { usePlatform } from '../support/use-platform.js';
import { scaledMs } from '../support/speed-factor.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0' } });
const url = () => `${platform.url}/judge0`;

async function create(
  body: Record<string, unknown>,
  query = 'wait=true&fields=*',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url()}/submissions?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(scaledMs(120_000)),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function zip64(files: ZipInputFile[]): Promise<string> {
  return (await writeZip(files)).toString('base64');
}

describe('Judge0 additional_files', () => {
  it('puts the files of the zip beside a Python program: a module it imports and a data file', async () => {
    const additional = await zip64([
      { path: 'helper.py', bytes: 'def greet(name):\n    return "hello " + name\n' },
      { path: 'data/names.txt', bytes: 'Ada\nGrace\n' },
    ]);
    const answer = await create({
      language_id: 71,
      source_code:
        'import helper\nfor name in open("data/names.txt").read().split():\n    print(helper.greet(name))\n',
      additional_files: additional,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: { id: 3 }, stdout: 'hello Ada\nhello Grace\n' });
    // Answered as Judge0's serializer writes it: Base64 in lines of 60 characters, each ending in a newline.
    const answered = String(answer.body.additional_files);
    expect(answered.replace(/\n/g, '')).toBe(additional);
    expect(
      answered
        .split('\n')
        .slice(0, -2)
        .every((line) => line.length === 60),
    ).toBe(true);
    expect(answered.endsWith('\n')).toBe(true);
  });

  it('runs SQL (82) on the db.sqlite of the zip, as Judge0 does, and on an empty database without one', async () => {
    const offered = ((await (await fetch(`${platform.url}/languages`)).json()) as { id: string }[]).map(
      (language) => language.id,
    );
    if (!offered.includes('sql')) return;
    const empty = await create({ language_id: 82, source_code: "SELECT 'a' || 'b';" });
    expect(empty.body).toMatchObject({ status: { id: 3 }, stdout: 'ab\n', language: { id: 82 } });
    const dir = mkdtempSync(join(tmpdir(), 'arbiter-sqlite-'));
    try {
      const file = join(dir, 'db.sqlite');
      const made = spawnSync('sqlite3', [
        file,
        "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada'), ('Grace');",
      ]);
      expect(made.status, String(made.stderr)).toBe(0);
      const answer = await create({
        language_id: 82,
        source_code: "SELECT group_concat(name, ',') FROM people;\nSELECT count(*) FROM input;",
        stdin: 'one\ntwo\n',
        additional_files: await zip64([{ path: 'db.sqlite', bytes: readFileSync(file) }]),
      });
      expect(answer.body).toMatchObject({ status: { id: 3 }, stdout: 'Ada,Grace\n2\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a C++ program a header from the zip, with base64_encoded=true as well', async () => {
    const answer = await create(
      {
        language_id: 54,
        source_code: Buffer.from(
          '#include <cstdio>\n#include "lib/answer.h"\nint main() { std::printf("%d\\n", ANSWER); }\n',
        ).toString('base64'),
        additional_files: await zip64([{ path: 'lib/answer.h', bytes: '#define ANSWER 42\n' }]),
      },
      'base64_encoded=true&wait=true&fields=status,stdout,compile_output',
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: { id: 3 }, stdout: 'NDIK\n' });
  });

  it('leaves additional_files null without one, and lists the feature as enabled', async () => {
    const answer = await create({ language_id: 71, source_code: 'print(1)' });
    expect(answer.body).toMatchObject({ status: { id: 3 }, additional_files: null });
    const config = (await (await fetch(`${url()}/config_info`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ enable_additional_files: true });
  });

  it('refuses with 422 what the bounded reader or the file rules refuse', async () => {
    const refused = async (additional: string) => {
      const answer = await create({ language_id: 71, source_code: 'print(1)', additional_files: additional });
      expect(answer.status).toBe(422);
      expect(Object.keys(answer.body)).toEqual(['additional_files']);
      return String((answer.body.additional_files as string[])[0]);
    };
    expect(await refused(Buffer.from('not a zip at all').toString('base64'))).toMatch(/not a usable zip/);
    // More files than a program may have beside it.
    const many = Array.from({ length: 21 }, (_, i) => ({ path: `f${i}.txt`, bytes: 'x' }));
    expect(await refused(await zip64(many))).toMatch(/at most 20/);
    // A hidden file, and a name that is the entry file's.
    expect(await refused(await zip64([{ path: '.env', bytes: 'x' }]))).toMatch(/^\.env: /);
    expect(await refused(await zip64([{ path: 'main.py', bytes: 'x' }]))).toMatch(/^main\.py: /);
    // A file bigger than every extra file together may be (a bomb is refused before it is inflated).
    const big = await zip64([{ path: 'zeros.bin', bytes: Buffer.alloc(1024 * 1024) }]);
    expect(await refused(big)).toMatch(/not a usable zip/);
  });
});
