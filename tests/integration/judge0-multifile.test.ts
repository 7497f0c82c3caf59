/**
 * Judge0's language 89, "Multi-file program", written from its 1.13.1 sources (app/models/submission.rb,
 * app/jobs/isolate_job.rb): the program is the `additional_files` zip; a `compile` script, when there is
 * one, runs with bash first (its output is compile_output, a failure status 6), then `run` runs with bash
 * on the stdin; the source code must be blank, the zip is required, command_line_arguments are not passed.
 */
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
    signal: AbortSignal.timeout(scaledMs(180_000)),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function zip64(files: ZipInputFile[]): Promise<string> {
  return (await writeZip(files)).toString('base64');
}

const C_PROGRAM = await zip64([
  { path: 'compile', bytes: 'echo compiling\ngcc -O2 -o main main.c util.c\n' },
  { path: 'run', bytes: './main "$@"\n' },
  {
    path: 'main.c',
    bytes:
      '#include <stdio.h>\nint twice(int);\nint main(int argc, char **argv) {\n' +
      '    int n;\n    if (scanf("%d", &n) != 1) return 1;\n    printf("%d %d\\n", twice(n), argc);\n    return 0;\n}\n',
  },
  { path: 'util.c', bytes: 'int twice(int n) { return 2 * n; }\n' },
]);

describe('Judge0 multi-file program (language 89)', () => {
  it('compiles a C program with its compile script and runs it with its run script, without the arguments', async () => {
    const answer = await create({
      language_id: 89,
      additional_files: C_PROGRAM,
      stdin: '21\n',
      command_line_arguments: 'one two',
    });
    expect(answer.status).toBe(201);
    // argc 1: Judge0 gives the run script no arguments.
    expect(answer.body).toMatchObject({
      status: { id: 3 },
      stdout: '42 1\n',
      compile_output: 'compiling\n',
      language: { id: 89, name: 'Multi-file program' },
    });
  });

  it('runs a Python program that has only a run script, in the folder of its files', async () => {
    const answer = await create({
      language_id: 89,
      additional_files: await zip64([
        { path: 'run', bytes: 'python3 app/main.py\n' },
        {
          path: 'app/main.py',
          bytes: 'import sys\nfrom data import word\nprint(word(), sys.stdin.read().strip())\n',
        },
        { path: 'app/data.py', bytes: 'def word():\n    return open("greeting.txt").read().strip()\n' },
        { path: 'greeting.txt', bytes: 'hello\n' },
      ]),
      stdin: 'world\n',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: { id: 3 }, stdout: 'hello world\n', compile_output: null });
  });

  it('answers Compilation Error with the compile output when the compile script fails', async () => {
    const answer = await create({
      language_id: 89,
      additional_files: await zip64([
        { path: 'compile', bytes: 'echo "no toolchain for this" >&2\nexit 2\n' },
        { path: 'run', bytes: 'echo never\n' },
      ]),
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: { id: 6, description: 'Compilation Error' }, stdout: null });
    expect(answer.body.compile_output).toContain('no toolchain for this');
  });

  it("refuses with Judge0's 422 errors a missing zip and a source code that is not blank", async () => {
    const missing = await create({ language_id: 89 });
    expect(missing).toEqual({ status: 422, body: { additional_files: ["can't be blank"] } });
    const both = await create({ language_id: 89, source_code: 'echo hi', additional_files: C_PROGRAM });
    expect(both).toEqual({ status: 422, body: { source_code: ['must be blank'] } });
    // Every other language still wants its source code.
    const plain = await create({ language_id: 71, additional_files: C_PROGRAM });
    expect(plain).toEqual({ status: 422, body: { source_code: ["can't be blank"] } });
  });

  it('is listed by the Judge0 API and not by our own', async () => {
    const judge0 = (await (await fetch(`${url()}/languages/89`)).json()) as Record<string, unknown>;
    expect(judge0).toEqual({
      id: 89,
      name: 'Multi-file program',
      is_archived: false,
      source_file: null,
      compile_cmd: null,
      run_cmd: null,
    });
    const ours = (await (await fetch(`${platform.url}/languages`)).json()) as { id: string }[];
    expect(ours.map((language) => language.id)).not.toContain('multifile');
    const submitted = await fetch(`${platform.url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'multifile', code: 'echo hi' }),
    });
    expect(submitted.status).toBe(400);
  });
});
