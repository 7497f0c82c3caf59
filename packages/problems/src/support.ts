/** Which languages can express a signature: every language can, except C for arrays of nodes. */
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import { cUnsupported } from './lang/c.js';
import type { TypeNode } from './types.js';

/** Why `language` cannot take a function with these types, or null when it can. */
export function unsupportedReason(language: LanguageId, types: TypeNode[]): string | null {
  if (language !== 'c') return null;
  for (const type of types) {
    const reason = cUnsupported(type);
    if (reason !== null) return reason;
  }
  return null;
}

export function supportedLanguages(types: TypeNode[]): LanguageId[] {
  return LANGUAGE_IDS.filter((language) => unsupportedReason(language, types) === null);
}
