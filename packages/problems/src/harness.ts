/**
 * Builds the program the judge compiles and runs for a problem: for a function problem, the
 * user's code plus a harness `main` in the same language (see `protocol.ts`); for a stdio
 * problem, the code unchanged.
 */
import type { LanguageId } from '@arbiter/contracts';
import { cHarness } from './lang/c-harness.js';
import { cppHarness } from './lang/cpp-harness.js';
import { javaHarness } from './lang/java-harness.js';
import { javascriptHarness } from './lang/javascript-harness.js';
import { pythonHarness } from './lang/python-harness.js';
import type { FunctionSignature, Problem } from './problem.js';
import { unsupportedReason } from './support.js';

export interface HarnessProgram {
  /** The complete source, for the language's recipe (`compileProgram`). */
  code: string;
}

export function buildHarness(problem: Problem, language: LanguageId, userCode: string): HarnessProgram {
  if (problem.kind === 'stdio') return { code: userCode };
  if (!problem.languages.includes(language)) {
    throw new Error(`${problem.slug} cannot be solved in ${language}`);
  }
  return { code: harnessSource(problem.signature, language, userCode) };
}

/** The harness program for a bare signature (throws when the language cannot express it). */
export function harnessSource(signature: FunctionSignature, language: LanguageId, userCode: string): string {
  const reason = unsupportedReason(language, [...signature.params.map((p) => p.type), signature.returns]);
  if (reason !== null) throw new Error(reason);
  switch (language) {
    case 'python':
      return pythonHarness(signature, userCode);
    case 'javascript':
    case 'typescript':
      return javascriptHarness(signature, signature.names[language], userCode);
    case 'cpp':
      return cppHarness(signature, userCode);
    case 'c':
      return cHarness(signature, userCode);
    case 'java':
      return javaHarness(signature, userCode);
  }
}
