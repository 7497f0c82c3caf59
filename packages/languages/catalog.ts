/**
 * Every language the platform knows, as pure data (safe for the web): the ids, names, Monaco ids and
 * starter code derive from this list. Adding a language adds its `meta` here and its module to
 * `registry.ts` (docs/LANGUAGES.md).
 *
 * Its own imports name the `.ts` files: the web's bundler (Turbopack) does not map `./x.js` to `./x.ts`.
 */
import { cMeta } from './c/meta.ts';
import { cppMeta } from './cpp/meta.ts';
import { goMeta } from './go/meta.ts';
import { javaMeta } from './java/meta.ts';
import { javascriptMeta } from './javascript/meta.ts';
import { rubyMeta } from './ruby/meta.ts';
import { phpMeta } from './php/meta.ts';
import { perlMeta } from './perl/meta.ts';
import { luaMeta } from './lua/meta.ts';
import { bashMeta } from './bash/meta.ts';
import { awkMeta } from './awk/meta.ts';
import { tclMeta } from './tcl/meta.ts';
import { pypyMeta } from './pypy/meta.ts';
import { rMeta } from './r/meta.ts';
import { sqlMeta } from './sql/meta.ts';
import { coffeescriptMeta } from './coffeescript/meta.ts';
import type { LanguageMeta } from './meta.ts';
import { pythonMeta } from './python/meta.ts';
import { typescriptMeta } from './typescript/meta.ts';
import { rustMeta } from './rust/meta.ts';
import { csharpMeta } from './csharp/meta.ts';
import { cppClangMeta } from './cpp-clang/meta.ts';
import { haskellMeta } from './haskell/meta.ts';
import { kotlinMeta } from './kotlin/meta.ts';
import { scalaMeta } from './scala/meta.ts';
import { pascalMeta } from './pascal/meta.ts';
import { fortranMeta } from './fortran/meta.ts';
import { dMeta } from './d/meta.ts';
import { adaMeta } from './ada/meta.ts';
import { ocamlMeta } from './ocaml/meta.ts';
import { nasmMeta } from './nasm/meta.ts';
import { erlangMeta } from './erlang/meta.ts';
import { elixirMeta } from './elixir/meta.ts';
import { commonlispMeta } from './commonlisp/meta.ts';
import { schemeMeta } from './scheme/meta.ts';
import { racketMeta } from './racket/meta.ts';
import { clojureMeta } from './clojure/meta.ts';
import { groovyMeta } from './groovy/meta.ts';
import { prologMeta } from './prolog/meta.ts';
import { nimMeta } from './nim/meta.ts';
import { crystalMeta } from './crystal/meta.ts';
import { multifileMeta } from './multifile/meta.ts';

/** In the order clients list them. */
export const LANGUAGES = [
  pythonMeta,
  javascriptMeta,
  typescriptMeta,
  cppMeta,
  cMeta,
  javaMeta,
  goMeta,
  rustMeta,
  csharpMeta,
  cppClangMeta,
  haskellMeta,
  kotlinMeta,
  scalaMeta,
  pascalMeta,
  fortranMeta,
  dMeta,
  adaMeta,
  ocamlMeta,
  nasmMeta,
  erlangMeta,
  elixirMeta,
  commonlispMeta,
  schemeMeta,
  racketMeta,
  clojureMeta,
  groovyMeta,
  prologMeta,
  nimMeta,
  crystalMeta,
  rubyMeta,
  phpMeta,
  perlMeta,
  luaMeta,
  bashMeta,
  awkMeta,
  tclMeta,
  pypyMeta,
  rMeta,
  sqlMeta,
  coffeescriptMeta,
  multifileMeta,
] as const;

type Ids<T extends readonly LanguageMeta[]> = { readonly [K in keyof T]: T[K]['id'] };

export type LanguageId = (typeof LANGUAGES)[number]['id'];

export const LANGUAGE_IDS = LANGUAGES.map((language) => language.id) as unknown as Ids<typeof LANGUAGES>;

/** The languages our own API, problems and the web offer: all but the unlisted ones (see `LanguageMeta.unlisted`). */
export const LISTED_LANGUAGE_IDS: readonly LanguageId[] = LANGUAGES.filter(
  (language: LanguageMeta) => language.unlisted !== true,
).map((language) => language.id as LanguageId);

const BY_ID = new Map<string, LanguageMeta>(LANGUAGES.map((language) => [language.id, language]));

/** The metadata of a known language; undefined for any other string (clients may send anything). */
export function languageMeta(id: string): LanguageMeta | undefined {
  return BY_ID.get(id);
}

/** Display names, by id. */
export const LANGUAGE_NAMES = Object.fromEntries(LANGUAGES.map((l) => [l.id, l.name])) as Record<
  LanguageId,
  string
>;

export { MULTIFILE_FOLDER } from './multifile/meta.ts';
export { SELF_TEST_INPUT, SELF_TEST_OUTPUT, type LanguageMeta, type LanguageSamples } from './meta.ts';
