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
  /** The Debian packages of its toolchain (`apt-get install`), for the install hints and CI. */
  readonly debian: readonly string[];
  /** Starter code of a stdio problem: a program that reads stdin. */
  readonly stdioStarter: string;
  /**
   * A program that reads two integers and prints their sum: the worker's self-test compiles and runs it
   * in the sandbox at start (stdin `SELF_TEST_INPUT`, expected stdout `SELF_TEST_OUTPUT`).
   */
  readonly sample: string;
  /** Programs for each verdict, judged by the verdict test of every language (docs/LANGUAGES.md). */
  readonly samples: LanguageSamples;
  /**
   * Offered only through an API that has it (Judge0's multi-file program): not in `GET /languages`, the
   * web's picker or the verdict test of every language.
   */
  readonly unlisted?: boolean;
}

/**
 * One program per verdict, as a user of the language would write it; `tests/integration/language-verdicts.test.ts`
 * judges each through `POST /submit` in every language a worker offers, so adding a language adds these and no test.
 */
export interface LanguageSamples {
  /** Prints `hello` and a newline. */
  readonly hello: string;
  /**
   * Does not compile (a compiled language) or does not parse (an interpreter): COMPILE_ERROR where the recipe
   * has a compile or check step, else RUNTIME_ERROR with the interpreter's message on stderr.
   */
  readonly compileError: string;
  /** Prints `before` and a newline, then fails (an uncaught error, or exit status 3). */
  readonly runtimeError: string;
  /** Loops forever on the CPU. */
  readonly timeLimit: string;
  /** Keeps allocating and touching memory until the 256 MiB limit stops it. */
  readonly memoryLimit: string;
}

/** The self-test's input and the output it must print, whatever the language. */
export const SELF_TEST_INPUT = '2 40\n';
export const SELF_TEST_OUTPUT = '42\n';
