/**
 * The languages (Node entry): each language's folder holds its metadata, recipe, function part and tests;
 * `catalog.ts` (also `@arbiter/languages/catalog`, safe for the web) and `registry.ts` list them.
 */
export * from './catalog.js';
export { functionPart, judgeReadOnlyPaths, LANGUAGE_MODULES, RECIPES } from './registry.js';
export type { LanguageModule } from './module.js';
export { aptInstallLine } from './install-hint.js';
export { languageSourceHash } from './source-hash.js';
export type { FunctionPart } from './function-part.js';
export type {
  ClassArchiveUse,
  ClassifiedVerdict,
  CompileNeeds,
  CompileOptions,
  LanguageRecipe,
  PrepareResult,
  RunContext,
} from './recipe.js';
export { ESBUILD_BINARY } from './shared/esbuild-binary.js';
export { CPP_FLAGS } from './cpp/recipe.js';
export { JAVA_OOM, javaMainClass } from './java/recipe.js';
