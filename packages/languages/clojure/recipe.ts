/**
 * Clojure (Debian's `clojure`, 1.11 on OpenJDK 17): `clojure.main` loads `main.clj`, compiling each top-level
 * form to JVM bytecode and running it in turn, so there is no compile step that would not run the program: a
 * syntax error is Clojure's "Syntax error reading source" on stderr and a runtime error. The heap is sized from
 * the memory limit as for the other JVM languages; an error's message is on stderr (Clojure's full report goes to
 * a file in the sandbox's `/tmp`).
 */
import type { LanguageRecipe } from '../recipe.js';
import { JVM_PIDS, jvmClassify, jvmRunFlags } from '../shared/jvm.js';

/** Clojure's jar; its manifest adds spec.alpha and core.specs.alpha from /usr/share/maven-repo. */
const CLOJURE_JAR = '/usr/share/java/clojure.jar';

export const clojureRecipe: LanguageRecipe = {
  id: 'clojure',
  prepare: async (code) => ({ files: { 'main.clj': code } }),
  run: (_files, { memoryMb }) => [
    '/usr/bin/java',
    ...jvmRunFlags(memoryMb),
    '-cp',
    CLOJURE_JAR,
    'clojure.main',
    'main.clj',
  ],
  runPids: JVM_PIDS,
  classify: jvmClassify,
  version: {
    argv: ['/usr/bin/java', '-cp', CLOJURE_JAR, 'clojure.main', '-e', '(println (clojure-version))'],
    parse: (out) => /^(\d+\.\d+\.\d+)/m.exec(out.trim())?.[1] ?? null,
  },
};
