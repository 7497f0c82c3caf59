/**
 * Self-test passes remembered on disk (one JSON file in the worker's cache folder): a worker restarted on the
 * same toolchain version and the same language sources (`languageSourceHash`) offers the language without
 * compiling its sample again. Only passes are kept; a failed or new language is always tested. A file that
 * cannot be read or parsed counts as empty.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LanguageInfo } from '@arbiter/contracts';
import { languageSourceHash } from '@arbiter/languages';

/** Entries kept at most (a few per language: one per toolchain version and source state). */
const MAX_ENTRIES = 500;

/** The file's `passed` list when it is one of short strings, else nothing. */
function passedOf(json: unknown): string[] {
  const passed =
    typeof json === 'object' && json !== null ? (json as { passed?: unknown }).passed : undefined;
  return Array.isArray(passed) &&
    passed.length <= MAX_ENTRIES &&
    passed.every((key) => typeof key === 'string' && key.length <= 200)
    ? (passed as string[])
    : [];
}

/** What a pass is remembered under: the language, its toolchain version and its sources' digest. */
export function selfTestKey(language: LanguageInfo): string {
  return `${language.id}|${language.version}|${languageSourceHash(language.id)}`.slice(0, 200);
}

export class SelfTestCache {
  constructor(private readonly file: string) {}

  async passed(): Promise<Set<string>> {
    try {
      return new Set(passedOf(JSON.parse(await readFile(this.file, 'utf8'))));
    } catch {
      return new Set();
    }
  }

  /** Adds `keys` to the remembered passes (the newest kept when over the cap); written atomically. */
  async remember(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const all = [...new Set([...(await this.passed()), ...keys])].slice(-MAX_ENTRIES);
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ passed: all }));
    await rename(temporary, this.file);
  }
}
