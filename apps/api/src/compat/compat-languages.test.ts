/** The compatibility table against Judge0 CE 1.13.1's language seeds and Piston's package names. */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, LISTED_LANGUAGE_IDS } from '@arbiter/contracts';
import { COMPAT_LANGUAGES, JUDGE0_LANGUAGES, PISTON_LANGUAGES } from './compat-languages.js';

/** Judge0 CE 1.13.1's active languages (`db/languages/active.rb`): id → the name's family. */
const JUDGE0_SEEDS: Record<number, string> = {
  45: 'Assembly',
  46: 'Bash',
  47: 'Basic',
  48: 'C',
  49: 'C',
  50: 'C',
  51: 'C#',
  52: 'C++',
  53: 'C++',
  54: 'C++',
  55: 'Common Lisp',
  56: 'D',
  57: 'Elixir',
  58: 'Erlang',
  59: 'Fortran',
  60: 'Go',
  61: 'Haskell',
  62: 'Java',
  63: 'JavaScript',
  64: 'Lua',
  65: 'OCaml',
  66: 'Octave',
  67: 'Pascal',
  68: 'PHP',
  69: 'Prolog',
  70: 'Python',
  71: 'Python',
  72: 'Ruby',
  73: 'Rust',
  74: 'TypeScript',
  75: 'C',
  76: 'C++',
  77: 'COBOL',
  78: 'Kotlin',
  79: 'Objective-C',
  80: 'R',
  81: 'Scala',
  82: 'SQL',
  83: 'Swift',
  84: 'Visual Basic.Net',
  85: 'Perl',
  86: 'Clojure',
  87: 'F#',
  88: 'Groovy',
  89: 'Multi-file program',
};

/** Our languages whose toolchain family Judge0 seeds too, and the id each must answer to. */
const JUDGE0_EXPECTED: Record<string, number> = {
  python: 71,
  javascript: 63,
  typescript: 74,
  cpp: 54,
  c: 50,
  java: 62,
  go: 60,
  rust: 73,
  kotlin: 78,
  csharp: 51,
  ruby: 72,
  php: 68,
  bash: 46,
  commonlisp: 55,
  elixir: 57,
  prolog: 69,
  clojure: 86,
  groovy: 88,
  scala: 81,
  haskell: 61,
  perl: 85,
  'cpp-clang': 76,
  d: 56,
  erlang: 58,
  fortran: 59,
  lua: 64,
  nasm: 45,
  ocaml: 65,
  pascal: 67,
  r: 80,
  sql: 82,
};

/** Our languages Piston also packages, under its language name. */
const PISTON_EXPECTED: Record<string, string> = {
  commonlisp: 'lisp',
  elixir: 'elixir',
  clojure: 'clojure',
  groovy: 'groovy',
  prolog: 'prolog',
  racket: 'racket',
  nim: 'nim',
  crystal: 'crystal',
  python: 'python',
  cpp: 'c++',
  sql: 'sqlite3',
  awk: 'awk',
  nasm: 'nasm64',
  r: 'rscript',
};

describe('compatibility languages', () => {
  it('gives every language Judge0 seeds its Judge0 id, with the seed family', () => {
    for (const [id, judge0Id] of Object.entries(JUDGE0_EXPECTED)) {
      const row = COMPAT_LANGUAGES.find((language) => language.id === id);
      expect(row?.judge0?.ids[0], id).toBe(judge0Id);
    }
    for (const language of JUDGE0_LANGUAGES) {
      for (const id of language.judge0.ids)
        expect(JUDGE0_SEEDS[id], `${language.id} ${id}`).toBe(language.judge0.family);
    }
  });

  it('answers each Judge0 id with one language only', () => {
    const ids = JUDGE0_LANGUAGES.flatMap((language) => language.judge0.ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names each language Piston packages as Piston does, and no name or alias twice', () => {
    for (const [id, name] of Object.entries(PISTON_EXPECTED))
      expect(PISTON_LANGUAGES.find((language) => language.id === id)?.piston.language, id).toBe(name);
    const names = PISTON_LANGUAGES.map((language) => language.piston.language);
    expect(new Set(names).size).toBe(names.length);
    for (const language of PISTON_LANGUAGES) {
      for (const alias of language.piston.aliases) {
        const owners = PISTON_LANGUAGES.filter(
          (other) => other.piston.language === alias || other.piston.aliases.includes(alias),
        );
        expect(
          owners.map((owner) => owner.id),
          alias,
        ).toEqual([language.id]);
      }
    }
  });

  it('serves every listed language through Piston, under its own id where Piston has no package', () => {
    const served = new Set(PISTON_LANGUAGES.map((language) => language.id));
    expect(LISTED_LANGUAGE_IDS.filter((id) => !served.has(id))).toEqual([]);
  });

  it('has rows only for languages the platform has', () => {
    for (const language of COMPAT_LANGUAGES) expect(LANGUAGE_IDS).toContain(language.id);
  });
});
