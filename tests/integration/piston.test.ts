/**
 * The Piston v2 API under /piston, driven by `piston-client` (the npm package, unchanged) through
 * the real platform: runtimes, execute in every language with stdin and arguments, compile
 * errors, time limits; and Piston's own errors for bad requests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { piston } from 'piston-client';
import { LANGUAGE_MODULES, SELF_TEST_INPUT, SELF_TEST_OUTPUT, type LanguageId } from '@arbiter/languages';
import { scaledMs } from '../support/speed-factor.js';
import { TEST_WORKER_ENV } from '../support/worker-env.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { SUBMIT_RATE_PER_MINUTE_IP: '0' } });
const url = () => `${platform.url}/piston`;

interface Stage {
  stdout: string;
  stderr: string;
  output: string;
  code: number | null;
  signal: string | null;
  message: string | null;
  status: string | null;
  cpu_time: number | null;
  wall_time: number | null;
  memory: number | null;
}
interface Result {
  language: string;
  version: string;
  run: Stage;
  compile?: Stage;
  message?: string;
}
interface Client {
  runtimes(): Promise<{ language: string; version: string; aliases: string[]; runtime?: string }[]>;
  execute(language: string, code: string, config?: Record<string, unknown>): Promise<Result>;
}
let client: Client;

beforeAll(async () => {
  client = piston({ server: url() }) as unknown as Client;
});

/** Reads one line of stdin and prints it with the program's arguments, in each language. */
const ECHO: Record<string, string> = {
  python: 'import sys\nprint(input(), *sys.argv[1:])',
  javascript:
    "const line = require('fs').readFileSync(0, 'utf8').split('\\n')[0];\nconsole.log([line, ...process.argv.slice(2)].join(' '));",
  typescript:
    "declare const require: (m: string) => { readFileSync(fd: number, e: string): string };\ndeclare const process: { argv: string[] };\nconst line: string = require('fs').readFileSync(0, 'utf8').split('\\n')[0];\nconsole.log([line, ...process.argv.slice(2)].join(' '));",
  'c++':
    '#include <iostream>\n#include <string>\nint main(int argc, char** argv) {\n  std::string line;\n  std::getline(std::cin, line);\n  std::cout << line;\n  for (int i = 1; i < argc; i++) std::cout << " " << argv[i];\n  std::cout << "\\n";\n}',
  c: '#include <stdio.h>\n#include <string.h>\nint main(int argc, char** argv) {\n  char line[100];\n  fgets(line, sizeof line, stdin);\n  line[strcspn(line, "\\n")] = 0;\n  printf("%s", line);\n  for (int i = 1; i < argc; i++) printf(" %s", argv[i]);\n  printf("\\n");\n}',
  ruby: 'puts [$stdin.gets.chomp, *ARGV].join(" ")',
  bash: 'read -r line\necho "$line" "$@"',
  php: '<?php echo implode(" ", array_merge([rtrim(fgets(STDIN))], array_slice($argv, 1))), "\\n";',
  java: 'import java.util.Scanner;\npublic class Main {\n  public static void main(String[] args) {\n    String line = new Scanner(System.in).nextLine();\n    System.out.println(line + (args.length > 0 ? " " + String.join(" ", args) : ""));\n  }\n}',
};
const PISTON_NAMES: Record<string, string> = {
  python: 'python',
  javascript: 'javascript',
  typescript: 'typescript',
  cpp: 'c++',
  c: 'c',
  java: 'java',
  bash: 'bash',
  csharp: 'csharp',
  d: 'd',
  erlang: 'erlang',
  fortran: 'fortran',
  go: 'go',
  haskell: 'haskell',
  kotlin: 'kotlin',
  lua: 'lua',
  nasm: 'nasm64',
  ocaml: 'ocaml',
  pascal: 'pascal',
  perl: 'perl',
  php: 'php',
  r: 'rscript',
  ruby: 'ruby',
  rust: 'rust',
  scala: 'scala',
  awk: 'awk',
  coffeescript: 'coffeescript',
  commonlisp: 'lisp',
  elixir: 'elixir',
  prolog: 'prolog',
  clojure: 'clojure',
  groovy: 'groovy',
  racket: 'racket',
  nim: 'nim',
  crystal: 'crystal',
  sql: 'sqlite3',
  // Piston has no package for these: the platform's own ids.
  'cpp-clang': 'cpp-clang',
  pypy: 'pypy',
  tcl: 'tcl',
  ada: 'ada',
  scheme: 'scheme',
};
/** Piston's aliases (its packages' metadata) a client may name each language by. */
const PISTON_ALIASES: Record<string, readonly string[]> = {
  python: ['py', 'py3', 'python3'],
  javascript: ['node-javascript', 'node-js', 'js'],
  typescript: ['ts', 'node-ts', 'tsc', 'typescript5', 'ts5'],
  'c++': ['cpp', 'g++'],
  c: ['gcc'],
  csharp: ['mono', 'mono-csharp', 'mono-c#', 'mono-cs', 'c#', 'cs'],
  d: ['gdc'],
  fortran: ['f90'],
  go: ['golang'],
  haskell: ['hs'],
  kotlin: ['kt'],
  nasm64: ['asm64'],
  ocaml: ['ml'],
  pascal: ['freepascal', 'pp', 'pas'],
  perl: ['pl'],
  php: ['php8', 'html'],
  rscript: ['r'],
  ruby: ['ruby3', 'rb'],
  rust: ['rs'],
  scala: ['sc'],
  awk: ['gawk'],
  coffeescript: ['coffee'],
  lisp: ['cl', 'sbcl', 'commonlisp'],
  elixir: ['exs'],
  erlang: ['erl', 'escript'],
  prolog: ['plg'],
  clojure: ['clj'],
  groovy: ['gvy'],
  racket: ['rkt'],
  crystal: ['cr'],
  sqlite3: ['sqlite', 'sql'],
  bash: ['sh'],
};
const COMPILED = new Set(['typescript', 'c++', 'c', 'java']);

describe('Piston v2 through piston-client', () => {
  it('lists the runtimes with names, aliases and SemVer versions', async () => {
    const runtimes = await client.runtimes();
    // Piston's name (its packages' metadata) of each language the live workers run and Piston has.
    const ours = ((await (await fetch(`${platform.url}/languages`)).json()) as { id: string }[]).map(
      (language) => language.id,
    );
    const expected = ours.flatMap((id) => (PISTON_NAMES[id] === undefined ? [] : [PISTON_NAMES[id]]));
    expect(runtimes.map((runtime) => runtime.language).sort()).toEqual(expected.sort());
    // Every language the platform offers is served, under Piston's name where Piston has one.
    expect(ours.filter((id) => PISTON_NAMES[id] === undefined)).toEqual([]);
    for (const runtime of runtimes)
      expect(runtime.aliases, runtime.language).toEqual(
        expect.arrayContaining([...(PISTON_ALIASES[runtime.language] ?? [])]),
      );
    const python = runtimes.find((runtime) => runtime.language === 'python');
    const [major, minor] = python?.version.split('.') ?? [];
    expect(python?.aliases).toContain(`python${major}.${minor}`);
    expect(runtimes.map((runtime) => runtime.language)).toEqual(expect.arrayContaining(Object.keys(ECHO)));
    expect(runtimes.find((runtime) => runtime.language === 'ruby')?.aliases).toEqual(['ruby', 'ruby3', 'rb']);
    for (const runtime of runtimes) expect(runtime.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(runtimes.find((runtime) => runtime.language === 'python')?.aliases).toContain('py');
    expect(runtimes.find((runtime) => runtime.language === 'javascript')?.runtime).toBe('node');
  });

  it("executes in every language with stdin and the client's default arguments", async () => {
    for (const [language, code] of Object.entries(ECHO)) {
      // A generous wall clock: the default 3 s is for one run, not for a loaded test machine.
      const result = await client.execute(language, code, { stdin: 'hello\n', runTimeout: 15_000 });
      expect(result.run, `${language}: ${JSON.stringify(result)}`).toMatchObject({
        stdout: 'hello 1 2 3\n',
        code: 0,
        signal: null,
        status: null,
      });
      expect(result.language).toBe(language);
      expect(result.run.output).toBe('hello 1 2 3\n');
      expect(result.run.memory).toBeGreaterThan(0);
      if (COMPILED.has(language)) expect(result.compile?.code, language).toBe(0);
      else expect(result.compile, language).toBeUndefined();
    }
  });

  it(
    'runs a program reading stdin in every language the platform offers, by its Piston name',
    async () => {
      const offered = ((await (await fetch(`${platform.url}/languages`)).json()) as { id: LanguageId }[]).map(
        (language) => language.id,
      );
      const failures: string[] = [];
      const durations: string[] = [];
      async function run(id: LanguageId): Promise<void> {
        const name = PISTON_NAMES[id] ?? id;
        const started = Date.now();
        const result = await client.execute(name, LANGUAGE_MODULES[id].meta.sample, {
          stdin: SELF_TEST_INPUT,
          runTimeout: scaledMs(15_000),
          // gawk reads its arguments as input files, in Piston too; every other language keeps the client's
          // default arguments, which a program that does not read them ignores (sqlite3 gets them as a table).
          ...(id === 'awk' ? { args: [] } : {}),
        });
        durations.push(`${id} ${Date.now() - started} ms`);
        const stage =
          result.compile?.code === 0 || result.compile === undefined ? result.run : result.compile;
        if (result.language !== name || result.run?.stdout !== SELF_TEST_OUTPUT || result.run.code !== 0)
          failures.push(`${name}: ${JSON.stringify(stage ?? result).slice(0, 600)}`);
      }
      // As many in flight as the worker runs at once, plus one queued each, so the queue stays busy.
      const queue = [...offered];
      const lanes = Number(TEST_WORKER_ENV.WORKER_CONCURRENCY) * 2;
      await Promise.all(
        Array.from({ length: lanes }, async () => {
          for (let id = queue.shift(); id !== undefined; id = queue.shift()) await run(id);
        }),
      );
      console.info(`piston every language: ${durations.join(', ')}`);
      expect(failures).toEqual([]);
      expect(offered.length).toBeGreaterThanOrEqual(Object.keys(ECHO).length);
    },
    scaledMs(600_000),
  );

  it("resolves each of Piston's aliases, and a client naming a language by alias with a version runs it", async () => {
    const runtimes = await client.runtimes();
    for (const runtime of runtimes)
      for (const alias of runtime.aliases) {
        // A negative limit is refused only once the runtime is found: no job runs.
        const response = await fetch(`${url()}/api/v2/execute`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ language: alias, version: '*', files: [{ content: 'x' }], run_timeout: -1 }),
        });
        expect(await response.json(), `${runtime.language} ${alias}`).toEqual({
          message: 'run_timeout must be non-negative',
        });
      }
    const result = await client.execute('py3', 'print(input())', {
      version: '*',
      stdin: 'by alias\n',
      runTimeout: scaledMs(15_000),
    });
    expect(result).toMatchObject({ language: 'python', run: { stdout: 'by alias\n', code: 0 } });
  });

  it("gives sqlite3 programs their arguments as Piston's table argv", async () => {
    const offered = ((await (await fetch(`${platform.url}/languages`)).json()) as { id: string }[]).map(
      (language) => language.id,
    );
    if (!offered.includes('sql')) return;
    const result = await client.execute(
      'sqlite3',
      "SELECT group_concat(arg, ',') FROM argv;\nSELECT line FROM input;",
      {
        stdin: 'row\n',
        args: ["it's", 'two words'],
        runTimeout: scaledMs(15_000),
      },
    );
    expect(result.run).toMatchObject({ stdout: "it's,two words\nrow\n", code: 0 });
  });

  it('passes arguments as they are, never through a shell', async () => {
    const result = await client.execute('python', ECHO.python ?? '', {
      stdin: 'x\n',
      args: ['a b', '$HOME', ';ls', '*'],
      runTimeout: 15_000,
    });
    expect(result.run.stdout).toBe('x a b $HOME ;ls *\n');
  });

  it('reports a compile error in the compile stage (run repeats it), a syntax error in the run stage', async () => {
    const cpp = await client.execute('c++', 'int main() { return y; }', { runTimeout: 15_000 });
    expect(cpp.compile).toMatchObject({ code: 1, status: 'RE' });
    expect(cpp.compile?.stderr).toMatch(/y/);
    expect(cpp.run).toEqual(cpp.compile);

    const python = await client.execute('python', 'print(', { runTimeout: 15_000 });
    expect(python.compile).toBeUndefined();
    expect(python.run.code).toBe(1);
    expect(python.run.stderr).toMatch(/SyntaxError/);
  });

  it('stops a program at its run timeout: status TO, SIGKILL, no exit code', async () => {
    const result = await client.execute('python', 'while True: pass', { runTimeout: 1_000 });
    expect(result.run).toMatchObject({ status: 'TO', signal: 'SIGKILL', code: null });
  });

  it('reports a non-zero exit and a fatal signal as Piston does', async () => {
    const exit = await client.execute('python', 'import sys\nsys.stderr.write("bad\\n")\nsys.exit(4)', {
      runTimeout: 15_000,
    });
    expect(exit.run).toMatchObject({
      code: 4,
      status: 'RE',
      stderr: 'bad\n',
      message: 'Exited with error status 4',
    });
    const signal = await client.execute('c', '#include <signal.h>\nint main(void) { raise(SIGSEGV); }', {
      runTimeout: 15_000,
    });
    expect(signal.run).toMatchObject({ code: null, signal: 'SIGSEGV', status: 'SG' });
  });
});

describe('Piston v2 requests', () => {
  async function execute(body: unknown, contentType = 'application/json') {
    const response = await fetch(`${url()}/api/v2/execute`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Result };
  }

  it('picks a runtime by SemVer range and answers its version', async () => {
    const [runtime] = (await client.runtimes()).filter((entry) => entry.language === 'python');
    const major = runtime?.version.split('.')[0] ?? '3';
    const ok = await execute({
      language: 'python3',
      version: `${major}.x`,
      files: [{ content: 'print(7)' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ language: 'python', version: runtime?.version, run: { stdout: '7\n' } });
    const file = await execute({
      language: 'python',
      version: '*',
      files: [{ name: 'main.py', content: Buffer.from('print(8)').toString('base64'), encoding: 'base64' }],
    });
    expect(file.body).toEqual({ message: 'files must include at least one utf8 encoded file' });
  });

  it('runs the first UTF-8 file with every other file beside it, as Piston lays them out', async () => {
    const python = await execute({
      language: 'python',
      version: '*',
      files: [
        { name: 'data.bin', content: Buffer.from('bytes\n').toString('hex'), encoding: 'hex' },
        {
          name: 'app.py',
          content: 'import helper\nprint(helper.twice(21), open("data.bin").read().strip())',
        },
        { name: 'helper.py', content: 'def twice(x):\n    return 2 * x\n' },
      ],
    });
    expect(python.status).toBe(200);
    expect(python.body.run).toMatchObject({ stdout: '42 bytes\n', code: 0 });
    const cpp = await execute({
      language: 'c++',
      version: '*',
      files: [
        {
          name: 'main.cpp',
          content: '#include "answer.h"\n#include <cstdio>\nint main() { std::printf("%d\\n", answer()); }',
        },
        { name: 'answer.h', content: 'int answer();' },
        { name: 'answer.cpp', content: '#include "answer.h"\nint answer() { return 42; }' },
      ],
      compile_timeout: 60_000,
      run_timeout: 10_000,
    });
    expect(cpp.body.run).toMatchObject({ stdout: '42\n', code: 0 });
    // A file without a name gets Piston's default, file<index>.code.
    const unnamed = await execute({
      language: 'python',
      version: '*',
      files: [{ content: 'print(open("file1.code").read())' }, { content: 'hi' }],
    });
    expect(unnamed.body.run).toMatchObject({ stdout: 'hi\n' });
    const escape = await execute({
      language: 'python',
      version: '*',
      files: [{ content: 'print(1)' }, { name: '../../etc/passwd', content: 'x' }],
    });
    expect(escape.status).toBe(400);
    expect(escape.body.message).toMatch(/^file "\.\.\/\.\.\/etc\/passwd": a file name is a relative path/);
  });

  it("answers Piston's messages for bad requests", async () => {
    expect((await execute({ version: '*', files: [] })).body).toEqual({
      message: 'language is required as a string',
    });
    expect((await execute({ language: 'python', files: [] })).body).toEqual({
      message: 'version is required as a string',
    });
    expect((await execute({ language: 'python', version: '*' })).body).toEqual({
      message: 'files is required as an array',
    });
    expect((await execute({ language: 'python', version: '*', files: [{}] })).body).toEqual({
      message: 'files[0].content is required as a string',
    });
    expect(
      (await execute({ language: 'python', version: '*', files: [{ content: 'x' }], run_timeout: 'soon' }))
        .body,
    ).toEqual({ message: 'If specified, run_timeout must be a number' });
    const unknown = await execute({ language: 'cobol', version: '1.0.0', files: [{ content: 'x' }] });
    expect(unknown).toEqual({ status: 400, body: { message: 'cobol-1.0.0 runtime is unknown' } });
    const tooOld = await execute({ language: 'python', version: '2.x', files: [{ content: 'x' }] });
    expect(tooOld.body).toEqual({ message: 'python-2.x runtime is unknown' });
    // Empty strings are refused as missing ones are (Piston tests them for truth).
    expect((await execute({ language: '', version: '*', files: [] })).body).toEqual({
      message: 'language is required as a string',
    });
    expect((await execute({ language: 'python', version: '', files: [] })).body).toEqual({
      message: 'version is required as a string',
    });
    // A negative time limit, named in Piston's order (timeouts before CPU times, compile before run).
    const negative = await execute({
      language: 'python',
      version: '*',
      files: [{ content: 'print(1)' }],
      run_cpu_time: -1,
      run_timeout: -5,
    });
    expect(negative).toEqual({ status: 400, body: { message: 'run_timeout must be non-negative' } });
    expect(
      (await execute({ language: 'python', version: '*', files: [{ content: 'x' }], compile_cpu_time: -2 }))
        .body,
    ).toEqual({ message: 'compile_cpu_time must be non-negative' });
    const form = await execute('language=python', 'application/x-www-form-urlencoded');
    expect(form).toEqual({ status: 415, body: { message: 'requests must be of type application/json' } });
  });
});
