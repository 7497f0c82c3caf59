/**
 * What everyone may know about a language without running anything: pure data, importable by the web
 * (no Node-only code). Each language folder has one (`<id>/meta.ts`), listed in `catalog.ts`.
 */

export interface LanguageMeta {
  /** The id clients send (`language` of a submission): lower case, guessable. */
  readonly id: string;
  /** Display name, shown next to the toolchain version. */
  readonly name: string;
  /** File name endings of its sources, the entry's first. */
  readonly extensions: readonly string[];
  /** Monaco's language id for the editor's highlighting. */
  readonly monaco: string;
  /** Starter code of a stdio problem: a program that reads stdin. */
  readonly stdioStarter: string;
  /**
   * A program that reads two integers and prints their sum: the worker's self-test compiles and runs it
   * in the sandbox at start (stdin `SELF_TEST_INPUT`, expected stdout `SELF_TEST_OUTPUT`).
   */
  readonly sample: string;
}

/** The self-test's input and the output it must print, whatever the language. */
export const SELF_TEST_INPUT = '2 40\n';
export const SELF_TEST_OUTPUT = '42\n';
