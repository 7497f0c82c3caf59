/**
 * Which compiler flags a submitter may add, per language: the allow-list of each recipe
 * (`@arbiter/languages`, `<id>/recipe.ts`). Imported by the API (to answer 400 naming the flag)
 * through `@arbiter/judge/compiler-flags`, and checked again by the judge before a compile.
 */
import type { LanguageId } from '@arbiter/contracts';
import { RECIPES } from '@arbiter/languages';

/** Languages without a compile step, or whose compile step is esbuild's (JavaScript, TypeScript), take no flags. */
export const COMPILER_FLAGS = Object.fromEntries(
  Object.entries(RECIPES).map(([id, recipe]) => [id, recipe.compile?.flags ?? []]),
) as Record<LanguageId, readonly RegExp[]>;

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
