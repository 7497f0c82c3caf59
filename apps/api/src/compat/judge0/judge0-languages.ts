/**
 * Judge0's language list, from the compatibility table (`compat-languages.ts`): names carry the
 * version of the toolchain the live workers advertise (Judge0 names carry theirs), `GET
 * /languages` lists one id per language and the other ids Judge0 has for the same language are
 * accepted and described too.
 */
import type { Judge0Language, LanguageInfo } from '@arbiter/contracts';
import {
  JUDGE0_LANGUAGES,
  JUDGE0_MULTIFILE,
  languageOfJudge0Id,
  versionNumber,
  type Judge0CompatLanguage,
} from '../compat-languages.js';

/** Versions last seen from the workers, so a name never depends on a worker being up right now. */
const seenVersions = new Map<string, string>();

export function rememberVersions(languages: readonly LanguageInfo[]): void {
  for (const language of languages) seenVersions.set(language.id, versionNumber(language.version));
}

function nameOf(language: Judge0CompatLanguage): string {
  // Judge0 names its multi-file program without a version: its scripts pick their toolchains.
  if (language.id === JUDGE0_MULTIFILE.id) return language.judge0.family;
  const version = seenVersions.get(language.id);
  const { family, toolchain } = language.judge0;
  return version === undefined ? family : `${family} (${toolchain}${version})`;
}

export function judge0LanguageName(id: number): string {
  const language = languageOfJudge0Id(id);
  return language === undefined ? `Language ${id}` : nameOf(language);
}

export function judge0Language(id: number): Judge0Language | null {
  const language = languageOfJudge0Id(id);
  if (language === undefined) return null;
  return {
    id,
    name: nameOf(language),
    is_archived: false,
    source_file: language.judge0.sourceFile,
    compile_cmd: language.judge0.compileCmd,
    run_cmd: language.judge0.runCmd,
  };
}

/** `GET /languages`: the listed id of each language the live workers run, by name. */
export function listedLanguages(available: readonly LanguageInfo[]): { id: number; name: string }[] {
  const live = new Set(available.map((language) => language.id));
  return JUDGE0_LANGUAGES.filter((language) => live.has(language.id))
    .map((language) => ({ id: language.judge0.ids[0] ?? 0, name: nameOf(language) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `GET /languages/all`: every id this API accepts, none archived. */
export function allLanguages(): { id: number; name: string; is_archived: boolean }[] {
  return JUDGE0_LANGUAGES.flatMap((language) =>
    language.judge0.ids.map((id) => ({ id, name: nameOf(language), is_archived: false })),
  ).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}
