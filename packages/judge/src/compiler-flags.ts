/**
 * Which compiler flags a submitter may add, per language: the allow-lists declared next to each
 * recipe (`languages/native.ts`, `languages/java.ts`). Imported by the API (to answer 400 naming
 * the flag) through `@arbiter/judge/compiler-flags`, and checked again by the judge before a compile.
 */
import type { LanguageId } from '@arbiter/contracts';
import { JAVA_COMPILER_FLAGS } from './languages/java.js';
import { CPP_COMPILER_FLAGS, C_COMPILER_FLAGS } from './languages/native.js';

/** Languages whose compile step is esbuild's (JavaScript, TypeScript), or none (Python), take no flags. */
export const COMPILER_FLAGS: Record<LanguageId, readonly RegExp[]> = {
  cpp: CPP_COMPILER_FLAGS,
  c: C_COMPILER_FLAGS,
  java: JAVA_COMPILER_FLAGS,
  python: [],
  javascript: [],
  typescript: [],
};

/** Why `flags` cannot be used for `language` (naming the first refused flag), or null when they can. */
export function refusedCompilerFlags(language: LanguageId, flags: readonly string[]): string | null {
  const allowed = COMPILER_FLAGS[language];
  if (flags.length > 0 && allowed.length === 0)
    return `${language} takes no compiler flags: remove compilerOptions`;
  const refused = flags.find((flag) => !allowed.some((rule) => rule.test(flag)));
  return refused === undefined
    ? null
    : `compiler flag ${JSON.stringify(refused)} is not allowed for ${language}; see docs/API.md for the flags each language takes`;
}
