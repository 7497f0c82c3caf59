/** Which languages can express a signature: those with a function part that takes every type in it. */
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import { functionPart } from '@arbiter/languages';
import type { TypeNode } from '@arbiter/languages/signature';

/** Why `language` cannot take a function with these types, or null when it can. */
export function unsupportedReason(language: LanguageId, types: TypeNode[]): string | null {
  const part = functionPart(language);
  if (part === undefined) return `${language} has no function problems`;
  for (const type of types) {
    const reason = part.unsupported?.(type) ?? null;
    if (reason !== null) return reason;
  }
  return null;
}

export function supportedLanguages(types: TypeNode[]): LanguageId[] {
  return LANGUAGE_IDS.filter((language) => unsupportedReason(language, types) === null);
}
