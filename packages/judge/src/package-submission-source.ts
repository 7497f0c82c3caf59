/**
 * A package submission as something to judge: its language by file ending (the specification's table, then
 * DOMjudge's own endings, restricted to what the workers offer; `.py` is Python 3, run on PyPy when offered as problemtools does,
 * Python 2 is not judged; a Prolog entry runs `main`), the entry file (the one with `main` for a folder), the other files,
 * and a DOMjudge `@EXPECTED_RESULTS@` header when one is there.
 */
import type { LanguageId, Verdict } from '@arbiter/contracts';
import type { PackageSubmission, ProblemPackage } from '@arbiter/problem-package';
import { programEntry } from './program-entry.js';

/**
 * Endings of the specification's language table (appendix "Languages", which legacy and 2023-07 share) that
 * Arbiter has a language for, in its order; endings the table puts in parentheses (Perl's `.pl`, Prolog's)
 * do not decide.
 */
const ENDINGS: readonly [RegExp, LanguageId][] = [
  [/\.(adb|ads)$/, 'ada'],
  [/\.sh$/, 'bash'],
  [/\.c$/, 'c'],
  [/\.(cc|cpp|cxx|c\+\+|C)$/, 'cpp'],
  [/\.cr$/, 'crystal'],
  [/\.cs$/, 'csharp'],
  [/\.d$/, 'd'],
  [/\.ex$/, 'elixir'],
  [/\.erl$/, 'erlang'],
  [/\.f90$/, 'fortran'],
  [/\.go$/, 'go'],
  [/\.hs$/, 'haskell'],
  [/\.java$/, 'java'],
  [/\.js$/, 'javascript'],
  [/\.kt$/, 'kotlin'],
  [/\.(lisp|cl)$/, 'commonlisp'],
  [/\.lua$/, 'lua'],
  [/\.nim$/, 'nim'],
  [/\.ml$/, 'ocaml'],
  [/\.pas$/, 'pascal'],
  [/\.pm$/, 'perl'],
  [/\.php$/, 'php'],
  [/\.pl$/, 'prolog'],
  [/\.py3?$/, 'python'],
  [/\.rkt$/, 'racket'],
  [/\.rb$/, 'ruby'],
  [/\.rs$/, 'rust'],
  [/\.scala$/, 'scala'],
  [/\.ts$/, 'typescript'],
];

/** Python 2 by the table (`.py2`) or a `.py` whose shebang says so: no worker offers it. */
const PYTHON2 = /\.py2$/;

/**
 * A Prolog program as the format's judges run it (`swipl -g main -t halt -c <every file>`): every Prolog file
 * of the submission is loaded, and the goal is `main`. Arbiter's Prolog loads `main.pl` and starts from
 * `:- initialization(main, main).`, so the entry gets an `ensure_loaded` of each other Prolog file at its
 * top and, when it has no `initialization` directive, that line at its end (loaded last, it runs `main`
 * once every clause is in, then halts).
 */
function asPrologProgram(code: string, others: readonly string[]): string {
  const loads = others.map((name) => `:- ensure_loaded('${name.replace(/[\\']/g, '\\$&')}').\n`).join('');
  if (/:-\s*initialization\s*\(/.test(code)) return `${loads}${code}`;
  return `${loads}${code}${code.endsWith('\n') || code === '' ? '' : '\n'}:- initialization(main, main).\n`;
}

/**
 * A `.pl` source that is Perl rather than Prolog: a Perl shebang, or Perl's marks (`use strict`, a `my`
 * variable, `print "…"`, `$_`) and no `:-`, which every Prolog program with a rule or directive has.
 */
function looksLikePerl(code: string): boolean {
  if (/^#!.*\bperl\b/.test(code)) return true;
  return (
    !code.includes(':-') && /(^|\n)\s*(use\s+(strict|warnings)\b|my\s+[$@%]|print\s+["'$]|.*\$_\b)/.test(code)
  );
}

/** DOMjudge's result names in `@EXPECTED_RESULTS@:` headers (its judging results). */
const DOMJUDGE_RESULTS: Record<string, Verdict[]> = {
  CORRECT: ['ACCEPTED'],
  'WRONG-ANSWER': ['WRONG_ANSWER'],
  'NO-OUTPUT': ['WRONG_ANSWER'],
  TIMELIMIT: ['TIME_LIMIT_EXCEEDED'],
  'RUN-ERROR': ['RUNTIME_ERROR', 'MEMORY_LIMIT_EXCEEDED'],
  'MEMORY-LIMIT': ['MEMORY_LIMIT_EXCEEDED'],
  'OUTPUT-LIMIT': ['OUTPUT_LIMIT_EXCEEDED'],
  'COMPILER-ERROR': ['COMPILE_ERROR'],
};

/** The specification's names, which DOMjudge maps to its own (`SubmissionService::PROBLEM_RESULT_REMAP`). */
const DOMJUDGE_REMAP: Record<string, string> = {
  ACCEPTED: 'CORRECT',
  WRONG_ANSWER: 'WRONG-ANSWER',
  TIME_LIMIT_EXCEEDED: 'TIMELIMIT',
  RUN_TIME_ERROR: 'RUN-ERROR',
  COMPILER_ERROR: 'COMPILER-ERROR',
  NO_OUTPUT: 'NO-OUTPUT',
  OUTPUT_LIMIT: 'OUTPUT-LIMIT',
};

/**
 * DOMjudge's header as its `parseExpectedAnnotation` reads it: `@EXPECTED_RESULTS@: ` in any case, the rest
 * of the line a comma-separated list of results, upper-cased, the specification's names mapped to DOMjudge's.
 */
export function expectedResultsHeader(
  text: string,
): { verdicts: Verdict[]; unknown: string[]; repeated: boolean } | undefined {
  const marker = '@EXPECTED_RESULTS@: ';
  const at = text.toUpperCase().indexOf(marker);
  if (at < 0) return undefined;
  const repeated = text.toUpperCase().indexOf(marker, at + marker.length) >= 0;
  const end = text.indexOf('\n', at);
  const words = text
    .slice(at + marker.length, end < 0 ? undefined : end)
    .trim()
    .toUpperCase()
    .split(',')
    // A result name and nothing after it: a comment's closing `*/` or `-->` on the same line is not part of it.
    .map((word) => /^[A-Z_-]*[A-Z_]/.exec(word.trim())?.[0] ?? word.trim())
    .map((word) => DOMJUDGE_REMAP[word] ?? word);
  const unknown = words.filter((word) => DOMJUDGE_RESULTS[word] === undefined);
  const verdicts = [...new Set(words.flatMap((word) => DOMJUDGE_RESULTS[word] ?? []))];
  return { verdicts, unknown, repeated };
}

export type SubmissionSource =
  | {
      ok: true;
      language: LanguageId;
      code: string;
      files: Record<string, Uint8Array>;
      /** From an `@EXPECTED_RESULTS@` header; absent: the folder's label decides. */
      expectedResults?: Verdict[];
      note?: string;
    }
  | {
      ok: false;
      note: string;
      /** No file has a language's ending (`x.c.disabled`, `README`): not a program at all, as problemtools skips it. */
      notProgram?: true;
    };

/**
 * DOMjudge's default endings (its language fixture) that the specification's table does not have, for the
 * packages written for DOMjudge: read after the table, so the table decides where they differ (`.pl` is
 * Prolog by the table, Perl in DOMjudge).
 */
const DOMJUDGE_ENDINGS: readonly [RegExp, LanguageId][] = [
  [/\.awk$/, 'awk'],
  [/\.bash$/, 'bash'],
  [/\.csharp$/, 'csharp'],
  [/\.f95$/, 'fortran'],
  [/\.p$/, 'pascal'],
  [/\.plg$/, 'prolog'],
  [/\.[rR]$/, 'r'],
];

function languageOf(name: string): LanguageId | undefined {
  return (
    ENDINGS.find(([pattern]) => pattern.test(name))?.[1] ??
    DOMJUDGE_ENDINGS.find(([pattern]) => pattern.test(name))?.[1]
  );
}

/** The header of a submission's files: the first file that has one (DOMjudge refuses more than one). */
function expectedResults(texts: readonly [string, string][]): { verdicts?: Verdict[]; note?: string } {
  const found = texts
    .map(([name, text]) => [name, expectedResultsHeader(text)] as const)
    .filter((entry) => entry[1] !== undefined);
  const [first] = found;
  if (first === undefined) return {};
  const [name, header] = first as [string, NonNullable<ReturnType<typeof expectedResultsHeader>>];
  const notes: string[] = [];
  if (header.unknown.length > 0)
    notes.push(`@EXPECTED_RESULTS@ in ${name}: ${header.unknown.join(', ')} not a DOMjudge result (ignored)`);
  if (header.repeated || found.length > 1)
    notes.push(`more than one @EXPECTED_RESULTS@ (DOMjudge refuses this); the first in ${name} is read`);
  return {
    ...(header.verdicts.length === 0 ? {} : { verdicts: header.verdicts }),
    ...(notes.length === 0 ? {} : { note: notes.join('; ') }),
  };
}

/** Reads one submission of the package; `offered` are the languages this worker judges. */
export function submissionSource(
  pkg: ProblemPackage,
  submission: PackageSubmission,
  offered: ReadonlySet<LanguageId>,
): SubmissionSource {
  const single = submission.files.length === 1 && !submission.files[0]?.includes('/');
  const pathOf = (name: string) =>
    single && submission.path.endsWith(`/${name}`) ? submission.path : `${submission.path}/${name}`;
  const bytes = new Map<string, Buffer>();
  for (const name of submission.files) {
    const file = pkg.files.get(pathOf(name));
    if (file !== undefined) bytes.set(name, file.bytes);
  }
  if ([...bytes.keys()].some((name) => PYTHON2.test(name))) {
    return { ok: false, note: 'Python 2 (.py2): not supported' };
  }
  const sources = [...bytes.keys()].filter((name) => languageOf(name) !== undefined);
  const languages = new Set(sources.map((name) => languageOf(name) as LanguageId));
  if (languages.size === 0) {
    return {
      ok: false,
      notProgram: true,
      note: 'not a program: no file has a language’s ending (not judged)',
    };
  }
  if (languages.size !== 1) return { ok: false, note: `mixes languages (${[...languages].join(', ')})` };
  let language = [...languages][0] as LanguageId;
  const text = (name: string) => (bytes.get(name) as Buffer).toString('utf8');
  // `.pl` is Prolog by the table, Perl in DOMjudge: a source that reads as Perl and has no Prolog clause is Perl.
  if (language === 'prolog' && sources.every((name) => name.endsWith('.pl') && looksLikePerl(text(name))))
    language = 'perl';
  // The same choice as `POST /submit`'s files: the source with the entry point, else the first.
  const entry =
    programEntry(
      language,
      sources.map((name) => ({ name, text: text(name) })),
      (name) => languageOf(name) !== undefined,
    )?.name ?? (sources[0] as string);
  const code =
    language === 'prolog'
      ? asPrologProgram(
          text(entry),
          sources.filter((name) => name !== entry),
        )
      : text(entry);
  if (language === 'python' && /^#!.*python2/.test(code)) {
    return { ok: false, note: 'Python 2 (shebang): not supported' };
  }
  let note: string | undefined;
  if (language === 'python' && offered.has('pypy')) {
    language = 'pypy';
    note = 'Python 3 run on PyPy, as problemtools does';
  }
  if (!offered.has(language)) return { ok: false, note: `no worker offers ${language}` };
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of bytes) if (name !== entry) files[name] = content;
  const header = expectedResults([...bytes].map(([name, content]) => [name, content.toString('utf8')]));
  const expected = header.verdicts;
  if (header.note !== undefined) note = note === undefined ? header.note : `${note}; ${header.note}`;
  return {
    ok: true,
    language,
    code,
    files,
    ...(expected === undefined ? {} : { expectedResults: expected }),
    ...(note === undefined ? {} : { note }),
  };
}
