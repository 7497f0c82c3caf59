/**
 * The one table that maps the platform's languages to the ids and names of the APIs it also
 * speaks: Judge0 CE's numeric ids (from its 1.13.1 language seeds; the first is the one listed,
 * the others are accepted aliases running the same toolchain) and Piston's language names and
 * aliases. A language added to the platform gets a row here and appears in both APIs.
 */
import type { LanguageId } from '@arbiter/contracts';

export interface CompatLanguage {
  id: LanguageId;
  /** Absent: Judge0 CE 1.13.1 has no such language. */
  judge0?: {
    /** Judge0 ids: `[listed, ...aliases]`. */
    ids: readonly number[];
    /** Judge0's name without the version: the name shown is `${family} (${toolchain}${version})`. */
    family: string;
    toolchain: string;
    sourceFile: string;
    compileCmd: string | null;
    runCmd: string;
  };
  /**
   * Piston: name, aliases (those of every version of its package), whether its answers have a compile
   * stage, and the runtime named (`node`). `versionedAlias`: the prefix of an alias naming the live
   * version's major and minor (`python` gives `python3.11`), as Piston's package of that version has.
   * A language Piston has no package for is served under the platform's own id.
   */
  piston?: {
    language: string;
    aliases: readonly string[];
    compiled: boolean;
    runtime?: string;
    versionedAlias?: string;
  };
}

export type PistonCompatLanguage = CompatLanguage & { piston: NonNullable<CompatLanguage['piston']> };

/** A row for a language this API runs with the toolchain's plain commands (`compile_cmd`, `run_cmd` describe, not quote, them). */
function judge0Row(
  ids: readonly number[],
  family: string,
  toolchain: string,
  sourceFile: string,
  compileCmd: string | null,
  runCmd: string,
): NonNullable<CompatLanguage['judge0']> {
  return { ids, family, toolchain, sourceFile, compileCmd, runCmd };
}

export const COMPAT_LANGUAGES: readonly CompatLanguage[] = [
  {
    id: 'python',
    judge0: {
      ids: [71],
      family: 'Python',
      toolchain: '',
      sourceFile: 'main.py',
      compileCmd: null,
      runCmd: 'python3 main.py',
    },
    piston: {
      language: 'python',
      aliases: ['py', 'py3', 'python3'],
      compiled: false,
      versionedAlias: 'python',
    },
  },
  {
    id: 'javascript',
    judge0: {
      ids: [63],
      family: 'JavaScript',
      toolchain: 'Node.js ',
      sourceFile: 'main.js',
      compileCmd: null,
      runCmd: 'node main.js',
    },
    piston: {
      language: 'javascript',
      aliases: ['node-javascript', 'node-js', 'javascript', 'js'],
      compiled: false,
      runtime: 'node',
    },
  },
  {
    id: 'typescript',
    judge0: {
      ids: [74],
      family: 'TypeScript',
      toolchain: '',
      sourceFile: 'main.ts',
      compileCmd: 'esbuild main.ts --outfile=main.js',
      runCmd: 'node main.js',
    },
    piston: {
      language: 'typescript',
      aliases: ['ts', 'node-ts', 'tsc', 'typescript5', 'ts5'],
      compiled: true,
    },
  },
  {
    id: 'cpp',
    judge0: {
      ids: [54, 52, 53],
      family: 'C++',
      toolchain: 'GCC ',
      sourceFile: 'main.cpp',
      compileCmd: 'g++ -std=gnu++17 -O2 %s main.cpp',
      runCmd: './main',
    },
    piston: { language: 'c++', aliases: ['cpp', 'g++'], compiled: true, runtime: 'gcc' },
  },
  {
    id: 'c',
    judge0: {
      ids: [50, 48, 49, 75],
      family: 'C',
      toolchain: 'GCC ',
      sourceFile: 'main.c',
      compileCmd: 'gcc -std=gnu17 -O2 %s main.c',
      runCmd: './main',
    },
    piston: { language: 'c', aliases: ['gcc'], compiled: true, runtime: 'gcc' },
  },
  {
    id: 'java',
    judge0: {
      ids: [62],
      family: 'Java',
      toolchain: 'OpenJDK ',
      sourceFile: 'Main.java',
      compileCmd: 'javac %s Main.java',
      runCmd: 'java Main',
    },
    piston: { language: 'java', aliases: [], compiled: true },
  },
  // Judge0's ids and names from its 1.13.1 seeds; Piston's names and aliases from its packages' metadata,
  // `compiled` when its package has a compile step.
  {
    id: 'cpp-clang',
    judge0: judge0Row([76], 'C++', 'Clang ', 'main.cpp', 'clang++ %s main.cpp', './main'),
    piston: { language: 'cpp-clang', aliases: ['clang++', 'clang-cpp'], compiled: true, runtime: 'clang' },
  },
  {
    id: 'bash',
    judge0: judge0Row([46], 'Bash', '', 'main.sh', null, 'bash main.sh'),
    piston: { language: 'bash', aliases: ['sh'], compiled: false },
  },
  {
    id: 'csharp',
    judge0: judge0Row([51], 'C#', 'Mono ', 'main.cs', 'mcs %s main.cs', 'mono main.exe'),
    piston: {
      language: 'csharp',
      aliases: ['mono', 'mono-csharp', 'mono-c#', 'mono-cs', 'c#', 'cs'],
      compiled: true,
      runtime: 'mono',
    },
  },
  {
    id: 'd',
    judge0: judge0Row([56], 'D', 'GDC ', 'main.d', 'gdc %s main.d', './main'),
    piston: { language: 'd', aliases: ['gdc'], compiled: true, runtime: 'gcc' },
  },
  {
    id: 'erlang',
    judge0: judge0Row([58], 'Erlang', 'OTP ', 'main.erl', null, 'escript main.erl'),
    piston: { language: 'erlang', aliases: ['erlang', 'erl', 'escript'], compiled: false },
  },
  {
    id: 'fortran',
    judge0: judge0Row([59], 'Fortran', 'GFortran ', 'main.f90', 'gfortran %s main.f90', './main'),
    piston: { language: 'fortran', aliases: ['fortran', 'f90'], compiled: true, runtime: 'gcc' },
  },
  {
    id: 'go',
    judge0: judge0Row([60], 'Go', '', 'main.go', 'go build %s main.go', './main'),
    piston: { language: 'go', aliases: ['go', 'golang'], compiled: false },
  },
  {
    id: 'haskell',
    judge0: judge0Row([61], 'Haskell', 'GHC ', 'Main.hs', 'ghc %s Main.hs', './main'),
    piston: { language: 'haskell', aliases: ['haskell', 'hs'], compiled: true },
  },
  {
    id: 'kotlin',
    judge0: judge0Row([78], 'Kotlin', '', 'main.kt', 'kotlinc %s main.kt', 'kotlin MainKt'),
    piston: { language: 'kotlin', aliases: ['kt'], compiled: true },
  },
  {
    id: 'lua',
    judge0: judge0Row([64], 'Lua', '', 'main.lua', null, 'lua5.4 main.lua'),
    piston: { language: 'lua', aliases: ['lua'], compiled: false },
  },
  {
    id: 'nasm',
    judge0: judge0Row(
      [45],
      'Assembly',
      'NASM ',
      'main.asm',
      'nasm -f elf64 %s main.asm && ld main.o',
      './main',
    ),
    piston: { language: 'nasm64', aliases: ['asm64'], compiled: true, runtime: 'nasm' },
  },
  {
    id: 'ocaml',
    judge0: judge0Row([65], 'OCaml', '', 'main.ml', 'ocamlopt %s main.ml', './main'),
    piston: { language: 'ocaml', aliases: ['ocaml', 'ml'], compiled: true },
  },
  {
    id: 'pascal',
    judge0: judge0Row([67], 'Pascal', 'FPC ', 'main.pas', 'fpc %s main.pas', './main'),
    piston: { language: 'pascal', aliases: ['pascal', 'freepascal', 'pp', 'pas'], compiled: true },
  },
  {
    id: 'perl',
    judge0: judge0Row([85], 'Perl', '', 'main.pl', null, 'perl main.pl'),
    piston: { language: 'perl', aliases: ['perl', 'pl'], compiled: false },
  },
  {
    id: 'php',
    judge0: judge0Row([68], 'PHP', '', 'main.php', null, 'php main.php'),
    piston: { language: 'php', aliases: ['php8', 'html'], compiled: false },
  },
  {
    id: 'r',
    judge0: judge0Row([80], 'R', '', 'main.r', null, 'Rscript main.r'),
    piston: { language: 'rscript', aliases: ['r'], compiled: false },
  },
  {
    id: 'ruby',
    judge0: judge0Row([72], 'Ruby', '', 'main.rb', null, 'ruby main.rb'),
    piston: { language: 'ruby', aliases: ['ruby', 'ruby3', 'rb'], compiled: false },
  },
  {
    id: 'rust',
    judge0: judge0Row([73], 'Rust', '', 'main.rs', 'rustc %s main.rs', './main'),
    piston: { language: 'rust', aliases: ['rs'], compiled: true },
  },
  {
    id: 'scala',
    judge0: judge0Row([81], 'Scala', '', 'main.scala', 'scalac %s main.scala', 'scala Main'),
    piston: { language: 'scala', aliases: ['sc'], compiled: true },
  },
  {
    id: 'commonlisp',
    judge0: judge0Row(
      [55],
      'Common Lisp',
      'SBCL ',
      'main.lisp',
      'sbcl --eval (compile-file "main.lisp")',
      'sbcl --script main.fasl',
    ),
    piston: { language: 'lisp', aliases: ['lisp', 'cl', 'sbcl', 'commonlisp'], compiled: false },
  },
  {
    id: 'elixir',
    judge0: judge0Row([57], 'Elixir', '', 'main.exs', null, 'elixir main.exs'),
    piston: { language: 'elixir', aliases: ['elixir', 'exs'], compiled: false },
  },
  {
    // Judge0's 69 is GNU Prolog; this one runs SWI-Prolog, which reads the same ISO programs.
    id: 'prolog',
    judge0: judge0Row([69], 'Prolog', 'SWI-Prolog ', 'main.pl', 'swipl -c main.pl', 'swipl main.state'),
    piston: { language: 'prolog', aliases: ['prolog', 'plg'], compiled: false },
  },
  {
    id: 'clojure',
    judge0: judge0Row([86], 'Clojure', '', 'main.clj', null, 'clojure main.clj'),
    piston: { language: 'clojure', aliases: ['clojure', 'clj'], compiled: false },
  },
  {
    id: 'groovy',
    judge0: judge0Row([88], 'Groovy', '', 'main.groovy', 'groovyc %s main.groovy', 'groovy main'),
    piston: { language: 'groovy', aliases: ['groovy', 'gvy'], compiled: true },
  },
  { id: 'racket', piston: { language: 'racket', aliases: ['rkt'], compiled: false } },
  { id: 'nim', piston: { language: 'nim', aliases: ['nim'], compiled: true } },
  { id: 'crystal', piston: { language: 'crystal', aliases: ['crystal', 'cr'], compiled: true } },
  { id: 'awk', piston: { language: 'awk', aliases: ['gawk'], compiled: false, runtime: 'gawk' } },
  {
    id: 'coffeescript',
    piston: { language: 'coffeescript', aliases: ['coffeescript', 'coffee'], compiled: false },
  },
  {
    // Judge0's 82 runs the script on `db.sqlite` (from `additional_files`, else empty) and reads no stdin;
    // here stdin is also the table `input` (docs/COMPAT.md). Piston's `sqlite3` gets the arguments as the
    // table `argv` (piston-job.ts).
    id: 'sql',
    judge0: judge0Row([82], 'SQL', 'SQLite ', 'script.sql', null, 'sqlite3 db.sqlite < script.sql'),
    piston: { language: 'sqlite3', aliases: ['sqlite', 'sql'], compiled: false },
  },
  // Languages Piston has no package for: served under the platform's id.
  { id: 'pypy', piston: { language: 'pypy', aliases: ['pypy3'], compiled: false } },
  { id: 'tcl', piston: { language: 'tcl', aliases: ['tclsh'], compiled: false } },
  { id: 'ada', piston: { language: 'ada', aliases: ['gnat'], compiled: true } },
  { id: 'scheme', piston: { language: 'scheme', aliases: ['guile', 'scm'], compiled: true } },
];

/** The languages Piston's API serves. */
export const PISTON_LANGUAGES: readonly PistonCompatLanguage[] = COMPAT_LANGUAGES.filter(
  (language): language is PistonCompatLanguage => language.piston !== undefined,
);

/** A language as the Judge0 API sees it (its rows above, and the ones only Judge0 has). */
export type Judge0CompatLanguage = Pick<CompatLanguage, 'id'> & {
  judge0: Omit<NonNullable<CompatLanguage['judge0']>, 'sourceFile' | 'runCmd'> & {
    sourceFile: string | null;
    runCmd: string | null;
  };
};

/**
 * Judge0's language 89, "Multi-file program": the program is `additional_files` with its `compile` and
 * `run` scripts, and its name has no version. Piston has nothing like it; our own API does not list it.
 */
export const JUDGE0_MULTIFILE = {
  id: 'multifile',
  judge0: {
    ids: [89],
    family: 'Multi-file program',
    toolchain: '',
    sourceFile: null,
    compileCmd: null,
    runCmd: null,
  },
} as const satisfies Judge0CompatLanguage;

/** Every language the Judge0 API has, in the order it lists them. */
export const JUDGE0_LANGUAGES: readonly Judge0CompatLanguage[] = [
  ...COMPAT_LANGUAGES.flatMap((language) =>
    language.judge0 === undefined ? [] : [{ id: language.id, judge0: language.judge0 }],
  ),
  JUDGE0_MULTIFILE,
];

const byJudge0Id = new Map<number, Judge0CompatLanguage>(
  JUDGE0_LANGUAGES.flatMap((language) => language.judge0.ids.map((id) => [id, language] as const)),
);

export function languageOfJudge0Id(id: number): Judge0CompatLanguage | undefined {
  return byJudge0Id.get(id);
}

/** The listed Judge0 id of one of our languages (0 for one Judge0 does not have). */
export function judge0IdOf(id: string): number {
  return [...byJudge0Id.values()].find((language) => language.id === id)?.judge0.ids[0] ?? 0;
}

export function compatLanguage(id: LanguageId): PistonCompatLanguage | undefined {
  return PISTON_LANGUAGES.find((language) => language.id === id);
}

/** The version number in a worker's toolchain version ("esbuild on Node.js 20.1.0" → "20.1.0"). */
export function versionNumber(version: string): string {
  return /\d+(\.\d+)*/.exec(version)?.[0] ?? version;
}
