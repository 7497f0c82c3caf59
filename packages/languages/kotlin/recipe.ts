/**
 * Kotlin (Debian's `kotlin`, on OpenJDK 17): the compiler's JVM is started directly (not through the `kotlinc`
 * script) with short-run flags, compiles `main.kt` (and any other `.kt` file) to classes, and the program runs
 * on the JVM with Kotlin's standard library, its heap sized from the memory limit.
 */
import type { LanguageRecipe } from '../recipe.js';
import {
  JVM_COMPILER_FLAGS,
  JVM_PIDS,
  jvmClassArchiveFlags,
  jvmClassify,
  jvmRunFlags,
} from '../shared/jvm.js';

const KOTLIN_HOME = '/usr/share/kotlin/kotlinc';
const STDLIB = '/usr/share/java/kotlin-stdlib.jar';
/** The compiler and what its manifest names (Debian's jar names trove by a path that is not there). */
const COMPILER_CLASSPATH = [
  'kotlin-compiler.jar',
  'trove4j.jar',
  'kotlin-stdlib.jar',
  'kotlin-reflect.jar',
  'kotlin-script-runtime.jar',
  'annotations-13.0.jar',
]
  .map((jar) => `${KOTLIN_HOME}/lib/${jar}`)
  .join(':');

/** Flags a submitter may add to kotlinc: warnings, language features; nothing naming a path or a plugin. */
export const KOTLIN_COMPILER_FLAGS = [
  /^-nowarn$/,
  /^-Werror$/,
  /^-progressive$/,
  /^-language-version=1\.[0-3]$/,
];

/** The class of a file's top-level functions: `main.kt` → `MainKt`. */
export const KOTLIN_MAIN_CLASS = 'MainKt';

export const kotlinRecipe: LanguageRecipe = {
  id: 'kotlin',
  prepare: async (code) => ({ files: { 'main.kt': code } }),
  compile: {
    argv: (files, options) => [
      '/usr/bin/java',
      ...JVM_COMPILER_FLAGS,
      ...jvmClassArchiveFlags(options.classArchive),
      `-Dkotlin.home=${KOTLIN_HOME}`,
      '-cp',
      COMPILER_CLASSPATH,
      'org.jetbrains.kotlin.cli.jvm.K2JVMCompiler',
      '-no-reflect',
      '-jvm-target',
      '1.8',
      ...(options.flags ?? []),
      '-d',
      'classes',
      'main.kt',
      ...Object.keys(files).filter((name) => name !== 'main.kt' && name.endsWith('.kt')),
    ],
    flags: KOTLIN_COMPILER_FLAGS,
    collect: ['classes'],
    // Starting the compiler (100 MB of classes) takes seconds of CPU before it reads a line.
    needs: { timeScale: 3, pids: JVM_PIDS },
    classArchive: true,
  },
  run: (_files, { memoryMb }) => [
    '/usr/bin/java',
    ...jvmRunFlags(memoryMb),
    '-cp',
    `classes:${STDLIB}`,
    KOTLIN_MAIN_CLASS,
  ],
  runPids: JVM_PIDS,
  classify: jvmClassify,
  version: {
    argv: [
      '/usr/bin/java',
      '-cp',
      COMPILER_CLASSPATH,
      'org.jetbrains.kotlin.cli.jvm.K2JVMCompiler',
      '-version',
    ],
    parse: (out) => /kotlinc-jvm (\S+)/.exec(out)?.[1] ?? null,
  },
};
