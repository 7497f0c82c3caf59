/**
 * Every language's module, by id (Node only: recipes run toolchains, harnesses read their runtime files).
 * Its keys are exactly `catalog.ts`'s ids, so a language listed there and missing here does not build.
 */
import { ruby } from './ruby/index.js';
import { php } from './php/index.js';
import { perl } from './perl/index.js';
import { lua } from './lua/index.js';
import { bash } from './bash/index.js';
import { awk } from './awk/index.js';
import { tcl } from './tcl/index.js';
import { pypy } from './pypy/index.js';
import { r } from './r/index.js';
import { sql } from './sql/index.js';
import { coffeescript } from './coffeescript/index.js';
import { c } from './c/index.js';
import { LANGUAGE_IDS, type LanguageId } from './catalog.js';
import { cpp } from './cpp/index.js';
import type { FunctionPart } from './function-part.js';
import { go } from './go/index.js';
import { java } from './java/index.js';
import { javascript } from './javascript/index.js';
import type { LanguageModule } from './module.js';
import { python } from './python/index.js';
import type { LanguageRecipe } from './recipe.js';
import { typescript } from './typescript/index.js';
import { rust } from './rust/index.js';
import { csharp } from './csharp/index.js';
import { cppClang } from './cpp-clang/index.js';
import { haskell } from './haskell/index.js';
import { kotlin } from './kotlin/index.js';
import { scala } from './scala/index.js';
import { pascal } from './pascal/index.js';
import { fortran } from './fortran/index.js';
import { d } from './d/index.js';
import { ada } from './ada/index.js';
import { ocaml } from './ocaml/index.js';
import { nasm } from './nasm/index.js';
import { erlang } from './erlang/index.js';
import { elixir } from './elixir/index.js';
import { commonlisp } from './commonlisp/index.js';
import { scheme } from './scheme/index.js';
import { racket } from './racket/index.js';
import { clojure } from './clojure/index.js';
import { groovy } from './groovy/index.js';
import { prolog } from './prolog/index.js';
import { nim } from './nim/index.js';
import { crystal } from './crystal/index.js';
import { multifile } from './multifile/index.js';

export const LANGUAGE_MODULES: Record<LanguageId, LanguageModule> = {
  python,
  javascript,
  typescript,
  cpp,
  c,
  java,
  go,
  rust,
  csharp,
  'cpp-clang': cppClang,
  haskell,
  kotlin,
  scala,
  pascal,
  fortran,
  d,
  ada,
  ocaml,
  nasm,
  erlang,
  elixir,
  commonlisp,
  scheme,
  racket,
  clojure,
  groovy,
  prolog,
  nim,
  crystal,
  ruby,
  php,
  perl,
  lua,
  bash,
  awk,
  tcl,
  pypy,
  r,
  sql,
  coffeescript,
  multifile,
};

/** The recipe of each language. */
export const RECIPES = Object.fromEntries(
  LANGUAGE_IDS.map((id) => [id, LANGUAGE_MODULES[id].recipe]),
) as Record<LanguageId, LanguageRecipe>;

/** The function part of a language, or undefined when it solves stdio problems only. */
export function functionPart(language: LanguageId): FunctionPart | undefined {
  return LANGUAGE_MODULES[language].functions;
}

/**
 * Host paths the judge's steps need inside the sandbox besides `/usr` (esbuild's executable, toolchains'
 * package databases and configs): pass them to the sandbox's read-only binds.
 */
export function judgeReadOnlyPaths(): string[] {
  return [...new Set(LANGUAGE_IDS.flatMap((id) => RECIPES[id].readOnlyPaths ?? []))];
}
