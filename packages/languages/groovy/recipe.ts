/**
 * Groovy (Debian's `groovy`, 2.4 on OpenJDK 17): the compiler's JVM is started directly (not through the
 * `groovyc` script) with short-run flags and compiles `main.groovy` to classes (a script is the class `main`);
 * the program runs on the JVM with Groovy's runtime, its heap sized from the memory limit. A file of classes
 * only runs the class with a `static main`.
 */
import type { LanguageRecipe } from '../recipe.js';
import { JVM_COMPILER_FLAGS, JVM_PIDS, jvmClassify, jvmRunFlags } from '../shared/jvm.js';

/** Groovy with its own copies of ANTLR and ASM: the compiler and the runtime in one jar. */
const GROOVY_JAR = '/usr/share/java/groovy-all.jar';
const CLASS = /^\s*(?:public\s+)?class\s+([A-Za-z_$][\w$]*)/gm;

/** The class to run: the script (`main`), or the top-level class with a `static main` when there is one. */
export function groovyMainClass(code: string): string {
  const classes = [...code.matchAll(CLASS)];
  for (const [i, match] of classes.entries()) {
    const body = code.slice(match.index, classes[i + 1]?.index ?? code.length);
    if (/\bstatic\s+(?:void|def)\s+main\s*\(/.test(body)) return match[1] ?? 'main';
  }
  return 'main';
}

export const groovyRecipe: LanguageRecipe = {
  id: 'groovy',
  prepare: async (code) => ({ files: { 'main.groovy': code } }),
  compile: {
    argv: () => [
      '/usr/bin/java',
      ...JVM_COMPILER_FLAGS,
      '-cp',
      GROOVY_JAR,
      'org.codehaus.groovy.tools.FileSystemCompiler',
      '-d',
      'classes',
      'main.groovy',
    ],
    flags: [],
    collect: ['classes'],
    needs: { timeScale: 2, pids: JVM_PIDS },
  },
  run: (files, { memoryMb }) => {
    const source = files['main.groovy'];
    const code = typeof source === 'string' ? source : new TextDecoder().decode(source);
    return ['/usr/bin/java', ...jvmRunFlags(memoryMb), '-cp', `classes:${GROOVY_JAR}`, groovyMainClass(code)];
  },
  runPids: JVM_PIDS,
  classify: jvmClassify,
  version: {
    argv: ['/usr/bin/java', '-cp', GROOVY_JAR, 'groovy.ui.GroovyMain', '--version'],
    parse: (out) => /Groovy Version: (\S+)/.exec(out)?.[1] ?? null,
  },
};
