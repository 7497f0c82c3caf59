/**
 * Builds the program the judge compiles and runs for a problem: for a function problem, the
 * user's code plus a harness `main` in the same language (its function part in `@arbiter/languages`;
 * see `protocol.ts`); for a stdio problem, the code unchanged.
 */
import type { LanguageId } from '@arbiter/contracts';
import { functionPart } from '@arbiter/languages';
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
  const part = functionPart(language);
  if (part === undefined) throw new Error(`${language} has no function problems`);
  return part.harness(signature, userCode);
}
