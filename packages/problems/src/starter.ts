/**
 * Starter code shown in the editor, per language: for function problems LeetCode's exact format
 * (definition comments for ListNode/TreeNode, `class Solution`, an empty body), from the language's
 * function part; for stdio problems a program that reads stdin, from its metadata.
 */
import type { LanguageId } from '@arbiter/contracts';
import { functionPart, languageMeta } from '@arbiter/languages';
import type { FunctionSignature, Problem } from './problem.js';

export function starterCode(problem: Problem, language: LanguageId): string {
  return problem.kind === 'function'
    ? functionStarter(problem.signature, language)
    : (languageMeta(language)?.stdioStarter ?? '');
}

/** The starter code of a bare signature (for tests and previews); empty for a language without function problems. */
export function functionStarter(signature: FunctionSignature, language: LanguageId): string {
  return functionPart(language)?.starter(signature) ?? '';
}
