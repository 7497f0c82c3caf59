/**
 * Which file of a multi-file program is its entry (the program; the others lie beside it): the first source
 * of the language, by its file endings, that declares the entry point (C-family `main(`, Java's, Kotlin's and
 * Scala's `main`, C#'s `Main`, Python's `__main__`, Haskell's and Prolog's `main`), else the first file. Shared by
 * `POST /submit`'s `files` and the package verification's folder submissions.
 */
import type { LanguageId } from '@arbiter/contracts';
import { LANGUAGES } from '@arbiter/languages';

export interface ProgramText {
  name: string;
  /** The file as text (UTF-8). */
  text: string;
}

const JVM_MAIN = /\bstatic\s+void\s+main\b|\bfun\s+main\b|\bdef\s+main\b/;

/** How each language declares its entry point; absent: `main(` (C, C++, Go, Rust, D, …). */
const ENTRY_POINTS: Partial<Record<LanguageId, RegExp>> = {
  java: JVM_MAIN,
  kotlin: JVM_MAIN,
  scala: JVM_MAIN,
  groovy: JVM_MAIN,
  csharp: /\bstatic\s+(?:async\s+)?[\w<>]+\s+Main\s*\(/,
  python: /__main__/,
  pypy: /__main__/,
  haskell: /^main\s*(?:::|=)/m,
  prolog: /^main\s*(?::-|\.)/m,
};
const C_MAIN = /\bmain\s*\(/;

function endingOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/**
 * The entry of `files` (in the order given) for `language`; undefined only when `files` is empty. `isSource`
 * says which files may be the entry (default: the language's file endings).
 */
export function programEntry<File extends ProgramText>(
  language: LanguageId,
  files: readonly File[],
  isSource?: (name: string) => boolean,
): File | undefined {
  const endings = new Set<string>(LANGUAGES.find((meta) => meta.id === language)?.extensions ?? []);
  const sourceTest = isSource ?? ((name: string) => endings.has(endingOf(name)));
  const sources = files.filter((file) => sourceTest(file.name));
  const pattern = ENTRY_POINTS[language] ?? C_MAIN;
  return sources.find((file) => pattern.test(file.text)) ?? files[0];
}
